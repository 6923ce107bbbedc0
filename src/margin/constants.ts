/**
 * Named tolerances and defaults of the margin module (no bare literals in the solvers).
 * Each constant states where its value comes from.
 */

/** Unit roundoff of IEEE-754 binary64, u = 2^-53. Source: Higham 2002, "Accuracy and Stability of Numerical
 * Algorithms", §2.1 [RECALLED]. Used to widen certified brackets by a forward error bound of the sums. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Forward error constant γ_k = k·u / (1 − k·u) of a recursive sum of k terms: |fl(Σ a_i) − Σ a_i| ≤ γ_{k−1} Σ|a_i|.
 * Source: Higham 2002, Lemma 3.1 and eq. (4.4) [RECALLED].
 */
export function gammaK(k: number): number {
  const ku = k * UNIT_ROUNDOFF;
  return ku / (1 - ku);
}

/** Default relative gap (upper − lower)/upper of the γ_rkhs bracket. Source: issue 3 item 1 (≤ 1e-6 required). */
export const RKHS_REL_GAP = 1e-6;

/** Default iteration cap of the pairwise Frank–Wolfe/MDM solver. Our choice: at n = 1000 one iteration is
 * ~3n flops, so 2·10^6 iterations cost a few seconds at most; the bench shows ~10^3–10^4 are used. */
export const RKHS_MAX_ITER = 2_000_000;

/** The incrementally updated gradient Qq is recomputed from scratch every this many iterations × n / |S|
 * work units to stop rounding drift (our choice; the certificate always uses a fresh recomputation). */
export const RKHS_REFRESH_EVERY = 2000;

/** Default relative gap target of the sup-norm finite program (γ_sup). Our choice: 1e-4 is far below the
 * Monte Carlo error at any practical sample size (≥ 1e-2 relative at N = 10^4). */
export const SUP_REL_GAP = 1e-4;

/** Default iteration cap of the sup-norm solver (accelerated projected gradient on the smoothed program). */
export const SUP_MAX_ITER = 20_000;

/** Default Monte Carlo sample count for γ_sup (directions z ~ N(0, I_d)); the same count is drawn again,
 * independently, to evaluate the sample-optimal q (see gammaSup). Our choice. */
export const SUP_SAMPLES = 4000;

/** Default confidence level 1 − δ of the γ_sup Monte Carlo interval. Our choice. */
export const SUP_CONFIDENCE = 0.95;
