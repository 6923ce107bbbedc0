/**
 * A worker-thread pool for independent training runs (width searches, seed repetitions, sweeps): each worker
 * owns one WebAssembly kernel instance and trains one task at a time; tasks go to whichever worker is idle.
 * Results come back in task order and depend on the task alone (src/train/pool/task.ts), never on the number
 * of workers or the schedule: `runJobs` with 1, 2 or 0 (in-process) workers gives bit-identical numbers.
 *
 * Data: each distinct (X, p) of a runJobs call is copied once into SharedArrayBuffers that all workers read,
 * so a batch of k tasks on one dataset costs one O(n·d) copy, not k. The caller may mutate X afterwards.
 * Idle workers are unref'd, so a forgotten close() does not keep the process alive; close() still frees them.
 * Source: Node worker_threads [VERIFIED, Node 20 docs]; the tsx bootstrap is src/train/pool/workerEntry.mjs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../errors.js';
import { rebuildError } from './errorTransport.js';
import type { Precision } from '../fast/wasmLayout.js';
import { runTask, type TaskResult, type TrainTask } from './task.js';
import type { TaskReply } from './worker.js';
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

interface Pending {
  task: TrainTask;
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  id: number;
}

const WORKER_URL = new URL('./workerEntry.mjs', import.meta.url);
/** Worker deaths in a row (no successful task between) after which queued tasks are rejected, not retried. */
const MAX_CONSECUTIVE_CRASHES = 4;

/** Copy a Float64Array into shared memory (one copy, read by every worker without further copies). */
function shared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const s = new Float64Array(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

export class TrainPool {
  /** Number of worker threads (0: in-process). */
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Worker deaths since the last successful reply (a bootstrap failure must not respawn forever). */
  private crashes = 0;
  /** Set when workers keep dying: every later task is rejected with it. */
  private broken: Error | null = null;

  /** @throws InputError('workers') unless workers is a non-negative integer. */
  constructor(opts: PoolOptions = {}) {
    const { workers = defaultWorkers() } = opts;
    if (!Number.isInteger(workers) || workers < 0) {
      throw new InputError('workers', `TrainPool: expected a non-negative integer, got ${workers}`);
    }
    this.size = workers;
    for (let k = 0; k < workers; k++) this.slots.push(this.spawn());
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
    const promises = tasks.map((t) => this.submit({ ...t, X: share(t.X), p: share(t.p) }));
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
    if (this.closed) return;
    this.closed = true;
    const err = new Error('TrainPool.close: the pool was closed before the task finished');
    for (const p of this.queue.splice(0)) p.reject(err);
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.busy) s.busy.reject(err);
        s.busy = null;
        await s.worker.terminate();
      }),
    );
  }

  private submit(task: TrainTask): Promise<TaskResult> {
    return new Promise<TaskResult>((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.busy) continue;
      const job = this.queue.shift() as Pending;
      slot.busy = job;
      slot.id = this.nextId++;
      slot.worker.ref();
      slot.worker.postMessage({ id: slot.id, task: job.task });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { execArgv: [] });
    const slot: Slot = { worker, busy: null, id: 0 };
    worker.unref();
    worker.on('message', (reply: TaskReply) => {
      const job = slot.busy;
      if (!job || reply.id !== slot.id) return;
      slot.busy = null;
      worker.unref();
      this.crashes = 0;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(rebuildError(reply.error));
      this.pump();
    });
    const fail = (e: Error) => {
      const job = slot.busy;
      slot.busy = null;
      if (job) job.reject(e);
      if (this.closed) return;
      const k = this.slots.indexOf(slot);
      if (k < 0) return; // already handled ('error' is followed by 'exit')
      if (++this.crashes > MAX_CONSECUTIVE_CRASHES) {
        this.broken = new Error(`TrainPool: workers keep dying (${this.crashes} in a row); last: ${e.message}`);
        for (const p of this.queue.splice(0)) p.reject(this.broken);
        return;
      }
      // Replace the dead worker so that the pool keeps its size.
      this.slots[k] = this.spawn();
      this.pump();
    };
    worker.on('error', (e) => fail(e));
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`TrainPool: worker exited with code ${code}`));
    });
    return slot;
  }
}

/** Convenience: `const pool = createPool(); await pool.runJobs(tasks); await pool.close();` */
export function createPool(opts: PoolOptions = {}): TrainPool {
  return new TrainPool(opts);
}
