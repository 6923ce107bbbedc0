/**
 * End-to-end m* searches (src/bounds/minWidth.ts) at the theory epoch budget T(γ, ε) (src/train/epochs.ts), both
 * regimes, on a set of datasets of increasing difficulty ending with one where γ ≤ ε at n ≥ 100:
 *   - early exits on vs off, one core (WebAssembly f64 path): same m* required, speedup printed;
 *   - the whole set's searches run concurrently on a TrainPool of 1 and of 2 workers (as verify measures cells);
 *   - the naive search a researcher would write in PyTorch (shared/reference/torch_width_search.py: hard labels,
 *     same η, T, ε, seeds and 2-of-3 rule, its own initialisation, so its m* may differ) on the same data.
 * Wall-clock seconds of complete searches; ratios are taken within this run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../src/data/dataset.js';
import { loadMnistPair, type MnistPairOptions } from '../src/data/mnist.js';
import { gammaRkhs } from '../src/margin/gammaRkhs.js';
import { ntkGram } from '../src/ntk/analytic.js';
import { minWidth, minWidthAsync, type MinWidthOptions, type MinWidthResult } from '../src/bounds/minWidth.js';
import { TrainPool } from '../src/train/pool/pool.js';
import { evaluateFast } from '../src/train/pool/task.js';
import { DEFAULT_ETA } from '../src/train/defaults.js';
import { theoryEpochs } from '../src/train/epochs.js';
import type { Regime } from '../src/train/regime.js';
import { TORCH_PYTHON } from './torch.js';

/** One dataset of the search set and its target ε. */
export interface SearchCase {
  name: string;
  mnist: MnistPairOptions;
  eps: number;
}

/** Easy, medium, hard (γ ≤ ε/2 at n = 100): MNIST pairs with pixel noise, PCA dimensions as stated. */
export const SEARCH_SET: readonly SearchCase[] = [
  { name: 'MNIST 0v1 σ=0.5', mnist: { digits: [0, 1], n: 100, dim: 10, noise: 0.5, seed: 1 }, eps: 0.1 },
  { name: 'MNIST 3v5 σ=0.5', mnist: { digits: [3, 5], n: 100, dim: 10, noise: 0.5, seed: 1 }, eps: 0.05 },
  { name: 'MNIST 4v9 σ=1', mnist: { digits: [4, 9], n: 100, dim: 5, noise: 1, seed: 1 }, eps: 0.05 },
];

/** Search settings of the bench: the width claims' (3 seeds, 2 must reach ε, widths to 256, η = 4). */
export const SEARCH_SETTINGS = { seeds: 3, successFraction: 2 / 3, mMax: 256, eta: DEFAULT_ETA, seed: 'bench' } as const;

const TORCH_SEARCH = process.env.NTK_TORCH_SEARCH_SCRIPT ?? fileURLToPath(new URL('../../shared/reference/torch_width_search.py', import.meta.url));
const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '4294967296', MALLOC_TRIM_THRESHOLD_: '4294967296' };

export interface SearchRow {
  name: string;
  n: number;
  d: number;
  gamma: number;
  eps: number;
  T: number;
  regime: Regime;
  mStar: number | null;
  mStarNaive?: number | null;
  mStarTorch?: number | null;
  /** Wall seconds, one core. */
  early: number;
  naive?: number;
  torch?: number;
  trainingsEarly: number;
  trainingsNaive?: number;
  torchNote?: string;
}

export interface SearchFigures {
  rows: SearchRow[];
  /** The whole set's searches concurrently: wall seconds with 1 and 2 workers, and the cores obtained. */
  pool?: { workers1: number; workers2: number; cores1: number; cores2: number };
  /** Σ naive / Σ early over the rows measured both ways (one core). */
  speedup?: number;
  /** Σ torch / Σ early over the hard-regime rows PyTorch ran. */
  vsTorch?: number;
}

function searchOptions(c: SearchCase, ds: Dataset, regime: Regime): MinWidthOptions & { T: number; gamma: number } {
  const gamma = gammaRkhs(ntkGram(ds.X, ds.n, ds.d), ds.y, ds.n).upper;
  const T = theoryEpochs(gamma, c.eps, SEARCH_SETTINGS.eta);
  return { regime, eps: c.eps, T, gamma, ...SEARCH_SETTINGS };
}

function timeSearch(ds: Dataset, opts: MinWidthOptions): { r: MinWidthResult; seconds: number } {
  const t0 = performance.now();
  const r = minWidth(ds, { ...opts, evaluateSync: evaluateFast });
  return { r, seconds: (performance.now() - t0) / 1000 };
}

/** The PyTorch naive search on the same data (hard labels); undefined with a note when it cannot run. */
function torchSearch(ds: Dataset, eps: number, T: number, dir: string): { mStar: number | null; seconds: number } | string {
  if (!existsSync(TORCH_SEARCH)) return `reference script not found at ${TORCH_SEARCH}`;
  const file = join(dir, 'data.json');
  const x = Array.from({ length: ds.n }, (_, i) => Array.from(ds.X.subarray(i * ds.d, (i + 1) * ds.d)));
  writeFileSync(file, JSON.stringify({ x, y: Array.from(ds.y) }));
  const s = SEARCH_SETTINGS;
  const need = Math.ceil(s.successFraction * s.seeds - 1e-9);
  const argv = [TORCH_SEARCH, file, String(eps), String(T), String(s.eta), String(s.mMax), String(s.seeds), String(need), '1'];
  const r = spawnSync(TORCH_PYTHON, argv, { encoding: 'utf8', env: { ...process.env, ...MALLOC_ENV }, timeout: 3_600_000 });
  if (r.status !== 0) return `torch_width_search.py failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`;
  const out = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { m_star: number | null; seconds: number };
  return { mStar: out.m_star, seconds: out.seconds };
}

/**
 * Run the section. `naive` and `torch` may be limited to the first cases (quick mode: the hard case's naive runs
 * take minutes). @throws Error when early exits change an m* (a bug this bench exists to catch).
 */
export async function widthSearchFigures(opts: { naiveCases: number; torchCases: number; torch: boolean; log: (s: string) => void }): Promise<SearchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ntk-bench-'));
  const rows: SearchRow[] = [];
  const searches: { ds: Dataset; opts: MinWidthOptions }[] = [];
  try {
    for (const [k, c] of SEARCH_SET.entries()) {
      const ds = loadMnistPair({ nTest: 0, ...c.mnist });
      for (const regime of ['soft', 'hard'] as const) {
        const { gamma, ...o } = searchOptions(c, ds, regime);
        searches.push({ ds, opts: o });
        opts.log(`  … ${c.name}, ${regime}, γ = ${gamma.toFixed(3)}, ε = ${c.eps}, T = ${o.T}`);
        const early = timeSearch(ds, o);
        const row: SearchRow = { name: c.name, n: ds.n, d: ds.d, gamma, eps: c.eps, T: o.T, regime, mStar: early.r.mStar, early: early.seconds, trainingsEarly: early.r.trainings };
        if (k < opts.naiveCases) {
          const naive = timeSearch(ds, { ...o, earlyExit: false });
          if (naive.r.mStar !== early.r.mStar) throw new Error(`bench: early exits changed m* on ${c.name} (${regime}): ${early.r.mStar} vs ${naive.r.mStar}`);
          Object.assign(row, { mStarNaive: naive.r.mStar, naive: naive.seconds, trainingsNaive: naive.r.trainings });
        }
        if (regime === 'hard' && opts.torch && k < opts.torchCases) {
          const t = torchSearch(ds, c.eps, o.T, dir);
          if (typeof t === 'string') row.torchNote = t;
          else Object.assign(row, { mStarTorch: t.mStar, torch: t.seconds });
        }
        rows.push(row);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pool = await poolFigures(searches, opts.log);
  const both = rows.filter((r) => r.naive !== undefined);
  const withTorch = rows.filter((r) => r.torch !== undefined);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    rows,
    pool,
    speedup: both.length ? sum(both.map((r) => r.naive as number)) / sum(both.map((r) => r.early)) : undefined,
    vsTorch: withTorch.length ? sum(withTorch.map((r) => r.torch as number)) / sum(withTorch.map((r) => r.early)) : undefined,
  };
}

/** Every search of the set at once on a pool (each search's independent runs and the searches side by side). */
async function poolFigures(searches: { ds: Dataset; opts: MinWidthOptions }[], log: (s: string) => void): Promise<SearchFigures['pool']> {
  const run = async (workers: number) => {
    const pool = new TrainPool({ workers });
    try {
      const evaluate = pool.evaluator({ kernel: 'wasm' });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(searches.map((s) => minWidthAsync(s.ds, { ...s.opts, evaluate })));
      const wall = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(c0);
      return { wall, cores: (cpu.user + cpu.system) / 1e6 / wall };
    } finally {
      await pool.close();
    }
  };
  log('  … the whole set concurrently on 1 and 2 workers');
  const one = await run(1);
  const two = await run(2);
  return { workers1: one.wall, workers2: two.wall, cores1: one.cores, cores2: two.cores };
}

/** The section's table, as lines. */
export function searchTable(f: SearchFigures): string[] {
  const fmt = (v: number | undefined | null, digits = 2) => (v === undefined ? '—' : v === null ? 'none' : v.toFixed(digits));
  const head = ['dataset', 'n', 'd', 'γ', 'ε', 'T', 'regime', 'm*', 'm* naive', 'm* torch', 'early s', 'naive s', 'naive/early', 'torch s', 'torch/early'];
  const body = f.rows.map((r) => [
    r.name, String(r.n), String(r.d), r.gamma.toFixed(3), String(r.eps), String(r.T), r.regime,
    r.mStar === null ? `> ${SEARCH_SETTINGS.mMax}` : String(r.mStar), r.mStarNaive === undefined ? '—' : String(r.mStarNaive ?? `> ${SEARCH_SETTINGS.mMax}`),
    r.mStarTorch === undefined ? '—' : String(r.mStarTorch ?? `> ${SEARCH_SETTINGS.mMax}`),
    fmt(r.early), fmt(r.naive), r.naive !== undefined ? `${(r.naive / r.early).toFixed(1)}×` : '—',
    fmt(r.torch, 1), r.torch !== undefined ? `${(r.torch / r.early).toFixed(1)}×` : '—',
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 || j === 6 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  const lines = [line(head), ...body.map(line)];
  for (const r of f.rows) if (r.torchNote) lines.push(`  (PyTorch on ${r.name}: ${r.torchNote})`);
  if (f.pool) {
    lines.push(
      `whole set concurrently: 1 worker ${f.pool.workers1.toFixed(2)} s, 2 workers ${f.pool.workers2.toFixed(2)} s: ${(f.pool.workers1 / f.pool.workers2).toFixed(2)}× ` +
        `(cores obtained ${f.pool.cores1.toFixed(2)} → ${f.pool.cores2.toFixed(2)})`,
    );
  }
  return lines;
}
