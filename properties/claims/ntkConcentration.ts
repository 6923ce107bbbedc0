/**
 * Claim:      NTK concentration. For inputs on the unit sphere and W(0) ~ N(0, I), with probability ≥ 1 − δ,
 *               max_ij |K_m(x_i, x_j) − K(x_i, x_j)| ≤ r(m) := sqrt(2 ln(2n²/δ)/m),
 *             K_m the empirical first-layer Gram (src/ntk/empirical.ts), K = <x,x'>(π − θ)/(2π) (src/ntk/analytic.ts).
 * Source:     our reading [INFERRED]: each entry is <x_i,x_j> times a mean of m indicators in [0, 1], so Hoeffding and
 *             a union bound over n² entries give the tighter sqrt(ln(2n²/δ)/(2m)) [INFERRED]; the kernel is
 *             Ji & Telgarsky 2020 (arXiv 1909.12292) §2 [RECALLED]. Expect: verified.
 * Confidence: δ = 0.05; each case runs 240 inits; the case fails iff the Clopper–Pearson lower bound of its
 *             failure rate at level α/20 exceeds δ (α = 0.001, Bonferroni over the 20 default cases); verified iff
 *             every case's upper bound ≤ δ (src/verify/trialProperty.ts). False-alarm rate ≤ α = 0.1% per run.
 * Data:       datasets from small knobs (n ≤ 12, d ≤ 8, seed; shrinking lowers n and d), width m = 2^k, k ∈ [2, 11].
 */
import fc from 'fast-check';
import { ntkGram } from '../../src/ntk/analytic.js';
import { empiricalGram } from '../../src/ntk/empirical.js';
import { initNet } from '../../src/model/twoLayer.js';
import { deriveSeed } from '../../src/rng.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { trialDecision, trialSpec } from '../../src/verify/trialProperty.js';
import { caseDatasetArb, datasetPayload, fixedDatasetCase, type DatasetCase } from '../../src/verify/caseData.js';

/** δ, trials, family level and case counts of the trial claims on the initialisation (claims 1 and 3). */
export const INIT_TRIALS = { delta: 0.05, trials: 240, alphaClaim: 0.001, numRuns: { quick: 10, full: 20 } };

export interface ConcentrationCase extends DatasetCase {
  m: number;
}

export interface ConcentrationVariant {
  /** The analytic Gram the empirical one is compared with (mutant: π + θ). */
  gram: (X: Float64Array, n: number, d: number) => Float64Array;
  /** Multiplier of the radius (mutant: 1/4). */
  radiusFactor: number;
}

/** r(m) = sqrt(2 ln(2n²/δ)/m). */
export function concentrationRadius(n: number, m: number, delta: number): number {
  return Math.sqrt((2 * Math.log((2 * n * n) / delta)) / m);
}

/** max_ij |A_ij − B_ij| over two n×n matrices. */
export function maxAbsDiff(A: Float64Array, B: Float64Array): number {
  let e = 0;
  for (let k = 0; k < A.length; k++) e = Math.max(e, Math.abs(A[k] - B[k]));
  return e;
}

/** The concentration property, shared with the π + θ and radius/4 mutants. */
export function concentrationSpec(variant: ConcentrationVariant) {
  const kernels = new WeakMap<ConcentrationCase, Float64Array>();
  const arb: fc.Arbitrary<ConcentrationCase> = fc
    .record({ data: caseDatasetArb({ nMax: 12, dMax: 8 }), logM: fc.integer({ min: 2, max: 11 }) })
    .map(({ data, logM }) => ({ ...data, m: 2 ** logM }));
  return trialSpec<ConcentrationCase>({
    arb,
    describe: datasetPayload,
    trials: INIT_TRIALS.trials,
    delta: INIT_TRIALS.delta,
    alphaCase: INIT_TRIALS.alphaClaim / INIT_TRIALS.numRuns.full,
    caseValues: (c) => ({ n: c.ds.n, d: c.ds.d, m: c.m, radius: variant.radiusFactor * concentrationRadius(c.ds.n, c.m, INIT_TRIALS.delta) }),
    trial(c, t) {
      const { ds, m } = c;
      let K = kernels.get(c);
      if (!K) kernels.set(c, (K = variant.gram(ds.X, ds.n, ds.d)));
      const net = initNet(m, ds.d, deriveSeed(c.seed, 'init', m, t));
      const err = maxAbsDiff(empiricalGram(net, ds.X, ds.n), K);
      const radius = variant.radiusFactor * concentrationRadius(ds.n, m, INIT_TRIALS.delta);
      return { fail: err > radius, ratio: err / radius };
    },
  });
}

/** Series 'ntk-error': mean over 20 inits of max|K_m − K| against m on one fixed dataset, with the radius. */
export function ntkErrorSeries(seed: number, gram: ConcentrationVariant['gram']) {
  const { ds } = fixedDatasetCase({ kind: 'linear', n: 12, d: 8, seed: deriveSeed(seed, 'ntk-error-data') });
  const K = gram(ds.X, ds.n, ds.d);
  const out: { x: number; y: number; group: string }[] = [];
  for (let k = 4; k <= 12; k++) {
    const m = 2 ** k;
    let sum = 0;
    const inits = 20;
    for (let t = 0; t < inits; t++) sum += maxAbsDiff(empiricalGram(initNet(m, ds.d, deriveSeed(seed, 'ntk-error', m, t)), ds.X, ds.n), K);
    out.push({ x: m, y: sum / inits, group: `max|K_m − K| (mean of ${inits} inits, n=${ds.n}, d=${ds.d})` });
    out.push({ x: m, y: concentrationRadius(ds.n, m, INIT_TRIALS.delta), group: `radius sqrt(2 ln(2n²/δ)/m), δ=${INIT_TRIALS.delta}` });
  }
  return out;
}


export const ntkConcentrationClaim = propertyClaim({
  id: 'ntk-concentration',
  title: 'Empirical NTK Gram concentrates on the analytic kernel',
  statement: 'w.p. ≥ 1 − δ over W(0): max_ij |K_m(x_i,x_j) − K(x_i,x_j)| ≤ sqrt(2 ln(2n²/δ)/m)',
  source: 'issue 4 claim 1; Hoeffding + union bound [INFERRED]; kernel from Ji & Telgarsky 2020 (arXiv 1909.12292) §2 [RECALLED]',
  confidence: `δ = ${INIT_TRIALS.delta}, ${INIT_TRIALS.trials} inits per case, ${INIT_TRIALS.numRuns.full} cases (${INIT_TRIALS.numRuns.quick} quick); Clopper–Pearson per case at α/${INIT_TRIALS.numRuns.full}, family α = ${INIT_TRIALS.alphaClaim}`,
  mutant: false,
  data: 'generated sphere datasets, n ≤ 12, d ≤ 8, m = 4…2048',
  spec: () => concentrationSpec({ gram: ntkGram, radiusFactor: 1 }),
  numRuns: INIT_TRIALS.numRuns,
  decide: (o, ctx) => ({ ...trialDecision(o, INIT_TRIALS.alphaClaim), series: { 'ntk-error': ntkErrorSeries(ctx.seed, ntkGram) } }),
});
