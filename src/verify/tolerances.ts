/**
 * Rounding allowances of the verification layer, one documented home per constant (cf. simple-statistics'
 * epsilon.js). These absorb floating-point error only; none of them is a statistical slack, and none was
 * tuned to make a claim pass. Each is derived from the operation count of the computation it guards.
 */

/** Unit roundoff of IEEE binary64, u = 2^-53. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Absolute allowance for comparing a computed KL(Bern(σ(a)) ‖ Bern(σ(b))) (src/train/losses.ts: three terms
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
