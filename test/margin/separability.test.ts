/**
 * The one separability rule (src/margin/separability.ts): decided by certified lower bounds only.
 * Oracles: hand-made evidence; the three-point set {(1,0), (1,1e-8), (0,1)} with labels (1, −1, 1),
 * separable because no two points coincide (γ_rkhs > 0 ⟺ no q in the simplex cancels the NTK features), and a
 * duplicated point with opposite labels (γ = 0 exactly: q = (1/2, 1/2, 0) cancels).
 */
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/data/dataset.js';
import { parseDataset } from '../../src/data/datasetFile.js';
import { marginReport } from '../../src/margin/marginReport.js';
import { decideSeparable, SEPARABILITY_RULE, separabilityOf } from '../../src/margin/separability.js';

describe('decideSeparable', () => {
  it('a positive certified lower bound of either reading decides; zeros, NaN or nothing do not', () => {
    expect(decideSeparable({ rkhsLower: 1e-5 })).toEqual({ separable: true, decidedBy: 'gamma_rkhs.lower = 1.0000e-5 > 0', rule: SEPARABILITY_RULE });
    expect(decideSeparable({ rkhsLower: 0, supExact2dLower: 4e-5 }).separable).toBe(true);
    expect(decideSeparable({ rkhsLower: 0, supExact2dLower: 4e-5 }).decidedBy).toMatch(/^exact d = 2 gamma_sup.lower = 4\.0000e-5 > 0$/);
    expect(decideSeparable({ rkhsLower: 0, supExact2dLower: 0 })).toMatchObject({ separable: false, decidedBy: 'no certified lower bound > 0 (gamma_rkhs.lower = 0, exact d = 2 gamma_sup.lower = 0)' });
    expect(decideSeparable({ rkhsLower: Number.NaN }).separable).toBe(false);
    expect(decideSeparable({})).toMatchObject({ separable: false, decidedBy: 'no certified lower bound computed' });
  });
});

describe('separability of the issue\'s data', () => {
  for (const tiny of [1e-8, 1e-4]) {
    const ds = parseDataset({ x: [[1, 0], [1, tiny], [0, 1]], y: [1, -1, 1] });

    it(`{(1,0), (1,${tiny}), (0,1)}: separable by certified evidence, the same verdict for every margin --kind`, () => {
      const s = separabilityOf(ds);
      expect(s.separable).toBe(true);
      expect(s.margin.lower).toBeGreaterThan(0);
      for (const kind of ['both', 'sup', 'rkhs'] as const) {
        const r = marginReport(ds, { kind, samples: 500, seed: 0 });
        expect(r.separable, kind).toBe(true);
        expect(r.separableRule).toBe(SEPARABILITY_RULE);
        expect(r.separableBy).toMatch(/> 0$/);
      }
      // the Monte Carlo lower end does not certify this margin, and does not decide
      expect(marginReport(ds, { kind: 'sup', samples: 500, seed: 0 }).gammaSup!.lower).toBe(0);
    });
  }

  it('a duplicated point with opposite labels is not separable under every kind', () => {
    const bad = fromRows([[1, 0], [1, 0], [0, 1]], [1, -1, 1]);
    expect(separabilityOf(bad).separable).toBe(false);
    for (const kind of ['both', 'sup', 'rkhs'] as const) expect(marginReport(bad, { kind, samples: 300 }).separable).toBe(false);
  });
});
