import { describe, expect, it } from 'vitest';
import { HARD_LAW, SOFT_LAW, powerLaw } from '../../src/bounds/laws.js';
import { censoredSlope, exponentObservations, testLawExponents, widthInterval, type WidthInterval } from '../../src/verify/widthExponents.js';
import { makeRng } from '../../src/rng.js';

type Reason = 'exact' | 'above-cap' | 'T-limited' | 'T-capped';
const cell = (lower: number, upper: number | null, reason: Reason, trivial = false) => ({
  gamma: 0.1, eps: 0.1, censor: { lower, upper, reason }, trivial: { zeroPredictor: trivial, singleSign: false, trivial },
});

/** Integer m* from ln m* = 0.3 + b·ln(1/γ) + c·ln(1/ε) + 0.2 e, searched as the bisection does (m* − 1 fails). */
function simulated(b: number, c: number, seed: string, k = 48): WidthInterval[] {
  const rng = makeRng(seed);
  return Array.from({ length: k }, (_, i) => {
    const gamma = 0.05 + 0.25 * rng.uniform();
    const eps = [0.3, 0.1, 0.05, 0.03][i % 4];
    const m = Math.ceil(Math.exp(0.3 + b * Math.log(1 / gamma) + c * Math.log(1 / eps) + 0.2 * rng.normal()));
    return m > 256 ? { gamma, eps, lower: 256, upper: null, censoring: 'above-cap' } : { gamma, eps, lower: m - 1, upper: m, censoring: 'none' };
  });
}

describe('widthInterval', () => {
  it('maps a found m* to (last failing width, m*], above-cap to (cap, ∞), T-limited and T-capped to (0, m*], trivial apart', () => {
    expect(widthInterval(cell(4, 6, 'exact'))).toMatchObject({ lower: 4, upper: 6, censoring: 'none' });
    expect(widthInterval(cell(0, 2, 'exact'))).toMatchObject({ lower: 0, upper: 2, censoring: 'none' });
    expect(widthInterval(cell(256, null, 'above-cap'))).toMatchObject({ lower: 256, upper: null, censoring: 'above-cap' });
    expect(widthInterval(cell(4, 6, 'T-limited'))).toMatchObject({ lower: 0, upper: 6, censoring: 'T-limited' });
    expect(widthInterval(cell(0, 8, 'T-capped'))).toMatchObject({ lower: 0, upper: 8, censoring: 'T-capped' });
    expect(widthInterval(cell(0, 2, 'exact', true))).toMatchObject({ upper: 2, censoring: 'trivial' });
  });

  it('keeps trivial cells out of the fit', () => {
    const w: WidthInterval = { gamma: 0.2, eps: 0.05, lower: 3, upper: 4, censoring: 'none' };
    expect(exponentObservations([w, { ...w, censoring: 'trivial' }], SOFT_LAW)).toHaveLength(1);
  });

  it('offsets the hard law by ln ln(1/ε) and leaves the soft law alone', () => {
    const w: WidthInterval = { gamma: 0.2, eps: 0.05, lower: 3, upper: 4, censoring: 'none' };
    expect(exponentObservations([w], SOFT_LAW)[0]).toEqual({ x: [Math.log(5), Math.log(20)], lower: Math.log(3), upper: Math.log(4) });
    expect(exponentObservations([w], HARD_LAW)[0].upper).toBeCloseTo(Math.log(4) - Math.log(Math.log(20)), 12);
  });
});

describe('testLawExponents', () => {
  const data = simulated(1, 0.5, 'exp');
  it('verifies a law whose exponents are at or above the data’s (soft: 2, 1)', () => {
    const t = testLawExponents(data, SOFT_LAW);
    expect(t.verdict).toBe('verified');
    expect(t.b!.lower).toBeLessThan(1);
    expect(t.b!.upper).toBeGreaterThan(1);
  });

  it('refutes laws with an exponent below the data’s (β = 0, or κ = 0)', () => {
    expect(testLawExponents(data, powerLaw({ regime: 'soft', formula: 'C/ε', beta: 0, kappa: 1 })).verdict).toBe('refuted');
    expect(testLawExponents(data, powerLaw({ regime: 'soft', formula: 'C/γ²', beta: 2, kappa: 0 })).verdict).toBe('refuted');
  });

  it('is inconclusive when every cell lies above the cap, and with fewer than 3 distinct ε', () => {
    const capped = data.map((c) => ({ ...c, lower: 256, upper: null, censoring: 'above-cap' as const }));
    expect(testLawExponents(capped, SOFT_LAW).verdict).toBe('inconclusive');
    expect(testLawExponents(data.map((c) => ({ ...c, eps: 0.1 })), SOFT_LAW).verdict).toBe('inconclusive');
  });
});

describe('censoredSlope', () => {
  it('with one intercept per group recovers a within-group slope that pooled data hide', () => {
    // group a: high level at large ε; group b: low level at small ε; within each, ln m* rises by 1 per unit ln(1/ε)
    const cells: WidthInterval[] = [];
    const groups: string[] = [];
    const design = [['a', 3, [0.3, 0.2, 0.1]], ['b', -0.5, [0.05, 0.03, 0.01]]] as const;
    for (const [g, level, epss] of design) {
      for (const eps of epss) {
        const m = Math.ceil(Math.exp(level + Math.log(1 / eps)));
        cells.push({ gamma: 0.1, eps, lower: m - 1, upper: m, censoring: 'none' });
        groups.push(g);
      }
    }
    const within = censoredSlope(cells, 'invEps', groups)!;
    expect(within.lower).toBeLessThan(1);
    expect(within.upper).toBeGreaterThan(1);
    expect(censoredSlope(cells, 'invEps')!.upper).toBeLessThan(1);
    expect(censoredSlope(cells.slice(0, 2), 'invEps')).toBeNull();
  });
});
