/**
 * Tests for src/ntk/analytic.ts. Oracles: exact angles (parallel/antiparallel), the small-angle expansion
 * θ = 2·asin(‖x̂ − x̂'‖/2) evaluated by hand, the closed form K(x, x) = ‖x‖²/2 and K = cos θ (π − θ)/(2π) at
 * θ = π/3, and the empirical Gram of a wide random network within a Hoeffding bound.
 */
import { describe, expect, it } from 'vitest';
import { angle, ntkCross, ntkGram, ntkKernel } from '../../src/ntk/analytic.js';
import { empiricalGram } from '../../src/ntk/empirical.js';
import { initNet } from '../../src/model/twoLayer.js';
import { ShapeError } from '../../src/errors.js';
import { linearSphere } from '../train/fixtures.js';
import { CLOSED_FORM_REL, hoeffdingRadius, SUM_ABS } from '../train/tolerances.js';

describe('angle', () => {
  it('is exactly 0 at x = x and π at x = −x, and within rounding (1e-15) for rescaled copies', () => {
    // Arrange
    const x = [0.3, -1.2, 2.5];
    const x2 = x.map((v) => 7 * v);
    const xneg = x.map((v) => -v);
    const xnegScaled = x.map((v) => -0.5 * v);
    // Act / Assert (rescaling rounds the unit vectors, so the chord is O(ulp) instead of 0)
    expect(angle(x, x, 3)).toBe(0);
    expect(angle(x, xneg, 3)).toBe(Math.PI);
    expect(angle(x, x2, 3)).toBeLessThan(1e-15);
    expect(Math.PI - angle(x, xnegScaled, 3)).toBeLessThan(1e-15);
  });

  it('keeps full relative accuracy for nearly parallel inputs (where acos(cos θ) returns 0)', () => {
    for (const delta of [1e-4, 1e-8, 1e-12]) {
      const x = [1, 0];
      const xp = [Math.cos(delta), Math.sin(delta)];
      // Oracle: the chord between the unit vectors is 2 sin(δ/2), so θ = δ; acos(<x, x'>) = acos(cos δ) is 0
      // for δ < 1e-8 in double precision, which is what the atan2 form avoids.
      expect(Math.abs(angle(x, xp, 2) - delta) / delta).toBeLessThan(1e-9);
    }
    expect(Math.acos(Math.cos(1e-12))).toBe(0); // the failure mode being guarded against
  });

  it('returns π/2 (a documented convention) when one input is zero', () => {
    expect(angle([0, 0], [1, 2], 2)).toBe(Math.PI / 2);
  });
});

describe('ntkKernel', () => {
  it('matches the closed forms K(x,x) = ‖x‖²/2, K(x,−x) = 0, K at θ = π/3 = (1/2)(2π/3)/(2π) = 1/6', () => {
    const x = [3, 4]; // ‖x‖² = 25
    expect(ntkKernel(x, x, 2)).toBeCloseTo(12.5, 13);
    expect(ntkKernel(x, [-3, -4], 2)).toBe(-0); // <x,−x>(π − π)/(2π) = −25·0
    const u = [1, 0];
    const v = [Math.cos(Math.PI / 3), Math.sin(Math.PI / 3)];
    expect(Math.abs(ntkKernel(u, v, 2) - 1 / 6) / (1 / 6)).toBeLessThan(CLOSED_FORM_REL * 10);
  });
});

describe('ntkGram / ntkCross', () => {
  it('ntkGram is exactly symmetric, has K_ii = 1/2 on the sphere, and equals ntkCross(X, X)', () => {
    const ds = linearSphere(12, 4, 0.1, 'gram');
    const K = ntkGram(ds.X, ds.n, ds.d);
    const C = ntkCross(ds.X, ds.n, ds.X, ds.n, ds.d);
    for (let i = 0; i < ds.n; i++) {
      expect(Math.abs(K[i * ds.n + i] - 0.5)).toBeLessThan(SUM_ABS);
      for (let j = 0; j < ds.n; j++) {
        expect(K[i * ds.n + j]).toBe(K[j * ds.n + i]);
        expect(Math.abs(C[i * ds.n + j] - K[i * ds.n + j])).toBeLessThan(SUM_ABS);
      }
    }
  });

  it('throws ShapeError when X.length ≠ n·d', () => {
    expect(() => ntkGram(new Float64Array(5), 2, 3)).toThrow(ShapeError);
  });

  it('agrees with the empirical Gram of a width-4000 network within the Hoeffding radius (and (π+θ) does not)', () => {
    // Oracle: K_m(x_i, x_j) = <x_i, x_j>·(1/m) Σ_s 1[w_s·x_i > 0] 1[w_s·x_j > 0], a mean of m i.i.d. indicators
    // with expectation (π − θ)/(2π) (Sheppard); |<x_i, x_j>| ≤ 1 on the sphere, so with probability ≥ 1 − δ
    // every one of the n(n+1)/2 entries is within t = sqrt(ln(2·count/δ)/(2m)).
    const ds = linearSphere(10, 5, 0, 'hoeffding');
    const m = 4000;
    const Km = empiricalGram(initNet(m, ds.d, 'hoeffding-net'), ds.X, ds.n);
    const K = ntkGram(ds.X, ds.n, ds.d);
    const t = hoeffdingRadius(m, (ds.n * (ds.n + 1)) / 2);
    let worst = 0;
    let worstMutant = 0;
    for (let i = 0; i < ds.n; i++) {
      for (let j = 0; j < ds.n; j++) {
        worst = Math.max(worst, Math.abs(Km[i * ds.n + j] - K[i * ds.n + j]));
        // Mutant kernel with (π + θ): must be detected by the same bound (power of the check).
        let dot = 0;
        for (let k = 0; k < ds.d; k++) dot += ds.X[i * ds.d + k] * ds.X[j * ds.d + k];
        const theta = angle(ds.X, ds.X, ds.d, i * ds.d, j * ds.d);
        const mutant = (dot * (Math.PI + theta)) / (2 * Math.PI);
        worstMutant = Math.max(worstMutant, Math.abs(Km[i * ds.n + j] - mutant));
      }
    }
    expect(worst).toBeLessThanOrEqual(t);
    expect(worstMutant).toBeGreaterThan(t);
  });
});
