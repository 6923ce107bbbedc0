/**
 * Infinite-width NTK of the first layer of f(x; W) = m^{-1/2} Σ_s a_s relu(<w_s, x>), w_s ~ N(0, I_d),
 * a_s = ±1 fixed, only W trained:
 *   K(x, x') = <x, x'> · E_w[1[<w,x> > 0] 1[<w,x'> > 0]] = <x, x'> (π − θ) / (2π),
 * θ the angle between x and x'. Source: Ji & Telgarsky 2020 (arXiv 1909.12292) §2, the kernel of the
 * features x ↦ x·1[<w,x> > 0] [RECALLED]; the orthant probability (π − θ)/(2π) is Sheppard's formula
 * [VERIFIED textbook]; [CHECKED] against the empirical Gram in test/ntk/*.test.ts.
 */
import { ShapeError } from '../errors.js';

/**
 * Angle between x and x' in [0, π], computed stably as θ = 2·atan2(‖x̂ − x̂'‖, ‖x̂ + x̂'‖) on the unit
 * vectors (Kahan, "How futile are mindless assessments of roundoff", §12) [RECALLED]: exact at θ = 0 and π
 * and accurate for nearly parallel inputs, where acos(<x̂,x̂'>) loses half the digits.
 * Zero vectors have no angle: returns π/2 (the kernel is 0 there anyway since <x,x'> = 0).
 * Norms whose squares overflow or underflow (entries beyond ~1e154 or below ~1e-150) are first scaled by the
 * largest |entry| (see SAFE_SQUARED_NORM_MIN), so any finite nonzero input gets its true angle.
 * @param x, xp  arrays of equal length d (any norm, finite entries).
 * @param offX, offXp  start offsets (for rows of a row-major matrix).
 */
export function angle(x: ArrayLike<number>, xp: ArrayLike<number>, d: number, offX = 0, offXp = 0): number {
  let nx = 0;
  let nxp = 0;
  for (let k = 0; k < d; k++) {
    nx += x[offX + k] ** 2;
    nxp += xp[offXp + k] ** 2;
  }
  if (!(nx >= SAFE_SQUARED_NORM_MIN && nx < Infinity && nxp >= SAFE_SQUARED_NORM_MIN && nxp < Infinity)) {
    return angleScaled(x, xp, d, offX, offXp);
  }
  const ix = 1 / Math.sqrt(nx);
  const ixp = 1 / Math.sqrt(nxp);
  let diff = 0;
  let sum = 0;
  for (let k = 0; k < d; k++) {
    const u = x[offX + k] * ix;
    const v = xp[offXp + k] * ixp;
    diff += (u - v) ** 2;
    sum += (u + v) ** 2;
  }
  return 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
}

/**
 * Smallest squared norm taken without rescaling: 2^-900. Squares of entries below 2^-511 are subnormal or 0 and
 * lose digits, but when ‖x‖² ≥ 2^-900 such entries weigh < 2^-122 relative, far below one ulp [INFERRED]. Inputs
 * on the unit sphere never reach the scaled path, so their angles are unchanged bit for bit.
 */
export const SAFE_SQUARED_NORM_MIN = 2 ** -900;

/** The angle of {@link angle} with each vector first divided by its largest |entry| (overflow/underflow-safe). */
function angleScaled(x: ArrayLike<number>, xp: ArrayLike<number>, d: number, offX: number, offXp: number): number {
  let Mx = 0;
  let Mxp = 0;
  for (let k = 0; k < d; k++) {
    Mx = Math.max(Mx, Math.abs(x[offX + k]));
    Mxp = Math.max(Mxp, Math.abs(xp[offXp + k]));
  }
  if (Mx === 0 || Mxp === 0) return Math.PI / 2;
  let sx = 0;
  let sxp = 0;
  for (let k = 0; k < d; k++) {
    sx += (x[offX + k] / Mx) ** 2;
    sxp += (xp[offXp + k] / Mxp) ** 2;
  }
  const rx = Math.sqrt(sx);
  const rxp = Math.sqrt(sxp);
  let diff = 0;
  let sum = 0;
  for (let k = 0; k < d; k++) {
    const u = x[offX + k] / Mx / rx;
    const v = xp[offXp + k] / Mxp / rxp;
    diff += (u - v) ** 2;
    sum += (u + v) ** 2;
  }
  return 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
}

/** K(x, x') for two vectors of length d (see module doc). */
export function ntkKernel(x: ArrayLike<number>, xp: ArrayLike<number>, d: number, offX = 0, offXp = 0): number {
  let dot = 0;
  for (let k = 0; k < d; k++) dot += x[offX + k] * xp[offXp + k];
  const theta = angle(x, xp, d, offX, offXp);
  return (dot * (Math.PI - theta)) / (2 * Math.PI);
}

/**
 * Infinite-width NTK Gram matrix K_ij = K(x_i, x_j).
 * @param X  n×d inputs, row-major, length n·d; rows need not be unit-norm.
 * @returns  n×n symmetric PSD matrix, row-major; symmetric to the last bit (upper triangle mirrored).
 * @throws   ShapeError if X.length ≠ n·d.
 */
export function ntkGram(X: Float64Array, n: number, d: number): Float64Array {
  if (X.length !== n * d) throw new ShapeError(`ntkGram: X has length ${X.length}, expected n·d = ${n}·${d}`);
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = ntkKernel(X, X, d, i * d, j * d);
      K[i * n + j] = v;
      K[j * n + i] = v;
    }
  }
  return K;
}

/** Cross-kernel K(X_test, X_train): nt×n row-major, for predictions of a kernel teacher on new points. */
export function ntkCross(Xt: Float64Array, nt: number, X: Float64Array, n: number, d: number): Float64Array {
  const K = new Float64Array(nt * n);
  for (let i = 0; i < nt; i++) for (let j = 0; j < n; j++) K[i * n + j] = ntkKernel(Xt, X, d, i * d, j * d);
  return K;
}
