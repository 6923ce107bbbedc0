/**
 * Mutant:     the NTK with Cho & Saul's degree-0 arc-cosine kernel as its angular factor: K'(x, x') = cos θ (1 − θ/π)
 *             — FALSE: the first-layer NTK of a ReLU network with w ~ N(0, I) is <x, x'>·P(<w,x> > 0, <w,x'> > 0) =
 *             cos θ (π − θ)/(2π), and k₀ = 1 − θ/π is twice that probability (Cho & Saul 2009 normalise the arc-cosine
 *             kernels with a factor 2). A normalisation a theorist can carry over from the arc-cosine literature;
 *             K' = 2K, off by 1/2 on every diagonal entry of the unit sphere.
 * Source:     deliberately wrong kernel (our falsification check: the concentration test must refute it);
 *             Cho & Saul 2009, "Kernel methods for deep learning", NeurIPS, eq. (3) with n = 0 [RECALLED].
 * Expect:     refuted; the shrunk case should be tiny (n = 1 suffices: K_m(x, x) ≈ 1/2 against 1).
 */
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { angleKernelGram, concentrationDecision, concentrationSpec, INIT_TRIALS } from '../claims/ntkConcentration.js';

const variant = {
  gram: angleKernelGram((dot, theta) => dot * (1 - theta / Math.PI)),
  radiusFactor: 1,
};

export const kernelArcCosine0Mutant = propertyClaim({
  id: 'mutant-kernel-arccos0',
  title: "Mutant: NTK with Cho & Saul's arc-cosine k₀ = 1 − θ/π as its angular factor (twice the NTK)",
  statement: 'w.p. ≥ 1 − δ: max_ij |K_m − K′| ≤ sqrt(ln(2n²/δ)/(2m)) with K′ = <x,x′>(1 − θ/π) (false)',
  source: 'deliberately wrong kernel: the arc-cosine normalisation of Cho & Saul 2009 in place of P(both active)',
  confidence: 'same generator, trials, design and Clopper–Pearson test as ntk-concentration; must be refuted',
  mutant: true,
  data: 'generated sphere datasets, n ≤ 12, d ≤ 8, m = 4…2048; the angle design of ntk-concentration',
  spec: () => concentrationSpec(variant),
  numRuns: INIT_TRIALS.numRuns,
  decide: (o, ctx) => concentrationDecision(variant, o, ctx, 'mutant-kernel-arccos0'),
});
