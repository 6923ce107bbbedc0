import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb } from '../../src/data/datasetArb.js';
import { twoPointArb, twoPointDataset, twoPointGammaRkhs } from '../../src/data/twoPointArb.js';
import { synthetic } from '../../src/data/synthetic.js';
import { InputError } from '../../src/errors.js';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { angle, ntkGram } from '../../src/ntk/analytic.js';
import { U, unitNormTol } from './tolerances.js';

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('datasetArb', () => {
  it('values replay from their spec, respect the constraints and lie on the sphere', () => {
    fc.assert(
      fc.property(datasetArb({ nMin: 3, nMax: 9, dMin: 2, dMax: 6, nTest: 2 }), ({ spec, ds }) => {
        const again = synthetic(spec);
        expect(bytes(again.X).equals(bytes(ds.X)) && bytes(again.y).equals(bytes(ds.y))).toBe(true);
        expect(ds.n).toBeGreaterThanOrEqual(3);
        expect(ds.n).toBeLessThanOrEqual(9);
        expect(ds.d).toBeGreaterThanOrEqual(2);
        expect(ds.d).toBeLessThanOrEqual(6);
        expect(ds.test?.n).toBe(2);
        for (let i = 0; i < ds.n; i++) {
          let s = 0;
          for (let k = 0; k < ds.d; k++) s += ds.X[i * ds.d + k] ** 2;
          expect(Math.abs(Math.sqrt(s) - 1)).toBeLessThanOrEqual(unitNormTol(ds.d));
        }
      }),
      { numRuns: 40, seed: 20241 },
    );
  });

  it('shrinks toward fewer points and lower dimension (a property failing for n ≥ 5 shrinks to n = 5, d = dMin)', () => {
    const out = fc.check(
      fc.property(datasetArb({ nMin: 2, nMax: 40, dMin: 2, dMax: 9 }), ({ ds }) => ds.n < 5),
      { seed: 7, numRuns: 200 },
    );
    expect(out.failed).toBe(true);
    const [{ spec }] = out.counterexample!;
    expect(spec.n).toBe(5);
    expect(spec.d).toBe(2);
    expect(spec.kind).toBe('linear');
    expect(spec.seed).toBe(0);
  });

  it('bothClasses keeps only datasets with both labels', () => {
    fc.assert(
      fc.property(datasetArb({ nMin: 2, nMax: 3, bothClasses: true }), ({ ds }) => ds.y.includes(1) && ds.y.includes(-1)),
      { numRuns: 30, seed: 3 },
    );
  });

  it.each([
    [{ nMin: 0 }, 'constraints.nMin'],
    [{ nMin: 5, nMax: 4 }, 'constraints.nMax'],
    [{ dMin: 0 }, 'constraints.dMin'],
    [{ kinds: [] }, 'constraints.kinds'],
    [{ kinds: ['circle'] }, 'constraints.kinds'],
    [{ difficulties: [2] }, 'constraints.difficulties'],
    [{ nTest: -1 }, 'constraints.nTest'],
  ])('%o → InputError on %s', (constraints, field) => {
    expect(() => datasetArb(constraints as never)).toThrow(InputError);
    try {
      datasetArb(constraints as never);
    } catch (e) {
      expect((e as InputError).field).toBe(field);
    }
  });
});

describe('twoPointArb', () => {
  it('two unit points at angle θ with labels (+1, −1)', () => {
    fc.assert(
      fc.property(twoPointArb(), ({ theta, d, ds }) => {
        expect(ds.n).toBe(2);
        expect(ds.d).toBe(d);
        expect(Array.from(ds.y)).toEqual([1, -1]);
        // The atan2 angle is accurate to a few ulps (Kahan); the construction cos θ·u + sin θ·w adds O(d·u).
        expect(Math.abs(angle(ds.X, ds.X, d, 0, d) - theta)).toBeLessThan(8 * (d + 2) * U);
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  // Oracle for the closed form: the certified bracket of gammaRkhs (an MDM solver, independent derivation).
  it('twoPointGammaRkhs(θ) lies in the certified γ_rkhs bracket', () => {
    for (const theta of [0.05, 0.5, 1, Math.PI / 2, 2.5, Math.PI]) {
      const ds = twoPointDataset(theta, 4, 'closed-form');
      const g = gammaRkhs(ntkGram(ds.X, 2, 4), ds.y, 2, { relGap: 1e-9 });
      const want = twoPointGammaRkhs(theta);
      // The Gram entries are rounded (the kernel of points built to θ up to O(u)): allow 1e-12 relative.
      expect(want).toBeGreaterThanOrEqual(g.lower * (1 - 1e-12));
      expect(want).toBeLessThanOrEqual(g.upper * (1 + 1e-12));
    }
    expect(twoPointGammaRkhs(Math.PI)).toBeCloseTo(0.5 * Math.sqrt(1), 15); // opposite points: γ² = 1/4
    expect(twoPointGammaRkhs(0)).toBe(0); // parallel points with opposite labels: not separable
  });

  it('refuses bad constraints', () => {
    expect(() => twoPointArb({ thetaMin: 2, thetaMax: 1 })).toThrow(/constraints.thetaMin/);
    expect(() => twoPointArb({ dMin: 1 })).toThrow(InputError);
    expect(() => twoPointDataset(4, 3, 1)).toThrow(/^theta:/);
  });
});
