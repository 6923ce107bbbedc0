/**
 * Uniform points on the unit sphere S^(d−1) ⊂ R^d: x = g/‖g‖ with g ~ N(0, I_d) (the Gaussian law is rotation
 * invariant, so x is uniform). Source: Muller 1959, "A note on a method for generating points uniformly on
 * n-dimensional spheres", CACM 2(4) [RECALLED]; [CHECKED] in test/data/sphere.test.ts (E x = 0, E xxᵀ = I/d).
 */
import { InputError } from '../errors.js';
import type { Rng } from '../rng.js';

/**
 * Write one uniform point of S^(d−1) into out[off .. off+d) (draws d normals; redraws the measure-zero g = 0).
 * @returns out.
 */
export function sphereInto(rng: Rng, d: number, out: Float64Array, off = 0): Float64Array {
  for (;;) {
    let s = 0;
    for (let k = 0; k < d; k++) {
      const g = rng.normal();
      out[off + k] = g;
      s += g * g;
    }
    if (s > 0) {
      const norm = Math.sqrt(s);
      for (let k = 0; k < d; k++) out[off + k] /= norm;
      return out;
    }
  }
}

/**
 * n independent uniform points on S^(d−1), drawn row by row from rng.
 * @returns n×d row-major Float64Array with unit rows.
 * @throws InputError when n is not a nonnegative integer or d not a positive integer.
 */
export function uniformSphere(n: number, d: number, rng: Rng): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new InputError('n', `uniformSphere: expected an integer ≥ 0, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new InputError('d', `uniformSphere: expected an integer ≥ 1, got ${d}`);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) sphereInto(rng, d, X, i * d);
  return X;
}
