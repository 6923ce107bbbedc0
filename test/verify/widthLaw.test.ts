import { describe, expect, it } from 'vitest';
import { calibrate, HARD_LAW, predictedWidth, SOFT_LAW } from '../../src/verify/widthLaw.js';
import type { WidthSearchCell } from '../../src/verify/widthCells.js';

const cell = (gamma: number, eps: number, mStar: number | null, applicable = true): WidthSearchCell => ({
  dataset: 't', dataKey: 't', n: 1, d: 1, regime: 'soft', eps, gamma, gammaLower: gamma, mStar, floorLoss: 0, applicable, perWidth: [], trainings: 0,
});

describe('calibrate / predictedWidth', () => {
  it('Ĉ_soft = max m*·γ²·ε over applicable finite cells (oracle: hand values 4·0.01·0.1 = 0.004 > 2·0.04·0.04 = 0.0032)', () => {
    const cal = calibrate([cell(0.1, 0.1, 4), cell(0.2, 0.04, 2), cell(0.05, 0.1, 100, false), cell(0.3, 0.1, null)], SOFT_LAW);
    expect(cal.C).toBeCloseTo(0.004, 15);
    expect(cal.used).toBe(2);
    expect(cal.gammaRange).toEqual([0.1, 0.2]);
    expect(predictedWidth(0.004, SOFT_LAW, 0.5, 0.5)).toBe(1); // 0.004/0.125 = 0.032 → 1
  });

  it('Ĉ_hard = max m*·γ⁴/ln(1/ε) (oracle: 3·0.2⁴/ln 2.5 = 0.0052383…)', () => {
    const cal = calibrate([cell(0.2, 0.4, 3)], HARD_LAW);
    expect(cal.C).toBeCloseTo((3 * 0.2 ** 4) / Math.log(2.5), 14);
    expect(predictedWidth(cal.C as number, HARD_LAW, 0.2, 0.4)).toBe(3);
  });

  it('returns C = null when no cell is usable', () => {
    expect(calibrate([cell(0.1, 0.1, null), cell(0.1, 0.1, 3, false)], SOFT_LAW).C).toBeNull();
  });
});
