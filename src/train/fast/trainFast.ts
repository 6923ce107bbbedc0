/**
 * The fast path of the one training loop: the whole T-step (projected) full-batch GD of
 * src/train/loop.ts runs inside the WebAssembly kernel (assembly/kernel.ts), with X, W, W(0) and all scratch
 * resident in its memory, so nothing crosses the JS/wasm boundary per step:
 *   W(t+1) = Π_R(W(t) − η ∇R̂(W(t))),  avgLoss = (1/T) Σ_{t<T} R̂(W(t)),  finalLoss = R̂(W(T)),
 * Π_R the projection onto ‖W − W(0)‖_F ≤ R (Frobenius; R = Infinity is plain GD). One epoch is one step.
 * Same inputs and outputs as trainFirstLayer (net.W is trained in place), plus `precision`.
 * Falls back to trainFirstLayer with referenceKernel when WebAssembly SIMD is unavailable (notice on stderr).
 * Source: src/train/loop.ts [VERIFIED, same algorithm]; [CHECKED] against it in test/train/fast/trainFast.test.ts.
 */
import type { TwoLayerNet } from '../../model/twoLayer.js';
import { ShapeError, InputError } from '../../errors.js';
import { DEFAULT_ETA, DEFAULT_T } from '../defaults.js';
import { trainFirstLayer, type TrainOptions, type TrainResult } from '../loop.js';
import { loadKernel } from './wasmModule.js';
import { placeProblem, readF, readTransposed, trainArgs, type Precision } from './wasmLayout.js';

export interface FastTrainOptions extends Omit<TrainOptions, 'kernel'> {
  /**
   * Arithmetic: 'f64' matches the reference to 1e-12 relative; 'f32' (opt-in, ~2× faster) to the float32
   * rounding bounds of test/train/fast/roundingBounds.ts, ≈ (n + m + d)·2^-24 relative per step. @defaultValue 'f64'
   */
  precision?: Precision;
}

/**
 * Train net.W in place by T steps of (projected) full-batch GD on the mean KL loss to targets p.
 * @param net  student (W m×d row-major is overwritten with W(T); a fixed).
 * @param X    n×d row-major inputs.  @param p  n target probabilities in [0, 1] (hard labels: {0, 1}).
 * @returns    {avgLoss, finalLoss, epochs, curve? (length T+1 when recordCurve), f (outputs at the last W)}; an early
 *             stop (opts.stopAbove) as in trainFirstLayer.
 * @throws     ShapeError on mismatched sizes; InputError for a bad eta, T, radius, p or non-finite X.
 */
export function trainFast(
  net: TwoLayerNet,
  X: Float64Array,
  n: number,
  p: Float64Array,
  opts: FastTrainOptions = {},
): TrainResult {
  const { eta = DEFAULT_ETA, T = DEFAULT_T, radius = Infinity, recordCurve = false, precision = 'f64', stopAbove = Infinity } = opts;
  if (!Number.isInteger(T) || T < 0) throw new InputError('T', `trainFast: epochs must be a non-negative integer, got ${T}`);
  if (!(eta > 0) || !Number.isFinite(eta)) throw new InputError('eta', `trainFast: step size must be finite and > 0, got ${eta}`);
  if (!(radius > 0)) throw new InputError('radius', `trainFast: projection radius must be > 0 (Infinity = none), got ${radius}`);
  if (precision !== 'f64' && precision !== 'f32') throw new InputError('precision', `trainFast: expected 'f64' or 'f32', got ${String(precision)}`);
  if (X.length !== n * net.d) throw new ShapeError(`trainFast: X has length ${X.length}, expected n·d = ${n}·${net.d}`);
  const k = loadKernel();
  if (!(stopAbove >= 0)) throw new InputError('stopAbove', `trainFast: early-stop threshold must be ≥ 0 (Infinity = none), got ${stopAbove}`);
  if (!k) return trainFirstLayer(net, X, n, p, { eta, T, radius, recordCurve, stopAbove });
  const ex = k.exports;
  const L = placeProblem(ex, precision, net, X, n, p, T);
  const train = precision === 'f64' ? ex.train64 : ex.train32;
  train(...trainArgs(L), T, eta, radius, recordCurve ? 1 : 0, stopAbove);
  const [avgLoss, finalLoss, epochs] = new Float64Array(ex.memory.buffer, L.out, 3);
  const curve = recordCurve ? new Float64Array(ex.memory.buffer, L.curve, T + 1).slice() : undefined;
  readTransposed(ex, L, L.Wt, net.W);
  return { avgLoss, finalLoss, epochs, curve, f: readF(ex, L) };
}
