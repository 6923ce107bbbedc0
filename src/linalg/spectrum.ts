/**
 * Spectral diagnostics of a Gram matrix: λ_min, λ_max and cond = λ_max/λ_min (2-norm condition number of a
 * symmetric PSD matrix). Small n goes through ml-matrix's EVD (one toMatrix crossing per Gram); larger n uses
 * the eigenvalues-only port ./symEigenvalues.ts (same algorithm without eigenvectors, ~7× fewer flops and no
 * per-element get/set). Source: Golub & Van Loan, "Matrix Computations", §8.3 [RECALLED].
 */
import { EVD } from 'ml-matrix';
import { ShapeError } from '../errors.js';
import { symEigenvalues } from './symEigenvalues.js';
import { toMatrix } from './toMatrix.js';

/** Largest n sent to ml-matrix's EVD (with eigenvectors); measured ~1 s at n = 300 on the 2-core machine. */
export const EVD_MAX_N = 300;

export interface GramSpectrum {
  /** Smallest eigenvalue (may be a tiny negative number for a singular PSD matrix: rounding, reported as is). */
  lambdaMin: number;
  lambdaMax: number;
  /** λ_max/λ_min, or Infinity when λ_min ≤ n·ε·λ_max (singular at working precision, see below). */
  cond: number;
  method: 'ml-matrix-evd' | 'tridiagonal-ql';
}

/**
 * @param K  n×n symmetric matrix, row-major.
 * @throws ShapeError if K.length ≠ n², or n < 1.
 */
export function gramSpectrum(K: Float64Array, n: number): GramSpectrum {
  if (!(n >= 1) || K.length !== n * n) throw new ShapeError(`gramSpectrum: K has length ${K.length}, expected n·n with n ≥ 1 (n = ${n})`);
  let lambdaMin: number;
  let lambdaMax: number;
  let method: GramSpectrum['method'];
  if (n <= EVD_MAX_N) {
    const ev = new EVD(toMatrix(K, n, n), { assumeSymmetric: true }).realEigenvalues;
    lambdaMin = Math.min(...ev);
    lambdaMax = Math.max(...ev);
    method = 'ml-matrix-evd';
  } else {
    const ev = symEigenvalues(K, n);
    lambdaMin = ev[0];
    lambdaMax = ev[n - 1];
    method = 'tridiagonal-ql';
  }
  // A backward-stable symmetric eigensolver returns eigenvalues of K + E with ‖E‖₂ ≲ n·ε·‖K‖₂ (Golub & Van Loan
  // §8.3, Wilkinson) [RECALLED]: any λ_min below that level is indistinguishable from 0, so cond is Infinity.
  const cond = lambdaMin > n * Number.EPSILON * Math.abs(lambdaMax) ? lambdaMax / lambdaMin : Infinity;
  return { lambdaMin, lambdaMax, cond, method };
}
