/**
 * The pool plugged into the width search (src/bounds/minWidth.ts's minWidthAsync({ evaluate })).
 * Oracle: the sequential search minWidth on the same dataset and options. With kernel 'reference' the pool runs
 * the identical float64 operations, so the whole result must be equal; with the default WebAssembly kernel and
 * plain GD (hard regime, no projection) the pool equals minWidth with kernel wasmKernel('f64') exactly
 * (test/train/fast/trainFast.test.ts shows trainFast ≡ trainFirstLayer + wasmKernel without projection).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { minWidth, minWidthAsync } from '../../../src/bounds/minWidth.js';
import { TrainPool } from '../../../src/train/pool/pool.js';
import { wasmKernel } from '../../../src/train/fast/wasmKernel.js';
import { xorSphere } from '../fixtures.js';

const pool = new TrainPool({ workers: 2 });
afterAll(() => pool.close());

const ds = xorSphere(16, 3, 'pool-mw');
const common = { regime: 'hard' as const, seed: 'pool', T: 40, eta: 4, mMax: 24 };

describe('TrainPool as the evaluator of minWidthAsync', () => {
  it("kernel 'reference': the same result as the sequential search", async () => {
    const sync = minWidth(ds, { ...common, eps: 0.45 });
    expect(sync.mStar).toBe(6); // grid 1, 2, 4, 8 then bisection 5, 6: pins that the search is non-trivial (value from the sync run)
    const par = await minWidthAsync(ds, { ...common, eps: 0.45, evaluate: pool.evaluator({ kernel: 'reference' }) });
    expect(par).toEqual(sync);
  });

  it('default (WebAssembly f64): the same result as the sequential search with wasmKernel', async () => {
    const sync = minWidth(ds, { ...common, eps: 0.45, kernel: wasmKernel('f64') });
    const par = await minWidthAsync(ds, { ...common, eps: 0.45, evaluate: pool.evaluator() });
    expect(par).toEqual(sync);
  });

  it('linearized students: the pool (worker runTask) gives the sequential search\'s result, and m* differs from the network\'s', async () => {
    const opts = { ...common, eps: 0.3, T: 200, radius: 10, init: 'balanced' as const, student: 'linearized' as const, mMax: 256 };
    const sync = minWidth(ds, opts);
    const par = await minWidthAsync(ds, { ...opts, evaluate: pool.evaluator() });
    expect(par).toEqual(sync);
    expect(sync.student).toBe('linearized');
    expect(sync.mStar).toBe(8); // the network needs 4 here (value from the sync runs): frozen patterns cost neurons
    const network = minWidth(ds, { ...opts, student: 'network' });
    expect(network.perWidth.map((w) => w.success)).not.toEqual(sync.perWidth.map((w) => w.success));
  });
});

