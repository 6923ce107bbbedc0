import { Matrix, SVD } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fitPca, projectPca, type Pca } from '../../src/data/pca.js';
import { topEigen } from '../../src/linalg/topEigen.js';
import { InputError, PreconditionError, ShapeError } from '../../src/errors.js';
import { makeRng } from '../../src/rng.js';
import { pcaAngleTol, U } from './tolerances.js';

const comp = (p: Pca, j: number) => p.components.subarray(j * p.d, (j + 1) * p.d);
const dotv = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** Rows with a decaying spectrum: x = Σ_j s_j z_j e_j + shift, z ~ N(0,1), s_j = 0.7^j (distinct gaps). */
function decaying(n: number, d: number, seed: string): Float64Array {
  const rng = makeRng(seed);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) X[i * d + c] = 0.7 ** c * rng.normal() + 0.3 * c;
  return X;
}

describe('fitPca: closed form', () => {
  // Oracle (hand computation): the four rows ±a r1, ±b r2 (r1 ⊥ r2 unit vectors of R^3) have mean 0 and
  // covariance (2a² r1r1ᵀ + 2b² r2r2ᵀ)/(n − 1) with n = 4, so v_1 = ±r1 (variance 2a²/3), v_2 = ±r2 (2b²/3).
  const r1 = [3 / 13, 4 / 13, 12 / 13];
  const r2 = [-4 / 5, 3 / 5, 0];
  const rows = (a: number, b: number) => Float64Array.from([...r1.map((v) => a * v), ...r1.map((v) => -a * v), ...r2.map((v) => b * v), ...r2.map((v) => -b * v)]);

  it.each(['gram', 'covariance'] as const)('%s form recovers r1, r2 and their variances', (method) => {
    const p = fitPca(rows(3, 1), 4, 3, 2, { method });
    expect(p.method).toBe(method);
    expect(Math.abs(p.variances[0] - 6)).toBeLessThan(1e-13);
    expect(Math.abs(p.variances[1] - 2 / 3)).toBeLessThan(1e-13);
    // Sign convention: the largest-magnitude entry positive → v_1 = +r1 (12/13), v_2 = −r2 (−4/5 → +4/5).
    for (let c = 0; c < 3; c++) {
      expect(comp(p, 0)[c]).toBeCloseTo(r1[c], 13);
      expect(comp(p, 1)[c]).toBeCloseTo(-r2[c], 13);
    }
    for (let c = 0; c < 3; c++) expect(p.mean[c]).toBe(0);
  });

  it('repeated eigenvalue (a = b): both variances 2a²/3 and the components span {r1, r2}', () => {
    const p = fitPca(rows(2, 2), 4, 3, 2, { method: 'covariance' });
    expect(Math.abs(p.variances[0] - 8 / 3)).toBeLessThan(1e-13);
    expect(Math.abs(p.variances[1] - 8 / 3)).toBeLessThan(1e-13);
    for (let j = 0; j < 2; j++) {
      const v = comp(p, j);
      expect(Math.abs(dotv(v, r1) ** 2 + dotv(v, r2) ** 2 - 1)).toBeLessThan(1e-13);
    }
  });
});

describe('fitPca vs ml-matrix SVD (second algorithm)', () => {
  it.each([
    [12, 30, 5, 'gram'],
    [60, 15, 6, 'covariance'],
  ] as const)('n = %i, d = %i, k = %i (%s form): components and variances agree within Davis–Kahan', (n, d, k, method) => {
    const X = decaying(n, d, `svd-${n}-${d}`);
    const p = fitPca(X, n, d, k);
    expect(p.method).toBe(method);
    // Second algorithm: SVD of the centred matrix; v_j = right singular vectors, variance σ_j²/(n − 1).
    const Xc = new Matrix(n, d);
    for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) Xc.set(i, c, X[i * d + c] - p.mean[c]);
    const svd = new SVD(Xc, { autoTranspose: true });
    const sigma = svd.diagonal;
    const V = svd.rightSingularVectors;
    const theta1 = sigma[0] ** 2;
    for (let j = 0; j < k; j++) {
      const theta = sigma[j] ** 2;
      const gap = Math.min(j > 0 ? sigma[j - 1] ** 2 - theta : Infinity, theta - sigma[j + 1] ** 2);
      const vSvd = V.getColumn(j);
      const cos = Math.abs(dotv(comp(p, j), vSvd));
      const sin = Math.sqrt(Math.max(0, 1 - cos * cos));
      expect(sin).toBeLessThanOrEqual(pcaAngleTol(p.residual, theta1, gap, n, d) + Math.sqrt(8 * U)); // √u: cos→sin
      expect(Math.abs(p.variances[j] / (theta / (n - 1)) - 1)).toBeLessThan(1e-10);
    }
  });

  it('gram and covariance forms agree on the same data', () => {
    const n = 25;
    const d = 20;
    const X = decaying(n, d, 'both-forms');
    const a = fitPca(X, n, d, 4, { method: 'gram' });
    const b = fitPca(X, n, d, 4, { method: 'covariance' });
    for (let j = 0; j < 4; j++) {
      expect(dotv(comp(a, j), comp(b, j))).toBeGreaterThan(1 - 1e-10); // same sign convention → +1
      expect(Math.abs(a.variances[j] / b.variances[j] - 1)).toBeLessThan(1e-10);
    }
  });

  it('projections are uncorrelated with the fitted variances: ZᵀZ/(n − 1) = diag(variances)', () => {
    const n = 40;
    const d = 10;
    const k = 4;
    const X = decaying(n, d, 'proj');
    const p = fitPca(X, n, d, k);
    const Z = projectPca(p, X, n);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += Z[i * k + a] * Z[i * k + b];
        const want = a === b ? p.variances[a] : 0;
        expect(Math.abs(s / (n - 1) - want)).toBeLessThan(1e-10 * p.variances[0]);
      }
    }
    // components are orthonormal
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) expect(Math.abs(dotv(comp(p, a), comp(p, b)) - (a === b ? 1 : 0))).toBeLessThan(1e-13);
  });
});

describe('topEigen (Lanczos) edge cases', () => {
  it('diagonal matrix with zeros and a repeated top value (hand values)', () => {
    const m = 6;
    const diag = [0, 5, 1, 5, 0, 2];
    const S = new Float64Array(m * m);
    diag.forEach((v, i) => (S[i * m + i] = v));
    const e = topEigen(S, m, 4, makeRng('diag'));
    expect(Array.from(e.values).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([5, 5, 2, 1]);
  });

  it('S = 0 returns zeros without dividing by zero', () => {
    const e = topEigen(new Float64Array(9), 3, 2, makeRng('zero'));
    expect(Array.from(e.values)).toEqual([0, 0]);
    expect(e.residual).toBe(0);
  });
});

describe('fitPca: input checks', () => {
  const X = decaying(5, 3, 'errors');
  it('names the field', () => {
    expect(() => fitPca(X, 1, 15, 1)).toThrow(InputError);
    expect(() => fitPca(X, 5, 3, 5)).toThrow(/^dim: /);
    expect(() => fitPca(X, 5, 3, 0)).toThrow(/^dim: /);
    expect(() => fitPca(X.subarray(1), 5, 3, 1)).toThrow(ShapeError);
    const bad = X.slice();
    bad[4] = Number.NaN;
    expect(() => fitPca(bad, 5, 3, 1)).toThrow(/^x\[1\]\[1\]: /);
  });
  it('refuses k above the rank (duplicated rows): PreconditionError', () => {
    const dup = Float64Array.of(1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0); // two distinct points → rank 1 after centring
    expect(() => fitPca(dup, 4, 3, 2)).toThrow(PreconditionError);
  });
});
