/**
 * symEigenvalues / gramSpectrum / toMatrix. Oracles: matrices with a known spectrum built as
 * H diag(λ) H with H = I − 2vvᵀ/‖v‖² (a Householder reflector: symmetric orthogonal, so the spectrum is λ
 * exactly up to rounding — Golub & Van Loan §5.1 [RECALLED]), the 2×2 closed form, and ml-matrix's EVD
 * (independent code path with eigenvectors).
 */
import { describe, expect, test } from 'vitest';
import { EVD, Matrix } from 'ml-matrix';
import { symEigenvalues } from '../../src/linalg/symEigenvalues.js';
import { EVD_MAX_N, gramSpectrum } from '../../src/linalg/spectrum.js';
import { fromMatrix, toMatrix } from '../../src/linalg/toMatrix.js';
import { ShapeError } from '../../src/errors.js';
import { makeRng } from '../../src/rng.js';

/** Backward-stable symmetric eigensolvers: |λ̂ − λ| ≤ c·n·u·‖A‖₂ (Golub & Van Loan Thm 8.3.? / Wilkinson) [RECALLED];
 * we allow c·n = 100·n ulps of ‖A‖₂ — loose enough for any stable method, tight enough to catch a wrong one. */
const eigTol = (n: number, norm: number) => 100 * n * Number.EPSILON * norm;

function knownSpectrum(lambda: number[], seed: number): Float64Array {
  const n = lambda.length;
  const rng = makeRng(`eig/${seed}`);
  const v = Array.from({ length: n }, () => rng.normal());
  const vv = v.reduce((s, a) => s + a * a, 0);
  const A = new Float64Array(n * n);
  // (H Λ H)_ij = Σ_k H_ik λ_k H_kj, H_ik = δ_ik − 2 v_i v_k / vv
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += ((i === k ? 1 : 0) - (2 * v[i] * v[k]) / vv) * lambda[k] * ((k === j ? 1 : 0) - (2 * v[k] * v[j]) / vv);
      A[i * n + j] = s;
    }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[j * n + i] = A[i * n + j]; // exact symmetry
  return A;
}

describe('symEigenvalues', () => {
  test('known spectra (Householder similarity), including repeated, negative and zero eigenvalues', () => {
    const rng = makeRng('eig-spectra');
    for (const n of [1, 2, 3, 7, 40]) {
      const lambda = Array.from({ length: n }, (_, k) => (k % 3 === 0 ? 0 : k % 5 === 0 ? 2 : rng.normal() * 3));
      const A = knownSpectrum(lambda, n);
      const ev = symEigenvalues(A, n);
      const sorted = [...lambda].sort((a, b) => a - b);
      const norm = Math.max(...lambda.map(Math.abs));
      for (let k = 0; k < n; k++) expect(Math.abs(ev[k] - sorted[k])).toBeLessThanOrEqual(eigTol(n, norm));
    }
  });

  test('2×2 closed form: (a+c)/2 ± sqrt(((a−c)/2)² + b²)', () => {
    const [a, b, c] = [2, -0.7, 0.5];
    const ev = symEigenvalues(Float64Array.from([a, b, b, c]), 2);
    const r = Math.hypot((a - c) / 2, b);
    expect(ev[0]).toBeCloseTo((a + c) / 2 - r, 14);
    expect(ev[1]).toBeCloseTo((a + c) / 2 + r, 14);
  });

  test('agrees with ml-matrix EVD on a random symmetric 30×30 matrix', () => {
    const n = 30;
    const rng = makeRng('eig-random');
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = rng.normal();
    const ev = symEigenvalues(A, n);
    const ref = new EVD(toMatrix(A, n, n), { assumeSymmetric: true }).realEigenvalues.sort((u, v) => u - v);
    const norm = Math.max(Math.abs(ref[0]), Math.abs(ref[n - 1]));
    for (let k = 0; k < n; k++) expect(Math.abs(ev[k] - ref[k])).toBeLessThanOrEqual(eigTol(n, norm));
  });

  test('empty and shape errors', () => {
    expect(symEigenvalues(new Float64Array(0), 0).length).toBe(0);
    expect(() => symEigenvalues(new Float64Array(5), 2)).toThrow(ShapeError);
  });
});

describe('gramSpectrum', () => {
  test('both code paths against a known PSD spectrum (n = 12 via EVD, n = EVD_MAX_N + 5 via tridiagonal QL)', () => {
    for (const n of [12, EVD_MAX_N + 5]) {
      const lambda = Array.from({ length: n }, (_, k) => 0.01 + k / n);
      const s = gramSpectrum(knownSpectrum(lambda, n), n);
      expect(s.method).toBe(n <= EVD_MAX_N ? 'ml-matrix-evd' : 'tridiagonal-ql');
      expect(Math.abs(s.lambdaMin - 0.01)).toBeLessThanOrEqual(eigTol(n, 1));
      expect(Math.abs(s.lambdaMax - lambda[n - 1])).toBeLessThanOrEqual(eigTol(n, 1));
      expect(s.cond).toBeCloseTo(lambda[n - 1] / 0.01, 6);
    }
  });

  test('singular matrix: cond = Infinity when λ_min ≤ n·ε·λ_max (rank-one ones matrix, eigenvalues {0, 0, 3})', () => {
    const s = gramSpectrum(new Float64Array(9).fill(1), 3);
    expect(s.lambdaMax).toBeCloseTo(3, 14);
    expect(s.cond).toBe(Infinity);
    expect(Math.abs(s.lambdaMin)).toBeLessThan(1e-14);
  });

  test('shape errors', () => {
    expect(() => gramSpectrum(new Float64Array(3), 2)).toThrow(ShapeError);
    expect(() => gramSpectrum(new Float64Array(0), 0)).toThrow(ShapeError);
  });
});

describe('toMatrix / fromMatrix', () => {
  test('round trip is exact and row-major', () => {
    const A = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const M = toMatrix(A, 2, 3);
    expect(M.get(1, 0)).toBe(4);
    expect(M.get(0, 2)).toBe(3);
    const back = fromMatrix(M);
    expect(Array.from(back.A)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([back.rows, back.cols]).toEqual([2, 3]);
    A[0] = 99; // copy, not a view
    expect(M.get(0, 0)).toBe(1);
    expect(fromMatrix(new Matrix(0, 0)).A.length).toBe(0);
  });
  test('shape error names the expected size', () => {
    expect(() => toMatrix(new Float64Array(5), 2, 3)).toThrow(/expected rows·cols = 2·3/);
  });
});
