/**
 * Run one claim of the catalog and turn its ClaimResult into a validated, canonical ClaimRecord.
 * A claim that throws, or returns a result that fails the schema, is recorded as inconclusive with the
 * error in `error` and `evidence` — visible in every report, and an exit-code-1 problem (verdict.ts) —
 * rather than aborting the run and losing the other claims.
 */
import type { Claim, RunContext } from '../verify/types.js';
import { withCatalog } from '../verify/runProperty.js';
import { canonicalize } from './canonicalJson.js';
import { ClaimRecordSchema, firstIssue, type ClaimRecord } from './schema.js';

export interface ClaimOutcome {
  record: ClaimRecord;
  wallSeconds: number;
  /** True when the run threw or the result failed validation (such records are not kept for --resume). */
  failed: boolean;
}

function failure(claim: Claim, seed: number, error: string): ClaimRecord {
  return {
    id: claim.id,
    title: claim.title,
    statement: claim.statement,
    source: claim.source,
    confidence: claim.confidence,
    verdict: 'inconclusive',
    evidence: `run failed: ${error}`,
    data: '',
    mutant: claim.mutant,
    metrics: {},
    seed,
    error,
  };
}

/** Validate and canonicalise a ClaimResult (wallSeconds dropped: timings live outside results.json). */
export function toRecord(claim: Claim, result: unknown, seed: number): { record: ClaimRecord; failed: boolean } {
  if (!result || typeof result !== 'object') return { record: failure(claim, seed, 'run() returned no object'), failed: true };
  // wallSeconds goes to timings.json; function-valued fields (a result built by spreading the Claim carries
  // run/replay) are code, not data
  const rest = Object.fromEntries(
    Object.entries(result as Record<string, unknown>).filter(([k, v]) => k !== 'wallSeconds' && typeof v !== 'function'),
  );
  let json: unknown;
  try {
    json = canonicalize(rest);
  } catch (e) {
    return { record: failure(claim, seed, (e as Error).message), failed: true };
  }
  const parsed = ClaimRecordSchema.safeParse(json);
  if (!parsed.success) return { record: failure(claim, seed, `result fails the schema at ${firstIssue(parsed.error)}`), failed: true };
  if (parsed.data.id !== claim.id) {
    return { record: failure(claim, seed, `result id "${parsed.data.id}" differs from claim id "${claim.id}"`), failed: true };
  }
  if (parsed.data.mutant !== claim.mutant) {
    return { record: failure(claim, seed, `result mutant flag ${parsed.data.mutant} differs from the claim's`), failed: true };
  }
  return { record: canonicalize(parsed.data) as ClaimRecord, failed: false };
}

/**
 * Run claim.run(ctx) and record the outcome. Never throws. `catalog` (a --catalog module) is appended to the
 * counterexample's replay command, which the claim itself builds without knowing where it was loaded from.
 */
export async function runClaim(claim: Claim, ctx: RunContext, catalog: string | null = null): Promise<ClaimOutcome> {
  const t0 = performance.now();
  let result: unknown;
  try {
    result = await claim.run(ctx);
  } catch (e) {
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { record: failure(claim, ctx.seed, msg.split('\n')[0]), wallSeconds: (performance.now() - t0) / 1000, failed: true };
  }
  const { record, failed } = toRecord(claim, result, ctx.seed);
  if (catalog !== null && record.counterexample?.replay) record.counterexample.replay = withCatalog(record.counterexample.replay, catalog);
  return { record, wallSeconds: (performance.now() - t0) / 1000, failed };
}
