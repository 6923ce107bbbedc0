/**
 * The one gradient-descent loop for both regimes (they differ only in the targets p, see losses.ts).
 * Full-batch GD: one epoch is one step, W(t+1) = Π(W(t) − η ∇R̂(W(t))), Π the optional projection onto
 * ‖W − W(0)‖_F ≤ R. Records the epoch-averaged loss (1/T) Σ_{t<T} R̂(W(t)) — the quantity the width
 * theorems bound — and the final loss R̂(W(T)).
 * Source: Ji & Telgarsky 2020 (arXiv 1909.12292) Thm 2.2 (average of risks over GD iterates) [RECALLED];
 * Mandal–Lin–Srikant 2024 (arXiv 2412.09579) projected GD for soft labels [RECALLED].
 */
import type { TwoLayerNet } from '../model/twoLayer.js';
import { ShapeError } from '../errors.js';
import { makeBuffers, referenceKernel, type TrainKernel } from './kernel.js';
import { DEFAULT_ETA, DEFAULT_T } from './defaults.js';
import { projectToBall } from './project.js';

export interface TrainOptions {
  /** Step size η > 0. @defaultValue DEFAULT_ETA (4, src/train/defaults.ts) */
  eta?: number;
  /** Epochs T (= full-batch steps). @defaultValue DEFAULT_T (300, src/train/defaults.ts) */
  T?: number;
  /** Projection radius R on ‖W − W(0)‖_F; Infinity = plain GD. @defaultValue Infinity */
  radius?: number;
  /** Loss-and-gradient implementation. @defaultValue referenceKernel */
  kernel?: TrainKernel;
  /** Keep the per-epoch losses (length T+1; only the first `epochs` entries are set after an early stop). @defaultValue false */
  recordCurve?: boolean;
  /**
   * Early stop for a threshold test on the epoch average: stop after the first epoch t with
   * (Σ_{u≤t} R̂(W(u)))/T > stopAbove. Losses are ≥ 0, so the running sum never decreases (also in floating
   * point) and the final average would be > stopAbove as well: the decision "avgLoss ≤ stopAbove" is exactly
   * the full run's. @defaultValue Infinity (never stop)
   */
  stopAbove?: number;
}

export interface TrainResult {
  /**
   * (1/T) Σ_{t<T} R̂(W(t)), nats, when the run went all T epochs (epochs = T); after an early stop
   * (epochs < T) the partial sum (1/T) Σ_{t<epochs} R̂(W(t)), a lower bound of the full run's, > stopAbove.
   */
  avgLoss: number;
  /** R̂(W(T)), nats; after an early stop R̂(W(epochs − 1)), the last loss computed. */
  finalLoss: number;
  /** Epochs run: T, or the epoch (1-based) at which an early stop decided avgLoss > stopAbove. */
  epochs: number;
  /** R̂(W(t)) for t = 0..T when recordCurve. */
  curve?: Float64Array;
  /** Final outputs f(x_i; W(T)). */
  f: Float64Array;
}

/**
 * Train net.W in place from its current value (taken as W(0) for the projection).
 * @param X  n×d row-major.  @param p  n target probabilities in [0, 1].
 * @throws ShapeError on mismatched sizes.
 */
export function trainFirstLayer(
  net: TwoLayerNet,
  X: Float64Array,
  n: number,
  p: Float64Array,
  opts: TrainOptions = {},
): TrainResult {
  const { eta = DEFAULT_ETA, T = DEFAULT_T, radius = Infinity, kernel = referenceKernel, recordCurve = false, stopAbove = Infinity } = opts;
  const { m, d, W } = net;
  if (X.length !== n * d) throw new ShapeError(`trainFirstLayer: X has length ${X.length}, expected n·d = ${n}·${d}`);
  if (p.length !== n) throw new ShapeError(`trainFirstLayer: p has length ${p.length}, expected n = ${n}`);
  const W0 = Number.isFinite(radius) ? W.slice() : undefined;
  const buf = makeBuffers(n, m, d);
  const curve = recordCurve ? new Float64Array(T + 1) : undefined;
  let sum = 0;
  for (let t = 0; t < T; t++) {
    const loss = kernel.lossAndGrad(net, X, n, p, buf);
    if (curve) curve[t] = loss;
    sum += loss;
    // at the last epoch the run finishes normally, so epochs = T always means finalLoss = R̂(W(T))
    if (t + 1 < T && sum / T > stopAbove) return { avgLoss: sum / T, finalLoss: loss, epochs: t + 1, curve, f: buf.f.slice() };
    const G = buf.G;
    for (let k = 0; k < W.length; k++) W[k] -= eta * G[k];
    if (W0) projectToBall(W, W0, radius);
  }
  const finalLoss = kernel.lossAndGrad(net, X, n, p, buf);
  if (curve) curve[T] = finalLoss;
  return { avgLoss: T > 0 ? sum / T : finalLoss, finalLoss, epochs: T, curve, f: buf.f.slice() };
}
