/**
 * Build a {@link Claim} from a fast-check property: `run` draws cases from the claim's seed (derived from the run
 * seed), shrinks a failure to a minimal case, and turns the outcome into a verdict; `replay` re-runs one
 * recorded case from (seed, path). Verdicts of the default rule, for universal claims ("for every case …"):
 *   refuted       a case violates the claim (shrunk counterexample, replay command);
 *   verified      no violation in N evaluated cases — a search, stated with its reach: the generator's
 *                 failure mass is < 1 − 0.05^{1/N} at 95% (≈ 3/N, the rule of three);
 *   inconclusive  fc.pre rejected too many cases (skips are never counted as passes).
 * Claims with their own statistics (trialProperty.ts, width claims) pass a `decide` hook.
 * The case generator and check do not depend on the mode: quick mode only lowers numRuns, so a replay
 * needs no mode flag.
 */
import { claimHeader, type Claim, type ClaimHeader, type ClaimResult, type RunContext, type Verdict } from './types.js';
import { claimSeed, replayCommand, runProperty, type PropertyOutcome, type PropertySpec } from './runProperty.js';

export interface PropertyClaimDef<T, R> extends ClaimHeader {
  /** What the cases are, for the report's data column. */
  data: string;
  /**
   * Built lazily (per run) so importing the catalog costs nothing. ctx is absent on replay; a spec may use it only
   * for caching (ctx.cells), never to change the cases or the check.
   */
  spec: (ctx?: RunContext) => PropertySpec<T, R>;
  /** Cases per run. The Bonferroni splits of trial claims use `full` (quick runs are then conservative). */
  numRuns: { quick: number; full: number };
  /** Custom decision; the default rule is described in the module doc. */
  decide?: (outcome: PropertyOutcome<T, R>, ctx: RunContext) => Decision;
  /**
   * Warm caches before the (synchronous) property runs, e.g. measure known width cells on all cores. Like `spec`'s
   * use of ctx, it may only fill caches: the cases and the check must come out the same without it (replay skips it).
   */
  prepare?: (ctx: RunContext) => Promise<void>;
}

export interface Decision {
  verdict: Verdict;
  evidence: string;
  metrics?: ClaimResult['metrics'];
  series?: ClaimResult['series'];
  cells?: ClaimResult['cells'];
  /** A counterexample the decision found outside the generated cases (e.g. a fixed design case); else the shrunk one. */
  counterexample?: ClaimResult['counterexample'];
}

/** The default rule for universal claims (module doc). */
export function defaultDecision<T, R>(o: PropertyOutcome<T, R>): Decision {
  const metrics = { cases: o.numRuns, skipped: o.numSkips, shrinks: o.numShrinks };
  if (o.status === 'failed') {
    const vals = Object.entries(o.counterexample?.values ?? {})
      .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`)
      .join(', ');
    return { verdict: 'refuted', evidence: `counterexample after ${o.numRuns} cases, shrunk in ${o.numShrinks} steps: ${vals}`, metrics };
  }
  if (o.status === 'too-many-skips') {
    return { verdict: 'inconclusive', evidence: `fc.pre rejected too many cases (${o.numSkips} skips, ${o.numRuns} evaluated)`, metrics };
  }
  const massUpper95 = 1 - 0.05 ** (1 / Math.max(o.numRuns, 1));
  return {
    verdict: 'verified',
    evidence: `no counterexample in ${o.numRuns} cases (${o.numSkips} skipped); failure mass < ${fmt(massUpper95)} at 95%`,
    metrics: { ...metrics, failureMassUpper95: massUpper95 },
  };
}

/** Make the Claim (see module doc). */
export function propertyClaim<T, R>(def: PropertyClaimDef<T, R>): Claim {
  const runNow = (ctx: RunContext, t0: number): ClaimResult => {
    const seed = claimSeed(ctx.seed, def.id);
    const numRuns = ctx.quick ? def.numRuns.quick : def.numRuns.full;
    const outcome = runProperty(def.id, def.spec(ctx), { seed, numRuns });
    const decision = (def.decide ?? defaultDecision)(outcome, ctx);
    return {
      ...claimHeader(def),
      verdict: decision.verdict,
      evidence: decision.evidence,
      data: def.data,
      metrics: { numRuns, ...decision.metrics },
      counterexample: outcome.counterexample ?? decision.counterexample,
      series: decision.series,
      cells: decision.cells,
      seed,
      wallSeconds: (performance.now() - t0) / 1000,
    };
  };
  return {
    ...claimHeader(def),
    run(ctx: RunContext): ClaimResult | Promise<ClaimResult> {
      const t0 = performance.now();
      return def.prepare ? def.prepare(ctx).then(() => runNow(ctx, t0)) : runNow(ctx, t0);
    },
    replay(seed: number, path: string) {
      const spec = def.spec();
      const o = runProperty(def.id, spec, { seed, numRuns: 1, path });
      const value = o.value;
      const counterexample =
        o.counterexample ??
        (value !== undefined && o.lastOutcome
          ? { seed, path, ...spec.describe(value), values: o.lastOutcome.values, replay: replayCommand(def.id, seed, path) }
          : null);
      return { claim: def.id, seed, path, failed: o.status === 'failed', counterexample };
    },
  };
}

/** Four significant digits for evidence lines. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(3);
}
