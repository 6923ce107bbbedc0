/**
 * Tests for src/regimes/trainRegime.ts (with train/job.ts, regimes/targets.ts, train/defaults.ts). Oracles: the hard regime must be the
 * soft regime with p ∈ {0, 1} (bit-identical: one loop, one loss); GD at η ≤ ETA_MAX on an L-smooth-in-the-
 * linearisation loss decreases the loss; the projection invariant ‖W(T) − W(0)‖_F ≤ R; accuracy recomputed
 * from an independent forward pass; T = 0 leaves W(0) unchanged (movement 0, no flips).
 */
import { describe, expect, it } from 'vitest';
import { accuracy, trainRegime, trainReport } from '../../src/regimes/trainRegime.js';
import { ETA_MAX, RADIUS_FACTOR_SOFT } from '../../src/train/defaults.js';
import { evaluateSequential, runJob } from '../../src/train/job.js';
import { hardTargets } from '../../src/model/losses.js';
import { InputError, ShapeError } from '../../src/errors.js';
import { forward, initNet } from '../../src/model/twoLayer.js';
import { trainFirstLayer } from '../../src/train/loop.js';
import { linearSphere, xorSphere } from '../train/fixtures.js';

const ds = linearSphere(30, 5, 0.1, 'regimes', 20);

describe('trainRegime', () => {
  it('hard: the loss decreases at every step at η = ETA_MAX, stays finite, and avgLoss < initial loss', () => {
    const r = trainRegime(ds, { regime: 'hard', m: 64, seed: 1, T: 100, eta: ETA_MAX, recordCurve: true });
    const c = r.curve!;
    expect(c.every(Number.isFinite)).toBe(true);
    for (let t = 1; t < c.length; t++) expect(c[t]).toBeLessThanOrEqual(c[t - 1]);
    expect(r.avgLoss).toBeLessThan(c[0]);
    expect(r.finalLoss).toBe(c[c.length - 1]);
    expect(r.radius).toBe(Infinity);
  });

  it('soft with p ∈ {0, 1} from the dataset is bit-identical to hard', () => {
    const hard = trainRegime(ds, { regime: 'hard', m: 16, seed: 'same', T: 40, eta: 2 });
    const soft = trainRegime({ ...ds, p: hardTargets(ds.y) }, { regime: 'soft', m: 16, seed: 'same', T: 40, eta: 2 });
    expect(soft.targets).toBe('dataset');
    expect(soft.radius).toBe(Infinity); // 'auto' without a teacher norm = plain GD
    expect(soft.avgLoss).toBe(hard.avgLoss);
    expect(soft.finalLoss).toBe(hard.finalLoss);
    expect(soft.maxMovement).toBe(hard.maxMovement);
  });

  it('soft with the NTK teacher: radius auto = 2 × teacher RKHS norm, the loss decreases', () => {
    const r = trainRegime(ds, { regime: 'soft', m: 32, seed: 2, T: 60, recordCurve: true });
    expect(r.targets).toBe('teacher:ntk');
    expect(r.radius).toBeCloseTo(RADIUS_FACTOR_SOFT * Number(r.teacher!.rkhsNorm), 12);
    expect(r.finalLoss).toBeLessThan(r.curve![0]);
    expect(r.testLoss).toBeGreaterThanOrEqual(0);
    expect(r.testAccuracy).toBeGreaterThanOrEqual(0);
  });

  it('projection holds: ‖W(T) − W(0)‖_F ≤ R when R binds, and the loss is then higher than unprojected', () => {
    const free = trainRegime(ds, { regime: 'soft', m: 16, seed: 3, T: 60, radius: Infinity });
    const R = free.movement / 4;
    const proj = trainRegime(ds, { regime: 'soft', m: 16, seed: 3, T: 60, radius: R });
    expect(proj.movement).toBeLessThanOrEqual(R * (1 + 1e-12));
    expect(proj.finalLoss).toBeGreaterThan(free.finalLoss);
  });

  it('trainAccuracy and testAccuracy match an independent forward pass; T = 0 gives no movement and no flips', () => {
    const r = trainRegime(ds, { regime: 'hard', m: 8, seed: 4, T: 25 });
    const net = initNet(8, ds.d, '4');
    trainFirstLayer(net, ds.X, ds.n, hardTargets(ds.y), { T: 25, eta: r.eta });
    expect(r.trainAccuracy).toBe(accuracy(forward(net, ds.X, ds.n), ds.y));
    expect(r.testAccuracy).toBe(accuracy(forward(net, ds.test!.X, ds.test!.n), ds.test!.y));
    const r0 = trainRegime(ds, { regime: 'hard', m: 8, seed: 4, T: 0 });
    expect(r0.maxMovement).toBe(0);
    expect(r0.flippedFraction).toBe(0);
    expect(r0.avgLoss).toBe(r0.finalLoss);
  });

  it('the job runner reproduces trainRegime (what a worker pool must match)', () => {
    const r = trainRegime(ds, { regime: 'hard', m: 8, seed: 'job', T: 30, eta: 4 });
    const problem = { X: ds.X, n: ds.n, d: ds.d, p: hardTargets(ds.y) };
    const job = { m: 8, seed: 'job', T: 30, eta: 4, radius: Infinity };
    expect(runJob(problem, job).result.avgLoss).toBe(r.avgLoss);
    expect(evaluateSequential(problem, [job, job])).toEqual([r.avgLoss, r.avgLoss].map((avgLoss) => ({ avgLoss, epochs: 30 })));
  });

  it('rejects bad options and data with errors naming the field', () => {
    const base = { regime: 'hard' as const, m: 4, seed: 1 };
    expect(() => trainRegime(ds, { ...base, m: 0 })).toThrow(InputError);
    expect(() => trainRegime(ds, { ...base, eta: -1 })).toThrow(/eta/);
    expect(() => trainRegime(ds, { ...base, T: 1.5 })).toThrow(/^T:/);
    expect(() => trainRegime(ds, { ...base, radius: 0 })).toThrow(/radius/);
    expect(() => trainRegime(ds, { ...base, regime: 'medium' as 'hard' })).toThrow(/regime/);
    expect(() => trainRegime({ ...ds, y: ds.y.map((v, i) => (i === 3 ? 0 : v)) }, base)).toThrow(/ds\.y\[3\]/);
    expect(() => trainRegime({ ...ds, p: ds.y.map(() => 1.5) }, { ...base, regime: 'soft' })).toThrow(/ds\.p\[0\]/);
    expect(() => trainRegime({ ...ds, X: ds.X.subarray(1) }, base)).toThrow(ShapeError);
  });
});

describe('trainReport', () => {
  it('is JSON-ready with avgLoss, finalLoss, trainAccuracy (radius ∞ written as null)', () => {
    const rep = trainReport(xorSphere(12, 3, 'report'), { regime: 'hard', m: 4, seed: 1, T: 5 });
    const round = JSON.parse(JSON.stringify(rep));
    expect(round.radius).toBeNull();
    for (const k of ['avgLoss', 'finalLoss', 'trainAccuracy']) expect(typeof round[k]).toBe('number');
    expect(round.dataset).toEqual({ name: 'xorSphere(n=12, d=3, seed=report)', n: 12, d: 3, nTest: 0 });
  });
});
