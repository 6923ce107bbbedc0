/**
 * Projection onto the Frobenius ball {W : ‖W − W0‖_F ≤ R}, used by the soft-label regime's projected
 * gradient descent. Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) train within a ball around the
 * initialisation [RECALLED; the norm (Frobenius) and radius R are our reading, an option stated in reports].
 * In place; returns the distance ‖W − W0‖_F after projection.
 */
export function projectToBall(W: Float64Array, W0: Float64Array, R: number): number {
  let s = 0;
  for (let k = 0; k < W.length; k++) s += (W[k] - W0[k]) ** 2;
  const dist = Math.sqrt(s);
  if (dist <= R) return dist;
  const shrink = R / dist;
  for (let k = 0; k < W.length; k++) W[k] = W0[k] + (W[k] - W0[k]) * shrink;
  return R;
}
