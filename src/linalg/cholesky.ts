/**
 * Dense Cholesky factorisation A = L·Lᵀ and solves, in place on row-major Float64Arrays, for the inner loop of
 * the interior-point margin solver (one factorisation per Newton step, so no ml-matrix crossing per step).
 * Row-oriented (Cholesky–Banachiewicz) so the inner dot products read rows of L contiguously.
 * Source: Golub & Van Loan, "Matrix Computations", Alg. 4.2.1 [RECALLED]; [CHECKED] against ml-matrix's CHO in
 * test/linalg/cholesky.test.ts.
 */
import { ShapeError } from '../errors.js';

/**
 * Factor A (n×n symmetric positive definite, row-major; only the lower triangle is read) into L, overwriting
 * the lower triangle of A (the strict upper triangle is left as is).
 * @returns true on success; false when a pivot is not positive (A not positive definite at working precision).
 * @throws ShapeError if A.length ≠ n².
 */
export function choleskyInPlace(A: Float64Array, n: number): boolean {
  if (A.length !== n * n) throw new ShapeError(`choleskyInPlace: A has length ${A.length}, expected n·n = ${n}·${n}`);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = A[ri + j];
      for (let k = 0; k < j; k++) s -= A[ri + k] * A[rj + k];
      if (i === j) {
        if (!(s > 0)) return false;
        A[ri + i] = Math.sqrt(s);
      } else {
        A[ri + j] = s / A[rj + j];
      }
    }
  }
  return true;
}

/** Solve L·Lᵀ x = b with the factor from choleskyInPlace (lower triangle of L); b is overwritten with x. */
export function choleskySolveInPlace(L: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= L[ri + k] * b[k];
    b[i] = s / L[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * b[k];
    b[i] = s / L[i * n + i];
  }
  return b;
}
