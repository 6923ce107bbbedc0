/**
 * Closed forms of both margin readings for two unit points at angle θ (the oracles of the margin solver properties).
 */

/**
 * Two unit points at angle θ. K_11 = K_22 = 1/2 and k = K_12 = cos θ (π − θ)/(2π).
 * Opposite labels: Q = [[1/2, −k], [−k, 1/2]]; qᵀQq is symmetric in (q1, q2) and convex, so the minimum over
 * the simplex is at q = (1/2, 1/2): γ² = (1/2 + 1/2 − 2k)/4 ⇒ γ = sqrt(1 − 2k)/2. Same labels: γ = sqrt(1 + 2k)/2
 * (Q_12 = +k; still convex since |k| ≤ 1/2). [INFERRED, derivation here]
 */
export function twoPointRkhs(theta: number, opposite: boolean): number {
  const k = (Math.cos(theta) * (Math.PI - theta)) / (2 * Math.PI);
  return Math.sqrt(opposite ? 1 - 2 * k : 1 + 2 * k) / 2;
}

/**
 * Two unit points at angle θ, z ~ N(0, I): P(both active) = (π − θ)/2π, P(only x_1) = P(only x_2) = θ/2π.
 *   F(q) = (π−θ)/2π ‖q_1 x_1 ∓ q_2 x_2‖ + θ/2π (q_1 + q_2),   ∓: opposite / same labels.
 * ‖q_1x_1 ∓ q_2x_2‖² = 1 − 2q_1q_2(1 ± cos θ) is smallest at q = (1/2, 1/2), so
 *   γ_sup = (π−θ)/2π · sin(θ/2) + θ/2π (opposite),   (π−θ)/2π · cos(θ/2) + θ/2π (same).  [INFERRED, here]
 * The same value holds in any d (z's projection onto span{x_1, x_2} is a 2-d standard Gaussian).
 */
export function twoPointSup(theta: number, opposite: boolean): number {
  const both = (Math.PI - theta) / (2 * Math.PI);
  return both * (opposite ? Math.sin(theta / 2) : Math.cos(theta / 2)) + theta / (2 * Math.PI);
}

