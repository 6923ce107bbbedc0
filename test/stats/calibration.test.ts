/**
 * Tests for src/stats/calibration.ts. Oracles: hand-computed ECE on small samples (Guo et al. 2017 eq. 3 by
 * hand), a perfectly calibrated Monte Carlo sample (labels drawn with the stated probabilities: ECE within its
 * sampling error of 0), and an overconfident one (ECE ≈ the known confidence − accuracy gap).
 */
import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../../src/stats/calibration.js';
import { InputError } from '../../src/errors.js';
import { makeRng } from '../../src/rng.js';

describe('expectedCalibrationError', () => {
  it('matches hand values', () => {
    // one bin per 0.1: confidences 0.9, 0.9 (one right, one wrong) → |0.5 − 0.9| · 2/4; 0.6, 0.6 both right → |1 − 0.6| · 2/4
    const p = [0.9, 0.1, 0.6, 0.4];
    const y = [1, 1, 1, -1];
    expect(expectedCalibrationError(p, y, 10)).toBeCloseTo(0.5 * 0.4 + 0.5 * 0.4, 12);
    // a single bin: |accuracy − mean confidence|
    expect(expectedCalibrationError(p, y, 1)).toBeCloseTo(Math.abs(3 / 4 - 0.75), 12);
    // p = ½ counts as wrong at confidence ½
    expect(expectedCalibrationError([0.5], [1], 15)).toBeCloseTo(0.5, 12);
    // certain and right: 0
    expect(expectedCalibrationError([1, 0], [1, -1])).toBe(0);
  });

  it('is near 0 for a calibrated sample and near the overconfidence for an overconfident one', () => {
    const rng = makeRng('ece');
    const n = 20000;
    const p: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const q = rng.uniform();
      p.push(q);
      y.push(rng.uniform() < q ? 1 : -1);
    }
    expect(expectedCalibrationError(p, y)).toBeLessThan(0.02);
    // claim confidence 0.95 where the truth is 0.75: ECE → 0.2
    const over = p.map(() => 0.95);
    const yo = p.map(() => (rng.uniform() < 0.75 ? 1 : -1));
    expect(expectedCalibrationError(over, yo)).toBeCloseTo(0.2, 1);
  });

  it('names the field on bad input', () => {
    expect(() => expectedCalibrationError([0.2], [1, 1])).toThrow(InputError);
    expect(() => expectedCalibrationError([1.2], [1])).toThrow(/p\[0\]/);
    expect(() => expectedCalibrationError([0.2], [1], 0)).toThrow(/bins/);
  });
});
