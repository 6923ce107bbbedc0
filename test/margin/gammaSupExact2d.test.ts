/**
 * Exact d = 2 sup-norm margin. Oracles: the two-point closed form (derived below), a midpoint-rule
 * integral over 2·10^5 angles at the returned q, and a brute-force grid over the simplex (n = 3).
 */
import { describe, expect, test } from 'vitest';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { circleData, sphereData } from './sphereData.js';
import { CLOSED_FORM_REL } from './tolerances.js';
import { twoPointSup } from './closedForms.js';

/** F(q) by the midpoint rule on M angles. A boundary angle misassigns at most one cell per boundary (2n of
 * them), each worth ≤ max‖x‖/M, so |F_grid − F| ≤ 2n·max‖x‖/M [INFERRED]. */
function gridF(X: Float64Array, y: Float64Array, n: number, q: ArrayLike<number>, M: number): number {
  let total = 0;
  for (let a = 0; a < M; a++) {
    const phi = ((a + 0.5) * 2 * Math.PI) / M;
    const z0 = Math.cos(phi);
    const z1 = Math.sin(phi);
    let u0 = 0;
    let u1 = 0;
    for (let i = 0; i < n; i++) {
      if (z0 * X[2 * i] + z1 * X[2 * i + 1] > 0) {
        u0 += q[i] * y[i] * X[2 * i];
        u1 += q[i] * y[i] * X[2 * i + 1];
      }
    }
    total += Math.hypot(u0, u1);
  }
  return total / M;
}

describe('gammaSupExact2d', () => {
  test.each([0.05, 0.5, 1, Math.PI / 2, 2.5, Math.PI - 1e-3])('two-point closed form at θ = %f', (theta) => {
    for (const opposite of [true, false]) {
      const c = circleData([1.1, 1.1 + theta], [1, opposite ? -1 : 1]);
      const r = gammaSupExact2d(c.X, c.y, 2, { relGap: 1e-9 });
      const exact = twoPointSup(theta, opposite);
      expect(r.lower).toBeLessThanOrEqual(exact * (1 + CLOSED_FORM_REL));
      expect(r.upper).toBeGreaterThanOrEqual(exact * (1 - CLOSED_FORM_REL));
      expect(r.upper - r.lower).toBeLessThanOrEqual(1e-9 * r.upper);
    }
  });

  test('upper = F(q) agrees with a 2·10^5-angle midpoint integral (checks the arc weights)', () => {
    const ds = sphereData(6, 2, 21);
    const r = gammaSupExact2d(ds.X, ds.y, 6);
    const M = 200_000;
    expect(Math.abs(gridF(ds.X, ds.y, 6, r.q, M) - r.upper)).toBeLessThanOrEqual((2 * 6) / M);
  });

  test('n = 3: brute-force simplex grid (step 1/30, 4000 angles) is consistent with the bracket', () => {
    const ds = sphereData(3, 2, 5, 'random');
    const r = gammaSupExact2d(ds.X, ds.y, 3, { relGap: 1e-6 });
    const M = 4000;
    const quadErr = (2 * 3) / M;
    const S = 30;
    let gridMin = Infinity;
    for (let a = 0; a <= S; a++)
      for (let b = 0; a + b <= S; b++) gridMin = Math.min(gridMin, gridF(ds.X, ds.y, 3, [a / S, b / S, (S - a - b) / S], M));
    // every grid point is feasible: F ≥ γ ≥ lower (sound check of the certified lower bound)
    expect(gridMin).toBeGreaterThanOrEqual(r.lower - quadErr);
    // and the grid gets within Lipschitz·(ℓ1 distance to the grid) of the optimum: F is 1-Lipschitz in ℓ1 on
    // the unit sphere, and every simplex point is within ℓ1 distance 2/S of a grid point (round 2 coordinates)
    expect(gridMin).toBeLessThanOrEqual(r.upper + quadErr + 2 / S);
  });

  test('a point and its copy with the opposite label: not separable, lower 0, no NaN', () => {
    const c = circleData([0.7, 0.7, 2.0], [1, -1, 1]);
    const r = gammaSupExact2d(c.X, c.y, 3);
    expect(r.lower).toBe(0);
    expect(r.status).toBe('not-separable');
    expect(Number.isFinite(r.upper)).toBe(true);
  });

  test('errors: X must be n×2', () => {
    expect(() => gammaSupExact2d(new Float64Array(6), Float64Array.from([1, -1]), 2)).toThrow(/X has length 6, expected n·d = 2·2/);
    expect(() => gammaSupExact2d(new Float64Array(4), Float64Array.from([1, -1]), 2)).toThrow(/x\[0\]/);
  });
});
