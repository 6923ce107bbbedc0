import { describe, expect, it } from 'vitest';
import { normalizeRows } from '../../src/data/dataset.js';
import { uniformSphere } from '../../src/data/sphere.js';
import { InputError, ShapeError } from '../../src/errors.js';
import { makeRng } from '../../src/rng.js';
import { MC_Z, unitNormTol } from './tolerances.js';

function norm(X: Float64Array, i: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += X[i * d + k] ** 2;
  return Math.sqrt(s);
}

describe('uniformSphere', () => {
  it('gives unit rows, bit-identical per seed, different across seeds', () => {
    const a = uniformSphere(50, 7, makeRng(3));
    const b = uniformSphere(50, 7, makeRng(3));
    const c = uniformSphere(50, 7, makeRng(4));
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
    for (let i = 0; i < 50; i++) expect(Math.abs(norm(a, i, 7) - 1)).toBeLessThanOrEqual(unitNormTol(7));
  });

  // Oracle: moments of the uniform law on S^{d−1}: E x_k = 0, E x_k² = 1/d, E x_k⁴ = 3/(d(d+2)), E x_j x_k = 0
  // (Muirhead 1982, Thm 1.5.7 / symmetry) [RECALLED].
  it('has the moments of the uniform law (Monte Carlo, 5 standard errors)', () => {
    const d = 3;
    const N = 20000;
    const X = uniformSphere(N, d, makeRng('sphere-moments'));
    const varSq = 3 / (d * (d + 2)) - 1 / d ** 2;
    for (let k = 0; k < d; k++) {
      let m1 = 0;
      let m2 = 0;
      let c01 = 0;
      for (let i = 0; i < N; i++) {
        m1 += X[i * d + k];
        m2 += X[i * d + k] ** 2;
        c01 += X[i * d + k] * X[i * d + ((k + 1) % d)];
      }
      expect(Math.abs(m1 / N)).toBeLessThan(MC_Z * Math.sqrt(1 / d / N));
      expect(Math.abs(m2 / N - 1 / d)).toBeLessThan(MC_Z * Math.sqrt(varSq / N));
      // E (x_j x_k)² = 1/(d(d+2)) for j ≠ k.
      expect(Math.abs(c01 / N)).toBeLessThan(MC_Z * Math.sqrt(1 / (d * (d + 2)) / N));
    }
    // Archimedes: for d = 3, x_1 is uniform on [−1, 1], so P(|x_1| < 1/2) = 1/2.
    let inside = 0;
    for (let i = 0; i < N; i++) if (Math.abs(X[i * d]) < 0.5) inside++;
    expect(Math.abs(inside / N - 0.5)).toBeLessThan(MC_Z * Math.sqrt(0.25 / N));
  });

  it('refuses bad sizes with the field name', () => {
    expect(() => uniformSphere(-1, 3, makeRng(1))).toThrow(InputError);
    expect(() => uniformSphere(2, 0, makeRng(1))).toThrow(/^d:/);
  });
});

describe('normalizeRows (scaled norm)', () => {
  it('normalises rows of tiny and huge entries without under/overflow (hand values: (1,1)/√2)', () => {
    const X = Float64Array.of(1e-200, 1e-200, 1e200, -1e200, 3, 4);
    normalizeRows(X, 3, 2);
    const r = Math.SQRT1_2;
    expect(X[0]).toBeCloseTo(r, 15);
    expect(X[1]).toBeCloseTo(r, 15);
    expect(X[2]).toBeCloseTo(r, 15);
    expect(X[3]).toBeCloseTo(-r, 15);
    expect(X[4]).toBeCloseTo(0.6, 15);
    expect(X[5]).toBeCloseTo(0.8, 15);
  });

  it('names the zero row and refuses non-finite entries', () => {
    expect(() => normalizeRows(Float64Array.of(1, 0, 0, 0), 2, 2)).toThrow(/x\[1\] is a zero vector/);
    expect(() => normalizeRows(Float64Array.of(1, Number.NaN), 1, 2)).toThrow(ShapeError);
  });
});
