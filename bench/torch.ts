/**
 * The PyTorch anchor: runs shared/reference/torch_train.py (the identical algorithm in PyTorch, float64,
 * one thread) as its header prescribes — `/usr/bin/python3 torch_train.py n d m T 1 [f64|f32]` with
 * MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ raised to 4 GiB — and parses its
 * "M neuron-sample-steps/s" figure. PyTorch is never a dependency: without it the bench says so.
 * Source: shared/reference/torch_train.py header [VERIFIED].
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter (the python3 first on PATH may lack torch). */
export const TORCH_PYTHON = '/usr/bin/python3';
/** The reference script, beside the checkout (../shared), overridable by NTK_TORCH_SCRIPT. */
export const TORCH_SCRIPT = process.env.NTK_TORCH_SCRIPT ?? fileURLToPath(new URL('../../shared/reference/torch_train.py', import.meta.url));
/** glibc thresholds from the script's header (4 GiB): no mmap churn on per-step allocations. */
const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '4294967296', MALLOC_TRIM_THRESHOLD_: '4294967296' };
/** The BLAS that Debian's torch loads through the alternatives system. */
const BLAS_LINK = '/usr/lib/x86_64-linux-gnu/libblas.so.3';

export interface TorchInfo {
  available: boolean;
  /** Why not, when unavailable. */
  reason?: string;
  version?: string;
  /** Resolved BLAS library (OpenBLAS vs the slow netlib reference changes PyTorch's figures a lot). */
  blas?: string;
}

/** Probe `/usr/bin/python3 -c "import torch"` and the script. */
export function detectTorch(): TorchInfo {
  if (!existsSync(TORCH_SCRIPT)) return { available: false, reason: `reference script not found at ${TORCH_SCRIPT}` };
  const r = spawnSync(TORCH_PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) return { available: false, reason: `${TORCH_PYTHON} -c "import torch" failed (install Debian's python3-torch)` };
  let blas: string | undefined;
  try {
    blas = realpathSync(BLAS_LINK);
  } catch {
    blas = undefined;
  }
  return { available: true, version: r.stdout.trim(), blas };
}

/**
 * The script runs unchanged under runpy, with time.perf_counter (which it calls before and after its loop)
 * wrapped to return process CPU time while recording the wall clock: the script's own figure is then per CPU
 * second, and WALL gives the wall-clock seconds of the same loop.
 */
const TIMER_WRAPPER = `
import sys, time, runpy
wall = []
perf = time.perf_counter
def cpu_clock():
    wall.append(perf())
    return time.process_time()
time.perf_counter = cpu_clock
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
print("WALL %.9f" % (wall[-1] - wall[0]))
`;

/** One launch (1 thread); returns M n·m·T/s per wall-clock and per CPU second, or throws with the script's stderr. */
export function runTorch(n: number, d: number, m: number, T: number, dtype: 'f64' | 'f32' = 'f64'): { wall: number; cpu: number; cores: number } {
  const argv = [TORCH_SCRIPT, String(n), String(d), String(m), String(T), '1', dtype];
  const r = spawnSync(TORCH_PYTHON, ['-c', TIMER_WRAPPER, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, ...MALLOC_ENV },
    timeout: 600_000,
  });
  const hit = /([\d.]+)s, [\d.]+ steps\/s/.exec(r.stdout);
  const wallHit = /WALL ([\d.]+)/.exec(r.stdout);
  if (r.status !== 0 || !hit || !wallHit) throw new Error(`runTorch: torch_train.py ${n} ${d} ${m} ${T} failed: ${r.stderr.trim().split('\n').pop()}`);
  const cpuSeconds = Number(hit[1]);
  const wallSeconds = Number(wallHit[1]);
  const work = (n * m * T) / 1e6;
  return { wall: work / wallSeconds, cpu: work / cpuSeconds, cores: cpuSeconds / wallSeconds };
}
