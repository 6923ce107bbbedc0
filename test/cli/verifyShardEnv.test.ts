/**
 * verify takes its shard from the engine's environment (src/run/shardFromEnv.ts) through the CLI, with the
 * fake catalog (test/report/fixtures/fakeCatalog.ts): two Slurm array tasks write sibling run folders named
 * from SLURM_ARRAY_JOB_ID, `report merge` of them equals the unsharded run byte for byte, a bare --resume picks
 * up the task's own folder, and bad variables exit 2 with one line naming the variable.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './capture.js';

const repo = resolve(import.meta.dirname, '../..');
const catalog = join(repo, 'test', 'report', 'fixtures', 'fakeCatalog.ts');
const out = mkdtempSync(join(tmpdir(), 'cli-shard-env-'));
const common = ['--catalog', catalog, '--no-real-data', '--out', out, '--seed', '21'];
const results = (id: string) => readFileSync(join(out, id, 'results.json'), 'utf8');
const task = (id: number) => ({
  SLURM_ARRAY_JOB_ID: '55',
  SLURM_ARRAY_TASK_ID: String(id),
  SLURM_ARRAY_TASK_MIN: '0',
  SLURM_ARRAY_TASK_MAX: '1',
  SLURM_ARRAY_TASK_COUNT: '2',
});

describe('verify with the shard from the environment', () => {
  beforeAll(async () => {
    expect((await runCli(['verify', ...common, '--run-id', 'whole', '--quiet'])).code).toBe(0);
  });

  it('Slurm array tasks run their slices into slurm-<job>-shard<i>of<N>, and say where the shard came from', async () => {
    for (const id of [0, 1]) {
      const r = await runCli(['verify', ...common], task(id));
      expect(r.code).toBe(0);
      expect(r.err).toContain(`ntk-verify: shard ${id + 1}/2 from Slurm array (SLURM_ARRAY_TASK_ID=${id}, tasks 0..1); run slurm-55-shard${id + 1}of2\n`);
      expect(JSON.parse(results(`slurm-55-shard${id + 1}of2`)).shard).toEqual({ index: id + 1, count: 2 });
    }
    const m = await runCli(['report', 'merge', 'slurm-55-shard1of2', 'slurm-55-shard2of2', '--dir', out, '--out', join(out, 'merged')]);
    expect(m.code).toBe(0);
    expect(readFileSync(join(out, 'merged', 'results.json'), 'utf8')).toBe(results('whole'));
  });

  it('a Kubernetes pod with NTK_VERIFY_SHARD_COUNT and a prefix gets <prefix>-shard<i>of<N>', async () => {
    const r = await runCli(['verify', ...common, '--quiet'], { JOB_COMPLETION_INDEX: '1', NTK_VERIFY_SHARD_COUNT: '3', NTK_VERIFY_RUN_PREFIX: 'k8s-job' });
    expect(r.code).toBe(0);
    expect(r.err).toBe(''); // --quiet: no source line
    expect(JSON.parse(results('k8s-job-shard2of3')).shard).toEqual({ index: 2, count: 3 });
  });

  it('an explicit --shard wins over the environment', async () => {
    const r = await runCli(['verify', ...common, '--shard', '2/2', '--run-id', 'explicit', '--quiet'], task(0));
    expect(r.code).toBe(0);
    expect(JSON.parse(results('explicit')).shard).toEqual({ index: 2, count: 2 });
  });

  it('a bare --resume starts the derived run when new and resumes it when its folder exists (a requeued task)', async () => {
    const env = { ...task(1), SLURM_ARRAY_JOB_ID: '56' };
    const first = await runCli(['verify', ...common, '--resume'], env);
    expect(first.code).toBe(0);
    expect(first.err).toContain('run slurm-56-shard2of2\n');
    const again = await runCli(['verify', ...common, '--resume'], env);
    expect(again.code).toBe(0);
    expect(again.err).toContain('run slurm-56-shard2of2 (resumed)');
    expect(again.err).toMatch(/items resumed/);
    expect(results('slurm-56-shard2of2')).toBe(results('slurm-55-shard2of2'));
  });

  it.each([
    [{ ...task(0), SLURM_ARRAY_TASK_ID: '5' }, [], /^ntk-verify: SLURM_ARRAY_TASK_ID: expected a task id in 0\.\.1, got 5$/],
    [{ JOB_COMPLETION_INDEX: '0' }, [], /^ntk-verify: JOB_COMPLETION_INDEX: .*--shard-count N or NTK_VERIFY_SHARD_COUNT=N/],
    [{ JOB_COMPLETION_INDEX: '0' }, ['--shard-count', '0'], /^ntk-verify: option '--shard-count <N>' argument '0' is invalid/],
    [{ CI_NODE_INDEX: 'two', CI_NODE_TOTAL: '4' }, [], /^ntk-verify: CI_NODE_INDEX: expected an integer ≥ 1, got "two"$/],
    [{}, ['--resume'], /^ntk-verify: --resume: expected a run id/],
  ])('bad environment %j exits 2 with one line', async (env, extra, message) => {
    const r = await runCli(['verify', ...common, ...extra], env as NodeJS.ProcessEnv);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(existsSync(join(out, 'slurm-55-shard6of2'))).toBe(false);
  });
});
