/**
 * Mutant:     the NTK with (π + θ) in place of (π − θ): K'(x, x') = <x, x'>(π + θ)/(2π) — FALSE as the limit of
 *             the empirical Gram; off the diagonal it is off by <x,x'>·θ/π (e.g. 1 for x' = −x).
 * Source:     deliberately broken kernel formula (our falsification check: breaking the kernel must make a
 *             property fail with a shrunk dataset).
 * Expect:     the ntk-concentration property with this kernel is refuted on a shrunk dataset (n = 2 points at
 *             angle θ > 0 with <x,x'> ≠ 0 are the smallest witness). Same generator, trials and test.
 */
import { angle } from '../../src/ntk/analytic.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { trialDecision } from '../../src/verify/trialProperty.js';
import { concentrationSpec, INIT_TRIALS } from '../claims/ntkConcentration.js';

/** The mutant Gram <x_i, x_j>(π + θ_ij)/(2π). */
export function piPlusThetaGram(X: Float64Array, n: number, d: number): Float64Array {
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += X[i * d + k] * X[j * d + k];
      K[i * n + j] = (dot * (Math.PI + angle(X, X, d, i * d, j * d))) / (2 * Math.PI);
    }
  }
  return K;
}

export const kernelPiPlusThetaMutant = propertyClaim({
  id: 'mutant-kernel-pi-plus-theta',
  title: 'Mutant: NTK with (π + θ) instead of (π − θ)',
  statement: 'w.p. ≥ 1 − δ: max_ij |K_m − K′| ≤ sqrt(2 ln(2n²/δ)/m) with K′ = <x,x′>(π + θ)/(2π) (false)',
  source: 'mutation of ntk-concentration: kernel formula π − θ → π + θ',
  confidence: 'same generator, trials and Clopper–Pearson test as ntk-concentration; must be refuted',
  mutant: true,
  data: 'generated sphere datasets, n ≤ 12, d ≤ 8, m = 4…2048',
  spec: () => concentrationSpec({ gram: piPlusThetaGram, radiusFactor: 1 }),
  numRuns: INIT_TRIALS.numRuns,
  decide: (o) => trialDecision(o, INIT_TRIALS.alphaClaim),
});
