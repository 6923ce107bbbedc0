import { describe, expect, it } from 'vitest';
import {
  cellLosses, checkCriterion, lazyStatus, LAZY_RULE, meanLogistic, searchEps, trivialObjective, zeroMeets, zeroOneError,
} from '../../src/verify/cellMeasures.js';
import { initNet, cloneNet } from '../../src/model/twoLayer.js';
import { sigmoid } from '../../src/model/losses.js';
import { InputError } from '../../src/errors.js';

const klHalf = (p: number) => (p > 0 ? p * Math.log(2 * p) : 0) + (p < 1 ? (1 - p) * Math.log(2 * (1 - p)) : 0);

describe('trivialObjective', () => {
  it('is ln 2 on hard targets, 0 at p = 1/2 and KL(Bern(p) ‖ Bern(1/2)) in between (oracle: closed form)', () => {
    expect(trivialObjective(Float64Array.of(0, 1, 1))).toBeCloseTo(Math.LN2, 14);
    expect(trivialObjective(Float64Array.of(0.5, 0.5))).toBeCloseTo(0, 14);
    const p = [sigmoid(1), 1 - sigmoid(3), 0.9];
    expect(trivialObjective(Float64Array.from(p))).toBeCloseTo(p.map(klHalf).reduce((a, b) => a + b) / 3, 14);
  });
});

describe('the four losses', () => {
  it('logistic, 0-1 and relative follow their definitions (oracle: hand values)', () => {
    const f = Float64Array.of(2, -1, 0, 0.5);
    const y = Float64Array.of(1, 1, -1, -1);
    expect(meanLogistic(f, y)).toBeCloseTo((Math.log1p(Math.exp(-2)) + Math.log1p(Math.E) + Math.LN2 + Math.log1p(Math.exp(0.5))) / 4, 14);
    // sign(0) = +1: the third point (y = −1, f = 0) is an error, as are the second and fourth
    expect(zeroOneError(f, y)).toBe(0.75);
    const p = Float64Array.of(1, 1, 0, 0);
    const l = cellLosses(0.2, f, p, y);
    expect(l.trivialObjective).toBeCloseTo(Math.LN2, 14);
    expect(l.relative).toBeCloseTo(0.2 / Math.LN2, 14);
    // on hard targets the objective at W(T) is the logistic loss on the labels
    expect(l.objectiveFinal).toBeCloseTo(l.logistic, 12);
  });
});

describe('lazyStatus', () => {
  it('an untrained net has no flips and no movement (lazy); a net moved by its own norm is not', () => {
    const X = Float64Array.of(1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2);
    const net0 = initNet(8, 2, 'lazy-test', 'balanced');
    expect(lazyStatus(cloneNet(net0), net0, X, 3)).toEqual({ m: 8, flipFraction: 0, relMovement: 0, lazy: true });
    const flipped = { ...net0, W: net0.W.map((w) => -w) }; // W(T) = −W(0): movement 2‖W(0)‖, every active unit flips
    const s = lazyStatus(flipped, net0, X, 3);
    expect(s.relMovement).toBeCloseTo(2, 12);
    expect(s.flipFraction).toBeGreaterThan(LAZY_RULE.maxFlips);
    expect(s.lazy).toBe(false);
  });
});

describe('criteria', () => {
  it('relative compares with ε·R̂(f ≡ 0); the zero predictor meets only the criteria it can (oracle: definitions)', () => {
    const p = Float64Array.of(sigmoid(1), 1 - sigmoid(1));
    const L0 = trivialObjective(p);
    expect(searchEps('relative', 0.5, p)).toBeCloseTo(0.5 * L0, 14);
    expect(searchEps('objective', 0.5, p)).toBe(0.5);
    expect(zeroMeets('objective', L0 + 1e-9, p)).toBe(true);
    expect(zeroMeets('objective', L0 - 1e-9, p)).toBe(false);
    expect(zeroMeets('relative', 0.99, p)).toBe(false);
    expect(zeroMeets('logistic', 0.69, p)).toBe(false);
    expect(zeroMeets('logistic', 0.7, p)).toBe(true);
  });
  it('an unknown criterion is an InputError naming the field', () => {
    expect(() => checkCriterion('kl')).toThrow(InputError);
    expect(() => checkCriterion('kl')).toThrow(/criterion/);
  });
});
