/**
 * Claim:      finite-width margin. With probability ≥ 1 − δ over W(0) ~ N(0, I),
 *               γ_m ≥ γ_sup − sqrt(2 ln(n/δ)/m),
 *             γ_sup the Ji–Telgarsky sup-norm margin (src/margin/gammaSup.ts), γ_m the same program over the m initial
 *             rows w_s(0) (gammaFinite).
 * Source:     Ji & Telgarsky 2020 (arXiv 1909.12292), the finite-width margin step of the proof of Thm 2.2
 *             (Hoeffding per sample for the fixed v̄, terms in [−1, 1], union bound over n) [RECALLED]. Expect: verified.
 * Confidence: δ = 0.1; 120 inits per case; a case fails iff the Clopper–Pearson lower bound (level α/12) of its
 *             failure rate exceeds δ; verified iff every case's upper bound ≤ δ; family α = 0.001 (trialProperty.ts).
 *             An init counts as a failure unless certified fine: bracket(γ_m).lower ≥ bracket(γ_sup).upper − r
 *             (conservative for "verified"; the brackets are 1e-2-relative, the observed slack ≥ 0.8 r).
 * Data:       d = 2 only, where γ_sup is exact (gammaSupExact2d, no Monte Carlo error); n ≤ 10 from datasetArb
 *             (all kinds), m = 2^k, k ∈ [0, 10]; 6 cases quick, 12 default.
 */
import fc from 'fast-check';
import { gammaFinite } from '../../src/margin/gammaSup.js';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { initNet } from '../../src/model/twoLayer.js';
import { deriveSeed } from '../../src/rng.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { trialDecision, trialSpec } from '../../src/verify/trialProperty.js';
import { caseDatasetArb, datasetPayload, type DatasetCase } from '../../src/verify/caseData.js';

/** δ, trials, level and case counts of this claim; FINITE_REL_GAP is the relative bracket width asked of gammaFinite. */
export const MARGIN_TRIALS = { delta: 0.1, trials: 120, alphaClaim: 0.001, numRuns: { quick: 6, full: 12 } };
export const FINITE_REL_GAP = 1e-2;

/** r(m) = sqrt(2 ln(n/δ)/m). */
export function marginRadius(n: number, m: number, delta: number): number {
  return Math.sqrt((2 * Math.log(n / delta)) / m);
}

type MarginCase = DatasetCase & { m: number };

export const marginFiniteWidthClaim = propertyClaim({
  id: 'margin-finite-width',
  title: 'Finite-width margin stays within sqrt(2 ln(n/δ)/m) of γ_sup',
  statement: 'w.p. ≥ 1 − δ over W(0): γ_m ≥ γ_sup − sqrt(2 ln(n/δ)/m)',
  source: 'Ji & Telgarsky 2020 (arXiv 1909.12292), proof of Thm 2.2 (Hoeffding + union bound) [RECALLED]',
  confidence: `δ = ${MARGIN_TRIALS.delta}, ${MARGIN_TRIALS.trials} inits per case, ${MARGIN_TRIALS.numRuns.full} cases (${MARGIN_TRIALS.numRuns.quick} quick); Clopper–Pearson per case at α/${MARGIN_TRIALS.numRuns.full}, family α = ${MARGIN_TRIALS.alphaClaim}; exact γ_sup (d = 2)`,
  mutant: false,
  kind: 'lemma',
  data: 'generated datasets in d = 2 (exact γ_sup), n ≤ 10, m = 1…1024',
  spec: () => {
    const sup = new WeakMap<MarginCase, { lower: number; upper: number }>();
    const supOf = (c: MarginCase) => {
      let g = sup.get(c);
      if (!g) sup.set(c, (g = gammaSupExact2d(c.ds.X, c.ds.y, c.ds.n)));
      return g;
    };
    return trialSpec<MarginCase>({
      arb: fc
        .record({ data: caseDatasetArb({ nMax: 10, dMin: 2, dMax: 2 }), logM: fc.integer({ min: 0, max: 10 }) })
        .map(({ data, logM }) => ({ ...data, m: 2 ** logM })),
      describe: datasetPayload,
      trials: MARGIN_TRIALS.trials,
      delta: MARGIN_TRIALS.delta,
      alphaCase: MARGIN_TRIALS.alphaClaim / MARGIN_TRIALS.numRuns.full,
      caseValues: (c) => {
        const g = supOf(c);
        return { n: c.ds.n, d: c.ds.d, m: c.m, gammaSupLower: g.lower, gammaSupUpper: g.upper, radius: marginRadius(c.ds.n, c.m, MARGIN_TRIALS.delta) };
      },
      trial(c, t) {
        const { ds, m } = c;
        const g = supOf(c);
        const r = marginRadius(ds.n, m, MARGIN_TRIALS.delta);
        const W0 = initNet(m, ds.d, deriveSeed(c.seed, 'init', m, t)).W;
        const gm = gammaFinite(ds.X, ds.y, ds.n, ds.d, W0, m, { relGap: FINITE_REL_GAP });
        // ratio = (γ_sup − γ_m)/r: the claim holds when ≤ 1.
        return { fail: gm.lower < g.upper - r, ratio: (g.upper - gm.lower) / r };
      },
    });
  },
  numRuns: MARGIN_TRIALS.numRuns,
  decide: (o) => {
    const d = trialDecision(o, MARGIN_TRIALS.alphaClaim);
    const bracket = o.cases.flatMap((c, i) => [
      { x: i, y: Number(c.values.gammaSupLower), group: 'lower' },
      { x: i, y: Number(c.values.gammaSupUpper), group: 'upper' },
    ]);
    return { ...d, series: { 'margin-bracket': bracket } };
  },
});
