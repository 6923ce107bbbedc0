/**
 * Top-k eigenpairs of a symmetric positive semidefinite matrix S (m×m) by the Lanczos process with complete
 * reorthogonalisation: s steps build an orthonormal Krylov basis Q (s×m) and the tridiagonal T = QᵀSQ, whose
 * dense EVD (ml-matrix) gives Ritz pairs (θ_j, Q y_j). Every returned pair is then verified by its true
 * residual ‖S v_j − θ_j v_j‖ ≤ tol·θ_1; if any fails, the process restarts with 2s steps (s = m is a full
 * orthogonal reduction, exact up to rounding). A breakdown (β_j ≈ 0: the Krylov space is invariant, e.g.
 * repeated or zero eigenvalues) continues from a fresh random vector orthogonal to Q, so multiplicities are
 * found too. Cost O(s·m² + s²·m) per attempt.
 * Source: Golub & Van Loan, "Matrix Computations" 4th ed., §10.1–10.3 (Lanczos, complete reorthogonalisation)
 * and Parlett, "The Symmetric Eigenvalue Problem" ch. 13 [RECALLED]. By Davis–Kahan, sin∠(v_j, exact) ≤
 * residual·θ_1/gap_j [RECALLED]. [CHECKED] against ml-matrix SVD and closed forms in test/data/pca.test.ts.
 */
import { EVD, Matrix } from 'ml-matrix';
import { NonConvergenceError } from '../errors.js';
import type { Rng } from '../rng.js';

/** Relative residual ‖S v − θ v‖/θ_1 at which a Ritz pair is accepted. */
export const TOP_EIGEN_RESIDUAL_TOL = 1e-10;
/** First attempt uses s = min(m, 3k + TOP_EIGEN_EXTRA_STEPS) Lanczos steps. */
export const TOP_EIGEN_EXTRA_STEPS = 20;
/** β_j below this multiple of max(θ-scale) counts as a breakdown (invariant Krylov space). */
const BREAKDOWN_TOL = 1e-12;

export interface TopEigen {
  /** k eigenvalues, descending. */
  values: Float64Array;
  /** k eigenvectors, k×m row-major (vector j = vectors[j*m .. (j+1)*m)), orthonormal. */
  vectors: Float64Array;
  /** Total Lanczos steps over all attempts. */
  iterations: number;
  /** max_j ‖S v_j − θ_j v_j‖/θ_1 of the returned pairs (0 when S = 0). */
  residual: number;
}

function matvec(S: Float64Array, m: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = 0;
    const io = i * m;
    for (let l = 0; l < m; l++) s += S[io + l] * x[l];
    out[i] = s;
  }
}

/** w ← w − Σ_{l<j} <q_l, w> q_l, twice ("twice is enough", Kahan/Parlett [RECALLED]); returns ‖w‖. */
function reorthogonalize(Q: Float64Array, j: number, m: number, w: Float64Array): number {
  for (let pass = 0; pass < 2; pass++) {
    for (let l = 0; l < j; l++) {
      let dot = 0;
      const lo = l * m;
      for (let i = 0; i < m; i++) dot += Q[lo + i] * w[i];
      for (let i = 0; i < m; i++) w[i] -= dot * Q[lo + i];
    }
  }
  let s = 0;
  for (let i = 0; i < m; i++) s += w[i] * w[i];
  return Math.sqrt(s);
}

/** A random unit vector orthogonal to the first j rows of Q (null when none exists, j = m). */
function freshVector(Q: Float64Array, j: number, m: number, rng: Rng): Float64Array | null {
  if (j >= m) return null;
  const w = new Float64Array(m);
  for (let attempt = 0; attempt < 10; attempt++) {
    for (let i = 0; i < m; i++) w[i] = rng.normal();
    const before = Math.sqrt(w.reduce((a, v) => a + v * v, 0));
    const norm = reorthogonalize(Q, j, m, w);
    if (norm > 1e-8 * before) {
      for (let i = 0; i < m; i++) w[i] /= norm;
      return w;
    }
  }
  throw new NonConvergenceError(`topEigen: cannot extend an orthonormal basis of ${j} vectors in R^${m}`);
}

/**
 * Top-k eigenpairs of S (see module doc).
 * @param S  m×m symmetric PSD, row-major.  @param k  1 ≤ k ≤ m.  @param rng  start vectors (seeded).
 * @param tol  relative residual target. @defaultValue TOP_EIGEN_RESIDUAL_TOL = 1e-10
 * @throws NonConvergenceError if even s = m steps leave a residual above tol (not observed).
 */
export function topEigen(S: Float64Array, m: number, k: number, rng: Rng, tol = TOP_EIGEN_RESIDUAL_TOL): TopEigen {
  let s = Math.min(m, 3 * k + TOP_EIGEN_EXTRA_STEPS);
  let total = 0;
  for (;;) {
    const Q = new Float64Array(s * m);
    const alpha = new Float64Array(s);
    const beta = new Float64Array(s); // beta[j] couples q_j and q_{j+1}
    const w = new Float64Array(m);
    Q.set(freshVector(Q, 0, m, rng)!, 0);
    let scale = 0;
    for (let j = 0; j < s; j++) {
      const qj = Q.subarray(j * m, (j + 1) * m);
      matvec(S, m, qj, w);
      let a = 0;
      for (let i = 0; i < m; i++) a += qj[i] * w[i];
      alpha[j] = a;
      scale = Math.max(scale, Math.abs(a));
      if (j + 1 === s) break;
      const b = reorthogonalize(Q, j + 1, m, w);
      if (b > BREAKDOWN_TOL * scale && b > 0) {
        beta[j] = b;
        for (let i = 0; i < m; i++) Q[(j + 1) * m + i] = w[i] / b;
      } else {
        beta[j] = 0; // invariant subspace found: continue in its orthogonal complement
        Q.set(freshVector(Q, j + 1, m, rng)!, (j + 1) * m);
      }
    }
    total += s;
    const T = new Matrix(s, s);
    for (let j = 0; j < s; j++) {
      T.set(j, j, alpha[j]);
      if (j + 1 < s) {
        T.set(j, j + 1, beta[j]);
        T.set(j + 1, j, beta[j]);
      }
    }
    const evd = new EVD(T, { assumeSymmetric: true });
    const theta = evd.realEigenvalues;
    const Y = evd.eigenvectorMatrix;
    const order = Array.from({ length: s }, (_, j) => j).sort((x, y) => theta[y] - theta[x]);
    const values = new Float64Array(k);
    const vectors = new Float64Array(k * m);
    for (let c = 0; c < k; c++) {
      values[c] = theta[order[c]];
      const v = vectors.subarray(c * m, (c + 1) * m);
      for (let j = 0; j < s; j++) {
        const yj = Y.get(j, order[c]);
        for (let i = 0; i < m; i++) v[i] += yj * Q[j * m + i];
      }
    }
    const theta1 = Math.max(values[0], 0);
    let residual = 0;
    for (let c = 0; c < k; c++) {
      const v = vectors.subarray(c * m, (c + 1) * m);
      matvec(S, m, v, w);
      let r = 0;
      for (let i = 0; i < m; i++) r += (w[i] - values[c] * v[i]) ** 2;
      residual = Math.max(residual, Math.sqrt(r));
    }
    residual = theta1 > 0 ? residual / theta1 : 0;
    if (residual <= tol) return { values, vectors, iterations: total, residual };
    if (s === m) throw new NonConvergenceError(`topEigen: residual ${residual} > ${tol} after a full reduction (m = ${m}, k = ${k})`);
    s = Math.min(m, 2 * s);
  }
}
