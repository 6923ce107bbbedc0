/**
 * Build a {@link Claim} whose evidence is an aggregate over a fixed design (a grid of datasets × widths × seeds,
 * fits with confidence intervals) rather than a fast-check search: lazy training, the width constants, the
 * scaling slopes, the separation. These have no (seed, path) replay; they rerun from the run seed, and every
 * expensive cell goes through ctx.cells (src/verify/widthCells.ts) so a resumed run recomputes nothing.
 */
import { claimHeader, type Claim, type ClaimHeader, type ClaimResult, type RunContext } from './types.js';
import type { Decision } from './propertyClaim.js';

export interface AggregateDecision extends Decision {
  counterexample?: ClaimResult['counterexample'];
  /** Overrides the def's data description (e.g. with the datasets actually used). */
  data?: string;
}

export interface AggregateClaimDef extends ClaimHeader {
  data: string;
  evaluate(ctx: RunContext): AggregateDecision | Promise<AggregateDecision>;
}

/** Make the Claim; ClaimResult.seed is the run seed (the designs derive their streams from it). */
export function aggregateClaim(def: AggregateClaimDef): Claim {
  return {
    ...claimHeader(def),
    async run(ctx: RunContext): Promise<ClaimResult> {
      const t0 = performance.now();
      const d = await def.evaluate(ctx);
      return {
        ...claimHeader(def),
        verdict: d.verdict,
        evidence: d.evidence,
        data: d.data ?? def.data,
        metrics: d.metrics ?? {},
        counterexample: d.counterexample,
        cells: d.cells,
        series: d.series,
        seed: ctx.seed,
        wallSeconds: (performance.now() - t0) / 1000,
      };
    },
  };
}
