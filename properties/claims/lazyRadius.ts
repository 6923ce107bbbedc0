/**
 * Claim:      Ji–Telgarsky radius. For m ≥ M := 4096 λ²/γ⁶, λ := (√(2 ln(4n/δ)) + ln(4/ε))/(γ/4), η ≤ 1 and
 *             T = ⌈2λ²/(ηε)⌉, with probability ≥ 1 − 3δ: (1/T) Σ_t R̂(W_t) ≤ ε and
 *             ‖w_s(t) − w_s(0)‖ ≤ 4λ/(γ√m) for all s, t.
 * Source:     Ji & Telgarsky 2020 (arXiv 1909.12292) Theorem 2.2 [RECALLED — constants from memory, unverified].
 * Confidence: precondition check only. Since ‖x_i‖ = 1 and ‖v̄‖ ≤ 1 give γ ≤ 1, and M ∝ γ⁻⁸, M ≥ M(γ = 1); when
 *             that lower bound exceeds the widest width trained, the claim is NOT APPLICABLE at this scale —
 *             never "verified". The observed √m·movement is shown beside 4λ/γ (at γ = 1, the smallest radius)
 *             for information only. Expect: not-applicable.
 * Design:     the lazy-training runs (properties/claims/lazyTraining.ts), δ = 0.05, ε = 0.1.
 */
import { aggregateClaim } from '../../src/verify/aggregateClaim.js';
import { fmt } from '../../src/verify/propertyClaim.js';
import { LAZY_DESIGN, lazyRuns } from './lazyTraining.js';

/** δ and ε at which the Ji–Telgarsky width is evaluated (stated in the report). */
export const JT_DELTA = 0.05;
export const JT_EPS = 0.1;

/** λ(γ) = (√(2 ln(4n/δ)) + ln(4/ε))/(γ/4) of Ji–Telgarsky Thm 2.2 [RECALLED]. */
export function jtLambda(gamma: number, n: number, delta: number, eps: number): number {
  return (Math.sqrt(2 * Math.log((4 * n) / delta)) + Math.log(4 / eps)) / (gamma / 4);
}

/** M(γ) = 4096 λ²/γ⁶ of Ji–Telgarsky Thm 2.2 [RECALLED]. */
export function jtWidth(gamma: number, n: number, delta: number, eps: number): number {
  return (4096 * jtLambda(gamma, n, delta, eps) ** 2) / gamma ** 6;
}

export const lazyRadiusClaim = aggregateClaim({
  id: 'lazy-radius-jt',
  title: 'Ji–Telgarsky: at their width, neurons stay within radius 4λ/(γ√m)',
  statement: 'for m ≥ 4096λ²/γ⁶, w.p. ≥ 1 − 3δ, ‖w_s(t) − w_s(0)‖ ≤ 4λ/(γ√m) for all s, t ≤ T = ⌈2λ²/(ηε)⌉',
  source: 'Ji & Telgarsky 2020 (arXiv 1909.12292) Theorem 2.2 [RECALLED, constants unverified]',
  confidence: `precondition m ≥ M checked against the widest width trained, with M ≥ M(γ = 1) since γ ≤ 1; δ = ${JT_DELTA}, ε = ${JT_EPS}`,
  mutant: false,
  kind: 'theorem',
  data: `lazy-training design: synthetic linear/teacher/xor, n = ${LAZY_DESIGN.n}, d = ${LAZY_DESIGN.d}`,
  async evaluate(ctx) {
    const runs = await lazyRuns(ctx.seed, ctx.quick);
    const mMax = Math.max(...runs.map((r) => r.m));
    const n = LAZY_DESIGN.n;
    const mLower = jtWidth(1, n, JT_DELTA, JT_EPS);
    const radiusScaledAtOne = 4 * jtLambda(1, n, JT_DELTA, JT_EPS);
    const maxScaled = Math.max(...runs.map((r) => r.scaledMovement));
    const metrics = {
      jtWidthLowerBound: mLower,
      widestWidthTrained: mMax,
      shortfallFactor: mLower / mMax,
      jtScaledRadiusAtGammaOne: radiusScaledAtOne,
      maxObservedScaledMovement: maxScaled,
      delta: JT_DELTA,
      eps: JT_EPS,
      etaUsed: LAZY_DESIGN.eta,
    };
    if (mLower > mMax) {
      return {
        verdict: 'not-applicable',
        evidence:
          `needs m ≥ M ≥ ${fmt(mLower)} (γ ≤ 1), widest trained m = ${mMax} (×${fmt(mLower / mMax)} short); ` +
          `for information: max √m·movement ${fmt(maxScaled)} vs √m·radius ≥ ${fmt(radiusScaledAtOne)}`,
        metrics,
      };
    }
    // Not reachable with γ ≤ 1 and the design's widths; kept so a larger design cannot silently pass.
    return { verdict: 'inconclusive', evidence: 'the width precondition may hold but γ is not computed here', metrics };
  },
});
