import { describe, expect, it } from 'vitest';
import { erfcx, inverseMills, logUpperTail, normalTailQuantile } from '../../src/data/normalTail.js';
import { InputError } from '../../src/errors.js';
import { makeRng } from '../../src/rng.js';
import { ERFC_REL, MC_Z } from './tolerances.js';

const erfc = (x: number) => erfcx(x) * Math.exp(-x * x);

describe('erfcx / logUpperTail', () => {
  // Oracle: erfc values to 16 digits as printed by scipy.special.erfc / Wolfram Alpha [RECALLED], and the
  // textbook quantile Q(1.959963984540054) = 0.025.
  it.each([
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
  ])('erfc(%s) matches the tabulated value', (x, want) => {
    expect(Math.abs(erfc(x) / want - 1)).toBeLessThanOrEqual(ERFC_REL);
  });

  it('Q(1.959963984540054) = 0.025 and Q(0) = 1/2', () => {
    expect(Math.abs(Math.exp(logUpperTail(1.959963984540054)) / 0.025 - 1)).toBeLessThanOrEqual(ERFC_REL);
    expect(Math.exp(logUpperTail(0))).toBeCloseTo(0.5, 15);
  });

  // Oracle: the asymptotic series Q(z) = φ(z)/z·(1 − 1/z² + 3/z⁴ − 15/z⁶ + …) (A&S 26.2.12) [RECALLED];
  // truncating after 3/z⁴ leaves a log error below 16/z⁶.
  it('is finite and accurate far in the tail (z = 40, where Q underflows to 1e-350)', () => {
    const z = 40;
    const asym = -(z * z) / 2 - Math.log(z * Math.sqrt(2 * Math.PI)) + Math.log(1 - 1 / z ** 2 + 3 / z ** 4);
    expect(Math.abs(logUpperTail(z) - asym)).toBeLessThan(16 / z ** 6);
    expect(inverseMills(z)).toBeGreaterThan(z); // φ/Q > z for z > 0 (Gordon 1941 [RECALLED])
  });

  it('refuses negative or non-finite input', () => {
    expect(() => erfcx(-1)).toThrow(InputError);
    expect(() => erfcx(Number.NaN)).toThrow(InputError);
  });
});

describe('normalTailQuantile', () => {
  it('inverts the tail: Q(z) = U·Q(a) to 1e-12 relative (Newton stops at a few ulps of z)', () => {
    for (const a of [0, 0.3, 1, 4, 12, 35]) {
      for (const U of [1e-12, 1e-3, 0.25, 0.5, 0.9, 1 - 1e-9]) {
        const z = normalTailQuantile(a, U);
        expect(z).toBeGreaterThanOrEqual(a);
        // d ln Q/dz = −φ/Q, so an error δz in z gives a relative error φ/Q·δz in Q; δz ≲ 1e-14·z.
        const tol = 4 * inverseMills(z) * 1e-14 * Math.max(1, z) + 1e-13;
        expect(Math.abs(Math.exp(logUpperTail(z) - logUpperTail(a)) / U - 1)).toBeLessThan(tol);
      }
    }
  });

  it('is monotone in a for a fixed U (the coupling of the linear margin rule)', () => {
    for (const U of [0.01, 0.5, 0.99]) {
      let prev = -Infinity;
      for (let a = 0; a <= 6; a += 0.25) {
        const z = normalTailQuantile(a, U);
        expect(z).toBeGreaterThanOrEqual(prev);
        prev = z;
      }
    }
  });

  // Oracle: E[Z | Z ≥ a] = φ(a)/Q(a) and Var = 1 + aλ − λ² (λ = φ(a)/Q(a)), truncated-normal moments
  // (Johnson, Kotz & Balakrishnan, vol. 1 §10.1) [RECALLED]; φ(a)/Q(a) computed independently of our erfc via
  // the defining integral by Simpson's rule on [a, a + 12].
  it.each([0, 1, 3])('draws N(0,1) | Z ≥ %s with the right mean (Monte Carlo, 5 standard errors)', (a) => {
    const phi = (t: number) => Math.exp(-(t * t) / 2) / Math.sqrt(2 * Math.PI);
    const steps = 20000;
    const h = 12 / steps;
    let Q = 0;
    for (let s = 0; s <= steps; s++) Q += (s === 0 || s === steps ? 1 : s % 2 ? 4 : 2) * phi(a + s * h);
    Q *= h / 3;
    const lambda = phi(a) / Q;
    const sd = Math.sqrt(1 + a * lambda - lambda * lambda);
    const rng = makeRng(`tail-mc/${a}`);
    const N = 20000;
    let sum = 0;
    for (let i = 0; i < N; i++) sum += normalTailQuantile(a, 1 - rng.uniform());
    expect(Math.abs(sum / N - lambda)).toBeLessThan((MC_Z * sd) / Math.sqrt(N));
  });

  it('refuses a < 0 and U outside (0, 1]', () => {
    expect(() => normalTailQuantile(-0.1, 0.5)).toThrow(InputError);
    expect(() => normalTailQuantile(0, 0)).toThrow(InputError);
    expect(() => normalTailQuantile(0, 1.5)).toThrow(InputError);
    expect(normalTailQuantile(2, 1)).toBe(2);
  });
});
