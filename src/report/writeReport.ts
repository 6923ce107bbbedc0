/**
 * Write a run's output files atomically: results.json (validated against the schema before writing),
 * timings.json, environment.json, figures/<name>.svg, report.md and report.html. Also the reader of a
 * finished run directory (used by `report diff` and `report merge`), which validates results.json on read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { writeAtomic, writeJsonAtomic } from './atomicWrite.js';
import { canonicalJson } from './canonicalJson.js';
import type { Environment } from './environment.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { figuresFor, type Figure } from './plots.js';
import type { Timings } from './reportModel.js';
import { parseResults, validateResults, type Results } from './schema.js';

export type { Timings } from './reportModel.js';

export const RESULTS_FILE = 'results.json';
export const TIMINGS_FILE = 'timings.json';
export const ENVIRONMENT_FILE = 'environment.json';
export const FIGURES_DIR = 'figures';

export interface WriteReportOptions {
  timings: Timings[];
  environment: Environment[];
  /** Also render report.md, report.html and the figures. @defaultValue true */
  render?: boolean;
}

/** results.json text: canonical JSON of the validated results (byte-deterministic). */
export function resultsText(results: Results): string {
  return canonicalJson(validateResults(JSON.parse(canonicalJson(results)), RESULTS_FILE));
}

/**
 * Write every output file of a run directory (results.json first, so a crash while rendering leaves the
 * results). Returns the figures rendered.
 * @throws InputError('--out', …) when the folder is not writable or the disk is full (old files intact).
 */
export async function writeReport(runDir: string, results: Results, opts: WriteReportOptions): Promise<Figure[]> {
  writeAtomic(join(runDir, RESULTS_FILE), resultsText(results));
  writeJsonAtomic(join(runDir, TIMINGS_FILE), { runs: opts.timings });
  writeJsonAtomic(join(runDir, ENVIRONMENT_FILE), { machines: opts.environment });
  if (opts.render === false) return [];
  const figures = new Map<string, Figure[]>();
  const all: Figure[] = [];
  for (const r of results.claims) {
    const figs = await figuresFor(r);
    figures.set(r.id, figs);
    all.push(...figs);
  }
  for (const f of all) writeAtomic(join(runDir, FIGURES_DIR, `${f.name}.svg`), f.svg);
  const input = { results, timings: opts.timings, environment: opts.environment, figures };
  writeAtomic(join(runDir, 'report.md'), renderMarkdown(input));
  writeAtomic(join(runDir, 'report.html'), renderHtml(input));
  return all;
}

export interface RunFiles {
  dir: string;
  results: Results;
  timings: Timings[];
  environment: Environment[];
}

/**
 * Read a finished run directory (results.json validated; timings/environment optional).
 * @throws InputError(dir, …) when results.json is missing or invalid.
 */
export function readRun(dir: string): RunFiles {
  const file = join(dir, RESULTS_FILE);
  if (!existsSync(file)) throw new InputError(dir, `no ${RESULTS_FILE} here (not a finished run directory)`);
  const results = parseResults(readFileSync(file, 'utf8'), file);
  const readOpt = <T>(name: string, key: string): T[] => {
    try {
      const v = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, T[]>;
      return Array.isArray(v[key]) ? v[key] : [];
    } catch {
      return [];
    }
  };
  return { dir, results, timings: readOpt<Timings>(TIMINGS_FILE, 'runs'), environment: readOpt<Environment>(ENVIRONMENT_FILE, 'machines') };
}
