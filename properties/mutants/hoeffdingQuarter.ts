/**
 * Mutant:     NTK concentration with the radius divided by 4: max_ij |K_m − K| ≤ sqrt(2 ln(2n²/δ)/m)/4 w.p. ≥ 1 − δ
 *             — FALSE: it is half the Hoeffding radius sqrt(ln(2n²/δ)/(2m)); already at n = 1 the diagonal entry
 *             (a Binomial(m, 1/2)/m) leaves it with probability ≈ P(|Z| > 1.36) ≈ 0.17 > δ = 0.05.
 * Source:     deliberately broken constant of ntk-concentration (our falsification check: a mutant must be refuted).
 * Expect:     refuted; the shrunk case should be tiny (n = 1, d = 1 suffices). Same generator, trials and test.
 */
import { ntkGram } from '../../src/ntk/analytic.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { trialDecision } from '../../src/verify/trialProperty.js';
import { concentrationSpec, INIT_TRIALS } from '../claims/ntkConcentration.js';

export const hoeffdingQuarterMutant = propertyClaim({
  id: 'mutant-hoeffding-quarter',
  title: 'Mutant: NTK concentration radius divided by 4',
  statement: 'w.p. ≥ 1 − δ: max_ij |K_m − K| ≤ sqrt(2 ln(2n²/δ)/m)/4 (false)',
  source: 'mutation of ntk-concentration: radius × 1/4',
  confidence: 'same generator, trials and Clopper–Pearson test as ntk-concentration; must be refuted',
  mutant: true,
  data: 'generated sphere datasets, n ≤ 12, d ≤ 8, m = 4…2048',
  spec: () => concentrationSpec({ gram: ntkGram, radiusFactor: 1 / 4 }),
  numRuns: INIT_TRIALS.numRuns,
  decide: (o) => trialDecision(o, INIT_TRIALS.alphaClaim),
});
