/**
 * `npm run bench` — throughput of the training step (against single-core PyTorch, bench/targets.ts) and the suite's other hot spots.
 *
 *   npm run bench [-- --reps 5] [--torch-reps 3] [--pool-reps 3] [--quick] [--no-torch] [--with-suite] [--out FILE]
 *                  [--no-search] [--search-only]
 *
 * Prints a table and writes JSON (default reports/bench-<UTC timestamp>.json). Training figures are medians over
 * --reps timed runs in neuron·sample·steps per second (n·m·T/s, M = 10^6) for both regimes; implementations and
 * PyTorch are interleaved run by run so that background load hits all of them alike, and the ratios are taken
 * within this run. Throughput targets are judged on the hard regime, the algorithm torch_train.py runs. The width-search
 * section (./widthSearch.ts) times complete m* searches with early exits on and off and against PyTorch's naive search.
 */
import os from 'node:os';
import { parseArgs as parseArgsNode } from 'node:util';
import { writeAtomic } from '../src/run/atomicWrite.js';
import { fileURLToPath } from 'node:url';
import { loadKernel } from '../src/train/fast/wasmModule.js';
import { TrainPool } from '../src/train/pool/pool.js';
import { BENCH_SIZES, BENCH_SOFT_RADIUS, benchProblem, type BenchSize } from './problems.js';
import { timeTraining, timePool, TASKS_PER_WORKER, type Impl, type Timed } from './training.js';
import { detectTorch, runTorch, type TorchInfo } from './torch.js';
import { marginFigures, gramSeconds, memoryFigure, timeNpm, type MemoryFigure, type MarginRow } from './extras.js';
import { median } from './stats.js';
import type { Figures, Row } from './row.js';
import { TARGETS, judge, searchTargetLines, type TargetResult } from './targets.js';
import { SEARCH_SET, searchTable, widthSearchFigures, type SearchFigures } from './widthSearch.js';

interface Args {
  reps: number;
  torchReps: number;
  poolReps: number;
  torch: boolean;
  withSuite: boolean;
  out?: string;
  quick: boolean;
  search: boolean;
  searchOnly: boolean;
}

/** Options via node's own util.parseArgs; counts must be positive integers. */
function parseArgs(argv: string[]): Args {
  const { values: v } = parseArgsNode({
    args: argv,
    strict: true,
    options: {
      reps: { type: 'string' },
      'torch-reps': { type: 'string' },
      'pool-reps': { type: 'string' },
      quick: { type: 'boolean' },
      'no-torch': { type: 'boolean' },
      'with-suite': { type: 'boolean' },
      out: { type: 'string' },
      'no-search': { type: 'boolean' },
      'search-only': { type: 'boolean' },
    },
  });
  const count = (flag: string, text: string | undefined, dflt: number) => {
    if (text === undefined) return dflt;
    const k = Number(text);
    if (!Number.isInteger(k) || k < 1) throw new Error(`bench: --${flag} expects a positive integer, got ${text}`);
    return k;
  };
  const quick = v.quick ?? false;
  return {
    reps: count('reps', v.reps, quick ? 3 : 5),
    torchReps: count('torch-reps', v['torch-reps'], quick ? 1 : 3),
    poolReps: count('pool-reps', v['pool-reps'], quick ? 1 : 3),
    torch: !(v['no-torch'] ?? false),
    withSuite: v['with-suite'] ?? false,
    out: v.out,
    quick,
    search: !(v['no-search'] ?? false),
    searchOnly: v['search-only'] ?? false,
  };
}

const fmt = (v: number | undefined, digits = 1) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : undefined);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const kernel = loadKernel();
  const load0 = os.loadavg();
  const torch: TorchInfo = args.torch ? detectTorch() : { available: false, reason: 'disabled by --no-torch' };
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`ntk-verify bench — node ${process.version} (V8 ${process.versions.v8}), ${os.cpus()[0]?.model ?? '?'} × ${os.availableParallelism()}`);
  log(`kernel: ${kernel ? `WebAssembly ${kernel.variant}${kernel.features.relaxedByFlag ? ' (V8 flag enabled at start-up)' : ''}` : 'TypeScript reference (no WebAssembly SIMD)'}`);
  log(torch.available ? `PyTorch ${torch.version} (1 thread), BLAS ${torch.blas ?? '?'}` : `PyTorch: not measured — ${torch.reason}; our figures alone`);
  if (torch.blas && !/openblas|mkl|blis/i.test(torch.blas)) log('  warning: PyTorch uses the netlib reference BLAS; install libopenblas0-pthread for a fair anchor');
  log(`load average at start: ${load0.map((v) => v.toFixed(2)).join(' ')} (other processes on the ${os.availableParallelism()} cores make figures noisy; ratios are within this run)`);
  log(`reps: ours ${args.reps}, PyTorch ${args.torchReps}, pool ${args.poolReps}; soft regime: projected GD, R = ${BENCH_SOFT_RADIUS}\n`);

  const rows: Row[] = [];
  for (const size of args.searchOnly ? [] : BENCH_SIZES) {
    log(`… (n, d, m) = (${size.n}, ${size.d}, ${size.m}), T = ${size.T}`);
    const probs = { hard: benchProblem(size, 'hard'), soft: benchProblem(size, 'soft') };
    const samples: Record<string, Timed[]> = {};
    const push = (k: string, v: Timed) => (samples[k] ??= []).push(v);
    for (const regime of ['hard', 'soft'] as const) for (const impl of ['f64', 'f32'] as Impl[]) timeTraining(impl, size, probs[regime]); // warm-up
    const reps = Math.max(args.reps, torch.available ? args.torchReps : 0);
    for (let r = 0; r < reps; r++) {
      if (r < args.reps) {
        for (const regime of ['hard', 'soft'] as const) {
          for (const impl of ['ts', 'f64', 'f32'] as Impl[]) push(`${regime}.${impl}`, timeTraining(impl, size, probs[regime]));
        }
      }
      if (torch.available && r < args.torchReps) {
        push('torch64', runTorch(size.n, size.d, size.m, size.T, 'f64'));
        push('torch32', runTorch(size.n, size.d, size.m, size.T, 'f32'));
      }
    }
    for (const regime of ['hard', 'soft'] as const) {
      const med = (k: string, clock: 'wall' | 'cpu') => (samples[k] ? median(samples[k].map((t) => t[clock])) : undefined);
      const figures = (clock: 'wall' | 'cpu'): Figures => ({
        ts: med(`${regime}.ts`, clock) as number, f64: med(`${regime}.f64`, clock) as number, f32: med(`${regime}.f32`, clock) as number,
        torch64: med('torch64', clock), torch32: med('torch32', clock),
      });
      rows.push({
        ...size, regime, wall: figures('wall'), cpu: figures('cpu'),
        samples: Object.fromEntries(Object.entries(samples).filter(([k]) => k.startsWith(regime) || k.startsWith('torch'))),
      });
    }
  }

  // Worker pool: aggregate throughput of independent float64 trainings, 1 vs 2 workers, same tasks per worker.
  if (kernel && !args.searchOnly) {
    log('… worker pool (1 and 2 workers)');
    const pool1 = new TrainPool({ workers: 1 });
    const pool2 = new TrainPool({ workers: 2 });
    try {
      const small = { ...BENCH_SIZES[0], T: 10 };
      const warm = benchProblem(small, 'hard');
      await Promise.all([timePool(pool1, small, warm, 1), timePool(pool2, small, warm, 2)]);
      for (const row of rows) {
        const size: BenchSize = { n: row.n, d: row.d, m: row.m, T: row.T };
        const prob = benchProblem(size, row.regime);
        const s1: Timed[] = [];
        const s2: Timed[] = [];
        for (let r = 0; r < args.poolReps; r++) {
          s1.push(await timePool(pool1, size, prob, TASKS_PER_WORKER));
          s2.push(await timePool(pool2, size, prob, 2 * TASKS_PER_WORKER));
        }
        for (const clock of ['wall', 'cpu'] as const) {
          row[clock].pool1 = median(s1.map((t) => t[clock]));
          row[clock].pool2 = median(s2.map((t) => t[clock]));
        }
        row.poolCores = { pool1: median(s1.map((t) => t.cores)), pool2: median(s2.map((t) => t.cores)) };
        row.samples.pool1 = s1;
        row.samples.pool2 = s2;
      }
    } finally {
      await Promise.all([pool1.close(), pool2.close()]);
    }
  }

  let search: SearchFigures | undefined;
  if (args.search) {
    // quick: the hard case's naive searches (minutes at T = 10⁵) and its PyTorch search are left out
    const cases = args.quick ? SEARCH_SET.length - 1 : SEARCH_SET.length;
    log(`… width searches at the theory epoch budget (${cases < SEARCH_SET.length ? 'quick: naive and PyTorch on the first ' + cases + ' datasets' : 'every dataset both ways'})`);
    search = await widthSearchFigures({ naiveCases: cases, torchCases: cases, torch: torch.available, log });
  }
  if (args.searchOnly) {
    if (search) for (const l of searchTable(search)) log(l);
    if (search) for (const l of searchTargetLines(search)) log(l);
    return;
  }

  log('… margin solver, NTK Gram, memory');
  const margin = await marginFigures().catch((e: Error) => ({ missing: `benchMargin failed: ${e.message}` }));
  const gram = { n: 1000, d20: gramSeconds(1000, 20, 3), d784: gramSeconds(1000, 784, 3) };
  const mem: MemoryFigure = memoryFigure(500, 784, 256, 4);
  let suite: { npmTest: ReturnType<typeof timeNpm>; verify: ReturnType<typeof timeNpm> } | undefined;
  if (args.withSuite) {
    log('… npm test and npm run verify (--with-suite)');
    suite = { npmTest: timeNpm(['test']), verify: timeNpm(['run', 'verify']) };
  }
  const load1 = os.loadavg();

  // ---- tables
  for (const clock of ['wall', 'cpu'] as const) {
    log(
      clock === 'wall'
        ? '\nTraining throughput per wall-clock second, M neuron·sample·steps/s (n·m·T/s ÷ 1e6), medians; ratios within this run'
        : '\nThe same per CPU second of the measuring process (PyTorch: its own CPU time), robust when other work shares the cores',
    );
    const head = ['n', 'd', 'm', 'regime', 'TS ref', 'wasm f64', 'wasm f32', '1 worker', '2 workers', 'torch f64', 'torch f32', 'f64/torch', 'f32/torch64', '2w/1w'];
    const table = rows.map((r) => {
      const f = r[clock];
      return [
        String(r.n), String(r.d), String(r.m), r.regime, fmt(f.ts), fmt(f.f64), fmt(f.f32), fmt(f.pool1), fmt(f.pool2),
        fmt(f.torch64), fmt(f.torch32), fmt(ratio(f.f64, f.torch64), 2), fmt(ratio(f.f32, f.torch64), 2), fmt(ratio(f.pool2, f.pool1), 2),
      ];
    });
    const widths = head.map((h, j) => Math.max(h.length, ...table.map((t) => t[j].length)));
    const line = (cells: string[]) => cells.map((c, j) => (j < 4 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
    log(line(head));
    for (const t of table) log(line(t));
  }
  if (!torch.available) log(`(PyTorch not measured: ${torch.reason})`);
  const cores = rows.filter((r) => r.poolCores).map((r) => `${r.m}/${r.regime}: ${r.poolCores!.pool1.toFixed(2)} → ${r.poolCores!.pool2.toFixed(2)}`);
  if (cores.length) log(`cores obtained by the pool runs (CPU s / wall s, 1 worker → 2 workers): ${cores.join(', ')}`);
  log('(2w/1w per CPU second near 1 means no slowdown per training when both workers run; the wall-clock 2w/1w can only reach 2 if the machine gives this process 2 free cores)');

  const targets = { wall: judge(rows, 'wall'), cpu: judge(rows, 'cpu') };
  log('\nTargets (hard regime, float64 on one core unless stated): wall clock | per CPU second');
  targets.wall.forEach((t, j) => {
    const c = targets.cpu[j];
    const show = (x: TargetResult) => (x.value === undefined ? 'not measured' : `${x.met ? '✓' : '✗'} ${x.value.toFixed(2)}×`);
    log(`  ${t.label} (≥ ${t.target}×): ${show(t)} | ${show(c)}`);
  });

  if (search) {
    log('\nComplete m* searches at the theory epoch budget T = ⌈40/(η γ² ε)⌉ (clamped to [300, 100000]), 3 seeds, 2 must reach ε, widths to 256, wall seconds, one core unless stated');
    for (const l of searchTable(search)) log(l);
    for (const l of searchTargetLines(search)) log(l);
  }

  log('\nOther figures');
  if ('rows' in margin) for (const r of margin.rows) log(`  margin solver n = ${r.n}: ${r.seconds.toFixed(3)} s, rel. gap ${r.relGap.toExponential(2)}, ${r.iterations} iterations`);
  else log(`  margin solver: not measured — ${margin.missing}`);
  log(`  NTK Gram n = 1000: ${gram.d20.toFixed(3)} s at d = 20, ${gram.d784.toFixed(3)} s at d = 784`);
  log(`  memory, one float64 training at (500, 784, 256): peak RSS ${(mem.maxRss / 2 ** 20).toFixed(1)} MiB (${(mem.rssBefore / 2 ** 20).toFixed(1)} MiB before training), WebAssembly memory ${(mem.wasmBytes / 2 ** 20).toFixed(1)} MiB for ${mem.floats} floats = ${((mem.floats * 8) / 2 ** 20).toFixed(1)} MiB`);
  if (suite) log(`  npm test: ${suite.npmTest.seconds.toFixed(1)} s (exit ${suite.npmTest.status}); npm run verify: ${suite.verify.seconds.toFixed(1)} s (exit ${suite.verify.status})`);
  else log('  npm test / verify wall time: not measured (pass --with-suite)');
  log(`load average at end: ${load1.map((v) => v.toFixed(2)).join(' ')}`);

  const out = args.out ?? fileURLToPath(new URL(`../reports/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
  const json = {
    date: new Date().toISOString(), node: process.version, v8: process.versions.v8, cpu: os.cpus()[0]?.model, cores: os.availableParallelism(),
    kernel: kernel?.variant ?? 'typescript', torch, loadAverage: { start: load0, end: load1 }, args,
    units: 'M neuron·sample·steps/s (n·m·T/s / 1e6), medians', rows, targets, margin, gram, memory: mem, suite, TARGETS, search,
  };
  writeAtomic(out, `${JSON.stringify(json, null, 2)}\n`);
  log(`\nwrote ${out}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
