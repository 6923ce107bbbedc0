/**
 * The versioned schema of results.json (and of the per-claim records a run keeps on disk), validated with
 * zod on every write and every read. Version history:
 *   1 — first version: seed, quick, workList, shard, claims (ClaimResult without wallSeconds), realData,
 *       assumptions, summary.
 *   2 — adds rng: the random generator every draw came from (generator "alea", library "seedrandom" and its
 *       version; src/rng.ts rngInfo), so a replay on another machine can check it has the same generator.
 *
 * results.json holds only what the seed and the code determine, so a fresh, a resumed and a shard-merged run
 * with the same seed write the same bytes (canonical JSON, canonicalJson.ts). Wall times, dates, run ids and
 * the machine live in timings.json / environment.json / run.json beside it, never in results.json.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';

/** The results.json format version this code writes and reads. */
export const RESULTS_SCHEMA_VERSION = 2;
/** The `schema` tag of results.json. */
export const RESULTS_SCHEMA_NAME = 'ntk-verify/results';

const Primitive = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const VerdictSchema = z.enum(['verified', 'refuted', 'inconclusive', 'not-applicable']);

export const CounterexampleSchema = z.looseObject({
  seed: z.number(),
  path: z.string(),
  dataset: z
    .object({ x: z.array(z.array(z.number())), y: z.array(z.number()), p: z.array(z.number()).optional() })
    .optional(),
  n: z.number().int().nonnegative().optional(),
  d: z.number().int().nonnegative().optional(),
  values: z.record(z.string(), Primitive),
  replay: z.string(),
});

export const WidthCellSchema = z.looseObject({
  dataset: z.string(),
  regime: z.enum(['soft', 'hard']),
  gamma: z.number(),
  eps: z.number(),
  mStar: z.number().nullable(),
  bound: z.number().optional(),
  seeds: z.number(),
  T: z.number().int().positive().optional(),
  applicable: z.boolean().optional(),
  excluded: z.string().optional(),
});

export const SeriesPointSchema = z.object({ x: z.number(), y: z.number(), group: z.string().optional() });

/**
 * One finished claim: src/verify/types.ts ClaimResult minus wallSeconds (kept in timings.json), plus
 * `error` when the claim's run threw (its verdict is then inconclusive). Unknown extra fields are kept
 * (loose object) so the shared ClaimResult can grow without breaking old reports.
 */
export const ClaimRecordSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  statement: z.string(),
  source: z.string(),
  confidence: z.string(),
  verdict: VerdictSchema,
  evidence: z.string(),
  data: z.string(),
  mutant: z.boolean(),
  /** Theorem, lemma or sanity check (true claims; src/verify/types.ts ClaimKind). */
  kind: z.enum(['theorem', 'lemma', 'sanity-check']).optional(),
  metrics: z.record(z.string(), Primitive),
  counterexample: CounterexampleSchema.optional(),
  cells: z.array(WidthCellSchema).optional(),
  series: z.record(z.string(), z.array(SeriesPointSchema)).optional(),
  seed: z.number(),
  error: z.string().optional(),
});
export type ClaimRecord = z.infer<typeof ClaimRecordSchema>;

/** The report runner's own real-data section (MNIST pair: γ bracket, soft vs hard at a small width). */
export const RealDataSchema = z.object({
  id: z.string(),
  title: z.string(),
  data: z.string(),
  settings: z.record(z.string(), Primitive),
  margin: z.json().optional(),
  soft: z.json().optional(),
  hard: z.json().optional(),
  /** How to read the numbers (e.g. which loss each regime's avgLoss is). */
  notes: z.array(z.string()).optional(),
  error: z.string().optional(),
});
export type RealDataRecord = z.infer<typeof RealDataSchema>;

/** A choice the paper leaves open, with the value the code uses (gathered from exported constants). */
export const AssumptionSchema = z.object({
  name: z.string(),
  module: z.string(),
  value: z.json(),
  doc: z.string(),
});
export type Assumption = z.infer<typeof AssumptionSchema>;

export const ShardSchema = z.object({ index: z.number().int().positive(), count: z.number().int().positive() });
export type Shard = z.infer<typeof ShardSchema>;

export const SummarySchema = z.object({
  verified: z.number().int(),
  refuted: z.number().int(),
  inconclusive: z.number().int(),
  notApplicable: z.number().int(),
  trueClaims: z.number().int(),
  /** The true claims by verdict: only `verified` counts as holding; not-applicable ones were not decided here. */
  trueClaimsVerified: z.number().int(),
  trueClaimsNotApplicable: z.number().int(),
  trueClaimsInconclusive: z.number().int(),
  trueClaimsRefuted: z.number().int(),
  /** The same four counts per kind of true claim (theorem, lemma, sanity check; 'unlabelled' for claims without a kind). */
  byKind: z.record(z.string(), z.object({ claims: z.number().int(), verified: z.number().int(), notApplicable: z.number().int(), inconclusive: z.number().int(), refuted: z.number().int() })),
  mutants: z.number().int(),
  mutantsRefuted: z.number().int(),
  /** One line per claim that breaks the exit-0 rule (see verdict.ts). */
  problems: z.array(z.string()),
  exitCode: z.union([z.literal(0), z.literal(1)]),
});
export type Summary = z.infer<typeof SummarySchema>;

/** The random generator of a run (src/rng.ts RngInfo). */
export const RngSchema = z.strictObject({
  generator: z.literal('alea'),
  library: z.literal('seedrandom'),
  version: z.string().min(1),
});

export const ResultsSchema = z.strictObject({
  schema: z.literal(RESULTS_SCHEMA_NAME),
  version: z.literal(RESULTS_SCHEMA_VERSION),
  seed: z.number().int(),
  /** The generator every seeded draw came from (same seed + same generator ⇒ same cases). */
  rng: RngSchema,
  quick: z.boolean(),
  /** Every work item id of the whole run (all shards), in catalog order. */
  workList: z.array(z.string()),
  /** null for a whole run (or a merge of all shards); {index, count} for one shard's partial result. */
  shard: ShardSchema.nullable(),
  /** Finished claims of this run/shard, in workList order. */
  claims: z.array(ClaimRecordSchema),
  realData: RealDataSchema.nullable(),
  assumptions: z.array(AssumptionSchema),
  summary: SummarySchema,
});
export type Results = z.infer<typeof ResultsSchema>;

/** The first zod issue as "path: message" (one line, for CLI errors). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `${path}: ${issue.message}${more}`;
}

/**
 * Validate a parsed results object.
 * @param where  file name for the error message.
 * @throws InputError(where, …) naming the first failing field, e.g. "claims.0.verdict: Invalid option".
 */
export function validateResults(value: unknown, where: string): Results {
  if (value && typeof value === 'object' && 'version' in value && (value as { version: unknown }).version !== RESULTS_SCHEMA_VERSION) {
    throw new InputError(
      where,
      `results schema version ${String((value as { version: unknown }).version)}, this ntk-verify reads version ${RESULTS_SCHEMA_VERSION}`,
    );
  }
  const parsed = ResultsSchema.safeParse(value);
  if (!parsed.success) throw new InputError(where, `not a valid results.json: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/** Parse and validate results.json text. @throws InputError on bad JSON or schema mismatch. */
export function parseResults(text: string, where: string): Results {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(where, `not JSON (${(e as Error).message})`);
  }
  return validateResults(value, where);
}

/** Validate one claim record. @throws InputError naming the first failing field. */
export function validateClaimRecord(value: unknown, where: string): ClaimRecord {
  const parsed = ClaimRecordSchema.safeParse(value);
  if (!parsed.success) throw new InputError(where, `not a valid claim record: ${firstIssue(parsed.error)}`);
  return parsed.data;
}
