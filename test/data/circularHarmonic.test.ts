/**
 * Tests for src/data/circularHarmonic.ts and the 'harmonic' kind of src/data/synthetic.ts. Oracles: the
 * trigonometric form r^k cos(kθ) (an independent code path from complex powering), the arc count of the labels
 * around the circle, and the certified γ_rkhs bracket for the margin's fall with the degree.
 */
import { describe, expect, it } from 'vitest';
import { checkHarmonicDegree, harmonicScore } from '../../src/data/circularHarmonic.js';
import { synthetic } from '../../src/data/synthetic.js';
import { InputError } from '../../src/errors.js';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { ntkGram } from '../../src/ntk/analytic.js';
import { makeRng } from '../../src/rng.js';
import { dataKey } from '../../src/verify/widthCells.js';

describe('harmonicScore', () => {
  it('equals r^k cos(kθ) in the (x_1, x_2) plane, for d = 2 and d = 4', () => {
    const rng = makeRng('harmonic-score');
    for (const d of [2, 4]) {
      for (let t = 0; t < 50; t++) {
        const x = Float64Array.from({ length: d }, () => rng.normal());
        const r = Math.hypot(x[0], x[1]);
        const th = Math.atan2(x[1], x[0]);
        for (const k of [2, 4, 10]) {
          const want = r ** k * Math.cos(k * th);
          expect(Math.abs(harmonicScore(x, 0, k) - want)).toBeLessThan(1e-12 * Math.max(1, r ** k));
        }
      }
    }
  });
});

describe("synthetic kind 'harmonic'", () => {
  it('d = 2: the labels change sign 2k times around the circle (k = 2, 4, 8)', () => {
    for (const degree of [2, 4, 8]) {
      const ds = synthetic({ kind: 'harmonic', degree, n: 400, d: 2, seed: 3, difficulty: 0.5 });
      const order = Array.from({ length: ds.n }, (_, i) => i).sort((i, j) => Math.atan2(ds.X[2 * i + 1], ds.X[2 * i]) - Math.atan2(ds.X[2 * j + 1], ds.X[2 * j]));
      let changes = 0;
      for (let t = 0; t < ds.n; t++) if (ds.y[order[t]] !== ds.y[order[(t + 1) % ds.n]]) changes++;
      expect(changes).toBe(2 * degree);
    }
  });

  it('the NTK margin falls as the degree rises (n = 100, d = 2; certified brackets)', () => {
    const g = [2, 4, 8].map((degree) => {
      const ds = synthetic({ kind: 'harmonic', degree, n: 100, d: 2, seed: 5, difficulty: 0.5 });
      return gammaRkhs(ntkGram(ds.X, ds.n, ds.d), ds.y, ds.n);
    });
    expect(g[0].lower).toBeGreaterThan(g[1].upper);
    expect(g[1].lower).toBeGreaterThan(g[2].upper);
  });

  it('refuses odd degrees, degree 0, d = 1 and degree on another kind, naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InputError ? e.field : 'not an InputError';
      }
      return 'no error';
    };
    expect(field(() => checkHarmonicDegree(3, 2))).toBe('degree');
    expect(field(() => checkHarmonicDegree(0, 2))).toBe('degree');
    expect(field(() => synthetic({ kind: 'harmonic', degree: 5, n: 10, d: 2, seed: 1 }))).toBe('degree');
    expect(field(() => synthetic({ kind: 'harmonic', n: 10, d: 1, seed: 1 }))).toBe('d');
    expect(field(() => synthetic({ kind: 'xor', degree: 4, n: 10, d: 2, seed: 1 }))).toBe('degree');
  });

  it('width cells key a harmonic recipe by its degree (two degrees never share a cache entry)', () => {
    const ref = (degree: number) => ({ source: 'synthetic' as const, spec: { kind: 'harmonic' as const, degree, n: 100, d: 2, seed: 's' } });
    expect(dataKey(ref(4))).not.toBe(dataKey(ref(8)));
    expect(dataKey({ source: 'synthetic', spec: { kind: 'xor', n: 100, d: 5, seed: 's' } })).toBe('syn:xor:n100:d5:diff0:seed s'.replace(' ', ''));
  });
});
