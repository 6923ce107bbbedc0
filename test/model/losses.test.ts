/**
 * Tests for src/model/losses.ts. Oracles: the logistic loss ln(1 + e^{−yf}) (KL with p ∈ {0, 1} must equal it:
 * the "one loss for both regimes" invariant), the Bernoulli KL formula p ln(p/q) + (1−p) ln((1−p)/(1−q))
 * evaluated directly at moderate logits, and exact asymptotics at |f| = 1e3 (e^{−1000} underflows to 0).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bernoulliEntropy, hardTargets, klBetweenLogits, klLogit, logisticLoss, sigmoid, softplus } from '../../src/model/losses.js';
import { CLOSED_FORM_REL } from '../train/tolerances.js';

const moderate = fc.double({ min: -30, max: 30, noNaN: true });

describe('klLogit', () => {
  it('with p ∈ {0, 1} equals the logistic loss ln(1 + e^{−yf}) (one loss serves both regimes)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constantFrom(-1, 1), (f, y) => {
        const p = (1 + y) / 2;
        const direct = Math.log1p(Math.exp(-y * f)); // the oracle, finite on this range
        const tol = CLOSED_FORM_REL * Math.max(1, direct) + 1e-300;
        return Math.abs(klLogit(f, p) - direct) <= tol && Math.abs(logisticLoss(f, y) - direct) <= tol;
      }),
    );
  });

  it('equals the Bernoulli KL formula p ln(p/q) + (1−p) ln((1−p)/(1−q)), q = σ(f), at moderate logits', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (f, p) => {
        const q = 1 / (1 + Math.exp(-f));
        const direct = p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
        // direct loses ~|ln q| ulps to cancellation; 1e-12 absolute covers it at |f| ≤ 8.
        return Math.abs(klLogit(f, p) - Math.max(direct, 0)) <= 1e-12;
      }),
    );
  });

  it('is finite and exact at |f| = 1e3: KL(p=0 ‖ σ(1e3)) = 1e3, KL(p=1 ‖ σ(1e3)) = 0, KL(0.3 ‖ σ(1e3)) = 700 − H(0.3)', () => {
    expect(softplus(1e3)).toBe(1e3);
    expect(softplus(-1e3)).toBe(0);
    expect(sigmoid(1e3)).toBe(1);
    expect(sigmoid(-1e3)).toBe(0);
    expect(klLogit(1e3, 0)).toBe(1e3);
    expect(klLogit(-1e3, 1)).toBe(1e3);
    expect(klLogit(1e3, 1)).toBe(0);
    expect(klLogit(-1e3, 0)).toBe(0);
    // p·softplus(−f) + (1−p)·softplus(f) − H(p) = 0 + 0.7·1000 − H(0.3) at f = 1e3.
    expect(klLogit(1e3, 0.3)).toBeCloseTo(700 - bernoulliEntropy(0.3), 10);
    expect(Number.isFinite(klLogit(1e300, 0.5))).toBe(true);
  });

  it('is ≥ 0, zero at σ(f) = p, and klBetweenLogits(a, a) = 0', () => {
    fc.assert(fc.property(moderate, fc.double({ min: 0, max: 1, noNaN: true }), (f, p) => klLogit(f, p) >= 0));
    expect(klLogit(Math.log(0.3 / 0.7), 0.3)).toBeLessThan(1e-15);
    fc.assert(fc.property(moderate, (a) => klBetweenLogits(a, a) < 1e-14));
  });
});

describe('helpers', () => {
  it('bernoulliEntropy(1/2) = ln 2, H(0) = H(1) = 0; hardTargets maps ±1 to 1/0', () => {
    expect(bernoulliEntropy(0.5)).toBeCloseTo(Math.LN2, 15);
    expect(bernoulliEntropy(0)).toBe(0);
    expect(bernoulliEntropy(1)).toBe(0);
    expect(Array.from(hardTargets(Float64Array.from([1, -1, 1])))).toEqual([1, 0, 1]);
  });
});
