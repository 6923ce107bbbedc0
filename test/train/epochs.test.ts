import { describe, expect, it } from 'vitest';
import { theoryEpochs, THEORY_EPOCHS } from '../../src/train/epochs.js';
import { InputError } from '../../src/errors.js';

describe('theoryEpochs', () => {
  it('is ⌈c_T/(η γ² ε)⌉ inside the clamp (oracle: hand values)', () => {
    // 40 / (4 · 0.01 · 0.1) = 10000; 40 / (4 · 0.04 · 0.05) = 5000.
    expect(theoryEpochs(0.1, 0.1, 4)).toBe(10000);
    expect(theoryEpochs(0.2, 0.05, 4)).toBe(5000);
    // 40 / (4 · 0.0121 · 0.3) = 2754.8… → 2755.
    expect(theoryEpochs(0.11, 0.3, 4)).toBe(2755);
  });

  it('scales as 1/γ² and 1/ε and clamps to [T_min, T_max]', () => {
    const s = { cT: 1, Tmin: 1, Tmax: 1e9 };
    expect(theoryEpochs(0.05, 0.1, 1, s)).toBe(4 * theoryEpochs(0.1, 0.1, 1, s));
    expect(theoryEpochs(0.1, 0.05, 1, s)).toBe(2 * theoryEpochs(0.1, 0.1, 1, s));
    expect(theoryEpochs(0.9, 0.9, 8)).toBe(THEORY_EPOCHS.Tmin);
    expect(theoryEpochs(1e-4, 1e-3, 1)).toBe(THEORY_EPOCHS.Tmax);
  });

  it('names the bad field', () => {
    expect(() => theoryEpochs(0, 0.1, 4)).toThrow(InputError);
    expect(() => theoryEpochs(0.1, Number.NaN, 4)).toThrow(/eps/);
    expect(() => theoryEpochs(0.1, 0.1, -1)).toThrow(/eta/);
    expect(() => theoryEpochs(0.1, 0.1, 4, { cT: 1, Tmin: 10, Tmax: 5 })).toThrow(/schedule/);
  });
});
