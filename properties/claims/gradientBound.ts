/**
 * Claim:      logistic gradient bound. For ‖x_i‖ ≤ 1, hard labels and EVERY W (not only near init):
 *               ‖∇R̂(W)‖_F ≤ min(R̂(W), 1),   R̂(W) = (1/n) Σ_i ln(1 + e^{−y_i f(x_i; W)}).
 * Source:     ‖∇_W f(x_i)‖_F² = (1/m) Σ_s 1[<w_s,x_i> > 0] ‖x_i‖² ≤ 1, so ‖∇R̂‖_F ≤ (1/n) Σ|ℓ'_i|, and
 *             |ℓ'_i| = σ(−y_i f_i) ≤ min(ℓ_i, 1) since u/(1+u) ≤ ln(1+u) [INFERRED]; used in Ji & Telgarsky 2020
 *             (arXiv 1909.12292) §2–3 [RECALLED]. Expect: verified. Gradient from src/train/kernel.ts.
 * Confidence: universal claim: 300 cases (150 quick) of (dataset, m, W = s·N(0,I) with scale s ∈ {1/16 … 16});
 *             none failing ⇒ failure mass < 1% at 95%. Rounding allowance rhs·GRADIENT_REL_ALLOWANCE_PER_TERM·(n+m+d)
 *             + GRADIENT_ABS_ALLOWANCE (4u: σ(f) − p loses relative accuracy when the loss is ≈ 1e-14; tolerances.ts).
 * Data:       datasets from small knobs (n ≤ 16, d ≤ 8), m = 2^k, k ∈ [0, 8].
 */
import fc from 'fast-check';
import { initNet } from '../../src/model/twoLayer.js';
import { makeBuffers, referenceKernel } from '../../src/train/kernel.js';
import { hardTargets } from '../../src/model/losses.js';
import { deriveSeed } from '../../src/rng.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { caseDatasetArb, datasetPayload, type DatasetCase } from '../../src/verify/caseData.js';
import { GRADIENT_ABS_ALLOWANCE, GRADIENT_REL_ALLOWANCE_PER_TERM } from '../../src/verify/tolerances.js';

type GradCase = DatasetCase & { m: number; scale: number };

export const gradientBoundClaim = propertyClaim({
  id: 'gradient-bound',
  title: 'Logistic gradient is bounded by min(loss, 1)',
  statement: '‖∇R̂(W)‖_F ≤ min(R̂(W), 1) for every W when ‖x_i‖ ≤ 1 (logistic loss, hard labels)',
  source: 'per-sample gradient norm ≤ 1 and σ(−z) ≤ min(ln(1+e^{−z}), 1) [INFERRED]; Ji & Telgarsky 2020 (arXiv 1909.12292) §2–3 [RECALLED]',
  confidence: 'universal claim: 300 random (dataset, m, W) cases (150 quick); none failing ⇒ failure mass < 1% at 95%',
  mutant: false,
  kind: 'lemma',
  data: 'generated sphere datasets, n ≤ 16, d ≤ 8, m = 1…256, W = s·N(0, I), s = 2^j, j ∈ [−4, 4]',
  spec: () => ({
    arb: fc
      .record({ data: caseDatasetArb({ nMax: 16, dMax: 8 }), logM: fc.integer({ min: 0, max: 8 }), logScale: fc.integer({ min: -4, max: 4 }) })
      .map(({ data, logM, logScale }): GradCase => ({ ...data, m: 2 ** logM, scale: 2 ** logScale })),
    check(c: GradCase) {
      const { ds, m, scale } = c;
      const net = initNet(m, ds.d, deriveSeed(c.seed, 'W', m));
      for (let k = 0; k < net.W.length; k++) net.W[k] *= scale;
      const buf = makeBuffers(ds.n, m, ds.d);
      const loss = referenceKernel.lossAndGrad(net, ds.X, ds.n, hardTargets(ds.y), buf);
      let g2 = 0;
      for (let k = 0; k < buf.G.length; k++) g2 += buf.G[k] * buf.G[k];
      const lhs = Math.sqrt(g2);
      const rhs = Math.min(loss, 1);
      const allowance = 1 + GRADIENT_REL_ALLOWANCE_PER_TERM * (ds.n + m + ds.d);
      return { holds: lhs <= rhs * allowance + GRADIENT_ABS_ALLOWANCE, values: { n: ds.n, d: ds.d, m, scale, lhs, rhs, ratio: lhs / rhs } };
    },
    describe: datasetPayload,
  }),
  numRuns: { quick: 150, full: 300 },
});
