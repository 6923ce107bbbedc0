import { describe, expect, it } from 'vitest';
import { angleTailQuantile, logAngleTail, wallis } from '../../src/data/angleTail.js';
import { InputError } from '../../src/errors.js';
import { makeRng } from '../../src/rng.js';
import { MC_Z, SPECIAL_REL, U } from './tolerances.js';

/** Oracle: composite Simpson's rule for ∫_φ^{π/2} cos^k ψ dψ (independent of the continued fraction). */
function simpsonTail(phi: number, d: number, panels = 200_000): number {
  const k = d - 2;
  const h = (Math.PI / 2 - phi) / panels;
  let s = 0;
  for (let i = 0; i <= panels; i++) s += (i === 0 || i === panels ? 1 : i % 2 ? 4 : 2) * Math.cos(phi + i * h) ** k;
  return (s * h) / 3;
}

describe('logAngleTail', () => {
  it('Wallis integrals: W_0 = π/2, W_1 = 1, W_2 = π/4, W_3 = 2/3, W_4 = 3π/16 (hand values)', () => {
    expect(wallis(0)).toBe(Math.PI / 2);
    expect(wallis(1)).toBe(1);
    expect(wallis(2)).toBeCloseTo(Math.PI / 4, 15);
    expect(wallis(3)).toBeCloseTo(2 / 3, 15);
    expect(wallis(4)).toBeCloseTo((3 * Math.PI) / 16, 15);
  });

  it('matches Simpson quadrature on both continued-fraction branches (d = 2 … 200)', () => {
    for (const d of [2, 3, 4, 10, 50, 200]) {
      for (const phi of [0, 0.01, 0.2, 0.7, 1.2, 1.5]) {
        const want = Math.log(simpsonTail(phi, d));
        expect(Math.abs(logAngleTail(phi, d) - want)).toBeLessThan(SPECIAL_REL * Math.max(1, Math.abs(want)));
      }
    }
  });

  it('closed forms: d = 2 → T = π/2 − φ; d = 3 → T = 1 − sin φ', () => {
    for (const phi of [0, 0.3, 1, 1.55]) {
      expect(Math.abs(Math.exp(logAngleTail(phi, 2)) - (Math.PI / 2 - phi))).toBeLessThan(8 * U);
      expect(Math.abs(Math.exp(logAngleTail(phi, 3)) - (1 - Math.sin(phi)))).toBeLessThan(8 * U);
    }
  });

  it('stays finite where T underflows (d = 784, φ = 1.5: T ≈ e^−2081)', () => {
    const v = logAngleTail(1.5, 784);
    expect(Number.isFinite(v)).toBe(true);
    // Laplace-type bound near π/2: T(φ) ≤ cos^{k}φ·(π/2 − φ), and ≥ cos^{k+1}φ·(π/2 − φ)/(k+1) (concavity).
    const k = 782;
    const c = Math.cos(1.5);
    expect(v).toBeLessThanOrEqual(k * Math.log(c) + Math.log(Math.PI / 2 - 1.5));
    expect(v).toBeGreaterThanOrEqual((k + 1) * Math.log(c) + Math.log(Math.PI / 2 - 1.5) - Math.log(k + 1));
  });
});

describe('angleTailQuantile', () => {
  it('closed forms: d = 2 → φ = π/2 − U(π/2 − α); d = 3 → sin φ = 1 − U(1 − sin α)', () => {
    for (const alpha of [0, 0.26, 1]) {
      for (const u of [1e-9, 0.3, 0.5, 0.999]) {
        expect(Math.abs(angleTailQuantile(alpha, u, 2) - (Math.PI / 2 - u * (Math.PI / 2 - alpha)))).toBeLessThan(1e-14);
        const want3 = Math.asin(1 - u * (1 - Math.sin(alpha)));
        // asin is ill-conditioned near 1: compare on the sine scale.
        expect(Math.abs(Math.sin(angleTailQuantile(alpha, u, 3)) - Math.sin(want3))).toBeLessThan(1e-14);
      }
    }
  });

  it('is ≥ α and nondecreasing in α for fixed U (the coupling of the linear rule)', () => {
    for (const d of [2, 5, 100]) {
      for (const u of [0.01, 0.5, 0.99]) {
        let prev = -Infinity;
        for (let alpha = 0; alpha < 1.5; alpha += 0.1) {
          const phi = angleTailQuantile(alpha, u, d);
          expect(phi).toBeGreaterThanOrEqual(alpha);
          expect(phi).toBeGreaterThanOrEqual(prev);
          prev = phi;
        }
      }
    }
  });

  // Oracle: with α = 0 the draw is the angle of a uniform point, so sin²φ = <u,x>² ~ Beta(1/2, (d−1)/2) has
  // mean 1/d and variance 2(d−1)/(d²(d+2)) (Beta moments) [RECALLED].
  it('α = 0 reproduces the uniform law: E sin²φ = 1/d (d = 10, Monte Carlo, 5 s.e.)', () => {
    const d = 10;
    const N = 20000;
    const rng = makeRng('angle-mc');
    let sum = 0;
    for (let i = 0; i < N; i++) sum += Math.sin(angleTailQuantile(0, 1 - rng.uniform(), d)) ** 2;
    const sd = Math.sqrt((2 * (d - 1)) / (d * d * (d + 2)));
    expect(Math.abs(sum / N - 1 / d)).toBeLessThan((MC_Z * sd) / Math.sqrt(N));
  });

  it('refuses arguments out of range', () => {
    expect(() => angleTailQuantile(-0.1, 0.5, 3)).toThrow(InputError);
    expect(() => angleTailQuantile(Math.PI / 2, 0.5, 3)).toThrow(InputError);
    expect(() => angleTailQuantile(0.1, 0, 3)).toThrow(InputError);
    expect(() => logAngleTail(0.1, 1)).toThrow(/^d:/);
    expect(angleTailQuantile(0.4, 1, 7)).toBe(0.4);
  });
});
