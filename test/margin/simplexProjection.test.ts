/**
 * projectSimplex. Oracle: the KKT characterisation of the Euclidean projection onto Δ_n — p = proj(v) iff
 * p ∈ Δ_n and there is τ with p_i = v_i − τ where p_i > 0 and v_i ≤ τ where p_i = 0 (Held, Wolfe & Crowder
 * 1974; Duchi et al. 2008, Lemma 1) [RECALLED].
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { projectSimplex } from '../../src/margin/simplexProjection.js';

/** Sums of ≤ 50 terms of magnitude ≤ 1e3: rounding ≤ 50·u·1e3 ≈ 6e-12; we allow 1e-10. */
const KKT_TOL = 1e-10;

test.prop([fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 50 })])(
  'projection satisfies the KKT conditions',
  (arr) => {
    const v = Float64Array.from(arr);
    const p = projectSimplex(v, new Float64Array(v.length), new Float64Array(v.length));
    const sum = p.reduce((s, a) => s + a, 0);
    expect(Math.abs(sum - 1)).toBeLessThanOrEqual(KKT_TOL);
    let tau = NaN;
    p.forEach((pi, i) => {
      expect(pi).toBeGreaterThanOrEqual(0);
      if (pi > 0) {
        if (Number.isNaN(tau)) tau = v[i] - pi;
        expect(Math.abs(v[i] - pi - tau)).toBeLessThanOrEqual(KKT_TOL);
      }
    });
    p.forEach((pi, i) => {
      if (pi === 0) expect(v[i]).toBeLessThanOrEqual(tau + KKT_TOL);
    });
  },
);

test('hand values: a simplex point is fixed; (2, 0) ↦ (1, 0); (0.5, 0.5, 0.5) ↦ thirds', () => {
  const id = Float64Array.from([0.2, 0.3, 0.5]);
  expect(Array.from(projectSimplex(id, new Float64Array(3), new Float64Array(3)))).toEqual([0.2, 0.3, 0.5]);
  expect(Array.from(projectSimplex(Float64Array.from([2, 0]), new Float64Array(2), new Float64Array(2)))).toEqual([1, 0]);
  const t = projectSimplex(Float64Array.from([0.5, 0.5, 0.5]), new Float64Array(3), new Float64Array(3));
  for (const x of t) expect(x).toBeCloseTo(1 / 3, 15);
});
