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
 * How W(0) and the output signs are drawn.
 * - 'iid': w_s ~ N(0, I) and a_s uniform ±1, independently (Ji & Telgarsky 2020 §2).
 * - 'balanced': neurons in pairs (2j, 2j+1) with one shared w_j ~ N(0, I) and signs (+1, −1), so f(x; W(0)) = 0
 *   for every x and no width has all its signs equal (the symmetric initialisation common in NTK analyses, e.g.
 *   Chizat, Oyallon & Bach 2019 §2; our choice for this suite). For odd m the last neuron is unpaired: its w is
 *   drawn after the pairs' and its sign is +1, so f(x; W(0)) = m^{-1/2} relu(<w_m, x>) ≠ 0 there.
 */
export type InitScheme = 'iid' | 'balanced';

/** The schemes, for option parsing and schemas. */
export const INIT_SCHEMES: readonly InitScheme[] = ['iid', 'balanced'];

/**
 * Sample W(0) and a from one seed by `scheme` (see {@link InitScheme}).
 * @param m width, d input dimension. @returns W(0) m×d row-major and a ∈ {±1}^m.
 * @throws ShapeError when m or d is not a positive integer, or the scheme is unknown.
 */
export function initNet(m: number, d: number, seed: number | string, scheme: InitScheme = 'iid'): TwoLayerNet {
  if (!Number.isInteger(m) || m < 1) throw new ShapeError(`initNet: width m must be a positive integer, got ${m}`);
  if (!Number.isInteger(d) || d < 1) throw new ShapeError(`initNet: dimension d must be a positive integer, got ${d}`);
  const rng = makeRng(seed);
  const a = new Float64Array(m);
  if (scheme === 'iid') {
    const W = normalArray(rng, m * d);
    for (let s = 0; s < m; s++) a[s] = rng.sign();
    return { m, d, W, a };
  }
  if (scheme !== 'balanced') throw new ShapeError(`initNet: scheme must be 'iid' or 'balanced', got ${String(scheme)}`);
  const rows = normalArray(rng, Math.ceil(m / 2) * d);
  const W = new Float64Array(m * d);
  for (let s = 0; s < m; s++) {
    W.set(rows.subarray((s >> 1) * d, ((s >> 1) + 1) * d), s * d);
    a[s] = s % 2 === 0 ? 1 : -1;
  }
  if (m % 2 === 1) a[m - 1] = 1;
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
