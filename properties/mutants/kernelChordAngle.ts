/**
 * Mutant:     the NTK with the angle replaced by the chord length: K'(x, x') = cos θ (π − ‖x − x'‖)/(2π), ‖x − x'‖ =
 *             2 sin(θ/2) — FALSE: the chord equals θ to third order, so K' agrees with K = cos θ (π − θ)/(2π) for
 *             near-parallel pairs and at θ = π/2, but differs by cos θ (θ − 2 sin(θ/2))/(2π), up to (π − 2)/(2π) ≈ 0.18
 *             at antiparallel pairs (0.05 from θ ≈ 2.2 on). A small-angle shortcut a theorist could take; only
 *             pairs at wide angles can expose it.
 * Source:     deliberately wrong kernel (our falsification check: the concentration test must refute it).
 * Expect:     refuted (by a generated dataset with a wide-angle pair, shrunk, or by the angle design's 180° pairs).
 */
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { angleKernelGram, concentrationDecision, concentrationSpec, INIT_TRIALS } from '../claims/ntkConcentration.js';

const variant = {
  gram: angleKernelGram((dot, theta) => (dot * (Math.PI - 2 * Math.sin(theta / 2))) / (2 * Math.PI)),
  radiusFactor: 1,
};

export const kernelChordAngleMutant = propertyClaim({
  id: 'mutant-kernel-chord-angle',
  title: 'Mutant: NTK with the chord ‖x − x′‖ in place of the angle θ',
  statement: 'w.p. ≥ 1 − δ: max_ij |K_m − K′| ≤ sqrt(ln(2n²/δ)/(2m)) with K′ = <x,x′>(π − ‖x − x′‖)/(2π) (false)',
  source: 'deliberately wrong kernel: angle approximated by the chord',
  confidence: 'same generator, trials, design and Clopper–Pearson test as ntk-concentration; must be refuted',
  mutant: true,
  data: 'generated sphere datasets, n ≤ 12, d ≤ 8, m = 4…2048; the angle design of ntk-concentration',
  spec: () => concentrationSpec(variant),
  numRuns: INIT_TRIALS.numRuns,
  decide: (o, ctx) => concentrationDecision(variant, o, ctx, 'mutant-kernel-chord-angle'),
});
