/**
 * Mutant:     "hard labels need only ln(1/ε) neurons": m*_hard ≤ C·ln(1/ε) (β = 0) — FALSE: the logistic loss
 *             reaches ε in O(ln(1/ε)·…) steps once the data are separated, and a theorist may carry that log over
 *             to the width and lose the margin; the measured m*_hard grows with 1/γ (b > 0 at 99%). The paper's
 *             law keeps γ⁻⁴.
 * Source:     deliberately wrong width law (our falsification check: the exponent test must refute it).
 * Expect:     refuted: the interval of b in the censored fit of width-hard's cells lies above 0. An aggregate claim.
 */
import { powerLaw } from '../../src/bounds/laws.js';
import { widthLawClaim } from '../claims/widthSoft.js';

export const hardMarginFreeLawMutant = widthLawClaim(
  powerLaw({ regime: 'hard', formula: 'C·ln(1/ε)', beta: 0, kappa: 0, logFactor: { f: (eps) => Math.log(1 / eps), text: 'ln(1/ε)' } }),
  {
    id: 'mutant-law-hard-margin-free',
    title: 'Mutant: hard-label width C·ln(1/ε), free of the margin',
    statement: 'm*_hard ≤ C·ln(1/ε): b ≤ 0 and c ≤ 0 in the censored exponent fit (false)',
    source: 'deliberately wrong width law: γ⁻⁴ dropped from C·ln(1/ε)/γ⁴',
    confidence: 'same cells and 99% profile intervals as width-hard; must be refuted',
    mutant: true,
  },
);
