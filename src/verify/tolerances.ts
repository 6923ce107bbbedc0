/**
 * Rounding allowances of the verification layer, one documented home per constant (cf. simple-statistics'
 * epsilon.js). These absorb floating-point error only; none of them is a statistical slack, and none was
 * tuned to make a claim pass. Each is derived from the operation count of the computation it guards.
 */

/** Unit roundoff of IEEE binary64, u = 2^-53. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Absolute allowance for comparing a computed KL(Bern(σ(a)) ‖ Bern(σ(b))) (src/model/losses.ts: three terms
 * p·softplus(−b), (1−p)·softplus(b), H(p), each within ~4u relative, of magnitude ≤ |a| + |b| + 2 ln 2, then
 * two additions) with a closed-form bound: 64·u·(1 + |a| + |b|), a factor ≈ 4 above that count.
 * Source: standard floating-point error analysis (Higham 2002, ch. 3) [INFERRED].
 */
export function klRoundingAllowance(a: number, b: number): number {
  return 64 * UNIT_ROUNDOFF * (1 + Math.abs(a) + Math.abs(b));
}

/**
 * Relative allowance for ‖∇R̂(W)‖_F ≤ min(R̂(W), 1) with both sides computed in binary64: the gradient sums
 * n·m·d products and the loss n softplus terms; with pairwise-free summation the relative error is ≤ (n + m + d)·u
 * (Higham 2002, Thm 3.1, first order) [INFERRED]. Applied as lhs ≤ rhs·(1 + GRADIENT_REL_ALLOWANCE_PER_TERM·(n+m+d)).
 */
export const GRADIENT_REL_ALLOWANCE_PER_TERM = 4 * UNIT_ROUNDOFF;

/**
 * Absolute allowance for the same comparison: the kernel forms ℓ'_i = σ(f_i) − p_i, and for p_i ∈ {0, 1} and a
 * well-fitted point σ(f_i) ≈ p_i, so the difference keeps only an absolute accuracy of ≈ 2u (σ has relative
 * error ≤ 2u, then an exact-ish subtraction) instead of a relative one; with ‖∇_W f_i‖_F ≤ 1 that is ≤ 3u on
 * ‖∇R̂‖_F. When R̂ ≈ 1e-14 the true slack of the bound (≈ R̂²/2) is far below this, and a first version without
 * this term reported a rounding artefact as a counterexample (n = d = m = 1, ‖W‖ scale 16:
 * lhs 2.864e-14 vs rhs 2.855e-14). Source: first-order error analysis [INFERRED]; allowance 4u.
 */
export const GRADIENT_ABS_ALLOWANCE = 4 * UNIT_ROUNDOFF;
