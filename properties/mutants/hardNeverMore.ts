/**
 * Mutant:     "hard labels never need more neurons than soft labels": m*_hard(ε) ≤ m*_soft(ε) at ε = 0.3 — FALSE
 *             at this scale as in theory: soft targets are reachable by one neuron where hard labels need two.
 * Source:     deliberately reversed separation claim (our falsification check: a mutant must be refuted).
 * Expect:     refuted with a shrunk dataset. Machinery: the width cells of the width claims (both regimes must be
 *             applicable, i.e. not T-limited), datasets and fixed epoch rule (T = 300) as mutant-one-neuron.
 */
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { freshCaseArb, type WidthFreshCase } from '../../src/verify/widthCases.js';
import { notTLimited, widthCell } from '../../src/verify/widthCells.js';
import { describeWidthCase, MUTANT_CHOICE, MUTANT_KNOBS } from './oneNeuron.js';

export const hardNeverMoreMutant = propertyClaim<WidthFreshCase, unknown>({
  id: 'mutant-hard-never-more',
  title: 'Mutant: hard labels never need more neurons than soft labels',
  statement: 'm*_hard(ε) ≤ m*_soft(ε) at ε = 0.3 on every dataset (false)',
  source: 'deliberately reversed separation claim',
  confidence: 'same width-cell machinery as the width claims (i.i.d. students, fixed T = 300); must be refuted with a shrunk dataset',
  mutant: true,
  data: 'generated synthetic linear/teacher datasets, n ∈ [1, 16], d ∈ [1, 4]',
  spec: (ctx) => ({
    arb: freshCaseArb({ ...MUTANT_KNOBS, eps: [0.3] }),
    describe: describeWidthCase,
    check(c) {
      const soft = widthCell(ctx, c.ref, 'soft', c.eps, c.searchSeed, 'fixed', 'test', MUTANT_CHOICE);
      const hard = widthCell(ctx, c.ref, 'hard', c.eps, c.searchSeed, 'fixed', 'test', MUTANT_CHOICE);
      const applicable = notTLimited(soft) && notTLimited(hard) && soft.mStar !== null && hard.mStar !== null;
      return {
        holds: !applicable || (hard.mStar as number) <= (soft.mStar as number),
        values: { n: soft.n, d: soft.d, eps: c.eps, gamma: soft.gamma, mStarSoft: soft.mStar, mStarHard: hard.mStar, applicable },
      };
    },
  }),
  numRuns: { quick: 10, full: 20 },
});
