import { describe, expect, it } from 'vitest';
import { cellOf, notTLimited, prefetchWidthCells, resetWidthCellMemo, widthCell, WIDTH_SETTINGS, type CellRequest, type DataRef } from '../../src/verify/widthCells.js';
import { runTask } from '../../src/train/pool/task.js';
import { resolveRadius, resolveTargets } from '../../src/regimes/targets.js';
import { trivialObjective } from '../../src/verify/cellMeasures.js';
import { minWidth } from '../../src/bounds/minWidth.js';
import { synthetic } from '../../src/data/synthetic.js';
import { deriveSeed } from '../../src/rng.js';
import { datasetPayload } from '../../src/verify/caseData.js';

const ref: DataRef = { source: 'synthetic', spec: { kind: 'linear', n: 6, d: 2, difficulty: 0, seed: 'wc-test' } };

describe('widthCell', () => {
  it('floor = median avg loss at m_ref over the search seeds (oracle: independent runTask runs) and m* = minWidth', () => {
    const cell = widthCell(undefined, ref, 'hard', 0.3, 'wc', 'fixed', 'exact', { init: 'iid' });
    const ds = synthetic(ref.spec as never);
    const problem = { X: ds.X, n: ds.n, d: ds.d, p: resolveTargets(ds, 'hard').p };
    const losses = [0, 1, 2]
      .map((k) => runTask({ ...problem, m: WIDTH_SETTINGS.mRef, T: WIDTH_SETTINGS.T, eta: WIDTH_SETTINGS.eta, seed: deriveSeed('wc', 'init', k) }).avgLoss)
      .sort((a, b) => a - b);
    expect(cell.floorLoss).toBe(losses[1]);
    expect(notTLimited(cell)).toBe(losses[1] <= 0.3 / WIDTH_SETTINGS.floorFactor);
    const direct = minWidth(ds, { regime: 'hard', eps: 0.3, seed: 'wc', seeds: 3, T: WIDTH_SETTINGS.T, eta: WIDTH_SETTINGS.eta, mMax: WIDTH_SETTINGS.mMax });
    expect(cell.mStar).toBe(direct.mStar);
  });

  it("a 'test' floor decides the T-limit exactly as the median would, with or without early exits (oracle: the exact floor)", () => {
    const ds = synthetic(ref.spec as never);
    const problem = { X: ds.X, n: ds.n, d: ds.d, p: resolveTargets(ds, 'hard').p };
    const median = (seed: string) =>
      [0, 1, 2].map((k) => runTask({ ...problem, m: WIDTH_SETTINGS.mRef, T: WIDTH_SETTINGS.T, eta: WIDTH_SETTINGS.eta, seed: deriveSeed(seed, 'init', k) }).avgLoss).sort((a, b) => a - b)[1];
    const verdicts = new Set<boolean>();
    for (const eps of [0.6, 0.3, 0.1, 0.05, 0.02]) {
      for (const earlyExit of [true, false]) {
        const seed = `wc-test-${eps}-${earlyExit}`;
        const tested = widthCell({ earlyExit }, ref, 'hard', eps, seed, 'fixed', 'test', { init: 'iid' });
        expect(notTLimited(tested)).toBe(median(seed) <= eps / WIDTH_SETTINGS.floorFactor);
        // with early exits the median is known only when every seed happened to run to the end
        if (!earlyExit || tested.floorLoss !== null) expect(tested.floorLoss).toBe(median(seed));
        verdicts.add(notTLimited(tested));
      }
    }
    expect(verdicts.size).toBe(2); // both outcomes of the test occur
  });

  it('serves a repeated cell from the store without recomputing, and stores new cells under a key naming all inputs', () => {
    const store = new Map<string, unknown>();
    const ctx = { cells: { get: (k: string) => store.get(k), set: (k: string, v: unknown) => void store.set(k, v) } };
    const a = widthCell(ctx, ref, 'soft', 0.1, 'wc-store');
    const [key] = [...store.keys()];
    expect(key).toContain('syn:linear:n6:d2');
    expect(key).toContain('soft/eps0.1');
    expect(key).toContain(`T${WIDTH_SETTINGS.T}`);
    expect(widthCell(ctx, ref, 'soft', 0.1, 'wc-store')).toBe(a);
  });

  it("'theory' cells train for T = theoryEpochs(γ_rkhs upper, ε, η), keyed apart from the 'fixed' cell (oracle: the schedule's closed form)", () => {
    const store = new Map<string, unknown>();
    const ctx = { cells: { get: (k: string) => store.get(k), set: (k: string, v: unknown) => void store.set(k, v) } };
    const fixed = widthCell(ctx, ref, 'hard', 0.2, 'wc-theory');
    const theory = widthCell(ctx, ref, 'hard', 0.2, 'wc-theory', 'theory');
    const { cT, Tmin, Tmax } = WIDTH_SETTINGS.schedule;
    const expected = Math.min(Tmax, Math.max(Tmin, Math.ceil(cT / (WIDTH_SETTINGS.eta * theory.gamma ** 2 * 0.2))));
    expect([fixed.epochRule, fixed.T]).toEqual(['fixed', WIDTH_SETTINGS.T]);
    expect([theory.epochRule, theory.T]).toEqual(['theory', expected]);
    expect([...store.keys()].filter((k) => k.includes('/theory/'))).toHaveLength(1);
    expect(store.size).toBe(2);
  });
});

describe('prefetchWidthCells', () => {
  it('reports every cell to ctx.progress as it lands (1..total, once each), before the claim reads them', async () => {
    const calls: [number, number][] = [];
    const reqs = [0.3, 0.2, 0.1].map((eps) => ({ ref, regime: 'hard' as const, eps, searchSeed: 'wc-progress' }));
    await prefetchWidthCells({ progress: (done, total) => void calls.push([done, total]) }, reqs);
    expect(calls).toEqual([[1, 3], [2, 3], [3, 3]]);
  });
});

describe('datasetPayload', () => {
  it('returns the rows of X, y, n and d (oracle: the dataset itself)', () => {
    const ds = synthetic({ kind: 'linear', n: 3, d: 2, seed: 1 });
    const p = datasetPayload({ ds });
    expect(p.n).toBe(3);
    expect(p.d).toBe(2);
    expect(p.dataset?.x).toEqual([0, 1, 2].map((i) => [ds.X[2 * i], ds.X[2 * i + 1]]));
    expect(p.dataset?.y).toEqual(Array.from(ds.y));
  });
});

describe('cell data (losses, lazy diagnostics, trivial test, criteria)', () => {
  const small: DataRef = { source: 'synthetic', spec: { kind: 'xor', n: 8, d: 2, difficulty: 0, seed: 'wc-data' } };
  const ds = synthetic(small.spec as never);

  it('the four losses and the lazy diagnostics are those of an independent run of the measured student (oracle: runTask)', () => {
    const cell = widthCell(undefined, small, 'hard', 0.3, 'wc-data', 'fixed');
    expect(cell.init).toBe('balanced');
    expect(cell.mStar! % 2).toBe(0); // balanced pairs: even widths only
    const problem = { X: ds.X, n: ds.n, d: ds.d, p: resolveTargets(ds, 'hard').p };
    const r = runTask({ ...problem, m: cell.lazy.m, seed: cell.measuredSeed, init: 'balanced', T: WIDTH_SETTINGS.T, eta: WIDTH_SETTINGS.eta, returnOutputs: true });
    expect(cell.losses.objective).toBe(r.avgLoss);
    expect(cell.losses.objectiveFinal).toBeCloseTo(r.finalLoss, 12);
    expect(cell.losses.logistic).toBeCloseTo(r.finalLoss, 12); // hard targets: objective = logistic
    expect(cell.losses.trivialObjective).toBeCloseTo(Math.LN2, 14);
    expect(cell.censor).toEqual({ lower: cell.perWidth.filter((w) => !w.success).reduce((a, w) => Math.max(a, w.m), 0), upper: cell.mStar, reason: 'exact' });
    expect(cell.lazy.flipFraction).toBeGreaterThanOrEqual(0);
    expect(cell.trivial.zeroPredictor).toBe(false); // ln 2 > 0.3
  });

  it('a single-sign student meets a loose soft target: the cell is trivial and not counted (oracle: runTask of one neuron, both signs)', () => {
    const eps = 0.25;
    const cell = widthCell(undefined, small, 'soft', eps, 'wc-triv', 'fixed');
    const targets = resolveTargets(ds, 'soft');
    const { radius } = resolveRadius('auto', 'soft', targets);
    const p = targets.p;
    const one = (q: Float64Array) => runTask({ X: ds.X, n: ds.n, d: ds.d, p: q, m: 1, seed: 'wc-triv/single-sign', init: 'balanced', T: WIDTH_SETTINGS.T, eta: WIDTH_SETTINGS.eta, radius }).avgLoss;
    expect(cell.trivial.singleSign).toBe(one(p) <= eps || one(p.map((v) => 1 - v)) <= eps);
    expect(cell.trivial.zeroPredictor).toBe(trivialObjective(p) <= eps);
    expect(cell.trivial.trivial).toBe(cell.trivial.singleSign || cell.trivial.zeroPredictor);
    if (cell.trivial.trivial) expect(cell.applicable).toBe(false);
  });

  it("'relative' finds the m* of an objective search at ε·R̂(f ≡ 0); 'logistic' the smallest width whose final logistic loss is ≤ ε in 2 of 3 seeds (oracle: minWidth, brute force)", () => {
    const eps = 0.5;
    const rel = widthCell(undefined, small, 'hard', eps, 'wc-crit', 'fixed', 'test', { criterion: 'relative' });
    const direct = minWidth(ds, { regime: 'hard', eps: eps * Math.LN2, seed: 'wc-crit', seeds: 3, T: WIDTH_SETTINGS.T, eta: WIDTH_SETTINGS.eta, mMax: WIDTH_SETTINGS.mMax, init: 'balanced' });
    expect(rel.mStar).toBe(direct.mStar);
    expect(rel.criterion).toBe('relative');
    const lg = widthCell(undefined, small, 'hard', 0.2, 'wc-crit', 'fixed', 'test', { criterion: 'logistic' });
    const problem = { X: ds.X, n: ds.n, d: ds.d, p: resolveTargets(ds, 'hard').p };
    const ok = (m: number) => [0, 1, 2].filter((k) => runTask({ ...problem, m, seed: deriveSeed('wc-crit', 'init', k), init: 'balanced', T: WIDTH_SETTINGS.T, eta: WIDTH_SETTINGS.eta }).finalLoss <= 0.2).length >= 2;
    const widths = lg.perWidth.map((w) => w.m);
    for (const m of widths) expect(lg.perWidth.find((w) => w.m === m)!.success).toBe(ok(m));
  });
});

describe('pooled and in-process cells agree', () => {
  it('prefetchWidthCells on a pool gives the same cells, bit for bit, as widthCell in this thread (all criteria, a teacher setting)', async () => {
    const r: DataRef = { source: 'synthetic', spec: { kind: 'linear', n: 8, d: 3, difficulty: 0.5, seed: 'wc-pool' } };
    const reqs: CellRequest[] = [
      { ref: r, regime: 'hard', eps: 0.2, searchSeed: 'wc-pool' },
      { ref: r, regime: 'soft', eps: 0.05, searchSeed: 'wc-pool', criterion: 'relative' },
      { ref: r, regime: 'soft', eps: 0.3, searchSeed: 'wc-pool', criterion: 'logistic', teacher: { scale: 4, tau: 1 } },
    ];
    resetWidthCellMemo();
    const inThread = reqs.map((q) => cellOf(undefined, q));
    resetWidthCellMemo();
    await prefetchWidthCells(undefined, reqs);
    const pooled = reqs.map((q) => cellOf(undefined, q));
    expect(JSON.parse(JSON.stringify(pooled))).toEqual(JSON.parse(JSON.stringify(inThread)));
    expect(pooled.map((c) => c.criterion)).toEqual(['objective', 'relative', 'logistic']);
    expect(pooled[2].teacher?.scale).toBe(4);
  });
});
