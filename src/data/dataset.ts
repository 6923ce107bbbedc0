/**
 * The dataset every module consumes: n inputs in R^d (row-major), labels y ∈ {−1, +1}, optional soft labels
 * p ∈ [0, 1] (the probability that y = +1), and an optional held-out test split of the same shape.
 */
import { ShapeError } from '../errors.js';

export interface Dataset {
  /** Number of samples. */
  n: number;
  /** Input dimension. */
  d: number;
  /** n×d inputs, row-major: X[i*d + k]. */
  X: Float64Array;
  /** n labels in {−1, +1}. */
  y: Float64Array;
  /** Optional n soft labels in [0, 1], P(y = +1 | x). */
  p?: Float64Array;
  /** Optional held-out test split (same d). */
  test?: Dataset;
  /** Free-form provenance shown in reports, e.g. "mnist 4 vs 9, σ=0.5, PCA 20". */
  name?: string;
}

/**
 * Build a Dataset from row arrays (no normalisation, shape checked).
 * @throws ShapeError when rows differ in length or y has the wrong length.
 */
export function fromRows(x: number[][], y: number[], p?: number[], name?: string): Dataset {
  const n = x.length;
  const d = n > 0 ? x[0].length : 0;
  if (y.length !== n) throw new ShapeError(`fromRows: y has length ${y.length}, expected n = ${n}`);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    if (x[i].length !== d) throw new ShapeError(`fromRows: x[${i}] has length ${x[i].length}, expected d = ${d}`);
    X.set(x[i], i * d);
  }
  return { n, d, X, y: Float64Array.from(y), p: p ? Float64Array.from(p) : undefined, name };
}

/** Row i of X as a subarray view (no copy). */
export function row(ds: Pick<Dataset, 'X' | 'd'>, i: number): Float64Array {
  return ds.X.subarray(i * ds.d, (i + 1) * ds.d);
}

/** Keep the samples with the given indices (copies; soft labels follow). */
export function subset(ds: Dataset, idx: readonly number[]): Dataset {
  const { d } = ds;
  const X = new Float64Array(idx.length * d);
  const y = new Float64Array(idx.length);
  const p = ds.p ? new Float64Array(idx.length) : undefined;
  idx.forEach((i, j) => {
    X.set(row(ds, i), j * d);
    y[j] = ds.y[i];
    if (p && ds.p) p[j] = ds.p[i];
  });
  return { n: idx.length, d, X, y, p, name: ds.name };
}

/**
 * Scale every row to unit Euclidean norm, in place: x_i ← x_i/‖x_i‖.
 * The norm is computed as M·sqrt(Σ (x_ik/M)²) with M = max_k |x_ik| (scaled 2-norm, as LAPACK dnrm2), so rows
 * with tiny (1e-200) or huge (1e200) entries neither underflow to a "zero vector" nor overflow to Infinity.
 * Source: Anderson, "Algorithm 978: Safe scaling in the level 1 BLAS" (2017) [RECALLED]; [CHECKED] in
 * test/data/dataset.test.ts.
 * @throws ShapeError naming the first zero row (all entries exactly 0) or a row with a non-finite entry.
 */
export function normalizeRows(X: Float64Array, n: number, d: number): Float64Array {
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let M = 0;
    for (let k = 0; k < d; k++) {
      const v = Math.abs(X[o + k]);
      if (!Number.isFinite(v)) throw new ShapeError(`normalizeRows: x[${i}][${k}] is ${X[o + k]}, expected a finite number`);
      if (v > M) M = v;
    }
    if (M === 0) throw new ShapeError(`normalizeRows: x[${i}] is a zero vector and cannot be put on the unit sphere`);
    let s = 0;
    for (let k = 0; k < d; k++) s += (X[o + k] / M) ** 2;
    const norm = M * Math.sqrt(s);
    for (let k = 0; k < d; k++) X[o + k] /= norm;
  }
  return X;
}
