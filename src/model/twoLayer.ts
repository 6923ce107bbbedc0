/**
 * The student: f(x; W) = m^{-1/2} Σ_s a_s relu(<w_s, x>), W ∈ R^{m×d} trained, a ∈ {±1}^m fixed.
 * Initialisation w_s(0) ~ N(0, I_d), a_s uniform ±1. Source: Ji & Telgarsky 2020 (arXiv 1909.12292) §2 and
 * Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract [RECALLED].
 */
import { ShapeError } from '../errors.js';
import { makeRng, normalArray } from '../rng.js';

export interface TwoLayerNet {
  /** Width (number of hidden neurons). */
  m: number;
  /** Input dimension. */
  d: number;
  /** m×d first-layer weights, row-major: W[s*d + k]. Trained. */
  W: Float64Array;
  /** m output signs a_s ∈ {−1, +1}. Fixed. */
  a: Float64Array;
}

/**
 * Sample W(0) ~ N(0, I) row by row, a ~ uniform{±1}, from one seed.
 * @throws ShapeError when m or d is not a positive integer.
 */
export function initNet(m: number, d: number, seed: number | string): TwoLayerNet {
  if (!Number.isInteger(m) || m < 1) throw new ShapeError(`initNet: width m must be a positive integer, got ${m}`);
  if (!Number.isInteger(d) || d < 1) throw new ShapeError(`initNet: dimension d must be a positive integer, got ${d}`);
  const rng = makeRng(seed);
  const W = normalArray(rng, m * d);
  const a = new Float64Array(m);
  for (let s = 0; s < m; s++) a[s] = rng.sign();
  return { m, d, W, a };
}

/** Deep copy (for keeping W(0) beside a trained W). */
export function cloneNet(net: TwoLayerNet): TwoLayerNet {
  return { m: net.m, d: net.d, W: net.W.slice(), a: net.a.slice() };
}

/**
 * Batched forward pass f(x_i; W) for all n rows of X.
 * @param X  n×d row-major.  @returns n outputs (logits).
 */
export function forward(net: TwoLayerNet, X: Float64Array, n: number, out = new Float64Array(n)): Float64Array {
  const { m, d, W, a } = net;
  if (X.length !== n * d) throw new ShapeError(`forward: X has length ${X.length}, expected n·d = ${n}·${d}`);
  const scale = 1 / Math.sqrt(m);
  for (let i = 0; i < n; i++) {
    let f = 0;
    const xo = i * d;
    for (let s = 0; s < m; s++) {
      let z = 0;
      const wo = s * d;
      for (let k = 0; k < d; k++) z += W[wo + k] * X[xo + k];
      if (z > 0) f += a[s] * z;
    }
    out[i] = f * scale;
  }
  return out;
}
