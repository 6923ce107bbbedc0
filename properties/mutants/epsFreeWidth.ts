/**
 * Mutant:     "the width needed does not depend on ε": m*_soft(0.3) = m*_soft(0.05) on every dataset — FALSE: a
 *             smaller target needs at least as many and, where the loss is not already tiny at m = 1, more neurons.
 * Source:     deliberately false width claim (our falsification check: a mutant must be refuted).
 * Expect:     refuted with a shrunk dataset. Machinery: the width cells of the width claims (both cells applicable),
 *             datasets and fixed epoch rule (T = 300) as mutant-one-neuron.
 */
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { freshCaseArb, type WidthFreshCase } from '../../src/verify/widthCases.js';
import { notTLimited, widthCell } from '../../src/verify/widthCells.js';
import { describeWidthCase, MUTANT_CHOICE, MUTANT_KNOBS } from './oneNeuron.js';

/** The two targets compared. */
export const EPS_PAIR = [0.3, 0.05] as const;

export const epsFreeWidthMutant = propertyClaim<WidthFreshCase, unknown>({
  id: 'mutant-eps-free-width',
  title: 'Mutant: the width needed does not depend on ε',
  statement: `m*_soft(${EPS_PAIR[0]}) = m*_soft(${EPS_PAIR[1]}) on every dataset (false)`,
  source: 'deliberately false width claim',
  confidence: 'same width-cell machinery as the width claims (i.i.d. students, fixed T = 300); must be refuted with a shrunk dataset',
  mutant: true,
  data: 'generated synthetic linear/teacher datasets, n ∈ [1, 16], d ∈ [1, 4]',
  spec: (ctx) => ({
    arb: freshCaseArb({ ...MUTANT_KNOBS, eps: [EPS_PAIR[0]] }),
    describe: describeWidthCase,
    check(c) {
      const [a, b] = EPS_PAIR.map((eps) => widthCell(ctx, c.ref, 'soft', eps, c.searchSeed, 'fixed', 'test', MUTANT_CHOICE));
      const applicable = notTLimited(a) && notTLimited(b) && a.mStar !== null && b.mStar !== null;
      return {
        holds: !applicable || a.mStar === b.mStar,
        values: { n: a.n, d: a.d, gamma: a.gamma, epsLarge: EPS_PAIR[0], mStarLarge: a.mStar, epsSmall: EPS_PAIR[1], mStarSmall: b.mStar, applicable },
      };
    },
  }),
  numRuns: { quick: 10, full: 20 },
});
