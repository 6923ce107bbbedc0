/**
 * A worker-thread pool for independent training runs (width searches, seed repetitions, sweeps): each worker
 * owns one WebAssembly kernel instance and trains one task at a time; tasks go to whichever worker is idle.
 * Results come back in task order and depend on the task alone (src/train/pool/task.ts), never on the number
 * of workers or the schedule: `runJobs` with 1, 2 or 0 (in-process) workers gives bit-identical numbers.
 *
 * Data: each distinct (X, p) of a runJobs call is copied once into SharedArrayBuffers that all workers read,
 * so a batch of k tasks on one dataset costs one O(n·d) copy, not k. The caller may mutate X afterwards.
 * The threads, their queue and crash handling are src/train/pool/workerPool.ts's WorkerPool.
 */
import { availableParallelism } from 'node:os';
import { InputError } from '../../errors.js';
import type { Precision } from '../fast/wasmLayout.js';
import { runTask, type TaskResult, type TrainTask } from './task.js';
import { WorkerPool } from './workerPool.js';
import type { JobLoss, TrainJob, TrainProblem } from '../job.js';

export interface PoolOptions {
  /**
   * Worker threads; 0 runs every task in the calling thread (same results).
   * @defaultValue the environment variable NTK_VERIFY_WORKERS when set, else os.availableParallelism()
   */
  workers?: number;
}

/** Environment variable overriding the default worker count of every pool (results do not depend on it). */
export const WORKERS_ENV = 'NTK_VERIFY_WORKERS';

/**
 * The default worker count: NTK_VERIFY_WORKERS (a non-negative integer; 0 = in-process) when set and
 * non-empty, else os.availableParallelism().
 * @throws InputError('NTK_VERIFY_WORKERS') naming the bad value.
 */
export function defaultWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[WORKERS_ENV]?.trim();
  if (text === undefined || text === '') return availableParallelism();
  const v = Number(text);
  if (!Number.isSafeInteger(v) || v < 0) throw new InputError(WORKERS_ENV, `expected a non-negative integer worker count, got "${text}"`);
  return v;
}

/** The training worker module, loaded by each thread of the pool. */
const WORKER_URL = new URL('./worker.ts', import.meta.url);

/** Copy a Float64Array into shared memory (one copy, read by every worker without further copies). */
function shared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const s = new Float64Array(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

/** The training pool: {@link WorkerPool} over src/train/pool/worker.ts (runTask), plus in-process mode (0 workers). */
export class TrainPool {
  /** Number of worker threads (0: in-process). */
  readonly size: number;
  private readonly pool: WorkerPool<TrainTask, TaskResult>;
  private closed = false;

  /** @throws InputError('workers') unless workers is a non-negative integer. */
  constructor(opts: PoolOptions = {}) {
    const { workers = defaultWorkers() } = opts;
    this.pool = new WorkerPool<TrainTask, TaskResult>('TrainPool', WORKER_URL, workers);
    this.size = workers;
  }

  /**
   * Run tasks and resolve with their results in task order. Rejects with the first failing task's error
   * (rebuilt as its class: ShapeError, InputError, …); the other tasks still run to completion.
   * @throws Error when the pool is closed.
   */
  async runJobs(tasks: readonly TrainTask[]): Promise<TaskResult[]> {
    if (this.closed) throw new Error('TrainPool.runJobs: the pool is closed');
    if (this.size === 0) return tasks.map((t) => runTask(t));
    const copies = new Map<Float64Array, Float64Array>();
    const share = (a: Float64Array) => {
      let s = copies.get(a);
      if (!s) copies.set(a, (s = shared(a)));
      return s;
    };
    const promises = tasks.map((t) => this.pool.submit({ ...t, X: share(t.X), p: share(t.p) }));
    const settled = await Promise.allSettled(promises);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return settled.map((s) => (s as PromiseFulfilledResult<TaskResult>).value);
  }

  /**
   * An evaluator for src/bounds/minWidth.ts's minWidthAsync({ evaluate }): (problem, jobs) → avgLoss per job,
   * in job order, each job trained as initNet(job.m, problem.d, job.seed) + the loop. With kernel 'reference'
   * the numbers are bit-identical to src/train/job.ts's evaluateSequential(problem, jobs); with 'wasm' (default)
   * they agree to ~1e-12 relative (test/train/fast/trainFast.test.ts).
   */
  evaluator(opts: { kernel?: 'wasm' | 'reference'; precision?: Precision } = {}) {
    return async (problem: TrainProblem, jobs: readonly TrainJob[]): Promise<JobLoss[]> => {
      const results = await this.runJobs(jobs.map((j) => ({ ...problem, ...j, ...opts })));
      return results.map(({ avgLoss, epochs }) => ({ avgLoss, epochs }));
    };
  }

  /** Stop all workers; tasks still queued or running are rejected. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }
}

/** Convenience: `const pool = createPool(); await pool.runJobs(tasks); await pool.close();` */
export function createPool(opts: PoolOptions = {}): TrainPool {
  return new TrainPool(opts);
}
