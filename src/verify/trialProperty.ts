/**
 * Properties of the form "for every dataset, with probability ≥ 1 − δ over the initialisation, E holds".
 * Each generated case (a dataset and its knobs) runs `trials` independent initialisations and counts the
 * failures k; the case is tested with the exact rule of stats.ts at a per-case level α_case = α/N_full
 * (Bonferroni over the N_full cases of a default run; quick runs use fewer cases and are then conservative):
 *   the case violates the claim ⟺ Clopper–Pearson lower bound (1 − α_case) on its failure rate > δ;
 * fast-check then shrinks the case while it keeps violating, toward fewer points and lower dimension.
 * Claim verdict: refuted if a case violates; verified if every case's Clopper–Pearson upper bound is ≤ δ;
 * inconclusive otherwise. Family-wise error: P(refuted | claim true) ≤ α, P(verified | some case's rate > δ) ≤ α.
 * Source: our design [INFERRED] on Clopper & Pearson 1934 and Bonferroni [RECALLED].
 */
import type fc from 'fast-check';
import type { Counterexample } from './types.js';
import type { CaseValues, PropertyOutcome, PropertySpec } from './runProperty.js';
import { rateVerdict, type RateTest } from '../stats/inference.js';
import { fmt, type Decision } from './propertyClaim.js';

export interface TrialPropertyDef<T> {
  arb: fc.Arbitrary<T>;
  describe(value: T): Pick<Counterexample, 'dataset' | 'n' | 'd'>;
  /** Independent initialisations per case. */
  trials: number;
  /** The claim's failure probability δ. */
  delta: number;
  /** Per-case level α_case (= α_claim / N_full). */
  alphaCase: number;
  /**
   * Trial t of a case (its init seed must be derived from the case and t): fail = the event the claim bounds
   * by δ; ratio = lhs/rhs of the inequality, summarised as its maximum.
   */
  trial(value: T, t: number): { fail: boolean; ratio: number };
  /** Knobs of the case for the report (n, d, m, radius, …). */
  caseValues(value: T): CaseValues;
}

export interface TrialRecord extends RateTest {
  maxRatio: number;
}

/** The property: a case holds unless its failure count is significantly above δ. */
export function trialSpec<T>(def: TrialPropertyDef<T>): PropertySpec<T, TrialRecord> {
  return {
    arb: def.arb,
    describe: def.describe,
    check(value) {
      let failures = 0;
      let maxRatio = -Infinity;
      for (let t = 0; t < def.trials; t++) {
        const r = def.trial(value, t);
        if (r.fail) failures++;
        if (r.ratio > maxRatio) maxRatio = r.ratio;
      }
      const test = rateVerdict(failures, def.trials, def.delta, def.alphaCase);
      return {
        holds: test.verdict !== 'refuted',
        values: {
          ...def.caseValues(value),
          failures,
          trials: def.trials,
          delta: def.delta,
          cpLower: test.lower,
          cpUpper: test.upper,
          alphaCase: def.alphaCase,
          maxRatio,
        },
        record: { ...test, maxRatio },
      };
    },
  };
}

/**
 * The claim verdict of trial properties (module doc). Every count says what it counts: the evidence of a
 * refuted claim quotes the shrunk counterexample's failures/trials (also in metrics as
 * counterexampleInitFailures/…Trials), while the pooled counts over the cases run are labelled
 * …BeforeShrink when the property failed (the cases fast-check ran up to the first violating one, before
 * shrinking) and …AllCases otherwise.
 */
export function trialDecision<T>(o: PropertyOutcome<T, TrialRecord>, alphaClaim: number): Decision {
  const recs = o.cases.map((c) => c.record).filter((r): r is TrialRecord => r !== undefined);
  const failures = recs.reduce((s, r) => s + r.failures, 0);
  const trials = recs.reduce((s, r) => s + r.trials, 0);
  const worstUpper = recs.reduce((s, r) => Math.max(s, r.upper), 0);
  const maxRatio = recs.reduce((s, r) => Math.max(s, r.maxRatio), -Infinity);
  const inconclusive = recs.filter((r) => r.verdict === 'inconclusive').length;
  const delta = recs[0]?.delta ?? null;
  const scope = o.status === 'failed' ? 'BeforeShrink' : 'AllCases';
  const metrics: NonNullable<Decision['metrics']> = {
    cases: o.numRuns,
    skipped: o.numSkips,
    shrinks: o.numShrinks,
    [`initFailures${scope}`]: failures,
    [`initTrials${scope}`]: trials,
    [`pooledFailureRate${scope}`]: trials > 0 ? failures / trials : null,
    worstCaseCpUpper: worstUpper,
    maxLhsOverRhs: Number.isFinite(maxRatio) ? maxRatio : null,
    inconclusiveCases: inconclusive,
    delta,
    alphaClaim,
    alphaCase: recs[0]?.alpha ?? null,
  };
  if (o.status === 'failed') {
    const v = o.counterexample?.values ?? {};
    metrics.counterexampleInitFailures = typeof v.failures === 'number' ? v.failures : null;
    metrics.counterexampleInitTrials = typeof v.trials === 'number' ? v.trials : null;
    const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    return {
      verdict: 'refuted',
      evidence:
        `shrunk case n=${o.counterexample?.n}, d=${o.counterexample?.d}: ${v.failures}/${v.trials} inits fail, ` +
        `Clopper–Pearson lower ${fmt(Number(v.cpLower))} > δ = ${v.delta} (shrunk in ${o.numShrinks} steps; ` +
        `before shrinking: ${failures}/${trials} inits failed over ${plural(o.numRuns, 'case')} run)`,
      metrics,
    };
  }
  if (o.status === 'too-many-skips') {
    return { verdict: 'inconclusive', evidence: `fc.pre rejected too many cases (${o.numSkips} skips)`, metrics };
  }
  const rate = `${failures}/${trials} inits failed over ${o.numRuns} cases`;
  if (inconclusive > 0) {
    return {
      verdict: 'inconclusive',
      evidence: `${rate}; ${inconclusive} case(s) with Clopper–Pearson upper bound > δ = ${delta} (worst ${fmt(worstUpper)})`,
      metrics,
    };
  }
  return {
    verdict: 'verified',
    evidence: `${rate}; every case's failure rate ≤ ${fmt(worstUpper)} < δ = ${delta} (Clopper–Pearson, family level ${alphaClaim}); max lhs/rhs ${fmt(maxRatio)}`,
    metrics,
  };
}
