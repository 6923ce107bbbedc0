/**
 * The deeper student of the paper experiment: a fully connected ReLU network with two hidden layers of widths
 * h1, h2, every layer trained (the analogue of the paper's deep-network experiment; its CIFAR-10 networks are
 * out of reach here, so this is our stand-in [INFERRED]):
 *   z1 = W1 x + b1,                 a1 = relu(z1)                       (h1)
 *   z2 = (2/h1)^{1/2} W2 a1 + b2,   a2 = relu(z2)                       (h2)
 *   f  = h2^{-1/2} v·a2 + c                                             (logit)
 * Initialisation W1, W2, v ~ N(0, 1) entrywise, b1 = b2 = 0, c = 0. With ‖x‖ = 1 every pre-activation starts
 * with unit variance (He et al. 2015's factor 2 for ReLU, written as an explicit scale in NTK style so a
 * single step size fits all widths) [RECALLED He et al. 2015; the parameterisation is our choice].
 * All parameters live in one Float64Array theta, layout [W1 (h1×d, row-major) | b1 | W2 (h2×h1) | b2 | v | c],
 * so one optimiser step treats them alike and the gradient checks against finite differences coordinate-wise.
 * The loss is the suite's one loss, mean KL(Bern(p_i) ‖ Bern(σ(f_i))) (src/model/losses.ts): hard labels are
 * p ∈ {0,1} (logistic loss), soft labels p ∈ (0,1); both regimes go through the same code.
 */
import { InputError, ShapeError } from '../errors.js';
import { klLogit, sigmoid } from './losses.js';
import { makeRng } from '../rng.js';

export interface Mlp {
  /** Input dimension. */
  d: number;
  /** Widths of the two hidden layers. */
  h1: number;
  h2: number;
  /** All parameters, layout [W1 | b1 | W2 | b2 | v | c] (see module doc); length {@link mlpParamCount}. */
  theta: Float64Array;
}

/** Number of parameters: h1·d + h1 + h2·h1 + h2 + h2 + 1. */
export function mlpParamCount(d: number, h1: number, h2: number): number {
  return h1 * d + h1 + h2 * h1 + h2 + h2 + 1;
}

/** Offsets of each block inside theta. */
export function mlpOffsets(d: number, h1: number, h2: number) {
  const W1 = 0;
  const b1 = W1 + h1 * d;
  const W2 = b1 + h1;
  const b2 = W2 + h2 * h1;
  const v = b2 + h2;
  const c = v + h2;
  return { W1, b1, W2, b2, v, c };
}

function checkPositiveInt(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new ShapeError(`initMlp: ${field} must be a positive integer, got ${value}`);
}

/**
 * Sample an MLP from one seed (W1, W2, v ~ N(0,1); biases 0).
 * @throws ShapeError when d, h1 or h2 is not a positive integer.
 */
export function initMlp(d: number, h1: number, h2: number, seed: number | string): Mlp {
  checkPositiveInt('d', d);
  checkPositiveInt('h1', h1);
  checkPositiveInt('h2', h2);
  const theta = new Float64Array(mlpParamCount(d, h1, h2));
  const o = mlpOffsets(d, h1, h2);
  const rng = makeRng(seed);
  for (let k = o.W1; k < o.b1; k++) theta[k] = rng.normal();
  for (let k = o.W2; k < o.b2; k++) theta[k] = rng.normal();
  for (let k = o.v; k < o.c; k++) theta[k] = rng.normal();
  return { d, h1, h2, theta };
}

/** Scratch space for {@link mlpLossAndGrad}: activations per sample and the gradient (allocated once). */
export interface MlpBuffers {
  /** n×h1 pre-activations z1, row-major. */
  Z1: Float64Array;
  /** n×h2 pre-activations z2, row-major. */
  Z2: Float64Array;
  /** h1 scratch for ∂R̂/∂a1 of one sample. */
  dA1: Float64Array;
  /** n outputs f. */
  f: Float64Array;
  /** Gradient of the mean loss, same layout as theta. */
  G: Float64Array;
}

export function makeMlpBuffers(net: Mlp, n: number): MlpBuffers {
  const { h1, h2 } = net;
  return {
    Z1: new Float64Array(n * h1),
    Z2: new Float64Array(n * h2),
    dA1: new Float64Array(h1),
    f: new Float64Array(n),
    G: new Float64Array(net.theta.length),
  };
}

function checkShapes(name: string, net: Mlp, X: Float64Array, n: number): void {
  if (net.theta.length !== mlpParamCount(net.d, net.h1, net.h2))
    throw new ShapeError(`${name}: theta has length ${net.theta.length}, expected ${mlpParamCount(net.d, net.h1, net.h2)}`);
  if (!Number.isInteger(n) || n < 1 || X.length !== n * net.d)
    throw new ShapeError(`${name}: X has length ${X.length}, expected n·d = ${n}·${net.d}`);
}

/**
 * Forward pass for all rows; fills Z1, Z2 and f of buf (when given) and returns f.
 * @param X  n×d row-major.  @returns n logits.
 * @throws ShapeError on mismatched sizes.
 */
export function mlpForward(net: Mlp, X: Float64Array, n: number, buf?: MlpBuffers): Float64Array {
  checkShapes('mlpForward', net, X, n);
  const { d, h1, h2, theta } = net;
  const o = mlpOffsets(d, h1, h2);
  const Z1 = buf?.Z1 ?? new Float64Array(n * h1);
  const Z2 = buf?.Z2 ?? new Float64Array(n * h2);
  const f = buf?.f ?? new Float64Array(n);
  const s2 = Math.sqrt(2 / h1);
  const s3 = 1 / Math.sqrt(h2);
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    const z1o = i * h1;
    for (let j = 0; j < h1; j++) {
      let z = theta[o.b1 + j];
      const wo = o.W1 + j * d;
      for (let k = 0; k < d; k++) z += theta[wo + k] * X[xo + k];
      Z1[z1o + j] = z;
    }
    let fi = 0;
    for (let j = 0; j < h2; j++) {
      let z = 0;
      const wo = o.W2 + j * h1;
      for (let k = 0; k < h1; k++) {
        const a = Z1[z1o + k];
        if (a > 0) z += theta[wo + k] * a;
      }
      z = s2 * z + theta[o.b2 + j];
      Z2[i * h2 + j] = z;
      if (z > 0) fi += theta[o.v + j] * z;
    }
    f[i] = s3 * fi + theta[o.c];
  }
  return f;
}

/**
 * Mean loss R̂(θ) = (1/n) Σ_i KL(Bern(p_i) ‖ Bern(σ(f_i))) and its gradient by backpropagation, written to buf.G:
 *   δ_i = (σ(f_i) − p_i)/n;  ∂c = Σ δ_i;  ∂v_j = Σ δ_i h2^{-1/2} a2_ij;
 *   g2_ij = δ_i h2^{-1/2} v_j 1[z2_ij > 0]:  ∂b2_j = Σ g2_ij,  ∂W2_jk = Σ g2_ij (2/h1)^{1/2} a1_ik;
 *   g1_ik = 1[z1_ik > 0] Σ_j g2_ij (2/h1)^{1/2} W2_jk:  ∂b1_k = Σ g1_ik,  ∂W1_kl = Σ g1_ik x_il.
 * @param X  n×d row-major.  @param p  n targets in [0, 1].  @returns R̂ in nats.
 * @throws ShapeError on mismatched sizes.
 * Source: chain rule [INFERRED]; [CHECKED] against central finite differences in test/model/mlp.test.ts.
 */
export function mlpLossAndGrad(net: Mlp, X: Float64Array, n: number, p: Float64Array, buf: MlpBuffers): number {
  if (p.length !== n) throw new ShapeError(`mlpLossAndGrad: p has length ${p.length}, expected n = ${n}`);
  mlpForward(net, X, n, buf);
  const { d, h1, h2, theta } = net;
  const o = mlpOffsets(d, h1, h2);
  const { Z1, Z2, dA1, f, G } = buf;
  const s2 = Math.sqrt(2 / h1);
  const s3 = 1 / Math.sqrt(h2);
  let loss = 0;
  G.fill(0);
  for (let i = 0; i < n; i++) {
    loss += klLogit(f[i], p[i]);
    const delta = (sigmoid(f[i]) - p[i]) / n;
    if (delta === 0) continue;
    G[o.c] += delta;
    const z1o = i * h1;
    const z2o = i * h2;
    dA1.fill(0);
    for (let j = 0; j < h2; j++) {
      const z2 = Z2[z2o + j];
      if (z2 <= 0) continue;
      G[o.v + j] += delta * s3 * z2;
      const g2 = delta * s3 * theta[o.v + j];
      G[o.b2 + j] += g2;
      const g2s = g2 * s2;
      const wo = o.W2 + j * h1;
      for (let k = 0; k < h1; k++) {
        const a1 = Z1[z1o + k];
        if (a1 <= 0) continue;
        G[wo + k] += g2s * a1;
        dA1[k] += g2s * theta[wo + k];
      }
    }
    const xo = i * d;
    for (let k = 0; k < h1; k++) {
      if (Z1[z1o + k] <= 0) continue;
      const g1 = dA1[k];
      G[o.b1 + k] += g1;
      const go = o.W1 + k * d;
      for (let l = 0; l < d; l++) G[go + l] += g1 * X[xo + l];
    }
  }
  return loss / n;
}

/** Optimiser settings for {@link trainMlp}. */
export interface MlpTrainOptions {
  /** 'adam' (Kingma & Ba 2015, bias-corrected) or plain full-batch 'gd'. @defaultValue 'adam' */
  optimizer?: 'adam' | 'gd';
  /** Step size η > 0. @defaultValue 0.01 */
  eta?: number;
  /** Full-batch steps T (one step = one epoch). @defaultValue 300 */
  T?: number;
  /** Adam's moment decay rates and stabiliser. @defaultValue 0.9, 0.999, 1e-8 (the paper's defaults) */
  beta1?: number;
  beta2?: number;
  adamEps?: number;
}

/** Adam defaults from Kingma & Ba 2015 (arXiv 1412.6980) Algorithm 1 [RECALLED]. */
export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, adamEps: 1e-8 } as const;

export interface MlpTrainResult {
  /** (1/T) Σ_{t<T} R̂(θ(t)), nats. */
  avgLoss: number;
  /** R̂(θ(T)), nats. */
  finalLoss: number;
}

/**
 * Train all parameters of net in place by full-batch Adam or GD on the mean KL loss to targets p.
 * @throws ShapeError on mismatched sizes; InputError when eta ≤ 0 or T is not a non-negative integer.
 */
export function trainMlp(net: Mlp, X: Float64Array, n: number, p: Float64Array, opts: MlpTrainOptions = {}): MlpTrainResult {
  const { optimizer = 'adam', eta = 0.01, T = 300 } = opts;
  const { beta1, beta2, adamEps } = { ...ADAM_DEFAULTS, ...opts };
  if (!(eta > 0)) throw new InputError('eta', `trainMlp: step size must be > 0, got ${eta}`);
  if (!Number.isInteger(T) || T < 0) throw new InputError('T', `trainMlp: epochs must be a non-negative integer, got ${T}`);
  checkShapes('trainMlp', net, X, n);
  const buf = makeMlpBuffers(net, n);
  const { theta } = net;
  const P = theta.length;
  const M1 = optimizer === 'adam' ? new Float64Array(P) : undefined;
  const M2 = optimizer === 'adam' ? new Float64Array(P) : undefined;
  let sum = 0;
  let b1t = 1;
  let b2t = 1;
  for (let t = 0; t < T; t++) {
    sum += mlpLossAndGrad(net, X, n, p, buf);
    const G = buf.G;
    if (M1 && M2) {
      b1t *= beta1;
      b2t *= beta2;
      const c1 = 1 / (1 - b1t);
      const c2 = 1 / (1 - b2t);
      for (let k = 0; k < P; k++) {
        const g = G[k];
        M1[k] = beta1 * M1[k] + (1 - beta1) * g;
        M2[k] = beta2 * M2[k] + (1 - beta2) * g * g;
        theta[k] -= (eta * M1[k] * c1) / (Math.sqrt(M2[k] * c2) + adamEps);
      }
    } else {
      for (let k = 0; k < P; k++) theta[k] -= eta * G[k];
    }
  }
  const finalLoss = mlpLossAndGrad(net, X, n, p, buf);
  return { avgLoss: T > 0 ? sum / T : finalLoss, finalLoss };
}
