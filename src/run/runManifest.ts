/**
 * run.json: what a run was asked to do (seed, budgets, selection, shard, work list), written atomically
 * before the first claim runs, so `verify --resume <run-id>` can continue with exactly the same settings.
 * Also the per-item record files (items/<id>.json) that make an interrupted run resumable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { writeJsonAtomic } from './atomicWrite.js';
import { ClaimRecordSchema, firstIssue, RealDataSchema, ShardSchema } from './schema.js';

export const MANIFEST_FILE = 'run.json';
/** Sub-folder of finished work items: items/<id>.json = {record, wallSeconds, runSeed}. */
export const ITEMS_DIR = 'items';

export const RunManifestSchema = z.strictObject({
  schema: z.literal('ntk-verify/run'),
  version: z.literal(1),
  runId: z.string(),
  seed: z.number().int(),
  quick: z.boolean(),
  only: z.array(z.string()).nullable(),
  shard: ShardSchema.nullable(),
  realData: z.boolean(),
  workList: z.array(z.string()),
  /** Catalog module (null = the built-in properties/catalog.ts). */
  catalog: z.string().nullable(),
  /** Width-cell options (absent in runs written before they existed: the defaults). */
  criterion: z.enum(['objective', 'relative', 'logistic']).optional(),
  init: z.enum(['balanced', 'iid']).optional(),
  profile: z.enum(['default', 'full']).optional(),
  createdAt: z.string(),
});
export type RunManifest = z.infer<typeof RunManifestSchema>;

/** Read and validate run.json of a run directory. @throws InputError('--resume', …). */
export function readManifest(runDir: string): RunManifest {
  const file = join(runDir, MANIFEST_FILE);
  if (!existsSync(file)) throw new InputError('--resume', `no run to resume at ${runDir} (${MANIFEST_FILE} missing)`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError('--resume', `${file} is not JSON (${(e as Error).message})`);
  }
  const parsed = RunManifestSchema.safeParse(value);
  if (!parsed.success) throw new InputError('--resume', `${file} is not a valid run manifest: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

export function writeManifest(runDir: string, m: RunManifest): void {
  writeJsonAtomic(join(runDir, MANIFEST_FILE), m);
}

const ItemFileSchema = z.object({
  record: z.union([ClaimRecordSchema, RealDataSchema]),
  wallSeconds: z.number().nonnegative(),
  /** The run's seed (run.json). Absent in files written before it was recorded. */
  runSeed: z.number().int().optional(),
});

function itemFile(runDir: string, id: string): string {
  return join(runDir, ITEMS_DIR, `${encodeURIComponent(id)}.json`);
}

/**
 * A finished item recorded by this or an earlier (interrupted) run, or null. An unreadable or invalid
 * file — impossible after atomic writes, but a hand edit can do it — is treated as unfinished (recomputed).
 */
export function readItem(runDir: string, id: string, seed: number): { record: unknown; wallSeconds: number } | null {
  const file = itemFile(runDir, id);
  if (!existsSync(file)) return null;
  try {
    const parsed = ItemFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success || parsed.data.record.id !== id) return null;
    // The item must come from a run with this seed. A claim record's own `seed` is the seed the claim used
    // (real claims derive their fast-check seed from the run's), so it is compared only in older files
    // without runSeed.
    if (parsed.data.runSeed !== undefined) {
      if (parsed.data.runSeed !== seed) return null;
    } else {
      const rec = parsed.data.record as { seed?: number };
      if (rec.seed !== undefined && rec.seed !== seed) return null;
    }
    return { record: parsed.data.record, wallSeconds: parsed.data.wallSeconds };
  } catch {
    return null;
  }
}

/** Record a finished item of the run with seed runSeed (atomic write; see {@link readItem}). */
export function writeItem(runDir: string, id: string, record: unknown, wallSeconds: number, runSeed: number): void {
  writeJsonAtomic(itemFile(runDir, id), { record, wallSeconds, runSeed });
}
