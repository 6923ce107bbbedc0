/**
 * Mutant:     "one neuron reaches loss ε on every dataset": m*_hard(ε) = 1 for ε = 0.2 — FALSE: with one neuron
 *             f = a·relu(<w,x>) has one sign, so a point labelled −a keeps f ≤ 0 and loss ≥ ln 2 on its own.
 * Source:     deliberately false width claim (our falsification check: a mutant must be refuted).
 * Expect:     refuted; the shrunk dataset should be two points with opposite labels (n = 2, d = 1).
 * Machinery:  the width cells of the width claims (src/verify/widthCells.ts: m* search, 3 inits, 2/3 must succeed,
 *             fixed epoch rule T = 300, η = 4 — a mutant tests the machinery's power, and the fixed budget keeps shrinking
 *             fast on tiny datasets whose γ, and so T(γ, ε), can be extreme; T-limited cells are not applicable), on
 *             generated datasets n ∈ [1, 16], d ∈ [1, 4].
 */
import { datasetPayload } from '../../src/verify/caseData.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { freshCaseArb, type FreshDesign, type WidthFreshCase } from '../../src/verify/widthCases.js';
import { loadData, notTLimited, widthCell, type CellChoice } from '../../src/verify/widthCells.js';

/** Small generated datasets for the width mutants (cheap searches, fast shrinking). */
export const MUTANT_KNOBS: Omit<FreshDesign, 'eps'> = { kinds: ['linear', 'teacher'], n: [1, 16], d: [1, 4], difficulties: [0, 0.5] };

/**
 * The width mutants' students: i.i.d. signs and the objective criterion, whatever the run's options — they test the
 * search machinery on the statements as written (with balanced pairs no width is odd, so "m* = 1" would fail trivially).
 */
export const MUTANT_CHOICE: CellChoice = { init: 'iid', criterion: 'objective' };

/** Counterexample payload of a width case. */
export const describeWidthCase = (c: WidthFreshCase) => datasetPayload({ ds: loadData(c.ref) });

export const oneNeuronMutant = propertyClaim<WidthFreshCase, unknown>({
  id: 'mutant-one-neuron',
  title: 'Mutant: one neuron reaches loss ε on every dataset',
  statement: 'm*_hard(ε = 0.2) = 1 on every dataset (false)',
  source: 'deliberately false width claim',
  confidence: 'same width-cell machinery as the width claims (i.i.d. students, fixed T = 300); must be refuted with a shrunk dataset',
  mutant: true,
  data: 'generated synthetic linear/teacher datasets, n ∈ [1, 16], d ∈ [1, 4]',
  spec: (ctx) => ({
    arb: freshCaseArb({ ...MUTANT_KNOBS, eps: [0.2] }),
    describe: describeWidthCase,
    check(c) {
      const cell = widthCell(ctx, c.ref, 'hard', c.eps, c.searchSeed, 'fixed', 'exact', MUTANT_CHOICE);
      return {
        holds: !notTLimited(cell) || cell.mStar === 1,
        values: { n: cell.n, d: cell.d, eps: cell.eps, mStar: cell.mStar, applicable: notTLimited(cell), floorLoss: cell.floorLoss },
      };
    },
  }),
  numRuns: { quick: 10, full: 20 },
});
