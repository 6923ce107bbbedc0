/**
 * Tests for src/bounds/minWidth.ts. Oracles: (1) the search plan against a brute-force scan of a synthetic
 * monotone success predicate (threshold t: m succeeds iff m ≥ t) for every t and mMax; (2) the full search on a
 * tiny dataset against a brute-force table of avgLoss for every width 1..mMax and seed; (3) the async driver
 * and the memo against the sync search.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jobKey, minWidth, minWidthAsync, widthSearchPlan } from '../../src/bounds/minWidth.js';
import { evaluateSequential, type JobLoss } from '../../src/train/job.js';
import { resolveTargets } from '../../src/regimes/targets.js';
import { deriveSeed } from '../../src/rng.js';
import { InputError } from '../../src/errors.js';
import { linearSphere, xorSphere } from '../train/fixtures.js';

function runPlan(mMax: number, succeeds: (m: number) => boolean, relTol = 0, unit = 1) {
  const plan = widthSearchPlan(mMax, relTol, unit);
  const asked: number[] = [];
  let step = plan.next(false);
  while (!step.done) {
    asked.push(step.value);
    step = plan.next(succeeds(step.value));
  }
  return { ...step.value, asked };
}

describe('widthSearchPlan', () => {
  it('with unit 2 finds the smallest even width ≥ t (brute force) and asks even widths only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 400 }), (mMax, t) => {
        const r = runPlan(mMax, (m) => m >= t, 0, 2);
        const even = t % 2 === 0 ? t : t + 1;
        const brute = even <= mMax ? even : null;
        return r.mStar === brute && r.asked.every((m) => m % 2 === 0 && m >= 2 && m <= mMax);
      }),
    );
  });

  it('finds the threshold of every monotone predicate exactly (brute force: smallest m ≤ mMax with m ≥ t)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 400 }), (mMax, t) => {
        const r = runPlan(mMax, (m) => m >= t);
        const brute = t <= mMax ? t : null;
        return r.mStar === brute && new Set(r.asked).size === r.asked.length && r.asked.every((m) => m >= 1 && m <= mMax);
      }),
    );
  });

  it('with relTol brackets the threshold: lastFailure < t ≤ mStar ≤ lastFailure + max(1, ⌊relTol·mStar⌋)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (t) => {
        const r = runPlan(1024, (m) => m >= t, 1 / 8);
        return r.mStar !== null && r.lastFailure < t && t <= r.mStar && r.mStar - r.lastFailure <= Math.max(1, Math.floor(r.mStar / 8));
      }),
    );
  });

  it('on a non-monotone predicate still returns a success whose predecessor failed', () => {
    const ok = (m: number) => m === 3 || m >= 40; // 3 is an isolated success the grid skips
    const r = runPlan(64, ok);
    expect(r.mStar).toBe(40);
    expect(ok(r.mStar!)).toBe(true);
    expect(ok(r.mStar! - 1)).toBe(false);
  });
});

describe('minWidth', () => {
  const ds = xorSphere(10, 3, 'tiny');
  const common = { regime: 'hard' as const, T: 20, eta: 4, mMax: 12, seeds: 3, seed: 'mw' };

  it('agrees with a brute-force scan of every width on a tiny case', () => {
    // Brute force: avgLoss for every m ∈ 1..mMax and seed, by the in-process job runner.
    const targets = resolveTargets(ds, 'hard');
    const problem = { X: ds.X, n: ds.n, d: ds.d, p: targets.p };
    const seeds = [0, 1, 2].map((k) => deriveSeed('mw', 'init', k));
    const table = new Map<number, number[]>();
    for (let m = 1; m <= 12; m++) {
      table.set(m, evaluateSequential(problem, seeds.map((seed) => ({ m, seed, T: 20, eta: 4, radius: Infinity }))).map((r) => r.avgLoss));
    }
    // ε between the losses so the criterion is met at some widths and not others: the median of the
    // per-width second-smallest losses (the 2-of-3 statistic).
    const second = [...table.values()].map((l) => [...l].sort((a, b) => a - b)[1]).sort((a, b) => a - b);
    const eps = second[6];
    const succ = (m: number) => table.get(m)!.filter((l) => l <= eps).length >= 2;

    const r = minWidth(ds, { ...common, eps, earlyExit: false });

    // Every evaluated width's losses and verdict equal the brute-force table's.
    for (const w of r.perWidth) {
      expect(w.avgLosses).toEqual(table.get(w.m));
      expect(w.success).toBe(succ(w.m));
      expect(w.criterionLoss).toBe([...table.get(w.m)!].sort((a, b) => a - b)[1]);
      expect(w.success).toBe(w.criterionLoss! <= eps);
    }
    // With early exits: the same widths and verdicts; every loss of a run that went to the end is the table's,
    // every early stop is a failure whose lower bound lies between ε and the table's loss.
    const early = minWidth(ds, { ...common, eps });
    expect(early.mStar).toBe(r.mStar);
    expect(early.lastFailure).toBe(r.lastFailure);
    expect(early.perWidth.map((w) => [w.m, w.success])).toEqual(r.perWidth.map((w) => [w.m, w.success]));
    for (const w of early.perWidth) {
      w.runs.forEach((run, k) => {
        const full = table.get(w.m)![k];
        if (run === null) return;
        if (run.epochs === 20) expect(run.avgLoss).toBe(full);
        else {
          expect(run.avgLoss).toBeGreaterThan(eps);
          expect(run.avgLoss).toBeLessThanOrEqual(full);
          expect(full).toBeGreaterThan(eps);
        }
      });
    }
    expect(early.epochsTrained).toBeLessThan(r.epochsTrained);
    // m* succeeds in the table, its predecessor fails, and when the table is monotone m* is its minimum.
    expect(r.mStar).not.toBeNull();
    expect(succ(r.mStar!)).toBe(true);
    if (r.mStar! > 1) expect(succ(r.mStar! - 1)).toBe(false);
    const bruteMin = [...table.keys()].find(succ)!;
    const monotone = [...table.keys()].every((m) => (m >= bruteMin) === succ(m));
    if (monotone) expect(r.mStar).toBe(bruteMin);
    else expect(r.mStar).toBeGreaterThanOrEqual(bruteMin);
    expect(r.required).toBe(2);
  });

  it("with init 'balanced' evaluates even widths only, each run the balanced job's own (brute force)", () => {
    const targets = resolveTargets(ds, 'hard');
    const problem = { X: ds.X, n: ds.n, d: ds.d, p: targets.p };
    const seeds = [0, 1, 2].map((k) => deriveSeed('mw', 'init', k));
    const r = minWidth(ds, { ...common, eps: 0.3, init: 'balanced', earlyExit: false });
    expect(r.init).toBe('balanced');
    expect(r.perWidth.every((w) => w.m % 2 === 0)).toBe(true);
    for (const w of r.perWidth) {
      const brute = evaluateSequential(problem, seeds.map((seed) => ({ m: w.m, seed, init: 'balanced' as const, T: 20, eta: 4, radius: Infinity })));
      expect(w.avgLosses).toEqual(brute.map((b) => b.avgLoss));
    }
  });

  it('returns null when ε is below every loss, and reuses the memo (no retraining) across ε', () => {
    const memo = new Map<string, JobLoss>();
    const none = minWidth(ds, { ...common, eps: 1e-9, memo, earlyExit: false });
    expect(none.mStar).toBeNull();
    expect(none.perWidth.map((w) => w.m)).toEqual([1, 2, 4, 8, 12]);
    const again = minWidth(ds, { ...common, eps: 10, memo });
    expect(again.mStar).toBe(1);
    expect(again.trainings).toBe(0);
    expect(memo.has(jobKey({ m: 12, seed: deriveSeed('mw', 'init', 0), T: 20, eta: 4, radius: Infinity }))).toBe(true);
    // a linearized student's run is another run: never served from the network's memo entry
    const job = { m: 12, seed: deriveSeed('mw', 'init', 0), T: 20, eta: 4, radius: Infinity };
    expect(jobKey({ ...job, student: 'linearized' })).not.toBe(jobKey(job));
    expect(jobKey({ ...job, student: 'network' })).toBe(jobKey(job));
  });

  it('a memo of early stops is reused where it decides the new ε and retrained where it does not (oracle: fresh naive search)', () => {
    const memo = new Map<string, JobLoss>();
    const none = minWidth(ds, { ...common, eps: 1e-9, memo });
    expect(none.mStar).toBeNull();
    // every run stopped after its first epoch: ε = 1e-9 is exceeded by the first loss
    expect(none.perWidth.flatMap((w) => w.runs).every((r) => r === null || r.epochs === 1)).toBe(true);
    for (const eps of [1e-9, 0.5, 10]) {
      const again = minWidth(ds, { ...common, eps, memo });
      const naive = minWidth(ds, { ...common, eps, earlyExit: false });
      expect([again.mStar, again.lastFailure]).toEqual([naive.mStar, naive.lastFailure]);
      expect(again.perWidth.map((w) => w.success)).toEqual(naive.perWidth.map((w) => w.success));
      if (eps === 1e-9) expect(again.trainings).toBe(0);
    }
  });

  it('minWidthAsync with a custom evaluator gives the sync result; a short evaluator is an InputError', async () => {
    const sync = minWidth(ds, { ...common, eps: 0.5 });
    let batches = 0;
    const asyncR = await minWidthAsync(ds, {
      ...common,
      eps: 0.5,
      evaluate: async (problem, jobs) => {
        batches++;
        return evaluateSequential(problem, jobs);
      },
    });
    expect(asyncR.mStar).toBe(sync.mStar);
    expect(asyncR.perWidth).toEqual(sync.perWidth);
    expect(batches).toBeGreaterThanOrEqual(sync.perWidth.length);
    await expect(minWidthAsync(ds, { ...common, eps: 0.5, evaluate: async () => [] })).rejects.toThrow(InputError);
  });

  it('evaluateSync replaces the sequential evaluator (oracle: the default search); a short one is an InputError', () => {
    const sync = minWidth(ds, { ...common, eps: 0.5 });
    let batches = 0;
    const custom = minWidth(ds, {
      ...common,
      eps: 0.5,
      evaluateSync: (problem, jobs) => {
        batches++;
        return evaluateSequential(problem, jobs);
      },
    });
    expect(custom.perWidth).toEqual(sync.perWidth);
    expect(batches).toBeGreaterThanOrEqual(sync.perWidth.length);
    expect(() => minWidth(ds, { ...common, eps: 0.5, evaluateSync: () => [] })).toThrow(InputError);
  });

  it('soft regime resolves the teacher once and reports its radius rule', () => {
    const r = minWidth(linearSphere(12, 3, 0.1, 'soft-mw'), { regime: 'soft', eps: 0.3, T: 20, mMax: 8 });
    expect(r.targets.source).toBe('teacher:ntk');
    expect(r.radiusRule).toMatch(/^auto: 2 × NTK teacher RKHS norm/);
  });

  it('rejects bad options naming the field', () => {
    expect(() => minWidth(ds, { ...common, eps: 0 })).toThrow(/^eps:/);
    expect(() => minWidth(ds, { ...common, eps: 0.1, seeds: 0 })).toThrow(/^seeds:/);
    expect(() => minWidth(ds, { ...common, eps: 0.1, successFraction: 1.5 })).toThrow(/^successFraction:/);
    expect(() => minWidth(ds, { ...common, eps: 0.1, mMax: 0 })).toThrow(/^mMax:/);
    expect(() => minWidth(ds, { ...common, eps: 0.1, relTol: 1 })).toThrow(/^relTol:/);
  });
});
