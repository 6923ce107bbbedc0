/**
 * Tests for src/train/pool/pool.ts. Oracles: the in-process runner (runTask, and trainFirstLayer on
 * initNet(m, d, seed) directly) — results must be bit-identical whatever the number of workers, in task order;
 * errors thrown in a worker must come back as the same class with the same field.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TrainPool } from '../../../src/train/pool/pool.js';
import { runTask, type TrainTask } from '../../../src/train/pool/task.js';
import { initNet } from '../../../src/model/twoLayer.js';
import { trainFirstLayer } from '../../../src/train/loop.js';
import { InputError, ShapeError } from '../../../src/errors.js';
import { makeProblem } from '../fast/problems.js';

const { X, n, p, net } = makeProblem({ n: 24, d: 5, m: 1, seed: 8, labels: 'soft', wScale: 1, unit: true });
const d = net.d;
const tasks: TrainTask[] = [
  { X, n, d, p, m: 9, seed: 'a', T: 20, eta: 1 },
  { X, n, d, p, m: 17, seed: 'b', T: 15, eta: 0.5, radius: 0.3, recordCurve: true, returnOutputs: true },
  { X, n, d, p, m: 4, seed: 3, T: 10, eta: 2, kernel: 'reference' },
  { X, n, d, p, m: 33, seed: 'c', T: 12, eta: 1, precision: 'f32' },
  { X, n, d, p, m: 2, seed: 'd', T: 30, eta: 1 },
];
// Two pools for the whole file (spawning a worker costs ~0.5 s: tsx compiles the module graph per thread).
const pools = new Map<number, TrainPool>();
const pool = (workers: number) => {
  if (!pools.has(workers)) pools.set(workers, new TrainPool({ workers }));
  return pools.get(workers) as TrainPool;
};
afterAll(async () => {
  await Promise.all([...pools.values()].map((q) => q.close()));
});

const strip = (r: { seconds: number }) => ({ ...r, seconds: 0 });

describe('TrainPool', () => {
  it('gives bit-identical results in task order with 0, 1 and 2 workers', async () => {
    const expected = tasks.map((t) => strip(runTask(t)));
    for (const w of [0, 1, 2]) {
      const got = (await pool(w).runJobs(tasks)).map(strip);
      expect(got).toEqual(expected);
    }
  });

  it("kernel 'reference' equals trainFirstLayer on initNet(m, d, seed) exactly (evaluateSequential's recipe)", async () => {
    const q = pool(2);
    const jobs = [
      { m: 6, seed: 'x', T: 8, eta: 1, radius: Infinity },
      { m: 11, seed: 'y', T: 8, eta: 1, radius: 0.5 },
    ];
    const got = await q.evaluator({ kernel: 'reference' })({ X, n, d, p }, jobs);
    const want = jobs.map((j) => trainFirstLayer(initNet(j.m, d, j.seed), X, n, p, j)).map(({ avgLoss, epochs }) => ({ avgLoss, epochs }));
    expect(got).toEqual(want);
  });

  it('stops a run early exactly as the in-process loop does, on both kernels (oracle: runTask in this thread)', async () => {
    const q = pool(2);
    const full = runTask({ X, n, d, p, m: 6, seed: 'x', T: 40, eta: 1, kernel: 'reference' });
    // a threshold just below the full average: the run must stop, and at the same epoch on every path
    const stopAbove = full.avgLoss * 0.9;
    for (const kernel of ['reference', 'wasm'] as const) {
      const job = { m: 6, seed: 'x', T: 40, eta: 1, stopAbove };
      const [got] = await q.evaluator({ kernel })({ X, n, d, p }, [job]);
      const here = runTask({ X, n, d, p, ...job, kernel });
      expect(got).toEqual({ avgLoss: here.avgLoss, epochs: here.epochs });
      expect(got.epochs).toBeLessThan(40);
      expect(got.avgLoss).toBeGreaterThan(stopAbove);
    }
  });

  it('copies X at submission: mutating X afterwards does not change the results', async () => {
    const X2 = X.slice();
    const q = pool(2);
    const expected = runTask({ ...tasks[0], X: X.slice() }).avgLoss;
    const pending = q.runJobs([{ ...tasks[0], X: X2 }]);
    X2.fill(0);
    expect((await pending)[0].avgLoss).toBe(expected);
  });

  it('rebuilds worker errors as their class, with the field', async () => {
    const q = pool(1);
    await expect(q.runJobs([{ ...tasks[0], d: 4 }])).rejects.toBeInstanceOf(ShapeError);
    const err = await q.runJobs([{ ...tasks[0], eta: -1 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe('eta');
    // The pool survives task errors.
    expect((await q.runJobs([tasks[4]]))[0].avgLoss).toBe(runTask(tasks[4]).avgLoss);
  });

  it('close() rejects queued work and later calls (runs last: closes the 1-worker pool)', async () => {
    const q = pool(1);
    const pending = q.runJobs([tasks[0], tasks[1], tasks[2]]).catch((e: unknown) => e);
    await q.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(String(await pending)).toMatch(/closed/);
    await expect(q.runJobs([tasks[0]])).rejects.toThrow(/closed/);
  });

  it('rejects a bad worker count', () => {
    expect(() => new TrainPool({ workers: -1 })).toThrow(InputError);
    expect(() => new TrainPool({ workers: 1.5 })).toThrow(/workers/);
  });
});
