/**
 * Mutant:     the NTK with (π + θ) in place of (π − θ): K'(x, x') = <x, x'>(π + θ)/(2π) — FALSE as the limit of
 *             the empirical Gram; off the diagonal it is off by <x,x'>·θ/π (e.g. 1 for x' = −x).
 * Source:     deliberately broken kernel formula (our falsification check: breaking the kernel must make a
 *             property fail with a shrunk dataset).
 * Expect:     the ntk-concentration property with this kernel is refuted on a shrunk dataset (n = 2 points at
 *             angle θ > 0 with <x,x'> ≠ 0 are the smallest witness). Same generator, trials, design and test.
 */
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { angleKernelGram, concentrationDecision, concentrationSpec, INIT_TRIALS } from '../claims/ntkConcentration.js';

/** The mutant Gram <x_i, x_j>(π + θ_ij)/(2π). */
export const piPlusThetaGram = angleKernelGram((dot, theta) => (dot * (Math.PI + theta)) / (2 * Math.PI));

const variant = { gram: piPlusThetaGram, radiusFactor: 1 };

export const kernelPiPlusThetaMutant = propertyClaim({
  id: 'mutant-kernel-pi-plus-theta',
  title: 'Mutant: NTK with (π + θ) instead of (π − θ)',
  statement: 'w.p. ≥ 1 − δ: max_ij |K_m − K′| ≤ sqrt(ln(2n²/δ)/(2m)) with K′ = <x,x′>(π + θ)/(2π) (false)',
  source: 'mutation of ntk-concentration: kernel formula π − θ → π + θ',
  confidence: 'same generator, trials, design and Clopper–Pearson test as ntk-concentration; must be refuted',
  mutant: true,
  data: 'generated sphere datasets, n ≤ 12, d ≤ 8, m = 4…2048; the angle design of ntk-concentration',
  spec: () => concentrationSpec(variant),
  numRuns: INIT_TRIALS.numRuns,
  decide: (o, ctx) => concentrationDecision(variant, o, ctx, 'mutant-kernel-pi-plus-theta'),
});
