/**
 * Mutant:     NTK concentration with half the Hoeffding radius: max_ij |K_m − K| ≤ sqrt(ln(2n²/δ)/(2m))/2 w.p.
 *             ≥ 1 − δ — FALSE: already at n = 1 the diagonal entry (a Binomial(m, 1/2)/m, sd 1/(2√m)) leaves the
 *             radius sqrt(ln(2/δ)/(8m)) = 0.68/√m with probability ≈ P(|Z| > 1.36) ≈ 0.17 > δ = 0.05. (It is a quarter
 *             of the radius sqrt(2 ln(2n²/δ)/m) this suite used before the tight one.)
 * Source:     deliberately broken constant of ntk-concentration (our falsification check: a mutant must be refuted).
 * Expect:     refuted; the shrunk case should be tiny (n = 1, d = 1 suffices). Same generator, trials and test.
 */
import { ntkGram } from '../../src/ntk/analytic.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { concentrationDecision, concentrationSpec, INIT_TRIALS } from '../claims/ntkConcentration.js';

const variant = { gram: ntkGram, radiusFactor: 1 / 2 };

export const hoeffdingQuarterMutant = propertyClaim({
  id: 'mutant-hoeffding-quarter',
  title: 'Mutant: NTK concentration radius halved (a quarter of the old radius)',
  statement: 'w.p. ≥ 1 − δ: max_ij |K_m − K| ≤ sqrt(ln(2n²/δ)/(2m))/2 (false)',
  source: 'mutation of ntk-concentration: radius × 1/2',
  confidence: 'same generator, trials, design and Clopper–Pearson test as ntk-concentration; must be refuted',
  mutant: true,
  data: 'generated sphere datasets, n ≤ 12, d ≤ 8, m = 4…2048; the angle design of ntk-concentration',
  spec: () => concentrationSpec(variant),
  numRuns: INIT_TRIALS.numRuns,
  decide: (o, ctx) => concentrationDecision(variant, o, ctx, 'mutant-hoeffding-quarter'),
});
