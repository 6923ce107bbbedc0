/**
 * `ntk-verify report merge <dirs…>`: combine the partial results of shards (verify --shard i/N, same seed,
 * same code) into one run directory whose results.json is byte-identical to an unsharded run's: the same
 * records, in work-list order, with shard = null and the summary recomputed over all of them. Timings and
 * environments of all shards are kept side by side (timings.json, environment.json, the report's
 * Environment section).
 */
import { InputError } from '../errors.js';
import type { Environment } from '../run/environment.js';
import { buildResults } from '../run/runVerify.js';
import type { ClaimRecord, RealDataRecord, Results } from '../run/schema.js';
import { REAL_DATA_ID } from '../run/workList.js';
import { readRun, type RunFiles, type Timings } from '../run/runFiles.js';
import { writeReport } from './writeReport.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merge shard results (pure: no files).
 * @throws InputError('report merge', …) when the inputs are not the N distinct shards of one run:
 *         different seed/generator/budgets/work list/code (assumptions), a shard missing or given twice, or an item
 *         recorded by two shards.
 */
export function mergeResults(parts: readonly { dir: string; results: Results }[]): Results {
  const F = 'report merge';
  if (parts.length === 0) throw new InputError(F, 'expected at least one shard directory');
  const first = parts[0].results;
  for (const { dir, results: r } of parts) {
    if (!r.shard) throw new InputError(F, `${dir} is a whole run, not a shard (nothing to merge)`);
    if (r.seed !== first.seed) throw new InputError(F, `${dir} has seed ${r.seed}, ${parts[0].dir} has ${first.seed}`);
    if (!same(r.rng, first.rng)) throw new InputError(F, `${dir} drew from generator ${JSON.stringify(r.rng)}, ${parts[0].dir} from ${JSON.stringify(first.rng)}`);
    if (r.quick !== first.quick) throw new InputError(F, `${dir} ran with quick = ${r.quick}, ${parts[0].dir} with ${first.quick}`);
    if (!same(r.workList, first.workList)) throw new InputError(F, `${dir} has a different work list (another catalog or --only)`);
    if (r.shard.count !== first.shard!.count) throw new InputError(F, `${dir} is shard ${r.shard.index}/${r.shard.count}, ${parts[0].dir} is of ${first.shard!.count}`);
    if (!same(r.assumptions, first.assumptions)) throw new InputError(F, `${dir} ran with other assumptions (different code) than ${parts[0].dir}`);
  }
  const count = first.shard!.count;
  const byIndex = new Map<number, string>();
  for (const { dir, results: r } of parts) {
    const prev = byIndex.get(r.shard!.index);
    if (prev) throw new InputError(F, `shard ${r.shard!.index}/${count} given twice (${prev}, ${dir})`);
    byIndex.set(r.shard!.index, dir);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new InputError(F, `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);

  const records = new Map<string, ClaimRecord>();
  let realData: RealDataRecord | null = null;
  for (const { dir, results: r } of parts) {
    for (const c of r.claims) {
      if (records.has(c.id)) throw new InputError(F, `claim ${c.id} recorded by two shards (second: ${dir})`);
      records.set(c.id, c);
    }
    if (r.realData) {
      if (realData) throw new InputError(F, `real-data section recorded by two shards (second: ${dir})`);
      realData = r.realData;
    }
  }
  const claims = first.workList.filter((id) => records.has(id)).map((id) => records.get(id)!);
  const expected = first.workList.filter((id) => id !== REAL_DATA_ID).length;
  if (claims.length !== expected) {
    const absent = first.workList.filter((id) => id !== REAL_DATA_ID && !records.has(id));
    throw new InputError(F, `work items not recorded by any shard: ${absent.join(', ')} (did a shard stop early?)`);
  }
  if (first.workList.includes(REAL_DATA_ID) && !realData) throw new InputError(F, 'the real-data work item was not recorded by any shard');
  return buildResults({ seed: first.seed, rng: first.rng, quick: first.quick, workList: first.workList, shard: null, claims, realData, assumptions: first.assumptions });
}

/** Read shard directories, merge, and write the merged run directory (results, timings, report). */
export async function mergeRuns(dirs: readonly string[], outDir: string, render = true): Promise<Results> {
  const runs: RunFiles[] = dirs.map((d) => readRun(d));
  const results = mergeResults(runs);
  const timings: Timings[] = runs.flatMap((r) => r.timings);
  const environment: Environment[] = runs.flatMap((r) => r.environment);
  await writeReport(outDir, results, { timings, environment, render });
  return results;
}
