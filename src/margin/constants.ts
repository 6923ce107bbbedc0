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

/** Default relative gap (upper − lower)/upper of the γ_rkhs bracket. Source: our choice [INFERRED] (≤ 1e-6). */
export const RKHS_REL_GAP = 1e-6;

/** Default iteration cap of the pairwise Frank–Wolfe/MDM solver. Our choice: at n = 1000 one iteration is
 * ~3n flops, so 2·10^6 iterations cost a few seconds at most; the bench shows ~10^3–10^4 are used. */
export const RKHS_MAX_ITER = 2_000_000;

/** The incrementally updated gradient Qq is recomputed from scratch (cost n·|S|) every this many iterations
 * to stop rounding drift. Each O(n) update adds ≤ ~4u·max K of error to g, so 1000 updates drift by ~1e-12·max K,
 * far below the stopping tolerance relGap·γ² (our choice; the certificate always uses a fresh recomputation). */
export const RKHS_REFRESH_EVERY = 1000;

/** Default relative gap target of the sup-norm finite program (γ_sup). Our choice: 1e-3 is ≥ 10× below the
 * Monte Carlo error at any practical sample size (the Bernstein half-width sqrt(2γ ln(2/δ)/N) is ≥ 2% of γ for
 * γ ≤ 1/2, N ≤ 10^5), and the first-order solver's cost grows like 1/gap. */
export const SUP_REL_GAP = 1e-3;

/** Default iteration cap of the sup-norm solver (accelerated projected gradient on the smoothed program). */
export const SUP_MAX_ITER = 20_000;

/** Default Monte Carlo sample count for γ_sup (directions z ~ N(0, I_d)); the same count is drawn again,
 * independently, to evaluate the sample-optimal q (see gammaSup). Our choice. */
export const SUP_SAMPLES = 2000;

/** Default confidence level 1 − δ of the γ_sup Monte Carlo interval. Our choice. */
export const SUP_CONFIDENCE = 0.95;

/** Which margin reading `marginReport` / `ntk-verify margin` computes by default: 'both' (γ_rkhs, the RKHS
 * reading, and γ_sup, the Ji–Telgarsky sup-norm reading, always labelled). Our choice: the paper's text is not
 * available, so which γ its bounds mean is open; reporting both lets a reader pick. */
export const GAMMA_READING: 'rkhs' | 'sup' | 'both' = 'both';
