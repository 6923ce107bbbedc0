/**
 * Principal component analysis: the k orthonormal directions v_1..v_k of largest sample variance of the rows
 * of X (n×d), i.e. the top eigenvectors of the covariance C = X_cᵀX_c/(n − 1), X_c = X − 1 meanᵀ, equivalently
 * the top right singular vectors of X_c. Computed from the smaller of the two Gram forms (Pearson 1901;
 * the "snapshot" trick, Sirovich 1987 [RECALLED]):
 * - 'gram' (n ≤ d): S = X_c X_cᵀ (n×n), eigenpairs (θ_j, u_j) ⇒ v_j = X_cᵀ u_j/√θ_j;
 * - 'covariance' (n > d): S = X_cᵀ X_c (d×d), v_j its eigenvectors;
 * with the top-k eigenpairs of S by ./topEigen.ts. Variance along v_j: θ_j/(n − 1).
 * Sign convention (so results are reproducible and comparable across algorithms): the largest-magnitude
 * entry of each v_j is positive (first such entry on ties; exact ties, as in hand-made data, are then decided
 * by rounding).
 * [CHECKED] in test/data/pca.test.ts against a closed form and ml-matrix SVD of X_c (a second algorithm).
 */
import { InputError, PreconditionError, ShapeError } from '../errors.js';
import { makeRng } from '../rng.js';
import { topEigen } from '../linalg/topEigen.js';

/** A component is usable only if its variance exceeds this fraction of the largest (else X_c has rank < k). */
export const PCA_RANK_TOL = 1e-12;

export interface Pca {
  /** Input dimension. */
  d: number;
  /** Number of components. */
  k: number;
  /** Training mean (length d), subtracted before projecting. */
  mean: Float64Array;
  /** k×d row-major, orthonormal rows v_1..v_k, by decreasing variance. */
  components: Float64Array;
  /** k sample variances θ_j/(n − 1), descending. */
  variances: Float64Array;
  /** Which Gram form was diagonalised. */
  method: 'gram' | 'covariance';
  /** Subspace-iteration sweeps and final relative residual (./topEigen.ts). */
  iterations: number;
  residual: number;
}

export interface PcaOptions {
  /** Force the Gram form. @defaultValue 'auto' (gram when n ≤ d) */
  method?: 'auto' | 'gram' | 'covariance';
  /** Seed of the start block of the subspace iteration. @defaultValue 'pca' */
  seed?: number | string;
}

/**
 * Fit PCA with k components to the rows of X (see module doc).
 * @param X  n×d row-major.  @param k  1 ≤ k ≤ min(n − 1, d).
 * @throws ShapeError (X.length ≠ n·d), InputError (n < 2 or k out of range, non-finite entry),
 *         PreconditionError (fewer than k directions with positive variance, e.g. duplicated rows).
 */
export function fitPca(X: Float64Array, n: number, d: number, k: number, opts: PcaOptions = {}): Pca {
  if (!Number.isInteger(n) || n < 2) throw new InputError('n', `fitPca: needs at least 2 rows, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new InputError('d', `fitPca: expected an integer ≥ 1, got ${d}`);
  if (X.length !== n * d) throw new ShapeError(`fitPca: X has length ${X.length}, expected n·d = ${n}·${d}`);
  if (!Number.isInteger(k) || k < 1 || k > Math.min(n - 1, d)) {
    throw new InputError('dim', `fitPca: expected an integer in [1, min(n − 1, d) = ${Math.min(n - 1, d)}], got ${k}`);
  }
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) {
      const v = X[i * d + c];
      if (!Number.isFinite(v)) throw new InputError(`x[${i}][${c}]`, `fitPca: expected a finite number, got ${v}`);
      mean[c] += v;
    }
  }
  for (let c = 0; c < d; c++) mean[c] /= n;
  const Xc = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) Xc[i * d + c] = X[i * d + c] - mean[c];

  const method = opts.method === 'gram' || opts.method === 'covariance' ? opts.method : n <= d ? 'gram' : 'covariance';
  const m = method === 'gram' ? n : d;
  // S, filled on the upper triangle and mirrored (bit-symmetric). gram: S_ij = <row i, row j>;
  // covariance: S_ab = Σ_i Xc_ia Xc_ib, accumulated row by row so that Xc is read in memory order.
  const S = new Float64Array(m * m);
  if (method === 'gram') {
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += Xc[i * d + c] * Xc[j * d + c];
        S[i * n + j] = s;
        S[j * n + i] = s;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const o = i * d;
      for (let a = 0; a < d; a++) {
        const xa = Xc[o + a];
        if (xa === 0) continue;
        for (let b = a; b < d; b++) S[a * d + b] += xa * Xc[o + b];
      }
    }
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) S[b * d + a] = S[a * d + b];
  }
  const eig = topEigen(S, m, k, makeRng(opts.seed ?? 'pca'));
  const top = eig.values[0];
  for (let j = 0; j < k; j++) {
    if (!(eig.values[j] > PCA_RANK_TOL * top)) {
      throw new PreconditionError(`fitPca: only ${j} directions with positive variance, ${k} requested (rank-deficient data)`);
    }
  }
  const components = new Float64Array(k * d);
  for (let j = 0; j < k; j++) {
    const v = components.subarray(j * d, (j + 1) * d);
    if (method === 'gram') {
      const u = eig.vectors.subarray(j * n, (j + 1) * n);
      for (let i = 0; i < n; i++) {
        const ui = u[i];
        for (let c = 0; c < d; c++) v[c] += ui * Xc[i * d + c];
      }
    } else {
      v.set(eig.vectors.subarray(j * d, (j + 1) * d));
    }
    let s = 0;
    let big = 0;
    for (let c = 0; c < d; c++) {
      s += v[c] * v[c];
      if (Math.abs(v[c]) > Math.abs(v[big])) big = c;
    }
    const scale = (v[big] < 0 ? -1 : 1) / Math.sqrt(s);
    for (let c = 0; c < d; c++) v[c] *= scale;
  }
  const variances = Float64Array.from(eig.values, (t) => t / (n - 1));
  return { d, k, mean, components, variances, method, iterations: eig.iterations, residual: eig.residual };
}

/**
 * Project rows onto the components: Z_ij = <x_i − mean, v_j>.
 * @param X  n×d row-major (same d as the fit).  @returns n×k row-major.
 * @throws ShapeError when X.length ≠ n·pca.d.
 */
export function projectPca(pca: Pca, X: Float64Array, n: number): Float64Array {
  const { d, k, mean, components } = pca;
  if (X.length !== n * d) throw new ShapeError(`projectPca: X has length ${X.length}, expected n·d = ${n}·${d}`);
  const Z = new Float64Array(n * k);
  const xc = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) xc[c] = X[i * d + c] - mean[c];
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += components[j * d + c] * xc[c];
      Z[i * k + j] = s;
    }
  }
  return Z;
}
