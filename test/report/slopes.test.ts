import { describe, expect, it } from 'vitest';
import { fitSlopes } from '../../src/report/slopes.js';
import { powerLawCells } from './fixtures/records.js';

describe('fitSlopes', () => {
  it('soft m* = 2/(γ²ε): slope 2 in 1/γ and 1 in 1/ε; hard m* = ln(1/ε)/γ⁴: slope 4 in 1/γ', () => {
    const fits = fitSlopes(powerLawCells());
    const get = (regime: string, against: string) => fits.find((f) => f.regime === regime && f.against === against)!;
    expect(get('soft', 'invGamma').slope).toBeCloseTo(2, 12);
    expect(get('soft', 'invEps').slope).toBeCloseTo(1, 12);
    expect(get('hard', 'invGamma').slope).toBeCloseTo(4, 12);
    // hard in 1/ε: ln(ln(1/ε)) against ln(1/ε) over ε ∈ {0.05, 0.1, 0.2} — OLS by hand:
    const xs = [20, 10, 5].map(Math.log);
    const ys = [20, 10, 5].map((v) => Math.log(Math.log(v)));
    const mx = xs.reduce((a, b) => a + b) / 3;
    const my = ys.reduce((a, b) => a + b) / 3;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(get('hard', 'invEps').slope).toBeCloseTo(slope, 12);
    expect(get('hard', 'invEps').theory).toBe('ln');
  });

  it('fits at the fixed value with the most distinct points and counts capped cells', () => {
    const cells = [
      { regime: 'soft' as const, gamma: 0.1, eps: 0.1, mStar: 100 },
      { regime: 'soft' as const, gamma: 0.2, eps: 0.1, mStar: 25 },
      { regime: 'soft' as const, gamma: 0.4, eps: 0.1, mStar: null },
      { regime: 'soft' as const, gamma: 0.1, eps: 0.2, mStar: 50 },
    ];
    const f = fitSlopes(cells).find((x) => x.against === 'invGamma')!;
    expect(f.fixedValue).toBe(0.1);
    expect(f.points).toHaveLength(2);
    expect(f.capped).toBe(1);
    expect(f.slope).toBeCloseTo(2, 12);
    expect(fitSlopes(cells).find((x) => x.against === 'invEps')).toBeDefined();
  });

  it('leaves cells marked applicable: false out of the fit and lists them apart', () => {
    const cells = [
      { regime: 'hard' as const, gamma: 0.1, eps: 0.1, mStar: 1000 },
      { regime: 'hard' as const, gamma: 0.2, eps: 0.1, mStar: 1000 / 16 },
      { regime: 'hard' as const, gamma: 0.4, eps: 0.1, mStar: 7, applicable: false },
    ];
    const f = fitSlopes(cells)[0];
    expect(f.slope).toBeCloseTo(4, 12); // from the two applicable cells only
    expect(f.excluded).toEqual([{ x: 2.5, y: 7 }]);
  });

  it('no fit from a single width cell', () => {
    expect(fitSlopes([{ regime: 'soft', gamma: 0.1, eps: 0.1, mStar: 3 }])).toEqual([]);
  });
});
