/**
 * verify / report end to end through the CLI with the fake catalog (test/report/fixtures/fakeCatalog.ts):
 * a real subprocess killed midway and resumed gives the uninterrupted results.json; shards merged give it
 * too; report diff prints the changes; exit codes 0/1/2.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VARS } from '../../src/run/shardFromEnv.js';
import { runCli } from './capture.js';

const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'bin', 'ntk-verify.mjs');
const catalog = join(repo, 'test', 'report', 'fixtures', 'fakeCatalog.ts');
const out = mkdtempSync(join(tmpdir(), 'cli-verify-'));
const common = ['--catalog', catalog, '--no-real-data', '--out', out, '--seed', '21'];
const results = (id: string) => readFileSync(join(out, id, 'results.json'), 'utf8');

describe('verify through the CLI', () => {
  beforeAll(async () => {
    const r = await runCli(['verify', ...common, '--run-id', 'whole', '--quiet']);
    expect(r.code).toBe(0);
  });

  it('the bin wrapper runs the TS CLI: exit codes and one-line errors survive the subprocess', () => {
    const bad = spawnSync(process.execPath, [bin, 'verify', '--shard', '0/3'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ntk-verify: .*--shard/)]);
  });

  it('a subprocess killed (SIGKILL) midway and resumed gives the uninterrupted results.json', async () => {
    const child = spawn(process.execPath, [bin, 'verify', ...common, '--run-id', 'killed'], {
      // a whole run even when the tests themselves run as a Slurm array task or in a CI matrix
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !(ENGINE_VARS as readonly string[]).includes(k))), FAKE_DELAY_MS: '60', CI: 'true' },
      stdio: 'ignore',
      detached: true, // own process group: kill the wrapper and the tsx child together, like Ctrl-C / kill of a job
    });
    const cells = join(out, 'killed', 'cells');
    const t0 = Date.now();
    while (!(existsSync(cells) && readdirSync(cells).length >= 6)) {
      if (Date.now() - t0 > 40_000) throw new Error('the run never got going');
      await new Promise((r) => setTimeout(r, 20));
    }
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(existsSync(join(out, 'killed', 'results.json'))).toBe(false);
    const kept = readdirSync(cells).length;
    expect(kept).toBeGreaterThanOrEqual(6);
    expect(kept).toBeLessThan(18);
    const resumed = await runCli(['verify', '--resume', 'killed', '--out', out]);
    expect(resumed.code).toBe(0);
    expect(results('killed')).toBe(results('whole'));
  });

  it('two shards merged by `report merge` equal the unsharded run', async () => {
    for (const i of [1, 2]) expect((await runCli(['verify', ...common, '--shard', `${i}/2`, '--run-id', `s${i}`, '--quiet'])).code).toBe(0);
    const m = await runCli(['report', 'merge', 's2', 's1', '--dir', out, '--out', join(out, 'merged')]);
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/PASS/);
    expect(readFileSync(join(out, 'merged', 'results.json'), 'utf8')).toBe(results('whole'));
    expect(existsSync(join(out, 'merged', 'report.html'))).toBe(true);
  });

  it('exit code 1 when a true claim is refuted, and report diff shows the verdict change', async () => {
    process.env.FAKE_REFUTE_TRUE = '1';
    try {
      const r = await runCli(['verify', ...common, '--run-id', 'bad', '--quiet']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/FAIL: 1 problem\n {2}- fake-width: true claim refuted/);
    } finally {
      delete process.env.FAKE_REFUTE_TRUE;
    }
    const d = await runCli(['report', 'diff', 'whole', 'bad', '--dir', out]);
    expect(d.code).toBe(0);
    expect(d.out).toBe('ntk-verify report diff: whole → bad\nverdicts (1 changed):\n  fake-width: verified → refuted\n');
  });

  it('--quiet prints only the summary (nothing on stderr); plain progress lines otherwise', async () => {
    const q = await runCli(['verify', ...common, '--run-id', 'q', '--quiet', '--only', 'fake-mutant']);
    expect(q.err).toBe('');
    expect(q.out).toMatch(/^claim +kind +verdict/);
    const p = await runCli(['verify', ...common, '--run-id', 'p', '--only', 'fake-mutant'], { CI: 'true' });
    expect(p.err).toMatch(/\[1\/1\] fake-mutant: refuted/);
  });

  it('prints each counterexample\'s replay command, with --catalog for a claim of a --catalog module (oracle: the record)', async () => {
    const r = await runCli(['verify', ...common, '--run-id', 'replay-line', '--only', 'fake-mutant', '--quiet']);
    const rec = (JSON.parse(results('replay-line')) as { claims: { id: string; counterexample?: { replay: string } }[] }).claims.find((c) => c.id === 'fake-mutant');
    expect(rec?.counterexample?.replay).toMatch(new RegExp(`^npx ntk-verify replay --claim fake-mutant --seed -?\\d+ --path 0:1:1 --catalog ${catalog.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(r.out).toContain(`fake-mutant: ${rec?.counterexample?.replay}`);
  });

  it('replay prints the generator it draws from, equal to the recorded run\'s results.json rng', async () => {
    const recorded = JSON.parse(results('whole')) as { rng: unknown };
    // a built-in fast-check claim (the fake catalog's claims are not replayable)
    const r = await runCli(['replay', '--claim', 'mutant-kl-16', '--seed', '1', '--path', '0']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rng).toEqual(recorded.rng);
    expect(recorded.rng).toMatchObject({ generator: 'alea', library: 'seedrandom' });
  });

  it('--seed random draws a seed, prints it and records it (replayable with --seed)', async () => {
    const r = await runCli(['verify', '--catalog', catalog, '--no-real-data', '--out', out, '--seed', 'random', '--run-id', 'rnd', '--only', 'fake-mutant'], { CI: 'true' });
    const printed = Number(/seed (\d+) \(random; replay with --seed \1\)/.exec(r.err)?.[1]);
    expect(Number.isInteger(printed)).toBe(true);
    expect(JSON.parse(results('rnd')).seed).toBe(printed);
  });
  it('--criterion, --init and --profile are recorded in run.json and stated in the Assumptions; a resume with others is a usage error', async () => {
    const r = await runCli(['verify', ...common, '--criterion', 'relative', '--init', 'iid', '--profile', 'full', '--run-id', 'opts', '--quiet']);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'opts', 'run.json'), 'utf8'));
    expect([manifest.criterion, manifest.init, manifest.profile]).toEqual(['relative', 'iid', 'full']);
    const stated = Object.fromEntries(JSON.parse(results('opts')).assumptions.map((a: { name: string; value: unknown }) => [a.name, a.value]));
    expect([stated['verify --criterion'], stated['verify --init'], stated['verify --profile']]).toEqual(['relative', 'iid', 'full']);
    const again = await runCli(['verify', '--resume', 'opts', '--out', out, '--criterion', 'objective']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/--resume.*--criterion objective ≠ relative/);
    const bad = await runCli(['verify', ...common, '--criterion', 'kl', '--run-id', 'bad']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--criterion/);
  });
});
