/**
 * Claim:      γ is invariant under (a) rotating all inputs by an orthogonal matrix, (b) flipping all labels,
 *             (c) duplicating a point, (d) permuting the points — for both readings (γ_rkhs in any d; exact
 *             γ_sup in d = 2, where a rotation is an angle shift).
 * Source:     our derivation [INFERRED]. (a) K depends on inputs only through inner products and angles; (b) Q = yyᵀ∘K is
 *             unchanged; (c)(d) the convex hull of {y_i φ_i} is unchanged [INFERRED]. Expect: verified.
 * Predicate:  the two certified brackets overlap after an allowance for the actual rounding-level change of the
 *             data: for γ_rkhs, |γ'² − γ²| ≤ max_ij |K'_ij − K_ij| (q on the simplex), measured, not tuned;
 *             for γ_sup, |F' − F| ≤ max_i ‖x'_i − x_i‖ plus the brackets' own rounding allowance.
 * Confidence: 60 runs per transformation (seed FC_SEED); a deterministic bug shows up as any failure.
 * fc.pre:     none.
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { ntkGram } from '../../src/ntk/analytic.js';
import { seedFromEnv } from '../../src/verify/seed.js';
import { maxAbsDiff, pick, randomOrthogonal, rotate, sphereDataArb, type SphereData } from './sphereData.js';

const seed = seedFromEnv();
const numRuns = 60;

/** γ_rkhs brackets of two datasets overlap up to the Gram perturbation eK (γ² moves by ≤ eK). */
function expectRkhsOverlap(a: SphereData, b: SphereData, eK: number): void {
  const ra = gammaRkhs(ntkGram(a.X, a.n, a.d), a.y, a.n);
  const rb = gammaRkhs(ntkGram(b.X, b.n, b.d), b.y, b.n);
  expect(ra.lower ** 2).toBeLessThanOrEqual(rb.upper ** 2 + eK);
  expect(rb.lower ** 2).toBeLessThanOrEqual(ra.upper ** 2 + eK);
  expect(ra.separable).toBe(rb.separable);
}

/** Exact-2d γ_sup brackets overlap up to eX (F is 1-Lipschitz in max_i ‖Δx_i‖ for q on the simplex). */
function expectSupOverlap(a: SphereData, b: SphereData, eX: number): void {
  const ra = gammaSupExact2d(a.X, a.y, a.n);
  const rb = gammaSupExact2d(b.X, b.y, b.n);
  expect(ra.lower).toBeLessThanOrEqual(rb.upper + eX);
  expect(rb.lower).toBeLessThanOrEqual(ra.upper + eX);
}

const permArb = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

test.prop([sphereDataArb({ maxN: 10, maxD: 5 }), fc.nat()], { numRuns, seed })('rotation (γ_rkhs, any d)', (ds, rot) => {
  const r = rotate(ds, randomOrthogonal(ds.d, rot));
  // the rotated Gram differs from the original only by rounding; its measured size is the allowance
  expectRkhsOverlap(ds, r, maxAbsDiff(ntkGram(ds.X, ds.n, ds.d), ntkGram(r.X, r.n, r.d)));
});

test.prop([sphereDataArb({ maxN: 10, minD: 2, maxD: 2 }), fc.double({ min: -Math.PI, max: Math.PI, noNaN: true })], { numRuns, seed })(
  'rotation (exact γ_sup, d = 2)',
  (ds, phi) => {
    const O = Float64Array.from([Math.cos(phi), -Math.sin(phi), Math.sin(phi), Math.cos(phi)]);
    const r = rotate(ds, O);
    // ‖x'_i‖ − ‖x_i‖ is a few ulps; bounded by 8u per coordinate pair of a 2×2 product [INFERRED]
    expectSupOverlap(ds, r, 1e-15);
  },
);

test.prop([sphereDataArb({ maxN: 10, maxD: 5 })], { numRuns, seed })('label flip (both readings; Q is bit-identical, so is γ_rkhs)', (ds) => {
  const f = { ...ds, y: ds.y.map((v) => -v) };
  const K = ntkGram(ds.X, ds.n, ds.d);
  const a = gammaRkhs(K, ds.y, ds.n);
  const b = gammaRkhs(K, f.y, ds.n);
  expect([b.lower, b.upper]).toEqual([a.lower, a.upper]);
  if (ds.d === 2) expectSupOverlap(ds, f, 0);
});

test.prop([sphereDataArb({ maxN: 10, maxD: 4 }), fc.nat()], { numRuns, seed })('duplicating a point (both readings)', (ds, k) => {
  const i = k % ds.n;
  const dup = pick(ds, [...Array(ds.n).keys(), i]);
  expectRkhsOverlap(ds, dup, 0); // the Gram of the copy repeats exact entries
  if (ds.d === 2) expectSupOverlap(ds, dup, 0);
});

test.prop([sphereDataArb({ maxN: 10, maxD: 4 }).chain((ds) => fc.tuple(fc.constant(ds), permArb(ds.n)))], { numRuns, seed })(
  'permuting the points (both readings)',
  ([ds, perm]) => {
    const p = pick(ds, perm);
    expectRkhsOverlap(ds, p, 0); // same entries, permuted
    if (ds.d === 2) expectSupOverlap(ds, p, 0);
  },
);
