/**
 * Lazy-training diagnostics of a trained first layer against its initialisation (claims lazy-training and lazy-radius-jt):
 *   maxMovement     = max_s ‖w_s(T) − w_s(0)‖₂ (per-neuron Euclidean distance; √m·maxMovement is the
 *                     scale-free quantity Ji–Telgarsky bound by their radius),
 *   movement        = ‖W(T) − W(0)‖_F (the distance the soft regime's projection bounds by its radius),
 *   flippedFraction = (1/(n·m)) Σ_{i,s} 1[A_is(T) ≠ A_is(0)],  A_is = 1[<w_s, x_i> > 0] on the training inputs.
 * Source: Ji & Telgarsky 2020 (arXiv 1909.12292) §2–3, neurons stay near init and few activations flip
 * [RECALLED]; the two statistics as defined here are our reading [INFERRED].
 */
import type { TwoLayerNet } from '../model/twoLayer.js';
import { activationPattern } from '../ntk/empirical.js';
import { ShapeError } from '../errors.js';

/** max_s ‖w_s − w0_s‖₂ over the m rows of W (m×d row-major). @throws ShapeError on mismatched nets. */
export function maxNeuronMovement(net: TwoLayerNet, net0: TwoLayerNet): number {
  const { m, d, W } = net;
  if (net0.m !== m || net0.d !== d) {
    throw new ShapeError(`maxNeuronMovement: nets differ in shape (${m}×${d} vs ${net0.m}×${net0.d})`);
  }
  const W0 = net0.W;
  let best = 0;
  for (let s = 0; s < m; s++) {
    let sq = 0;
    for (let k = 0; k < d; k++) sq += (W[s * d + k] - W0[s * d + k]) ** 2;
    if (sq > best) best = sq;
  }
  return Math.sqrt(best);
}

/** ‖W − W0‖_F over the whole m×d matrix. @throws ShapeError on mismatched nets. */
export function frobeniusMovement(net: TwoLayerNet, net0: TwoLayerNet): number {
  if (net0.m !== net.m || net0.d !== net.d) {
    throw new ShapeError(`frobeniusMovement: nets differ in shape (${net.m}×${net.d} vs ${net0.m}×${net0.d})`);
  }
  let sq = 0;
  for (let k = 0; k < net.W.length; k++) sq += (net.W[k] - net0.W[k]) ** 2;
  return Math.sqrt(sq);
}

/** Fraction of the n·m activation indicators on X (n×d) that differ between net and net0, in [0, 1]. */
export function flippedFraction(net: TwoLayerNet, net0: TwoLayerNet, X: Float64Array, n: number): number {
  const A = activationPattern(net, X, n);
  const A0 = activationPattern(net0, X, n);
  let flips = 0;
  for (let k = 0; k < A.length; k++) flips += A[k] ^ A0[k];
  return A.length > 0 ? flips / A.length : 0;
}
