/**
 * Tests for src/model/twoLayer.ts. Oracles: a hand-computed forward pass; seeded reproducibility; and the
 * initial-output moments E f(x; W(0)) = 0, E f² = ‖x‖²·E[relu(z)²] = ‖x‖²/2 (z ~ N(0,1), a = ±1 independent),
 * estimated over many inits with a 5σ error bar (Var(relu(z)²) = E relu(z)⁴ − 1/4 = 3/2 − 1/4 = 5/4 at m = 1).
 */
import { describe, expect, it } from 'vitest';
import { cloneNet, forward, initNet, type TwoLayerNet } from '../../src/model/twoLayer.js';
import { ShapeError } from '../../src/errors.js';
import { Z_MC } from '../train/tolerances.js';

describe('forward', () => {
  it('matches a hand computation', () => {
    // m = 2: f(x) = (1/√2)(+1·relu(<w1,x>) − 1·relu(<w2,x>)), w1 = (1, 2), w2 = (−1, 1), x = (0.6, 0.8):
    // <w1,x> = 2.2, <w2,x> = 0.2 → f = (2.2 − 0.2)/√2 = √2.
    const net: TwoLayerNet = { m: 2, d: 2, W: Float64Array.from([1, 2, -1, 1]), a: Float64Array.from([1, -1]) };
    expect(forward(net, Float64Array.from([0.6, 0.8]), 1)[0]).toBeCloseTo(Math.SQRT2, 14);
    // x = (−0.6, −0.8): both inactive except <w2,x> = −0.2 → f = 0.
    expect(forward(net, Float64Array.from([-0.6, -0.8]), 1)[0]).toBe(0);
  });

  it('throws ShapeError on a bad X length', () => {
    expect(() => forward(initNet(3, 2, 1), new Float64Array(3), 2)).toThrow(ShapeError);
  });
});

describe('initNet', () => {
  it('is reproducible from its seed, differs across seeds, and cloneNet copies deeply', () => {
    const a = initNet(5, 3, 'seed-a');
    const b = initNet(5, 3, 'seed-a');
    const c = initNet(5, 3, 'seed-c');
    expect(Array.from(a.W)).toEqual(Array.from(b.W));
    expect(Array.from(a.a)).toEqual(Array.from(b.a));
    expect(Array.from(a.W)).not.toEqual(Array.from(c.W));
    const k = cloneNet(a);
    k.W[0] += 1;
    expect(k.W[0]).not.toBe(a.W[0]);
  });

  it('rejects non-integer or non-positive m and d with ShapeError', () => {
    expect(() => initNet(0, 3, 1)).toThrow(ShapeError);
    expect(() => initNet(2.5, 3, 1)).toThrow(ShapeError);
    expect(() => initNet(2, 0, 1)).toThrow(ShapeError);
  });

  it('gives E f(x; W(0)) = 0 and E f² = ‖x‖²/2 within 5 standard errors (m = 1, 4000 inits)', () => {
    const N = 4000;
    const x = Float64Array.from([0.6, 0, 0.8]); // ‖x‖ = 1
    let s1 = 0;
    let s2 = 0;
    for (let k = 0; k < N; k++) {
      const f = forward(initNet(1, 3, `moment/${k}`), x, 1)[0];
      s1 += f;
      s2 += f * f;
    }
    // sd(f) = √(1/2); sd(f²) = √(5/4) at m = 1.
    expect(Math.abs(s1 / N)).toBeLessThan((Z_MC * Math.sqrt(0.5)) / Math.sqrt(N));
    expect(Math.abs(s2 / N - 0.5)).toBeLessThan((Z_MC * Math.sqrt(1.25)) / Math.sqrt(N));
  });

  describe("scheme 'balanced'", () => {
    it('gives f(x; W(0)) = 0 exactly at every even width, signs alternate +1/−1 and pair rows are equal', () => {
      const X = Float64Array.from([0.6, 0, 0.8, 0, 1, 0, -0.28, 0.96, 0]);
      for (const m of [2, 4, 10, 64]) {
        const net = initNet(m, 3, `bal/${m}`, 'balanced');
        expect(Array.from(forward(net, X, 3))).toEqual([0, 0, 0]);
        for (let s = 0; s < m; s += 2) {
          expect([net.a[s], net.a[s + 1]]).toEqual([1, -1]);
          expect(Array.from(net.W.subarray((s + 1) * 3, (s + 2) * 3))).toEqual(Array.from(net.W.subarray(s * 3, (s + 1) * 3)));
        }
      }
    });

    it('leaves the last neuron of an odd width unpaired with sign +1: f = m^{-1/2} relu(<w_m, x>)', () => {
      const x = Float64Array.from([0.6, 0, 0.8]);
      const net = initNet(5, 3, 'odd', 'balanced');
      expect(net.a[4]).toBe(1);
      const z = net.W[12] * 0.6 + net.W[14] * 0.8;
      expect(forward(net, x, 1)[0]).toBeCloseTo(Math.max(z, 0) / Math.sqrt(5), 14);
    });

    it('draws each shared row from N(0, I): E w = 0, E w² = 1 within 5 standard errors (2000 inits)', () => {
      const N = 2000;
      let s1 = 0;
      let s2 = 0;
      for (let k = 0; k < N; k++) {
        const w = initNet(2, 1, `bal-moment/${k}`, 'balanced').W[0];
        s1 += w;
        s2 += w * w;
      }
      expect(Math.abs(s1 / N)).toBeLessThan(Z_MC / Math.sqrt(N));
      expect(Math.abs(s2 / N - 1)).toBeLessThan((Z_MC * Math.sqrt(2)) / Math.sqrt(N));
    });

    it('rejects an unknown scheme with ShapeError', () => {
      expect(() => initNet(2, 3, 1, 'paired' as never)).toThrow(ShapeError);
    });
  });
});
