/**
 * Tolerances of the data-layer tests, each derived from a stated bound (never tuned until green).
 */

/** Unit roundoff u = 2^-53 of binary64 (Higham 2002, §2.1) [RECALLED]. */
export const U = 2 ** -53;

/**
 * |‖x‖ − 1| after normalising a d-vector: the sum of squares has relative error ≤ γ_d ≈ d·u (Higham 2002,
 * eq. 3.5), the square root halves it, the division and the re-measurement add a few u each. We allow
 * (2d + 16)·u, comfortably above (d/2 + 4)·u.
 */
export function unitNormTol(d: number): number {
  return (2 * d + 16) * U;
}

/** Monte Carlo checks accept |estimate − truth| ≤ MC_Z standard errors: two-sided false alarm 5.7e-7 each. */
export const MC_Z = 5;

/** Special functions vs quadrature/closed forms: ln T has absolute error ≲ |ln T|·(few hundred u) from the
 * continued fraction (≤ 100 terms, each a few roundings) and the logs; Simpson with 2·10⁵ panels on a smooth
 * integrand is exact to ~1e-15 relative. We allow 1e-12·max(1, |ln T|). */
export const SPECIAL_REL = 1e-12;

/**
 * PCA vs ml-matrix SVD: by Davis–Kahan sin∠ ≤ r·θ_1/gap (r the relative residual of our Ritz pair), and the
 * SVD's own backward error gives sin∠ ≲ c·u·σ_1²/gap for the eigenvectors of XᵀX (Golub & Van Loan §8.6)
 * [RECALLED]; we allow the sum with c = 100·max(n, d).
 */
export function pcaAngleTol(residual: number, theta1: number, gap: number, n: number, d: number): number {
  return (residual * theta1 + 100 * Math.max(n, d) * U * theta1) / gap;
}
