/**
 * Tolerances of the tests of src/ntk, src/model, src/train, src/teacher and src/bounds, each derived from a
 * stated bound (never tuned until green).
 */

/** Closed forms with a handful of correctly rounded operations: relative error ≤ 1e-14 (~50 ulps). */
export const CLOSED_FORM_REL = 1e-14;

/**
 * Sums of n ≤ 100 products of O(1) numbers (kernel rows, teacher logits): recursive summation error
 * ≤ n·u·Σ|terms| (Higham 2002 eq. 4.4) ≈ 100 · 1.1e-16 · O(10) ≈ 1e-13; we allow 1e-12.
 */
export const SUM_ABS = 1e-12;

/** Central-difference step: truncation O(h²·f''') ≈ 1e-10 and rounding O(u/h) ≈ 1e-11 at h = 1e-5. */
export const FD_STEP = 1e-5;
/** Allowed |analytic − FD| per coordinate, relative to max(1, |g|): ~10× the two error terms above. */
export const FD_TOL = 1e-8;

/**
 * Failure probability of each Monte Carlo / Hoeffding check: 1e-6. The seeds are fixed, so a test is
 * deterministic; δ says how unlucky a fixed seed would have to be for a correct implementation to fail.
 */
export const MC_DELTA = 1e-6;

/**
 * Two-sided Hoeffding radius for the mean of m i.i.d. terms in [0, 1], union-bounded over `count` means:
 * P(max |mean − E| > t) ≤ 2·count·exp(−2 m t²) = δ  ⇔  t = sqrt(ln(2·count/δ)/(2m)) (Hoeffding 1963).
 */
export function hoeffdingRadius(m: number, count: number, delta = MC_DELTA): number {
  return Math.sqrt(Math.log((2 * count) / delta) / (2 * m));
}

/** z-score with two-sided normal tail ≤ MC_DELTA: Φ^{-1}(1 − 5e-7) ≈ 4.89 (tables); we use 5. */
export const Z_MC = 5;
