/**
 * `ntk-verify paper` (`npm run paper`): the paper's experiments on real MNIST digits — soft vs hard labels at
 * small widths as the noise σ makes the task harder, for the two-layer student of the theory and a
 * two-hidden-layer MLP — with verdicts and statistics, written to reports/<run-id>/:
 *   results.json (schema.ts, validated; deterministic in seed and settings), report.md, report.html
 *   (self-contained), figures/*.svg, timings.json, environment.json, cells/*.json (finished cells: rerunning
 *   with the same --run-id resumes an interrupted run and recomputes none of them).
 * Exit code (see PAPER_EXIT_CODES): 0 when no claim is refuted, 1 when one is; a --quick run is a smoke run
 * whose verdicts are not evidence, so it exits 0 whenever it completes. Bad options throw InputError (the
 * CLI's exit code 2).
 */
import { randomInt } from 'node:crypto';
import os from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { rngInfo } from '../rng.js';
import { writeAtomic, writeJsonAtomic } from '../run/atomicWrite.js';
import { openCellStore } from '../run/cellStore.js';
import { canonicalJson } from '../run/canonicalJson.js';
import { collectEnvironment } from '../run/environment.js';
import { makeProgress, progressMode } from '../run/progress.js';
import { pairLabel, taskRows, widthRows, widthSummary } from './aggregate.js';
import { cellKey, type CellRecord } from './cell.js';
import { evaluateClaims } from './claims.js';
import { checkConfig, PAPER_DEFAULTS, PAPER_QUICK, type PaperConfig } from './config.js';
import { paperDocument, type PaperTimings } from './document.js';
import { paperFigures } from './figures.js';
import { runTasks, type CellTask } from './pool.js';
import { renderHtml, renderMarkdown } from './render.js';
import { PAPER_SCHEMA_NAME, PAPER_SCHEMA_VERSION, validatePaperResults } from './schema.js';

export interface PaperOptions {
  /** Smaller grid for CI (src/paper/config.ts PAPER_QUICK). @defaultValue false */
  quick?: boolean;
  /** Seed of the run (number, string, or "random" for a fresh one, printed and recorded). @defaultValue 1 */
  seed?: number | string;
  /** Parent folder of run directories. @defaultValue "reports" */
  out?: string;
  /** Folder name; an existing one is resumed (its finished cells reused). @defaultValue paper-<UTC stamp>-s<seed> */
  runId?: string;
  /** Only the final summary on stdout, no progress. @defaultValue false */
  quiet?: boolean;
  /** Worker threads. @defaultValue 1 with quick, else min(2, available cores) */
  workers?: number;
  /** Overrides of the settings (checked by checkConfig). */
  config?: Partial<PaperConfig>;
}

const RUN_ID_RE = /^[A-Za-z0-9._-]+$/;

/** What `paper`'s exit codes mean (printed by --help and the README). */
export const PAPER_EXIT_CODES =
  'exit code 0: the study ran and no claim was refuted (with --quick: the smoke run completed — its verdicts are not evidence and do not set the exit code); 1: a default-size run refuted at least one claim (the paper\'s observation is contradicted under some teacher: read the claim\'s conclusion); 2: bad options; 3: internal error';

/** The line a --quick run prints first and last, and its report states. */
export const QUICK_BANNER = 'SMOKE RUN (--quick): a small grid with few seeds that checks the pipeline; its verdicts are not evidence for or against the paper.';

function stamp(now: Date): string {
  const p = (v: number) => String(v).padStart(2, '0');
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}

function resolveSeed(seed: number | string | undefined): string {
  if (seed === undefined) return '1';
  if (seed === 'random') return String(randomInt(1, 2 ** 31 - 1));
  if ((typeof seed === 'number' && !Number.isFinite(seed)) || String(seed).trim() === '') {
    throw new InputError('--seed', `expected an integer, a non-empty string or "random", got ${String(seed)}`);
  }
  return String(seed);
}

/**
 * Run the reproduction and write its report.
 * @returns exitCode (0: no claim refuted, 1: some claim refuted) and the run directory.
 * @throws InputError for bad options (field named) or an unwritable output folder.
 */
export async function runPaper(opts: PaperOptions = {}): Promise<{ exitCode: number; dir: string }> {
  const t0 = performance.now();
  const quick = opts.quick ?? false;
  const config = checkConfig({ ...(quick ? PAPER_QUICK : PAPER_DEFAULTS), ...opts.config });
  const seed = resolveSeed(opts.seed);
  const runId = opts.runId ?? `paper-${stamp(new Date())}-s${seed.replace(/[^A-Za-z0-9._-]/g, '_')}${quick ? '-quick' : ''}`;
  if (!RUN_ID_RE.test(runId)) throw new InputError('--run-id', `must match ${RUN_ID_RE}, got "${runId}"`);
  const workers = opts.workers ?? (quick ? 1 : Math.max(1, Math.min(2, os.availableParallelism())));
  if (!Number.isInteger(workers) || workers < 1) throw new InputError('--workers', `expected a positive integer, got ${workers}`);
  const dir = join(opts.out ?? 'reports', runId);
  const store = openCellStore(dir);

  const all: { task: CellTask; key: string }[] = [];
  for (const pair of config.pairs) {
    for (const sigma of config.sigmas) {
      for (let s = 0; s < config.seeds; s++) {
        const k = all.length;
        all.push({ task: { k, config, pair, sigma, seed: s, runSeed: seed }, key: cellKey(config, pair, sigma, s, seed) });
      }
    }
  }
  const label = (t: CellTask) => `${pairLabel(t.pair)}, σ=${t.sigma}, seed ${t.seed}`;
  const progress = makeProgress(progressMode(opts.quiet ?? false, Boolean(process.stderr.isTTY)));
  if (quick && !opts.quiet) process.stderr.write(`${QUICK_BANNER}\n`);
  progress.start(all.length, runId, `ntk-verify paper --run-id ${runId} --seed ${seed}${quick ? ' --quick' : ''}${opts.out ? ` --out ${opts.out}` : ''}`);
  const cells = new Array<CellRecord>(all.length);
  const todo: CellTask[] = [];
  for (const { task, key } of all) {
    const hit = store.get(key) as CellRecord | undefined;
    if (hit) {
      cells[task.k] = hit;
      progress.itemDone(task.k, label(task), 'reused', 0, true);
    } else todo.push({ ...task, k: todo.length });
  }
  const reusedCells = all.length - todo.length;
  const origin = todo.map((t) => all.findIndex((a) => a.task.pair === t.pair && a.task.sigma === t.sigma && a.task.seed === t.seed));
  let finished = reusedCells;
  try {
    await runTasks(todo, workers, {
      start: (k) => progress.itemStart(origin[k], label(todo[k])),
      progress: (_k, d, n) => progress.inner(d, n, 'students'),
      done: (k, record, seconds) => {
        const { task, key } = all[origin[k]];
        // Round-trip through the store so fresh and resumed runs see identical (canonical JSON) values.
        store.set(key, record);
        cells[task.k] = store.get(key) as CellRecord;
        progress.itemDone(finished++, label(task), 'done', seconds, false);
      },
    });
  } finally {
    progress.stop();
  }

  const claims = evaluateClaims(config, cells, seed);
  const count = (v: string) => claims.filter((c) => c.verdict === v).length;
  const exitCode = (!quick && count('refuted') > 0 ? 1 : 0) as 0 | 1;
  const summary = { verified: count('verified'), refuted: count('refuted'), inconclusive: count('inconclusive'), notApplicable: count('not-applicable'), exitCode };
  const results = validatePaperResults({ schema: PAPER_SCHEMA_NAME, version: PAPER_SCHEMA_VERSION, seed, rng: rngInfo(), quick, config, cells, claims, summary }, 'results.json');
  writeAtomic(join(dir, 'results.json'), canonicalJson(results));

  const rows = widthRows(config, cells);
  const tasks = taskRows(config, cells);
  const summaryRows = widthSummary(config, cells);
  const figures = await paperFigures(config, cells, rows, tasks, summaryRows);
  for (const f of figures) writeAtomic(join(dir, 'figures', `${f.name}.svg`), f.svg);
  const environment = collectEnvironment();
  const timings: PaperTimings = { runId, finishedAt: new Date().toISOString(), wallSeconds: (performance.now() - t0) / 1000, workers, reusedCells };
  const blocks = paperDocument({ results, rows, tasks, summaryRows, figures, timings, environment });
  writeJsonAtomic(join(dir, 'timings.json'), timings);
  writeJsonAtomic(join(dir, 'environment.json'), environment);
  writeAtomic(join(dir, 'report.md'), renderMarkdown(blocks));
  writeAtomic(join(dir, 'report.html'), renderHtml(blocks, `ntk-verify paper — ${runId}`));

  const lines = [
    ...(quick ? [QUICK_BANNER] : []),
    `ntk-verify paper: ${summary.verified} verified, ${summary.refuted} refuted, ${summary.inconclusive} inconclusive, ${summary.notApplicable} not applicable (seed ${seed}${quick ? ', quick' : ''}, ${timings.wallSeconds.toFixed(1)} s)`,
    ...claims.map((c) => `  ${c.verdict.padEnd(14)} ${c.id}`),
    `report: ${join(dir, 'report.md')}`,
    ...(quick ? [QUICK_BANNER] : []),
    `exit code ${exitCode}: ${quick ? 'smoke run completed' : exitCode ? 'a claim was refuted (see its conclusion in the report)' : 'no claim refuted'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return { exitCode: summary.exitCode, dir };
}
