/**
 * The linearized student: the network replaced by its first-order expansion at W(0),
 *   f_lin(x; W) = f(x; W(0)) + <∇_W f(x; W(0)), W − W(0)> = m^{-1/2} Σ_s a_s 1[<w_s(0), x> > 0] <w_s, x>
 * (relu is positively homogeneous, so the two forms agree): the network with its activation patterns frozen at
 * initialisation. It is the model the NTK analyses reduce training to (lazy training), so its m* is the width at
 * which m random NTK features suffice — the quantity the width theorems bound — free of the feature learning that
 * lets a few neurons of the real network fit. Source: Ji & Telgarsky 2020 (arXiv 1909.12292) §2 and Chizat, Oyallon
 * & Bach 2019 (lazy training) [RECALLED]; training it in place of the network is our design [INFERRED].
 *
 * It is trained by the loop's full-batch (projected) GD on the same mean loss (src/train/loop.ts). f_lin is linear
 * in W, so every iterate has W(t) − W(0) = Σ_i c_i(t) ∇f(x_i; W(0)), and GD runs exactly in function space with the
 * width-m empirical NTK Gram K_m (src/ntk/empirical.ts): g_i = (σ(f_i) − p_i)/n, c ← c − η g, f ← f − η K_m g.
 * The projection onto ‖W − W(0)‖_F ≤ R, with ‖W − W(0)‖²_F = cᵀ K_m c = cᵀ(f − f(W(0))), scales c and f − f(W(0))
 * by R/‖W − W(0)‖_F when it is exceeded. Cost: O(n² m d / 32) once for K_m, then O(n²) per epoch, whatever m is.
 */
import { ShapeError } from '../errors.js';
import { bernoulliEntropy } from '../model/losses.js';
import { forward, type TwoLayerNet } from '../model/twoLayer.js';
import { empiricalGram } from '../ntk/empirical.js';
import { DEFAULT_ETA, DEFAULT_T } from './defaults.js';
import type { TrainOptions, TrainResult } from './loop.js';

/** Which model a width search trains: the two-layer network itself, or its linearization at W(0) (module doc). */
export type Student = 'network' | 'linearized';
export const STUDENTS: readonly Student[] = ['network', 'linearized'];

/**
 * Mean loss (1/n) Σ KL(Bern(p_i) ‖ Bern(σ(f_i))) and its gradient in f, g_i = (σ(f_i) − p_i)/n (into g).
 * KL = softplus(f) − p·f − H(p) (as klLogit, with H(p) = entropy[i] computed once), from one exp and one log1p
 * per point: this is the hot loop of a linearized run.
 */
function lossAndGradF(f: Float64Array, p: Float64Array, entropy: Float64Array, g: Float64Array): number {
  const n = f.length;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const fi = f[i];
    const e = Math.exp(-Math.abs(fi));
    const v = (fi > 0 ? fi : 0) + Math.log1p(e) - p[i] * fi - entropy[i];
    loss += v > 0 ? v : 0;
    g[i] = ((fi >= 0 ? 1 / (1 + e) : e / (1 + e)) - p[i]) / n;
  }
  return loss / n;
}

/** W(0) + Σ_i c_i ∇f(x_i; W(0)), with ∇_{w_s} f(x_i; W(0)) = m^{-1/2} a_s 1[<w_s(0), x_i> > 0] x_i. */
function weightsOf(net0: TwoLayerNet, X: Float64Array, n: number, c: Float64Array): Float64Array {
  const { m, d, a } = net0;
  const W = net0.W.slice();
  const scale = 1 / Math.sqrt(m);
  for (let s = 0; s < m; s++) {
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += net0.W[s * d + k] * X[i * d + k];
      if (!(z > 0) || c[i] === 0) continue;
      const w = c[i] * a[s] * scale;
      for (let k = 0; k < d; k++) W[s * d + k] += w * X[i * d + k];
    }
  }
  return W;
}

/**
 * Train the linearization of net at its current weights W(0) (module doc); net is not modified.
 * Same options and result as {@link trainFirstLayer} (epoch average, early stop, curve), plus W(T).
 * @param X  n×d row-major.  @param p  n target probabilities in [0, 1].
 * @returns TrainResult (f = f_lin(x_i; W(T)), or at the last computed epoch after an early stop) and W (m×d).
 * @throws ShapeError on mismatched sizes.
 */
export function trainLinearized(
  net: TwoLayerNet,
  X: Float64Array,
  n: number,
  p: Float64Array,
  opts: Omit<TrainOptions, 'kernel'> = {},
): TrainResult & { W: Float64Array } {
  const { eta = DEFAULT_ETA, T = DEFAULT_T, radius = Infinity, recordCurve = false, stopAbove = Infinity } = opts;
  if (X.length !== n * net.d) throw new ShapeError(`trainLinearized: X has length ${X.length}, expected n·d = ${n}·${net.d}`);
  if (p.length !== n) throw new ShapeError(`trainLinearized: p has length ${p.length}, expected n = ${n}`);
  const K = empiricalGram(net, X, n);
  const f0 = forward(net, X, n);
  const f = f0.slice();
  const c = new Float64Array(n);
  const g = new Float64Array(n);
  const entropy = p.map(bernoulliEntropy);
  const curve = recordCurve ? new Float64Array(T + 1) : undefined;
  const done = (avgLoss: number, finalLoss: number, epochs: number) => ({ avgLoss, finalLoss, epochs, curve, f: f.slice(), W: weightsOf(net, X, n, c) });
  let sum = 0;
  for (let t = 0; t < T; t++) {
    const loss = lossAndGradF(f, p, entropy, g);
    if (curve) curve[t] = loss;
    sum += loss;
    if (t + 1 < T && sum / T > stopAbove) return done(sum / T, loss, t + 1);
    gdStep(K, g, f, c, eta);
    if (Number.isFinite(radius)) project(f, f0, c, radius);
  }
  const finalLoss = lossAndGradF(f, p, entropy, g);
  if (curve) curve[T] = finalLoss;
  return done(T > 0 ? sum / T : finalLoss, finalLoss, T);
}

/** c ← c − η g, f ← f − η K g; four rows of K per pass, so each g[j] is loaded once per four products. */
function gdStep(K: Float64Array, g: Float64Array, f: Float64Array, c: Float64Array, eta: number): void {
  const n = g.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const gj = g[j];
      s0 += K[r0 + j] * gj;
      s1 += K[r1 + j] * gj;
      s2 += K[r2 + j] * gj;
      s3 += K[r3 + j] * gj;
    }
    f[i] -= eta * s0;
    f[i + 1] -= eta * s1;
    f[i + 2] -= eta * s2;
    f[i + 3] -= eta * s3;
  }
  for (; i < n; i++) {
    let s = 0;
    for (let j = 0, row = i * n; j < n; j++) s += K[row + j] * g[j];
    f[i] -= eta * s;
  }
  for (let k = 0; k < n; k++) c[k] -= eta * g[k];
}

/** Scale c and f − f0 so that ‖W − W(0)‖_F = √(cᵀ(f − f0)) ≤ R (the loop's projectToBall, in function space). */
function project(f: Float64Array, f0: Float64Array, c: Float64Array, R: number): void {
  let q = 0;
  for (let i = 0; i < f.length; i++) q += c[i] * (f[i] - f0[i]);
  if (!(q > R * R)) return;
  const shrink = R / Math.sqrt(q);
  for (let i = 0; i < f.length; i++) {
    c[i] *= shrink;
    f[i] = f0[i] + (f[i] - f0[i]) * shrink;
  }
}
