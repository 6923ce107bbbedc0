/**
 * vitest wrapper of the phase-diagram claim's decision rule (the claim itself trains n = 100 datasets for up to 10⁵
 * epochs, so it runs in `verify`, not in `npm test`): which (soft, hard) cell pairs the censoring intervals order.
 */
import { describe, expect, it } from 'vitest';
import { decidedOrder, harmonicData, phaseData } from './claims/phaseDiagram.js';
import { loadData, marginOf } from '../src/verify/widthCells.js';
import type { WidthSearchCell } from '../src/verify/widthCells.js';
import type { Censoring } from '../src/verify/cellMeasures.js';

const cell = (mStar: number | null, reason: Censoring['reason'], lower = 0, trivial = false): WidthSearchCell => ({
  dataset: 't', dataKey: 't', n: 100, d: 5, regime: 'soft', eps: 0.1, epochRule: 'theory', T: 1000, gamma: 0.05, gammaLower: 0.05, mStar, floorLoss: null,
  applicable: reason === 'exact' && !trivial, perWidth: [], trainings: 0, epochsTrained: 0, criterion: 'objective', init: 'balanced', student: 'network', radius: null, Ttheory: 1000,
  censor: { lower, upper: mStar, reason }, losses: { objective: 0, objectiveFinal: 0, logistic: 0, zeroOne: 0, relative: 0, trivialObjective: 0.1 },
  lazy: { m: 2, flipFraction: 0, relMovement: 0, lazy: true }, measuredSeed: 's', trivial: { zeroPredictor: trivial, singleSign: false, trivial },
});

describe('phase-diagram: decidedOrder (oracle: the interval rule by hand)', () => {
  it('exact cells order by m* (ties count as soft ≤ hard)', () => {
    expect(decidedOrder(cell(2, 'exact'), cell(8, 'exact', 6))).toBe('soft<=hard');
    expect(decidedOrder(cell(4, 'exact', 2), cell(4, 'exact', 2))).toBe('soft<=hard');
    expect(decidedOrder(cell(8, 'exact', 6), cell(4, 'exact', 2))).toBe('soft>hard');
  });
  it('a hard cell above the cap orders against any exact or T-capped soft m* below the cap', () => {
    expect(decidedOrder(cell(10, 'exact', 8), cell(null, 'above-cap', 256))).toBe('soft<=hard');
    expect(decidedOrder(cell(10, 'T-capped'), cell(null, 'above-cap', 256))).toBe('soft<=hard');
    expect(decidedOrder(cell(null, 'above-cap', 256), cell(null, 'above-cap', 256))).toBeNull();
  });
  it('T-capped cells give only an upper end; T-limited and trivial cells are no evidence', () => {
    expect(decidedOrder(cell(2, 'T-capped'), cell(8, 'T-capped'))).toBeNull();
    expect(decidedOrder(cell(2, 'exact'), cell(8, 'T-capped'))).toBeNull();
    expect(decidedOrder(cell(16, 'exact', 14), cell(8, 'T-capped'))).toBe('soft>hard');
    expect(decidedOrder(cell(2, 'T-limited'), cell(8, 'exact', 6))).toBeNull();
    expect(decidedOrder(cell(2, 'exact', 0, true), cell(8, 'exact', 6))).toBeNull();
  });
  it('the design has n = 100 datasets, more of them in the full profile', () => {
    const d = phaseData(1, 'default');
    expect(d.length).toBeGreaterThanOrEqual(7);
    expect(phaseData(1, 'full').length).toBeGreaterThan(d.length);
    expect(phaseData(1, 'quick').length).toBeLessThan(d.length);
    for (const ref of d) expect(ref.source === 'synthetic' ? ref.spec.n : ref.opts.n).toBe(100);
  });
  it('the linearized grid: circular harmonics (n = 100, d = 2) whose γ falls with the degree, γ ≤ 0.1 reached', () => {
    const refs = harmonicData(1, 'default');
    expect(refs.length).toBeGreaterThanOrEqual(4);
    const gammas = refs.map((ref) => {
      const ds = loadData(ref);
      expect([ds.n, ds.d]).toEqual([100, 2]);
      return marginOf(ref);
    });
    for (let k = 1; k < gammas.length; k++) expect(gammas[k].gammaUpper).toBeLessThan(gammas[k - 1].gammaLower);
    expect(gammas[gammas.length - 1].gammaUpper).toBeLessThan(0.05);
    expect(harmonicData(1, 'full').length).toBeGreaterThan(refs.length);
  });
});
