/**
 * marginReport: the JSON the CLI prints. Oracles: JSON round trip (plain data only), the solvers' own values
 * (same inputs, same seed), and hand-made degenerate data.
 */
import { describe, expect, test } from 'vitest';
import { marginReport } from '../../src/margin/marginReport.js';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { ntkGram } from '../../src/ntk/analytic.js';
import { fromRows } from '../../src/data/dataset.js';
import { sphereData } from './sphereData.js';

describe('marginReport', () => {
  const s = sphereData(16, 3, 4);
  const ds = { n: 16, d: 3, X: s.X, y: s.y };

  test('both readings, JSON-ready, with diagnostics', () => {
    const r = marginReport(ds, { samples: 500, seed: 2 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.n).toBe(16);
    expect(r.gammaRkhs && r.gammaSup).toBeTruthy();
    const rk = gammaRkhs(ntkGram(s.X, 16, 3), s.y, 16);
    expect(r.gammaRkhs!.lower).toBe(rk.lower);
    expect(r.gammaRkhs!.gap).toBeLessThanOrEqual(1e-6);
    expect(r.gammaSup!.samples).toBe(500);
    expect(r.gammaSup!.lower).toBeLessThanOrEqual(r.gammaRkhs!.upper);
    expect(r.lambdaMin).toBeGreaterThan(0);
    expect(r.cond).toBeCloseTo(r.lambdaMax / r.lambdaMin, 8);
    expect(r.notes.some((t) => t.startsWith('gammaRkhs: RKHS reading'))).toBe(true);
  });

  test('kind = rkhs omits the Monte Carlo part; bad kind is a usage error naming --kind', () => {
    const r = marginReport(ds, { kind: 'rkhs' });
    expect(r.gammaSup).toBeUndefined();
    expect(() => marginReport(ds, { kind: 'nope' as 'rkhs' })).toThrow(/--kind/);
  });

  test('a parallel pair with opposite labels: separable = false, lower = 0, cond = null (singular Gram)', () => {
    const bad = fromRows([[1, 0], [1, 0], [0, 1]], [1, -1, 1]);
    const r = marginReport(bad, { samples: 300 });
    expect(r.separable).toBe(false);
    expect(r.gammaRkhs!.lower).toBe(0);
    expect(r.gammaSup!.lower).toBe(0);
    expect(r.cond).toBeNull();
    expect(r.notes.join(' ')).toMatch(/NOT SEPARABLE/);
    expect(r.gammaSupExact2d!.lower).toBe(0);
  });

  test('d = 2: the exact γ_sup bracket lies inside the Monte Carlo interval (oracle: gammaSupExact2d itself)', () => {
    const s2 = sphereData(9, 2, 6);
    const r = marginReport({ n: 9, d: 2, X: s2.X, y: s2.y }, { samples: 2000, seed: 1, confidence: 0.999 });
    expect(r.gammaSupExact2d).toBeDefined();
    expect(r.gammaSup!.lower).toBeLessThanOrEqual(r.gammaSupExact2d!.upper);
    expect(r.gammaSup!.upper).toBeGreaterThanOrEqual(r.gammaSupExact2d!.lower);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
