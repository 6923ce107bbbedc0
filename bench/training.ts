/**
 * Timed training runs of our implementations, in neuron·sample·steps per second (n·m·T / s): the TypeScript
 * reference loop (trainFirstLayer + referenceKernel), trainFast in float64 and float32 on one core, and the
 * aggregate of the worker pool (independent trainings, as in a width search) with 1 and 2 workers.
 * Each call is one timed run; the caller interleaves implementations and takes medians.
 */
import { initNet } from '../src/model/twoLayer.js';
import { trainFirstLayer } from '../src/train/loop.js';
import { trainFast } from '../src/train/fast/trainFast.js';
import type { TrainPool } from '../src/train/pool/pool.js';
import type { TrainTask } from '../src/train/pool/task.js';
import { BENCH_ETA, TS_STEP_DIVISOR, type BenchProblem, type BenchSize } from './problems.js';

export type Impl = 'ts' | 'f64' | 'f32';

/** Init seed of the timed students (throughput does not depend on it). */
const INIT_SEED = 1;

/** Throughput of one timed run by wall clock and by the process's CPU time (robust to a shared machine). */
export interface Timed {
  /** M n·m·T per wall-clock second. */
  wall: number;
  /** M n·m·T per CPU second of this process (all its threads). */
  cpu: number;
  /** CPU seconds / wall seconds: how many cores the run actually got. */
  cores: number;
}

function timed(work: number, wallSeconds: number, cpu: NodeJS.CpuUsage): Timed {
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { wall: work / wallSeconds / 1e6, cpu: work / cpuSeconds / 1e6, cores: cpuSeconds / wallSeconds };
}

/** One single-threaded timed run. */
export function timeTraining(impl: Impl, size: BenchSize, prob: BenchProblem): Timed {
  const { n, m, d } = size;
  const T = impl === 'ts' ? Math.max(2, Math.round(size.T / TS_STEP_DIVISOR)) : size.T;
  const net = initNet(m, d, INIT_SEED);
  const opts = { T, eta: BENCH_ETA, radius: prob.radius };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  if (impl === 'ts') trainFirstLayer(net, prob.X, n, prob.p, opts);
  else trainFast(net, prob.X, n, prob.p, { ...opts, precision: impl });
  return timed(n * m * T, (performance.now() - t0) / 1000, process.cpuUsage(c0));
}

/** Tasks per worker in one timed pool run (so that each worker is busy for the whole run). */
export const TASKS_PER_WORKER = 2;

/** The pool's tasks for one size: tasksPerRun independent float64 trainings with different seeds. */
export function poolTasks(size: BenchSize, prob: BenchProblem, count: number): TrainTask[] {
  return Array.from({ length: count }, (_, k) => ({
    X: prob.X, n: size.n, d: size.d, p: prob.p, m: size.m, seed: k, T: size.T, eta: BENCH_ETA, radius: prob.radius,
  }));
}

/**
 * One timed pool run of `count` trainings: aggregate throughput (total work / wall time), CPU throughput
 * (total work / process CPU time, workers included) and the cores obtained (CPU / wall).
 */
export async function timePool(pool: TrainPool, size: BenchSize, prob: BenchProblem, count: number): Promise<Timed> {
  const tasks = poolTasks(size, prob, count);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await pool.runJobs(tasks);
  return timed(count * size.n * size.m * size.T, (performance.now() - t0) / 1000, process.cpuUsage(c0));
}
