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

/**
 * Empirical NTK Gram K_m = (XXᵀ) ∘ (AAᵀ)/m.
 * @param X  n×d row-major.  @returns n×n row-major, exactly symmetric.
 */
export function empiricalGram(net: TwoLayerNet, X: Float64Array, n: number): Float64Array {
  const { m, d } = net;
  const A = activationPattern(net, X, n);
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let both = 0;
      for (let s = 0; s < m; s++) both += A[i * m + s] & A[j * m + s];
      let dot = 0;
      for (let k = 0; k < d; k++) dot += X[i * d + k] * X[j * d + k];
      const v = (dot * both) / m;
      K[i * n + j] = v;
      K[j * n + i] = v;
    }
  }
  return K;
}
