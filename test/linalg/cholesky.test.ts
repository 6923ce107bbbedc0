/**
 * choleskyInPlace / choleskySolveInPlace. Oracles: ml-matrix's CholeskyDecomposition (independent code), the
 * residual ‖A x − b‖ (backward stability: ≤ c·n·u·‖A‖‖x‖, Higham 2002 Thm 10.4 [RECALLED]), and a hand 2×2.
 */
import { expect, test } from 'vitest';
import { CHO } from 'ml-matrix';
import { choleskyInPlace, choleskySolveInPlace } from '../../src/linalg/cholesky.js';
import { toMatrix } from '../../src/linalg/toMatrix.js';
import { makeRng } from '../../src/rng.js';

test('hand 2×2: [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]', () => {
  const A = Float64Array.from([4, 2, 2, 3]);
  expect(choleskyInPlace(A, 2)).toBe(true);
  expect([A[0], A[2], A[3]]).toEqual([2, 1, Math.SQRT2]);
});

test('random SPD 25×25: same factor as ml-matrix CHO, small residual', () => {
  const n = 25;
  const rng = makeRng('chol');
  const B = Float64Array.from({ length: n * n }, () => rng.normal());
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = i === j ? 0.5 : 0;
    for (let k = 0; k < n; k++) s += B[i * n + k] * B[j * n + k];
    A[i * n + j] = s;
  }
  const ref = new CHO(toMatrix(A, n, n)).lowerTriangularMatrix;
  const L = A.slice();
  expect(choleskyInPlace(L, n)).toBe(true);
  let normA = 0;
  for (const v of A) normA = Math.max(normA, Math.abs(v));
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) expect(Math.abs(L[i * n + j] - ref.get(i, j))).toBeLessThanOrEqual(1e-12 * Math.sqrt(normA));
  const b = Float64Array.from({ length: n }, () => rng.normal());
  const x = choleskySolveInPlace(L, n, b.slice());
  let xmax = 0;
  for (const v of x) xmax = Math.max(xmax, Math.abs(v));
  for (let i = 0; i < n; i++) {
    let r = -b[i];
    for (let k = 0; k < n; k++) r += A[i * n + k] * x[k];
    expect(Math.abs(r)).toBeLessThanOrEqual(100 * n * Number.EPSILON * normA * n * xmax);
  }
});

test('not positive definite: returns false (no NaN, no throw)', () => {
  expect(choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
  expect(choleskyInPlace(Float64Array.from([0, 0, 0, 1]), 2)).toBe(false);
  expect(() => choleskyInPlace(new Float64Array(3), 2)).toThrow(/expected n·n/);
});
