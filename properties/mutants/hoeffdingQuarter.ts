/**
 * Mutant:     NTK concentration with half the Hoeffding radius: max_ij |K_m − K| ≤ sqrt(ln(2n²/δ)/(2m))/2 w.p.
 *             ≥ 1 − δ — FALSE: already at n = 1 the diagonal entry (a Binomial(m, 1/2)/m, sd 1/(2√m)) leaves the
 *             radius sqrt(ln(2/δ)/(8m)) = 0.68/√m with probability ≈ P(|Z| > 1.36) ≈ 0.17 > δ = 0.05. (It is a quarter
 *             of the radius sqrt(2 ln(2n²/δ)/m) this suite used before the tight one.)
 * Source:     deliberately broken constant of ntk-concentration (our falsification check: a mutant must be refuted).
 * Expect:     refuted; the shrunk case should be tiny (n = 1, d = 1 suffices). Same generator, trials and test.
 */
import { ntkGram } from '../../src/ntk/analytic.js';
import { concentrationMutant } from '../claims/ntkConcentration.js';

const variant = { gram: ntkGram, radiusFactor: 1 / 2 };

export const hoeffdingQuarterMutant = concentrationMutant({
  id: 'mutant-hoeffding-quarter',
  title: 'Mutant: NTK concentration radius halved (a quarter of the old radius)',
  statement: 'w.p. ≥ 1 − δ: max_ij |K_m − K| ≤ sqrt(ln(2n²/δ)/(2m))/2 (false)',
  source: 'mutation of ntk-concentration: radius × 1/2',
  variant,
});
