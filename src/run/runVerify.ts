/**
 * The verify runner behind `ntk-verify verify`: runs a claim list (injectable, so tests pass fakes) into
 * reports/<run-id>/, keeping every finished work item and cell on disk as it finishes, so a killed run
 * resumes where it stopped and a sharded run merges into the unsharded result.
 *
 * Files of reports/<run-id>/ (all written atomically):
 *   run.json          the settings (runManifest.ts), written first;
 *   items/<id>.json   one finished work item each ({record, wallSeconds});
 *   cells/*.json      finished cells of claims' sweeps (cellStore.ts);
 *   results.json      deterministic results (schema.ts): byte-identical for the same seed whether the run was
 *                     fresh, resumed, or merged from shards (no times, dates, run ids or machine inside);
 *   timings.json, environment.json   wall times, dates, machine (excluded from comparisons);
 *   report.md, report.html, figures/*.svg   the readable report (src/report/writeReport.ts, passed as opts.render).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { rngInfo, type RngInfo } from '../rng.js';
import type { Claim } from '../verify/types.js';
import type { Json } from './canonicalJson.js';
import { canonicalize } from './canonicalJson.js';
import { openCellStore, type DiskCellStore } from './cellStore.js';
import { collectEnvironment, type Environment } from './environment.js';
import { makeProgress, type ProgressSink } from './progress.js';
import { runClaim } from './runClaim.js';
import { readItem, readManifest, writeItem, writeManifest, type RunManifest } from './runManifest.js';
import {
  RESULTS_SCHEMA_NAME,
  RESULTS_SCHEMA_VERSION,
  validateClaimRecord,
  validateResults,
  RealDataSchema,
  type Assumption,
  type ClaimRecord,
  type RealDataRecord,
  type Results,
  type Shard,
} from './schema.js';
import { summarize } from './verdict.js';
import { buildWorkList, shardItems, REAL_DATA_ID, type WorkItem } from './workList.js';
import { writeRunFiles, type RunFileOptions, type Timings } from './runFiles.js';

/** Runs the real-data section (realData.ts in production; a fake in tests). */
export type RealDataRunner = (ctx: { seed: number; quick: boolean; cells: DiskCellStore }) => Promise<RealDataRecord>;

export interface VerifyOptions {
  /** The claims, in catalog order. */
  claims: readonly Claim[];
  /** Seed of the whole run (required for a fresh run; with resume, must match the run's when given). */
  seed?: number;
  /** Small budgets. @defaultValue false (fresh); the run's own (resume) */
  quick?: boolean;
  /** Parent folder of run directories. @defaultValue "reports" */
  outDir?: string;
  /** Run id (folder name); generated from the date and seed when absent. */
  runId?: string;
  /** Continue the interrupted run with this id (its run.json fixes every other setting). */
  resume?: string;
  shard?: Shard | null;
  only?: string[] | null;
  /** Include the real-data work item. @defaultValue true when realDataRunner is given */
  realData?: boolean;
  realDataRunner?: RealDataRunner;
  /** Gathers the Assumptions section (assumptions.ts); tests pass a constant. */
  assumptions?: () => Promise<Assumption[]>;
  progress?: ProgressSink;
  /** Catalog module recorded in run.json (null = built-in). */
  catalog?: string | null;
  /** Environment for environment.json (tests pass a constant). */
  environment?: () => Environment;
  /**
   * Renders the readable report once the data files are written (the CLI passes src/report/writeReport.ts
   * renderReport). @defaultValue none: results.json, timings.json and environment.json only
   */
  render?: (runDir: string, results: Results, files: RunFileOptions) => Promise<unknown>;
  /** Exact early exits in m* searches (RunContext.earlyExit; results are the same either way). @defaultValue true */
  earlyExit?: boolean;
  /** m* criterion of the width cells (RunContext.criterion). @defaultValue 'objective' (fresh); the run's own (resume) */
  criterion?: 'objective' | 'relative' | 'logistic';
  /** Students' initialisation in the width cells (RunContext.init). @defaultValue 'balanced' (fresh); the run's own (resume) */
  init?: 'balanced' | 'iid';
  /** Design size (RunContext.profile). @defaultValue 'default' (fresh); the run's own (resume) */
  profile?: 'default' | 'full';
}

export interface VerifyOutcome {
  runId: string;
  runDir: string;
  results: Results;
  exitCode: 0 | 1;
  /** Items taken from disk (finished by an earlier, interrupted run). */
  reusedItems: number;
  /** Cells loaded from disk at start. */
  reusedCells: number;
  wallSeconds: number;
}

/** A run id from the date (UTC) and seed, e.g. "20250101-120000-s1" (+ "-shard2of4"). */
export function defaultRunId(seed: number, shard: Shard | null, now = new Date()): string {
  const p = (v: number) => String(v).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}-s${seed}${shard ? `-shard${shard.index}of${shard.count}` : ''}`;
}

const RUN_ID_RE = /^[A-Za-z0-9._-]+$/;

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Settle run id, directory and manifest (fresh or resumed). */
function openRun(opts: VerifyOptions, outDir: string, workIds: (manifest: Omit<RunManifest, 'workList' | 'createdAt' | 'schema' | 'version' | 'runId' | 'catalog'>) => string[]) {
  if (opts.resume !== undefined) {
    if (!RUN_ID_RE.test(opts.resume)) throw new InputError('--resume', `run id must match ${RUN_ID_RE}, got "${opts.resume}"`);
    const runDir = join(outDir, opts.resume);
    const m = readManifest(runDir);
    const conflicts: string[] = [];
    if (opts.seed !== undefined && opts.seed !== m.seed) conflicts.push(`seed ${opts.seed} ≠ ${m.seed}`);
    if (opts.quick !== undefined && opts.quick !== m.quick) conflicts.push(`quick ${opts.quick} ≠ ${m.quick}`);
    if (opts.only !== undefined && opts.only !== null && !sameList(opts.only, m.only)) conflicts.push('--only differs');
    if (opts.shard && JSON.stringify(opts.shard) !== JSON.stringify(m.shard)) conflicts.push('--shard differs');
    for (const [k, dflt] of [['criterion', 'objective'], ['init', 'balanced'], ['profile', 'default']] as const) {
      if (opts[k] !== undefined && opts[k] !== (m[k] ?? dflt)) conflicts.push(`--${k} ${opts[k]} ≠ ${m[k] ?? dflt}`);
    }
    if (conflicts.length) throw new InputError('--resume', `run ${m.runId} was started with other settings (${conflicts.join('; ')})`);
    const ids = workIds(m);
    if (!sameList(ids, m.workList)) {
      throw new InputError('--resume', `the claim catalog changed since run ${m.runId} was started; start a new run`);
    }
    return { runId: m.runId, runDir, manifest: m };
  }
  const shard = opts.shard ?? null;
  if (opts.seed === undefined || !Number.isInteger(opts.seed)) throw new InputError('--seed', `a fresh run needs an integer seed, got ${opts.seed}`);
  const runId = opts.runId ?? defaultRunId(opts.seed, shard);
  if (!RUN_ID_RE.test(runId)) throw new InputError('--run-id', `must match ${RUN_ID_RE}, got "${runId}"`);
  const runDir = join(outDir, runId);
  if (existsSync(join(runDir, 'run.json'))) {
    throw new InputError('--run-id', `${runDir} already holds a run; continue it with --resume ${runId} or choose another id`);
  }
  const base = {
    seed: opts.seed, quick: opts.quick ?? false, only: opts.only ?? null, shard, realData: opts.realData ?? opts.realDataRunner !== undefined,
    criterion: opts.criterion ?? 'objective', init: opts.init ?? 'balanced', profile: opts.profile ?? 'default',
  };
  const manifest: RunManifest = {
    schema: 'ntk-verify/run',
    version: 1,
    runId,
    ...base,
    workList: workIds(base),
    catalog: opts.catalog ?? null,
    createdAt: new Date().toISOString(),
  };
  writeManifest(runDir, manifest);
  return { runId, runDir, manifest };
}

/**
 * Run (or resume) a verification.
 * @throws InputError for bad settings (unknown --only id, existing run id, resume conflicts, unwritable --out).
 */
export async function runVerify(opts: VerifyOptions): Promise<VerifyOutcome> {
  const t0 = performance.now();
  const outDir = opts.outDir ?? 'reports';
  let items: WorkItem[] = [];
  const { runId, runDir, manifest } = openRun(opts, outDir, (m) => {
    items = buildWorkList(opts.claims, m.only, m.realData);
    return items.map((it) => it.id);
  });
  if (manifest.realData && !opts.realDataRunner && items.some((it) => it.kind === 'real-data')) {
    throw new InputError('--resume', `run ${runId} includes the real-data section but no real-data runner is available`);
  }
  const { seed, quick, shard } = manifest;
  const mine = shardItems(items, shard);
  const progress = opts.progress ?? makeProgress('quiet');
  const cells = openCellStore(runDir);
  const claimRecords = new Map<string, ClaimRecord>();
  let realData: RealDataRecord | null = null;
  const itemSeconds: Record<string, number> = {};
  let reusedItems = 0;

  progress.start(mine.length, runId, `ntk-verify verify --resume ${runId}${outDir === 'reports' ? '' : ` --out ${outDir}`}`);
  for (let k = 0; k < mine.length; k++) {
    const item = mine[k];
    progress.itemStart(k, item.id);
    const prior = readItem(runDir, item.id, seed);
    if (prior) {
      reusedItems++;
      itemSeconds[item.id] = prior.wallSeconds;
      if (item.kind === 'claim') claimRecords.set(item.id, canonicalize(validateClaimRecord(prior.record, item.id)) as ClaimRecord);
      else realData = canonicalize(RealDataSchema.parse(prior.record)) as RealDataRecord;
      const verdict = item.kind === 'claim' ? claimRecords.get(item.id)!.verdict : 'done';
      progress.itemDone(k, item.id, verdict, prior.wallSeconds, true);
      continue;
    }
    if (item.kind === 'claim') {
      const ctx = { seed, quick, cells, earlyExit: opts.earlyExit ?? true, ...cellOptions(manifest), progress: (d: number, t: number, l: string) => progress.inner(d, t, l) };
      const out = await runClaim(item.claim, ctx, opts.catalog ?? null);
      claimRecords.set(item.id, out.record);
      itemSeconds[item.id] = out.wallSeconds;
      if (!out.failed) writeItem(runDir, item.id, out.record, out.wallSeconds, seed);
      progress.itemDone(k, item.id, out.record.verdict, out.wallSeconds, false);
    } else {
      const t1 = performance.now();
      const rec = await runRealData(opts.realDataRunner!, seed, quick, cells);
      const secs = (performance.now() - t1) / 1000;
      realData = rec;
      itemSeconds[item.id] = secs;
      if (!rec.error) writeItem(runDir, item.id, rec, secs, seed);
      progress.itemDone(k, item.id, rec.error ? 'failed' : 'done', secs, false);
    }
  }
  progress.stop();

  const records = items.filter((it) => it.kind === 'claim' && claimRecords.has(it.id)).map((it) => claimRecords.get(it.id)!);
  const assumptions = [...(opts.assumptions ? await opts.assumptions() : []), ...runOptionAssumptions(manifest)];
  const results = buildResults({ seed, quick, workList: manifest.workList, shard, claims: records, realData, assumptions });
  const wallSeconds = (performance.now() - t0) / 1000;
  const timings: Timings = {
    runId,
    finishedAt: new Date().toISOString(),
    wallSeconds,
    items: itemSeconds,
    reusedItems,
    reusedCells: cells.loaded,
  };
  const env = (opts.environment ?? collectEnvironment)();
  const files = { timings: [timings], environment: [env] };
  writeRunFiles(runDir, results, files);
  if (opts.render) await opts.render(runDir, results, files);
  return { runId, runDir, results, exitCode: results.summary.exitCode, reusedItems, reusedCells: cells.loaded, wallSeconds };
}

/** The width-cell options of a run (defaults for manifests written before they existed). */
function cellOptions(m: RunManifest) {
  return { criterion: m.criterion ?? 'objective', init: m.init ?? 'balanced', profile: m.profile ?? 'default' } as const;
}

/** The run's width-cell options as Assumptions entries, so every report states them. */
function runOptionAssumptions(m: RunManifest): Assumption[] {
  const o = cellOptions(m);
  return [
    { name: 'verify --criterion', module: 'src/verify/cellMeasures.ts', value: o.criterion, doc: 'm* criterion of the width cells: objective (each regime\'s own epoch-averaged objective ≤ ε, as the width theorems state it), relative (that average / R̂(f ≡ 0) ≤ ε), logistic (final-iterate logistic loss on the true labels ≤ ε, one yardstick for both regimes) [INFERRED]' },
    { name: 'verify --init', module: 'src/model/twoLayer.ts', value: o.init, doc: 'students of the width cells: balanced (pairs with shared w and signs ±1, f(x; W(0)) = 0; m* searched over even widths) or iid (i.i.d. signs, every width) [INFERRED]' },
    { name: 'verify --profile', module: 'properties/claims/phaseDiagram.ts', value: o.profile, doc: 'design size of the phase diagram: default (compact grid) or full (more datasets, ε = 0.02, teacher grid at every ε)' },
  ];
}

async function runRealData(runner: RealDataRunner, seed: number, quick: boolean, cells: DiskCellStore): Promise<RealDataRecord> {
  try {
    return canonicalize(RealDataSchema.parse(canonicalize(await runner({ seed, quick, cells })))) as RealDataRecord;
  } catch (e) {
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { id: REAL_DATA_ID, title: 'Real data', data: '', settings: { seed }, error: msg.split('\n')[0] };
  }
}

/** Assemble and validate results.json content (canonical: keys sorted on write). */
export function buildResults(parts: {
  seed: number;
  /** @defaultValue rngInfo() (src/rng.ts), the generator this process draws from */
  rng?: RngInfo;
  quick: boolean;
  workList: string[];
  shard: Shard | null;
  claims: ClaimRecord[];
  realData: RealDataRecord | null;
  assumptions: Assumption[];
}): Results {
  const value = {
    schema: RESULTS_SCHEMA_NAME,
    version: RESULTS_SCHEMA_VERSION,
    ...parts,
    rng: parts.rng ?? rngInfo(),
    summary: summarize(parts.claims),
  };
  return validateResults(canonicalize(value) as Json, 'results.json');
}
