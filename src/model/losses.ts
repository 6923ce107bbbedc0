/**
 * The one training loss, for both regimes: the Bernoulli KL divergence between target probability p and the
 * student's σ(f),
 *   ℓ(f; p) = KL(Bern(p) ‖ Bern(σ(f))) = p·softplus(−f) + (1−p)·softplus(f) − H(p),   ∂ℓ/∂f = σ(f) − p.
 * Hard labels are p = (1+y)/2 ∈ {0, 1}, where H(p) = 0 and ℓ is exactly the logistic loss ln(1 + e^{−y f}):
 * one loop serves both regimes, so nothing can bias the comparison. Losses are in nats.
 * Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract — soft labels from a teacher, KL/cross-entropy
 * student loss [RECALLED; exact form our reading]. All functions are stable for |f| up to 1e300.
 */

/** softplus(z) = ln(1 + e^z), stable: max(z, 0) + log1p(e^{−|z|}). */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Logistic sigmoid σ(z) = 1/(1 + e^{−z}), stable for any finite z (never NaN). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Bernoulli entropy H(p) = −p ln p − (1−p) ln(1−p) in nats, with 0 ln 0 = 0. */
export function bernoulliEntropy(p: number): number {
  const t = (q: number) => (q > 0 ? -q * Math.log(q) : 0);
  return t(p) + t(1 - p);
}

/** ℓ(f; p) = KL(Bern(p) ‖ Bern(σ(f))) ≥ 0, in nats (see module doc). */
export function klLogit(f: number, p: number): number {
  const v = p * softplus(-f) + (1 - p) * softplus(f) - bernoulliEntropy(p);
  return v > 0 ? v : 0; // rounding can leave −1e-17 when σ(f) = p exactly
}

/** KL(Bern(σ(a)) ‖ Bern(σ(b))) for two logits, in nats. */
export function klBetweenLogits(a: number, b: number): number {
  return klLogit(b, sigmoid(a));
}

/** Logistic loss ln(1 + e^{−y f}) for a label y = ±1. */
export function logisticLoss(f: number, y: number): number {
  return softplus(-y * f);
}

/** Target probabilities for hard labels: p_i = (1 + y_i)/2 ∈ {0, 1}. */
export function hardTargets(y: Float64Array): Float64Array {
  return y.map((v) => (v > 0 ? 1 : 0));
}
