/**
 * Usage errors: exit code 2, exactly one line on stderr starting "ntk-verify: " and naming the field, no
 * stack trace (oracle: the option each case breaks).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMemory, trainBytes } from '../../src/cli/memory.js';
import { stepSize } from '../../src/cli/parse.js';
import { ETA_MAX } from '../../src/train/defaults.js';
import { runCli } from './capture.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-usage-'));
const data = join(dir, 'd.json');
writeFileSync(data, JSON.stringify({ x: [[1, 0], [0, 1], [0.6, 0.8]], y: [1, -1, 1] }));

function expectUsage(r: { code: number; out: string; err: string }, field: RegExp) {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ntk-verify: /);
  expect(lines[0]).toMatch(field);
  expect(r.err).not.toMatch(/\n\s+at /); // no stack frames
}

describe('usage errors → exit 2, one line naming the field', () => {
  it.each([
    [['train', '--data', data, '--regime', 'soft', '--width', '0'], /--width.*positive integer/],
    [['train', '--data', data, '--regime', 'soft', '--width', '2.5'], /--width.*positive integer/],
    [['train', '--data', data, '--regime', 'soft', '--width', '8', '--epochs', '-3'], /--epochs/],
    [['train', '--data', data, '--regime', 'soft', '--width', '8', '--lr', '0'], /--lr.*\(0, 8\]/],
    // above ETA_MAX = 8, the largest step documented as stable (src/train/defaults.ts): refused by both commands
    [['train', '--data', data, '--regime', 'hard', '--width', '8', '--lr', '100'], /--lr <eta>' argument '100' is invalid.*step size η in \(0, 8\], the documented stable range/],
    [['width', '--data', data, '--regime', 'hard', '--eps', '0.1', '--lr', '8.5'], /--lr <eta>' argument '8.5' is invalid.*\(0, 8\]/],
    [['train', '--data', data, '--regime', 'soft', '--width', '8', '--lr', 'abc'], /--lr/],
    [['train', '--data', data, '--regime', 'medium', '--width', '8'], /--regime.*soft, hard/],
    [['train', '--data', data, '--regime', 'hard', '--width', '8', '--tau', '2'], /--tau.*soft only/],
    [['train', '--regime', 'soft', '--width', '8'], /--data/],
    [['width', '--data', data, '--regime', 'soft', '--eps', '1'], /--eps.*\(0, 1\)/],
    [['width', '--data', data, '--regime', 'soft', '--eps', '0'], /--eps.*\(0, 1\)/],
    [['width', '--data', data, '--regime', 'hard', '--eps', '0.1', '--epochs', 'thoery'], /--epochs.*"theory"/],
    [['width', '--data', data, '--regime', 'soft', '--eps', '0.1', '--success', '1.5'], /--success/],
    [['margin', '--data', data, '--samples', '0'], /--samples.*positive integer/],
    [['margin', '--data', data, '--kind', 'l2'], /--kind.*rkhs, sup, both/],
    [['dataset', '--source', 'mnist', '--digits', '4,4', '--out', join(dir, 'o.json')], /--digits.*distinct/],
    [['dataset', '--source', 'cifar', '--out', join(dir, 'o.json')], /--source.*mnist/],
    [['dataset', '--source', 'linear', '--noise', '0.5', '--out', join(dir, 'o.json')], /--noise.*mnist only/],
    [['dataset', '--source', 'linear', '--difficulty', '2', '--out', join(dir, 'o.json')], /--difficulty.*\[0, 1\]/],
    [['dataset', '--source', 'xor', '--degree', '4', '--out', join(dir, 'o.json')], /--degree.*harmonic only/],
    [['dataset', '--source', 'harmonic', '--degree', '5', '--dim', '2', '--out', join(dir, 'o.json')], /degree.*even integer/],
    [['dataset', '--source', 'harmonic', '--dim', '1', '--out', join(dir, 'o.json')], /d: kind 'harmonic' needs d ≥ 2/],
    [['train', '--data', data, '--regime', 'hard', '--width', '8', '--student', 'lazy'], /--student.*network, linearized/],
    [['verify', '--shard', '3/2'], /--shard/],
    [['verify', '--seed', 'x'], /--seed/],
    [['verify', '--resume', 'r', '--run-id', 'q'], /--run-id.*--resume/],
    [['replay', '--claim', 'kl-quadratic', '--seed', '1.5', '--path', '0'], /--seed/],
    // paths that name no case of the recorded run: the shrink walk runs out, or skips past every candidate
    [['replay', '--claim', 'mutant-hoeffding-quarter', '--seed', '1', '--path', '99:99:99'], /^ntk-verify: --path: no case at path "99:99:99" .*expected the path printed/],
    [['replay', '--claim', 'mutant-kl-16', '--seed', '1', '--path', '0:99'], /^ntk-verify: --path: no case at path "0:99"/],
    [['report', 'diff', 'nope-a', 'nope-b', '--dir', dir], /<runA>.*no finished run/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['train', '--data', data, '--regime', 'soft', '--width', '8', '--epochz', '3'], /unknown option '--epochz'.*--epochs/],
  ])('%j', async (argv, field) => {
    expectUsage(await runCli(argv), field);
  });

  it('--lr accepts the stable range up to and including ETA_MAX (oracle: src/train/defaults.ts)', () => {
    expect(stepSize(String(ETA_MAX))).toBe(8);
    expect(stepSize('0.001')).toBe(0.001);
    expect(() => stepSize(String(ETA_MAX * (1 + Number.EPSILON)))).toThrow(/\(0, 8\]/);
  });

  it('a bad dataset file is a usage error naming the row', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ x: [[1, 0], [0, 'a']], y: [1, -1] }));
    expectUsage(await runCli(['train', '--data', bad, '--regime', 'hard', '--width', '8']), /x\[1\]\[1\]/);
    expectUsage(await runCli(['train', '--data', join(dir, 'missing.json'), '--regime', 'hard', '--width', '8']), /missing\.json/);
  });

  it('a width the machine cannot hold is refused up front with the estimate', async () => {
    const r = await runCli(['train', '--data', data, '--regime', 'hard', '--width', '4000000000']);
    expectUsage(r, /--width: training at width 4000000000 .* needs about \d+(\.\d+)? GiB/);
  });

  it('an output folder that cannot be created is a usage error naming --out (earlier files intact)', async () => {
    const notDir = join(dir, 'a-file');
    writeFileSync(notDir, 'keep me');
    const catalog = join(import.meta.dirname, '..', 'report', 'fixtures', 'fakeCatalog.ts');
    expectUsage(await runCli(['verify', '--catalog', catalog, '--no-real-data', '--out', notDir]), /^ntk-verify: --out: cannot write .*a-file.*earlier files are intact/);
    expect(readFileSync(notDir, 'utf8')).toBe('keep me');
  });

  it('--only with an unknown claim id names it (real catalog)', async () => {
    expectUsage(await runCli(['verify', '--only', 'no-such-claim', '--out', dir]), /--only: unknown claim "no-such-claim"/);
  });
});

describe('width --epochs theory', () => {
  it('trains for T = ⌈40/(η γ² ε)⌉ at the dataset\'s γ_rkhs and states the rule (oracle: the closed form on the reported γ)', async () => {
    const r = await runCli(['width', '--data', data, '--regime', 'hard', '--eps', '0.2', '--epochs', 'theory', '--m-max', '8']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { settings: { T: number; eta: number; epochRule: string }; gamma: { upper: number } };
    const expected = Math.min(100000, Math.max(300, Math.ceil(40 / (out.settings.eta * out.gamma.upper ** 2 * 0.2))));
    expect(out.settings.T).toBe(expected);
    expect(out.settings.epochRule).toMatch(/^theory/);
  });
});

describe('memory estimate', () => {
  it('trainBytes counts 8 bytes per number: 4·m·d + 2·n·m + n·d (hand computation)', () => {
    expect(trainBytes(10, 3, 100)).toBe(8 * (4 * 100 * 3 + 2 * 10 * 100 + 10 * 3));
  });
  it('checkMemory refuses above half the machine and accepts below', () => {
    expect(() => checkMemory('--width', 0.6 * 2 ** 30, 'x', 2 ** 30)).toThrow(/--width: x needs about 0\.600 GiB, more than 50% of this machine's 1\.0 GiB/);
    expect(() => checkMemory('--width', 0.4 * 2 ** 30, 'x', 2 ** 30)).not.toThrow();
  });
});

describe('help and version', () => {
  it('--help exits 0 and lists the commands', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['dataset', 'margin', 'train', 'width', 'verify', 'replay', 'report', 'paper']) expect(r.out).toContain(c);
  });
  it('verify --help documents --shard, --shard-count, --run-prefix and --resume (its id optional for array tasks)', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--shard <i\/N>/);
    expect(r.out).toMatch(/--shard-count <N>/);
    expect(r.out).toMatch(/--run-prefix <p>/);
    expect(r.out).toMatch(/--resume \[run-id\]/);
  });
});
