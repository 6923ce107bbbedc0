import { describe, expect, it } from 'vitest';
import { gammaLeEpsClause, MIN_GAMMA_LE_EPS, pairOrder, ratioInterval, signCounts } from '../../properties/claims/separation.js';
import type { WidthSearchCell } from '../../src/verify/widthCells.js';

/** A cell found by the exact bisection (m* − 1 failed), or above the cap (null), or T-limited; trivial on request. */
function cell(regime: 'soft' | 'hard', mStar: number | null, gamma = 0.1, applicable = true, trivial = false): WidthSearchCell {
  const censor =
    !applicable ? { lower: 0, upper: mStar, reason: 'T-limited' as const }
    : mStar === null ? { lower: 256, upper: null, reason: 'above-cap' as const }
    : { lower: mStar - 1, upper: mStar, reason: 'exact' as const };
  return {
    dataset: 'd', dataKey: 'd', n: 30, d: 5, regime, eps: 0.05, epochRule: 'theory', T: 1000, gamma, gammaLower: gamma, mStar,
    floorLoss: null, applicable: applicable && !trivial, perWidth: mStar && mStar > 1 ? [{ m: mStar - 1, success: false }, { m: mStar, success: true }] : [], trainings: 0, epochsTrained: 0,
    censor, trivial: { zeroPredictor: trivial, singleSign: false, trivial },
  } as WidthSearchCell;
}
const pair = (s: number | null, h: number | null, opts: { gamma?: number; hardApplicable?: boolean } = {}) => ({
  soft: cell('soft', s, opts.gamma),
  hard: cell('hard', h, opts.gamma, opts.hardApplicable ?? true),
});

describe('separation: pairs decided from intervals', () => {
  it('orders found cells by m*, and decides a censored pair only when the intervals do not overlap', () => {
    expect(pairOrder(pair(2, 4))).toBe('soft');
    expect(pairOrder(pair(4, 2))).toBe('hard');
    expect(pairOrder(pair(3, 3))).toBe('tie');
    expect(pairOrder(pair(3, null))).toBe('soft'); // hard above the cap (256, ∞)
    expect(pairOrder(pair(3, 9, { hardApplicable: false }))).toBe('undecided'); // hard T-limited: (0, 9]
    expect(pairOrder({ soft: cell('soft', 2, 0.1, true, true), hard: cell('hard', 8) })).toBe('undecided'); // trivial soft cell: no evidence
  });

  it('gives the ratio interval (lower_h/upper_s, upper_h/lower_s] with open ends where a side is unbounded', () => {
    expect(ratioInterval(pair(2, 6))).toMatchObject({ lower: 5 / 2, upper: 6 / 1 });
    expect(ratioInterval(pair(1, 6))).toMatchObject({ lower: 5, upper: null });
    expect(ratioInterval(pair(2, null))).toMatchObject({ lower: 128, upper: null });
  });

  it('counts signs with exact one-sided p-values (oracle: 2^-5 for 5 of 5)', () => {
    const c = signCounts([pair(1, 2), pair(1, 3), pair(2, 4), pair(2, 5), pair(3, 6), pair(2, 2)]);
    expect(c).toMatchObject({ soft: 5, hard: 0, ties: 1, undecided: 0 });
    expect(c.pFor).toBeCloseTo(2 ** -5, 12);
    expect(c.pAgainst).toBe(1);
  });

  it('tests the γ ≤ ε clause only with enough datasets, and refutes on a decided violation', () => {
    const low = (s: number, h: number) => pair(s, h, { gamma: 0.04 });
    expect(gammaLeEpsClause([low(4, 2)], 0.05)).toMatchObject({ status: 'not-applicable', datasets: 1 });
    const many = Array.from({ length: MIN_GAMMA_LE_EPS }, () => low(2, 5));
    expect(gammaLeEpsClause(many, 0.05).status).toBe('holds');
    expect(gammaLeEpsClause([...many, low(6, 3)], 0.05).status).toBe('violated');
  });
});
