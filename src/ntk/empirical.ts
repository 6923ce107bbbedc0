/**
 * Finite-width NTK of the first layer at weights W:
 *   K_m(x, x') = <∇_W f(x), ∇_W f(x')> = <x, x'> · (1/m) Σ_s 1[<w_s,x> > 0] 1[<w_s,x'> > 0],
 * i.e. K_m = (X Xᵀ) ∘ (A Aᵀ)/m with A = 1[X Wᵀ > 0] (n×m). Since a_s² = 1, the output signs drop out.
 * Source: Ji & Telgarsky 2020 (arXiv 1909.12292) §2 [RECALLED]; converges to ntkGram as m → ∞ (Hoeffding:
 * each entry is a mean of m bounded terms), [CHECKED] in test/ntk/empirical.test.ts.
 */
import type { TwoLayerNet } from '../model/twoLayer.js';
import { ShapeError } from '../errors.js';

/**
 * Activation pattern A_is = 1[<w_s, x_i> > 0], as an n×m row-major Uint8Array.
 */
export function activationPattern(net: TwoLayerNet, X: Float64Array, n: number): Uint8Array {
  const { m, d, W } = net;
  if (X.length !== n * d) throw new ShapeError(`activationPattern: X has length ${X.length}, expected n·d = ${n}·${d}`);
  const A = new Uint8Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < m; s++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += W[s * d + k] * X[i * d + k];
      A[i * m + s] = z > 0 ? 1 : 0;
    }
  }
  return A;
}

/** Number of set bits of a 32-bit word (SWAR popcount, Hacker's Delight §5-1). */
function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Empirical NTK Gram K_m = (XXᵀ) ∘ (AAᵀ)/m. The activation rows are packed 32 neurons to a word, so (AAᵀ)_ij is a
 * popcount of ANDed words (the same integers as the plain sum, 32× fewer operations at large m).
 * @param X  n×d row-major.  @returns n×n row-major, exactly symmetric.
 */
export function empiricalGram(net: TwoLayerNet, X: Float64Array, n: number): Float64Array {
  const { m, d, W } = net;
  if (X.length !== n * d) throw new ShapeError(`empiricalGram: X has length ${X.length}, expected n·d = ${n}·${d}`);
  const words = Math.ceil(m / 32);
  const bits = new Uint32Array(n * words);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < m; s++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += W[s * d + k] * X[i * d + k];
      if (z > 0) bits[i * words + (s >>> 5)] |= 1 << (s & 31);
    }
  }
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let both = 0;
      for (let w = 0; w < words; w++) both += popcount32(bits[i * words + w] & bits[j * words + w]);
      let dot = 0;
      for (let k = 0; k < d; k++) dot += X[i * d + k] * X[j * d + k];
      const v = (dot * both) / m;
      K[i * n + j] = v;
      K[j * n + i] = v;
    }
  }
  return K;
}
