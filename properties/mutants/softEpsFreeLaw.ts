/**
 * Mutant:     "a soft target costs no width": m*_soft ≤ C/γ² (β = 2, κ = 0) — FALSE: a theorist who reads the KL to
 *             soft labels as exactly fittable may drop the 1/ε; the measured m*_soft grows with 1/ε (c > 0 at 99%).
 *             The paper's law keeps ε⁻¹.
 * Source:     deliberately wrong width law (our falsification check: the exponent test must refute it).
 * Expect:     refuted: the interval of c in the censored fit of width-soft's cells lies above 0. An aggregate claim.
 */
import { powerLaw } from '../../src/bounds/laws.js';
import { widthLawClaim } from '../claims/widthSoft.js';

export const softEpsFreeLawMutant = widthLawClaim(powerLaw({ regime: 'soft', formula: 'C/γ²', beta: 2, kappa: 0 }), {
  id: 'mutant-law-soft-eps-free',
  title: 'Mutant: soft-label width C/γ², free of ε',
  statement: 'm*_soft ≤ C/γ²: b ≤ 2 and c ≤ 0 in the censored exponent fit (false)',
  source: 'deliberately wrong width law: ε⁻¹ dropped from C/(γ²ε)',
  confidence: 'same cells and 99% profile intervals as width-soft; must be refuted',
  mutant: true,
});
