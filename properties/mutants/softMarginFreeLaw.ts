/**
 * Mutant:     "soft labels remove the margin from the width law": m*_soft ≤ C/ε (β = 0, κ = 1) — FALSE: the soft
 *             targets of the NTK teacher are realisable, and a theorist may conclude that realisable targets make
 *             the width independent of how well the classes are separated; the measured m*_soft grows with 1/γ
 *             (b > 0 at 99%). The paper's law keeps γ⁻².
 * Source:     deliberately wrong width law (our falsification check: the exponent test must refute it).
 * Expect:     refuted: the interval of b in the censored fit of width-soft's cells lies above 0. An aggregate
 *             claim: its counterexample is the fitted interval, replayed by `verify --only`.
 */
import { powerLaw } from '../../src/bounds/laws.js';
import { widthLawClaim } from '../claims/widthSoft.js';

export const softMarginFreeLawMutant = widthLawClaim(powerLaw({ regime: 'soft', formula: 'C/ε', beta: 0, kappa: 1 }), {
  id: 'mutant-law-soft-margin-free',
  title: 'Mutant: soft-label width C/ε, free of the margin',
  statement: 'm*_soft ≤ C/ε: b ≤ 0 and c ≤ 1 in the censored exponent fit (false)',
  source: 'deliberately wrong width law: γ⁻² dropped from C/(γ²ε)',
  confidence: 'same cells and 99% profile intervals as width-soft; must be refuted',
  mutant: true,
});
