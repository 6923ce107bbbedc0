/**
 * The versioned schema of the paper reproduction's results.json (reports/<run-id>/results.json), validated
 * with zod on write and on read. Version history:
 *   1 — first version: seed, quick, config, cells (per pair × σ × seed: γ, teacher, every student), claims,
 *       summary.
 *   2 — adds rng: the random generator every draw came from (src/rng.ts rngInfo), as the verify results do.
 *   3 — teacher ablation: config.teachers / wideNet / init / equivalenceMargin; cells hold teachers[] (accuracy,
 *       test loss, ECE per teacher) and students carry teacher (null = hard) and chance; claims carry teacher and
 *       conclusion, kind gap-vs-margin, verdicts as verify's (with not-applicable); summary.notApplicable;
 *       teachers[].confidenceSd and labelDisagreement (what the soft labels carry beyond the hard labels).
 * The file holds only what the seed, the settings and the code determine (no times, dates or machine: those
 * are in timings.json / environment.json), so two runs with the same seed write the same bytes whatever the
 * number of worker threads. Non-finite numbers appear as the strings "Infinity"/"NaN" (canonicalJson.ts).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { canonicalize } from '../run/canonicalJson.js';
import { firstIssue, RngSchema, VerdictSchema } from '../run/schema.js';
import { CLAIM_KINDS } from './claims.js';
import { TEACHER_KINDS } from './config.js';
import { INIT_SCHEMES } from '../model/twoLayer.js';

export const PAPER_SCHEMA_NAME = 'ntk-verify/paper-results';
export const PAPER_SCHEMA_VERSION = 3;

const Num = z.union([z.number(), z.enum(['Infinity', '-Infinity', 'NaN'])]);
const Primitive = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const Teacher = z.enum(TEACHER_KINDS as [string, ...string[]]);

const StudentSchema = z.strictObject({
  model: z.enum(['two-layer', 'mlp']),
  m: z.number().int().positive(),
  regime: z.enum(['soft', 'hard']),
  teacher: Teacher.nullable(),
  testAccuracy: z.number().min(0).max(1),
  testLoss: Num,
  testKl: Num.nullable(),
  trainAccuracy: z.number().min(0).max(1),
  finalLoss: Num,
  avgLoss: Num,
  chance: z.boolean(),
});

const TeacherRecordSchema = z.strictObject({
  kind: Teacher,
  testAccuracy: z.number().min(0).max(1).nullable(),
  trainAccuracy: z.number().min(0).max(1).nullable(),
  testLoss: Num.nullable(),
  testEce: z.number().min(0).max(1).nullable(),
  meanConfidence: z.number().nullable(),
  confidenceSd: z.number().nonnegative().nullable(),
  labelDisagreement: z.number().min(0).max(1).nullable(),
  radiusSoft: Num.nullable(),
  summary: z.record(z.string(), Primitive),
  error: z.string().optional(),
});

export const CellSchema = z.strictObject({
  pair: z.tuple([z.number().int(), z.number().int()]),
  sigma: z.number().nonnegative(),
  seed: z.number().int().nonnegative(),
  dataSeed: z.string(),
  gammaLower: z.number(),
  gammaUpper: z.number(),
  gammaPool: z.number(),
  teachers: z.array(TeacherRecordSchema),
  students: z.array(StudentSchema),
});

const ClaimSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(CLAIM_KINDS as [string, ...string[]]),
  teacher: Teacher.nullable(),
  model: z.enum(['two-layer', 'mlp']).nullable(),
  pair: z.string(),
  title: z.string(),
  statement: z.string(),
  source: z.string(),
  test: z.string(),
  verdict: VerdictSchema,
  evidence: z.string(),
  conclusion: z.string(),
  metrics: z.record(z.string(), Primitive),
});

export const PaperResultsSchema = z.strictObject({
  schema: z.literal(PAPER_SCHEMA_NAME),
  version: z.literal(PAPER_SCHEMA_VERSION),
  seed: z.string(),
  /** The generator every seeded draw came from (src/rng.ts rngInfo). */
  rng: RngSchema,
  quick: z.boolean(),
  config: z.looseObject({
    pairs: z.array(z.tuple([z.number().int(), z.number().int()])).min(1),
    sigmas: z.array(z.number()).min(2),
    widths: z.array(z.number().int().positive()).min(1),
    seeds: z.number().int().positive(),
    n: z.number().int().positive(),
    nTest: z.number().int().positive(),
    teacherN: z.number().int().positive(),
    dim: z.number().int().positive(),
    T: z.number().int().positive(),
    eta: z.number().positive(),
    radiusSoft: z.union([Num, z.literal('auto')]),
    teachers: z.array(Teacher).min(1),
    init: z.enum(INIT_SCHEMES as [string, ...string[]]),
    tau: z.number().positive(),
    alpha: z.number(),
  }),
  cells: z.array(CellSchema),
  claims: z.array(ClaimSchema),
  summary: z.strictObject({
    verified: z.number().int().nonnegative(),
    refuted: z.number().int().nonnegative(),
    inconclusive: z.number().int().nonnegative(),
    notApplicable: z.number().int().nonnegative(),
    exitCode: z.union([z.literal(0), z.literal(1)]),
  }),
});
export type PaperResults = z.infer<typeof PaperResultsSchema>;

/**
 * Canonicalise (typed arrays → arrays, non-finite → strings) and validate.
 * @throws InputError(where, …) naming the first failing field.
 */
export function validatePaperResults(value: unknown, where: string): PaperResults {
  const parsed = PaperResultsSchema.safeParse(canonicalize(value));
  if (!parsed.success) throw new InputError(where, `not a valid paper results.json: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/** Read and validate a results.json file. @throws InputError on a missing file, bad JSON or schema mismatch. */
export function readPaperResults(path: string): PaperResults {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(path, `not JSON (${(e as Error).message})`);
  }
  const v = (value as { version?: unknown })?.version;
  if (v !== undefined && v !== PAPER_SCHEMA_VERSION) throw new InputError(path, `paper results schema version ${String(v)}, this ntk-verify reads version ${PAPER_SCHEMA_VERSION}`);
  return validatePaperResults(value, path);
}
