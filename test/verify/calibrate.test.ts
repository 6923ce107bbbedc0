import { describe, expect, it } from 'vitest';
import { HARD_LAW, SOFT_LAW } from '../../src/bounds/laws.js';
import { calibrate, predictedWidth } from '../../src/verify/calibrate.js';
import type { WidthSearchCell } from '../../src/verify/widthCells.js';

const cell = (gamma: number, eps: number, mStar: number | null, applicable = true): WidthSearchCell => ({
  dataset: 't', dataKey: 't', n: 1, d: 1, regime: 'soft', eps, epochRule: 'fixed', T: 300, gamma, gammaLower: gamma, mStar, floorLoss: 0, applicable, perWidth: [], trainings: 0, epochsTrained: 0,
  criterion: 'objective', init: 'balanced', Ttheory: 300, censor: { lower: 0, upper: mStar, reason: mStar === null ? 'above-cap' : 'exact' },
  losses: { objective: 0, objectiveFinal: 0, logistic: 0, zeroOne: 0, relative: 0, trivialObjective: 1 },
  lazy: { m: 1, flipFraction: 0, relMovement: 0, lazy: true }, measuredSeed: 's', trivial: { zeroPredictor: false, singleSign: false, trivial: false },
});

describe('calibrate / predictedWidth', () => {
  it('Ĉ_soft = exp(mean + t·sd·sqrt(1 + 1/k)) of ln(m*·γ²·ε) over usable cells (oracle: hand values)', () => {
    // ratios 4·0.01·0.1 = 0.004, 2·0.04·0.04 = 0.0032, 1·0.09·0.1 = 0.009; unusable cells ignored.
    const cal = calibrate([cell(0.1, 0.1, 4), cell(0.2, 0.04, 2), cell(0.3, 0.1, 1), cell(0.05, 0.1, 100, false), cell(0.3, 0.1, null)], SOFT_LAW, 0.05);
    const logs = [0.004, 0.0032, 0.009].map(Math.log);
    const mean = logs.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(logs.reduce((a, v) => a + (v - mean) ** 2, 0) / 2);
    // t_{2, 0.95} = 2.919986 (t table).
    expect(cal.C).toBeCloseTo(Math.exp(mean + 2.919986 * sd * Math.sqrt(1 + 1 / 3)), 6);
    expect(cal.Cmax).toBeCloseTo(0.009, 15);
    expect(cal.used).toBe(3);
    expect(cal.gammaRange).toEqual([0.1, 0.3]);
    expect(cal.gMin).toBeCloseTo(1 / 0.009, 9);
  });

  it('uses the hard law factor ln(1/ε)/γ⁴ (oracle: identical ratios ⇒ sd = 0 ⇒ Ĉ = the ratio 3·0.2⁴/ln 2.5)', () => {
    const cal = calibrate([cell(0.2, 0.4, 3), cell(0.2, 0.4, 3), cell(0.2, 0.4, 3)], HARD_LAW, 0.01);
    expect(cal.C).toBeCloseTo((3 * 0.2 ** 4) / Math.log(2.5), 12);
    expect(predictedWidth(cal.C as number, HARD_LAW, 0.2, 0.4)).toBe(3);
  });

  it('returns C = null with fewer than 3 usable cells', () => {
    expect(calibrate([cell(0.1, 0.1, 2), cell(0.2, 0.1, 3), cell(0.1, 0.1, 3, false)], SOFT_LAW, 0.05).C).toBeNull();
  });
});
