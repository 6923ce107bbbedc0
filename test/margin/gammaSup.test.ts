/**
 * Monte Carlo γ_sup, the finite-direction program and the finite-width margin. Oracles: the exact d = 2 value
 * (gammaSupExact2d, itself checked against closed forms), the two-point closed form in d = 5, direct evaluation
 * of the objective on the raw directions (no pattern merging), and weak duality at random feasible q.
 */
import { describe, expect, test } from 'vitest';
import { gammaFinite, gammaSup, gammaSupFinite, supObjective } from '../../src/margin/gammaSup.js';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { ntkGram } from '../../src/ntk/analytic.js';
import { InputError, ShapeError } from '../../src/errors.js';
import { makeRng } from '../../src/rng.js';
import { circleData, sphereData } from './sphereData.js';
import { twoPointSup } from './closedForms.js';

/** Directions are seeded, so these are fixed draws; at confidence 0.999 per interval the chance that any of
 * the 8 intervals below misses (had the seeds been random) is ≤ 0.8% (union bound). */
const CONF = 0.999;

describe('gammaSup (Monte Carlo) against exact d = 2', () => {
  test.each([
    [4, 1],
    [7, 2],
    [10, 3],
    [12, 4],
  ])('n = %i (seed %i): interval contains the exact value and shrinks with N', (n, seed) => {
    const ds = sphereData(n, 2, seed);
    const ex = gammaSupExact2d(ds.X, ds.y, n, { relGap: 1e-6 });
    const widths: number[] = [];
    for (const N of [400, 6400]) {
      const mc = gammaSup(ds.X, ds.y, n, 2, { samples: N, seed: `t${seed}`, confidence: CONF });
      expect(mc.lower).toBeLessThanOrEqual(ex.upper);
      expect(mc.upper).toBeGreaterThanOrEqual(ex.lower);
      expect(mc.lower).toBeLessThanOrEqual(mc.estimate);
      widths.push(mc.upper - mc.lower);
    }
    // Bernstein half-widths scale like 1/sqrt(N): 16× more samples should cut the width well below half
    expect(widths[1]).toBeLessThan(widths[0] / 2);
  });
});

test('two points at θ = 1.3 in d = 5 (closed form holds in any d): inside the 0.999 interval', () => {
  const d = 5;
  const rng = makeRng('two-point-d5');
  const u = Array.from({ length: d }, () => rng.normal());
  const nu = Math.hypot(...u);
  const e1 = u.map((v) => v / nu);
  let w = Array.from({ length: d }, () => rng.normal());
  const dot = w.reduce((s, v, k) => s + v * e1[k], 0);
  w = w.map((v, k) => v - dot * e1[k]);
  const nw = Math.hypot(...w);
  const e2 = w.map((v) => v / nw);
  const theta = 1.3;
  const x2 = e1.map((v, k) => Math.cos(theta) * v + Math.sin(theta) * e2[k]);
  const X = Float64Array.from([...e1, ...x2]);
  const mc = gammaSup(X, Float64Array.from([1, -1]), 2, d, { samples: 4000, seed: 3, confidence: CONF });
  const exact = twoPointSup(theta, true);
  expect(mc.lower).toBeLessThanOrEqual(exact);
  expect(mc.upper).toBeGreaterThanOrEqual(exact);
});

describe('gammaSupFinite', () => {
  const ds = sphereData(15, 4, 8);
  const N = 300;
  const rng = makeRng('finite-dirs');
  const Z = Float64Array.from({ length: N * 4 }, () => rng.normal());
  const r = gammaSupFinite(ds.X, ds.y, 15, 4, Z, N, { relGap: 1e-5 });

  test('upper equals the objective evaluated directly on the raw directions at q (pattern merging is exact)', () => {
    // the two sums differ only in order: ≤ (N + n) ulps relative
    expect(Math.abs(supObjective(ds.X, ds.y, 15, 4, Z, N, r.q) - r.upper)).toBeLessThanOrEqual(1e-12 * r.upper);
    expect(r.relGap).toBeLessThanOrEqual(1e-5);
  });

  test('weak duality: F_Z(q) ≥ lower at 200 random feasible q', () => {
    const g = makeRng('feasible-q');
    for (let t = 0; t < 200; t++) {
      const q = Float64Array.from({ length: 15 }, () => -Math.log(g.uniform() + 1e-300));
      const s = q.reduce((a, b) => a + b, 0);
      for (let i = 0; i < 15; i++) q[i] /= s;
      expect(supObjective(ds.X, ds.y, 15, 4, Z, N, q)).toBeGreaterThanOrEqual(r.lower * (1 - 1e-12));
    }
  });

  test('errors name the field', () => {
    expect(() => gammaSupFinite(ds.X, ds.y, 15, 4, Z, N + 1)).toThrow(ShapeError);
    expect(() => gammaSupFinite(ds.X, ds.y, 15, 4, Z, N, { relGap: 2 })).toThrow(/relGap/);
    expect(() => gammaSup(ds.X, ds.y, 15, 4, { samples: 0 })).toThrow(InputError);
    expect(() => gammaSup(ds.X, ds.y, 15, 4, { confidence: 1 })).toThrow(/confidence/);
  });
});

describe('gammaFinite', () => {
  test('is the finite program over the rows of W0 (same bracket as gammaSupFinite with Z = W0)', () => {
    const ds = sphereData(8, 3, 2);
    const rng = makeRng('w0');
    const m = 64;
    const W0 = Float64Array.from({ length: m * 3 }, () => rng.normal());
    const a = gammaFinite(ds.X, ds.y, 8, 3, W0, m);
    const b = gammaSupFinite(ds.X, ds.y, 8, 3, W0, m);
    expect([a.lower, a.upper]).toEqual([b.lower, b.upper]);
    expect(() => gammaFinite(ds.X, ds.y, 8, 3, W0, m + 1)).toThrow(/W0 has length/);
  });
});

describe('degeneracy and order', () => {
  test('duplicate with the opposite label: MC lower = 0, not separable, no NaN', () => {
    const c = circleData([0.3, 0.3, 1.5, 4], [1, -1, 1, -1]);
    const mc = gammaSup(c.X, c.y, 4, 2, { samples: 500 });
    expect(mc.separable).toBe(false);
    expect(mc.lower).toBe(0);
    expect(Number.isFinite(mc.upper) && Number.isFinite(mc.estimate)).toBe(true);
  });
  test('γ_sup ≤ γ_rkhs: the MC lower end never exceeds the certified γ_rkhs upper bound', () => {
    const ds = sphereData(20, 6, 12);
    const mc = gammaSup(ds.X, ds.y, 20, 6, { samples: 1000, seed: 1 });
    const rk = gammaRkhs(ntkGram(ds.X, 20, 6), ds.y, 20);
    expect(mc.lower).toBeLessThanOrEqual(rk.upper);
    expect(mc.upper).toBeLessThanOrEqual(rk.upper); // the interval is capped by the deterministic bound
  });
});
