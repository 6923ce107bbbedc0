/**
 * Mutant:     the first-layer NTK replaced by the kernel of the other layer: K'(x, x') = (sin θ + (π − θ) cos θ)/(2π),
 *             the degree-1 arc-cosine kernel E[relu(<w,x>) relu(<w,x'>)] (Cho & Saul 2009 [RECALLED]), which is the
 *             NTK of the SECOND layer — FALSE here, where only the first layer is trained: it exceeds
 *             K = cos θ (π − θ)/(2π) by sin θ/(2π), up to 1/(2π) ≈ 0.16 at near-orthogonal pairs. A theorist mixing
 *             up which layer is trained makes exactly this mistake; with the old radius the suite could not
 *             separate it from the NTK in quick mode.
 * Source:     deliberately wrong kernel (our falsification check: the concentration test must refute it).
 * Expect:     refuted; the shrunk case should be two points at a large angle (n = 2). Same generator, trials,
 *             design and test as ntk-concentration.
 */
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { angleKernelGram, concentrationDecision, concentrationSpec, INIT_TRIALS } from '../claims/ntkConcentration.js';

const variant = {
  gram: angleKernelGram((dot, theta) => (Math.sin(theta) + (Math.PI - theta) * dot) / (2 * Math.PI)),
  radiusFactor: 1,
};

export const kernelSecondLayerMutant = propertyClaim({
  id: 'mutant-kernel-second-layer',
  title: 'Mutant: the second layer’s kernel (arc-cosine, degree 1) in place of the first layer’s NTK',
  statement: 'w.p. ≥ 1 − δ: max_ij |K_m − K′| ≤ sqrt(ln(2n²/δ)/(2m)) with K′ = (sin θ + (π − θ) cos θ)/(2π) (false)',
  source: 'deliberately wrong kernel: the trained layer confused',
  confidence: 'same generator, trials, design and Clopper–Pearson test as ntk-concentration; must be refuted',
  mutant: true,
  data: 'generated sphere datasets, n ≤ 12, d ≤ 8, m = 4…2048; the angle design of ntk-concentration',
  spec: () => concentrationSpec(variant),
  numRuns: INIT_TRIALS.numRuns,
  decide: (o, ctx) => concentrationDecision(variant, o, ctx, 'mutant-kernel-second-layer'),
});
