/**
 * Determinism with the real catalog (the fake catalog's determinism, kill + resume and shard merge are in
 * test/run/runVerify.test.ts and test/cli/verify.test.ts): the same seed gives a byte-identical results.json
 * across runs, across worker counts, and after a run interrupted between claims and resumed. Claims: three
 * quick ones that still exercise fast-check shrinking and GD training (`--only` keeps this ≈ 5 s).
 * Worker counts: `verify` runs its claims in one thread and never builds a TrainPool, so NTK_VERIFY_WORKERS
 * (src/train/pool/pool.ts) cannot change its output today; the runs below set it anyway (1 and 2) so that a
 * future pool inside the claims is held to the same bytes. The pool's own independence of the worker count is
 * checked here through the environment variable (bit-identical to in-process) and in test/train/pool/pool.test.ts.
 * Oracle: the first run's results.json bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gatherAssumptions } from '../../src/run/assumptions.js';
import { runVerify } from '../../src/run/runVerify.js';
import { defaultWorkers, TrainPool, WORKERS_ENV } from '../../src/train/pool/pool.js';
import { runTask, type TrainTask } from '../../src/train/pool/task.js';
import { claims } from '../../properties/catalog.js';
import { InputError } from '../../src/errors.js';
import { makeProblem } from '../train/fast/problems.js';
import { runCli, tempDir } from './cliCase.js';
import { killAtItem } from '../run/killAtItem.js';

const out = tempDir('det');
const ONLY = ['mutant-kl-16', 'mutant-kernel-pi-plus-theta', 'mutant-one-neuron'];
const SEED = '17';
const results = (id: string) => readFileSync(join(out, id, 'results.json'), 'utf8');
const verify = (id: string) => runCli(['verify', '--quick', '--seed', SEED, '--only', ONLY.join(','), '--no-real-data', '--out', out, '--run-id', id, '--quiet']);

async function withWorkers<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const old = process.env[WORKERS_ENV];
  if (value === undefined) delete process.env[WORKERS_ENV];
  else process.env[WORKERS_ENV] = value;
  try {
    return await fn();
  } finally {
    if (old === undefined) delete process.env[WORKERS_ENV];
    else process.env[WORKERS_ENV] = old;
  }
}

describe('verify --quick (real catalog): byte-identical results.json', () => {
  it('across runs, across NTK_VERIFY_WORKERS = 1 and 2, and after an interruption between claims + --resume', async () => {
    const first = await withWorkers(undefined, () => verify('a'));
    expect(first.code).toBe(0); // every mutant refuted
    const again = await withWorkers(undefined, () => verify('b'));
    const one = await withWorkers('1', () => verify('w1'));
    const two = await withWorkers('2', () => verify('w2'));
    for (const r of [again, one, two]) expect(r.code).toBe(0);
    for (const id of ['b', 'w1', 'w2']) expect(results(id)).toBe(results('a'));
    const parsed = JSON.parse(results('a'));
    expect(parsed.claims.map((c: { id: string }) => c.id).sort()).toEqual([...ONLY].sort());

    // interrupted as the third claim starts (two finished and recorded), then resumed through the CLI
    await expect(
      runVerify({
        claims,
        seed: Number(SEED),
        quick: true,
        outDir: out,
        runId: 'cut',
        only: ONLY,
        realData: false,
        assumptions: () => gatherAssumptions(),
        progress: killAtItem(3),
        catalog: null,
      }),
    ).rejects.toThrow('simulated kill');
    const resumed = await runCli(['verify', '--resume', 'cut', '--out', out]);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toMatch(/2 items resumed/);
    expect(results('cut')).toBe(results('a'));
  });

  it('a different seed gives different bytes (the comparison above is not vacuous)', async () => {
    const r = await runCli(['verify', '--quick', '--seed', '18', '--only', ONLY[0], '--no-real-data', '--out', out, '--run-id', 'other', '--quiet']);
    expect(r.code).toBe(0);
    const a = JSON.parse(results('a'));
    const o = JSON.parse(results('other'));
    expect(o.seed).not.toBe(a.seed);
    expect(results('other')).not.toBe(results('a'));
  });
});

describe('NTK_VERIFY_WORKERS (src/train/pool/pool.ts)', () => {
  afterEach(() => delete process.env[WORKERS_ENV]);

  it('sets the default worker count; unset or empty means all cores; bad values name the variable', () => {
    expect(defaultWorkers({ [WORKERS_ENV]: '3' })).toBe(3);
    expect(defaultWorkers({ [WORKERS_ENV]: ' 0 ' })).toBe(0);
    expect(defaultWorkers({ [WORKERS_ENV]: '' })).toBeGreaterThanOrEqual(1);
    expect(defaultWorkers({})).toBeGreaterThanOrEqual(1);
    for (const bad of ['-1', '1.5', 'two', 'Infinity', '1e999']) {
      expect(() => defaultWorkers({ [WORKERS_ENV]: bad })).toThrow(InputError);
      expect(() => defaultWorkers({ [WORKERS_ENV]: bad })).toThrow(/^NTK_VERIFY_WORKERS: expected a non-negative integer worker count/);
    }
  });

  it('a pool sized by the variable (2 workers) returns the in-process results bit for bit', async () => {
    const { X, n, p, net } = makeProblem({ n: 12, d: 4, m: 1, seed: 5, labels: 'mixed', wScale: 1, unit: true });
    const tasks: TrainTask[] = [9, 3, 17].map((m, k) => ({ X, n, d: net.d, p, m, seed: `det-${k}`, T: 15, eta: 2, recordCurve: true }));
    process.env[WORKERS_ENV] = '2';
    const pool = new TrainPool();
    try {
      expect(pool.size).toBe(2);
      const strip = (r: { seconds: number }) => ({ ...r, seconds: 0 });
      expect((await pool.runJobs(tasks)).map(strip)).toEqual(tasks.map((t) => strip(runTask(t))));
    } finally {
      await pool.close();
    }
  });
});
