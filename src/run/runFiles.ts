/**
 * A run directory's data files, written atomically: results.json (validated against the schema before writing),
 * timings.json and environment.json; and the reader of a finished run directory (used by `report diff`,
 * `report merge` and `report render`), which validates results.json on read. The readable report beside them
 * (report.md, report.html, figures/) is rendered by src/report/writeReport.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { writeAtomic, writeJsonAtomic } from './atomicWrite.js';
import { canonicalJson } from './canonicalJson.js';
import type { Environment } from './environment.js';
import { parseResults, validateResults, type Results } from './schema.js';

export const RESULTS_FILE = 'results.json';
export const TIMINGS_FILE = 'timings.json';
export const ENVIRONMENT_FILE = 'environment.json';

/** Wall times and dates of one run (or shard): timings.json, never part of results.json. */
export interface Timings {
  runId: string;
  finishedAt: string;
  wallSeconds: number;
  /** Per work item, seconds (for items recorded by an earlier interrupted run: that run's time). */
  items: Record<string, number>;
  reusedItems: number;
  reusedCells: number;
}

export interface RunFileOptions {
  timings: Timings[];
  environment: Environment[];
}

/** results.json text: canonical JSON of the validated results (byte-deterministic). */
export function resultsText(results: Results): string {
  return canonicalJson(validateResults(JSON.parse(canonicalJson(results)), RESULTS_FILE));
}

/**
 * Write results.json (first, so a crash later leaves the results), timings.json and environment.json.
 * @throws InputError('--out', …) when the folder is not writable or the disk is full (old files intact).
 */
export function writeRunFiles(runDir: string, results: Results, opts: RunFileOptions): void {
  writeAtomic(join(runDir, RESULTS_FILE), resultsText(results));
  writeJsonAtomic(join(runDir, TIMINGS_FILE), { runs: opts.timings });
  writeJsonAtomic(join(runDir, ENVIRONMENT_FILE), { machines: opts.environment });
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
