/**
 * Certified brackets for the RKHS margin, computed from a candidate q alone (independent of any solver).
 *
 * Let φ_i be the NTK features of x_i (K_ij = <φ_i, φ_j>), Q_ij = y_i y_j K_ij, and
 *   γ_rkhs = min_{p ∈ Δ_n} ‖Σ_i p_i y_i φ_i‖ = sqrt(min_{p ∈ Δ_n} pᵀQp).
 * For any q ≥ 0 with s = Σ q_i > 0 and v = Σ_i q_i y_i φ_i ≠ 0:
 *   upper: γ ≤ ‖v‖/s = sqrt(qᵀQq)/s                          (q/s is feasible);
 *   lower: γ ≥ min_i y_i<v, φ_i>/‖v‖ = min_i (Qq)_i / sqrt(qᵀQq) (for every p ∈ Δ_n, by Cauchy–Schwarz,
 *          ‖Σ p_i y_i φ_i‖ ≥ <v/‖v‖, Σ p_i y_i φ_i> = Σ p_i (Qq)_i/‖v‖ ≥ min_i (Qq)_i/‖v‖).
 * The lower bound is a unit-norm witness (v/‖v‖); the two coincide exactly at the optimum (KKT:
 * (Qq*)_i ≥ q*ᵀQq* with equality on the support). Both are scale invariant in the lower formula.
 * Source: Gilbert 1966 / Mitchell–Demyanov–Malozemov 1974 stopping rule [RECALLED]; derivation [INFERRED].
 *
 * Floating point: (Qq)_k and qᵀQq are recomputed here from scratch, and the bracket is widened by the
 * forward error bound of recursive summation, |err| ≤ γ_k Σ|terms| (Higham 2002, eq. 4.4) [RECALLED], so the
 * bracket holds for the stored matrix K (not for the exact kernel the caller rounded into K).
 */
import { UNIT_ROUNDOFF, gammaK } from './constants.js';

export interface RkhsCertificate {
  /** Certified lower bound on γ_rkhs, clamped at 0 (γ ≥ 0 always). */
  lower: number;
  /** Certified upper bound on γ_rkhs. */
  upper: number;
  /** Computed qᵀQq/s² (the upper bound squared, before the rounding allowance). */
  value2: number;
  /** min_k (Qq)_k/s (before the rounding allowance); value2 − minGrad is the Frank–Wolfe duality gap. */
  minGrad: number;
  /** Size of the support of q. */
  support: number;
}

/**
 * Certify a candidate q for γ_rkhs (see module doc for the two bounds).
 * @param K  n×n Gram, row-major, symmetric.  @param y  n labels ±1.  @param q  n nonnegative weights, Σq > 0.
 * @returns  {lower, upper, value2, minGrad, support}; lower = 0 when the witness is not positive
 *           (e.g. γ = 0: two parallel inputs with opposite labels), never NaN.
 * No shape checks (internal: callers validate); O(n·|supp q|).
 */
export function certifyRkhs(K: Float64Array, y: Float64Array, n: number, q: Float64Array): RkhsCertificate {
  let s = 0;
  let support = 0;
  let Kmax = 0;
  for (let i = 0; i < n; i++) {
    s += q[i];
    if (q[i] > 0) support++;
    const kii = Math.abs(K[i * n + i]);
    if (kii > Kmax) Kmax = kii;
  }
  // |K_ij| ≤ sqrt(K_ii K_jj) ≤ max diag for a PSD matrix; we also take the off-diagonal max over the
  // support rows below, so the bound does not rely on PSD-ness.
  const idx = new Int32Array(support);
  for (let i = 0, t = 0; i < n; i++) if (q[i] > 0) idx[t++] = i;
  const w = new Float64Array(support);
  for (let t = 0; t < support; t++) w[t] = q[idx[t]] / s;
  let value2 = 0;
  let minGrad = Infinity;
  for (let k = 0; k < n; k++) {
    let g = 0;
    for (let t = 0; t < support; t++) {
      const i = idx[t];
      const kik = K[i * n + k];
      if (Math.abs(kik) > Kmax) Kmax = Math.abs(kik);
      g += y[i] * kik * w[t];
    }
    g *= y[k];
    if (g < minGrad) minGrad = g;
    if (q[k] > 0) value2 += (q[k] / s) * g;
  }
  // Rounding allowance: each (Qq)_k is a sum of |S| terms bounded by Kmax·w_t (Σw = 1 up to n·u), and
  // value2 adds |S| more products; the division by s perturbs w by ≤ 2u relatively.
  const rho = (gammaK(support + 2) * 2 + 4 * UNIT_ROUNDOFF) * Kmax * (1 + gammaK(n));
  const up2 = value2 + 2 * rho;
  const upper = up2 > 0 ? Math.sqrt(up2) * (1 + 2 * UNIT_ROUNDOFF) : 0;
  const num = minGrad - rho;
  const den2 = value2 + rho;
  const lower = num > 0 && den2 > 0 ? (num / Math.sqrt(den2)) * (1 - 4 * UNIT_ROUNDOFF) : 0;
  return { lower: Math.min(lower, upper), upper, value2, minGrad, support };
}
