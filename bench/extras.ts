/**
 * The bench's other figures: the margin solver (bench/margin.ts),
 * the analytic NTK Gram at n = 1000, peak memory of one training at (500, 784, 256) in a fresh process, and,
 * behind --with-suite, the wall time of `npm test` and of the default `npm run verify`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ntkGram } from '../src/ntk/analytic.js';
import { median } from './stats.js';
import { benchProblem } from './problems.js';
import { benchMargin } from './margin.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Sample sizes of the margin-solver figure. */
export const MARGIN_NS = [100, 300, 1000];

export interface MarginRow {
  n: number;
  seconds: number;
  relGap: number;
  iterations: number;
}

/** Timings of the γ_rkhs solver at MARGIN_NS (bench/margin.ts). */
export async function marginFigures(): Promise<{ rows: MarginRow[] } | { missing: string }> {
  return { rows: await benchMargin(MARGIN_NS) };
}

/** Median seconds of ntkGram(X, n, d) over reps runs. */
export function gramSeconds(n: number, d: number, reps: number): number {
  const { X } = benchProblem({ n, d, m: 1, T: 1 }, 'hard');
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    ntkGram(X, n, d);
    ts.push((performance.now() - t0) / 1000);
  }
  return median(ts);
}

export interface MemoryFigure {
  n: number;
  d: number;
  m: number;
  /** RSS after start-up and data, before training (bytes). */
  rssBefore: number;
  /** Peak RSS of the process (bytes). */
  maxRss: number;
  /** WebAssembly linear memory (bytes). */
  wasmBytes: number;
  /** n·m + 2·n·d + 3·m·d: the floats a run holds (M; X and Xc; W, W(0), G). */
  floats: number;
}

/** Peak memory of one trainFast run in a fresh process (bench/memProbe.ts). */
export function memoryFigure(n: number, d: number, m: number, T: number): MemoryFigure {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${ROOT}bench/memProbe.ts`, String(n), String(d), String(m), String(T)], {
    encoding: 'utf8',
    cwd: ROOT,
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`memoryFigure: probe failed: ${r.stderr.trim().split('\n').pop()}`);
  return { n, d, m, ...(JSON.parse(r.stdout) as Omit<MemoryFigure, 'n' | 'd' | 'm'>) };
}

/** Wall time of an npm script (seconds) and its exit status; output is discarded. */
export function timeNpm(args: string[]): { seconds: number; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync('npm', args, { cwd: ROOT, stdio: 'ignore', timeout: 3_600_000 });
  return { seconds: (performance.now() - t0) / 1000, status: r.status };
}
