/**
 * A worker-thread pool for independent tasks, generic over the worker module: each worker runs one task at a
 * time; tasks go to whichever worker is idle; every task settles with its own result or error. The training
 * pool (src/train/pool/pool.ts, TrainPool) and the paper sweep's cells (src/paper/pool.ts) both run on it.
 * A worker module calls serveTasks (src/train/pool/serve.ts); each worker starts through workerEntry.mjs,
 * which registers tsx's loader first. A worker that dies is replaced, so the pool keeps its size; after
 * MAX_CONSECUTIVE_CRASHES deaths in a row every queued and later task is rejected instead.
 * Idle workers are unref'd, so a forgotten close() does not keep the process alive; close() still frees them.
 * Source: Node worker_threads [VERIFIED, Node 20 docs].
 */
import { Worker } from 'node:worker_threads';
import { InputError } from '../../errors.js';
import { rebuildError } from './errorTransport.js';
import type { TaskReply } from './serve.js';

/** Callbacks of one task: it went to a worker; the worker reported progress. */
export interface TaskHooks {
  start?(): void;
  progress?(done: number, total: number): void;
}

interface Pending<T, R> {
  task: T;
  hooks: TaskHooks;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

interface Slot<T, R> {
  worker: Worker;
  busy: Pending<T, R> | null;
  id: number;
}

const ENTRY_URL = new URL('./workerEntry.mjs', import.meta.url);
/** Worker deaths in a row (no successful task between) after which queued tasks are rejected, not retried. */
const MAX_CONSECUTIVE_CRASHES = 4;

export class WorkerPool<T, R> {
  /** Number of worker threads. */
  readonly size: number;
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Pending<T, R>[] = [];
  private nextId = 1;
  private closed = false;
  /** Worker deaths since the last successful reply (a bootstrap failure must not respawn forever). */
  private crashes = 0;
  /** Set when workers keep dying: every later task is rejected with it. */
  private broken: Error | null = null;

  /**
   * @param name     the pool's name in error messages (e.g. 'TrainPool').
   * @param module   file URL of the worker module (it calls serveTasks).
   * @param workers  worker threads, a non-negative integer (0 spawns none: the owner runs tasks in-process).
   * @throws InputError('workers') unless workers is a non-negative integer.
   */
  constructor(
    private readonly name: string,
    private readonly module: URL,
    workers: number,
  ) {
    if (!Number.isInteger(workers) || workers < 0) {
      throw new InputError('workers', `${name}: expected a non-negative integer, got ${workers}`);
    }
    this.size = workers;
    for (let k = 0; k < workers; k++) this.slots.push(this.spawn());
  }

  /**
   * Queue one task; resolves with its result or rejects with its error (rebuilt as its class).
   * @throws Error (as a rejection) when the pool is closed or broken.
   */
  submit(task: T, hooks: TaskHooks = {}): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.closed) return reject(new Error(`${this.name}: the pool is closed`));
      if (this.broken) return reject(this.broken);
      this.queue.push({ task, hooks, resolve, reject });
      this.pump();
    });
  }

  /** Stop all workers; tasks still queued or running are rejected. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = new Error(`${this.name}.close: the pool was closed before the task finished`);
    for (const p of this.queue.splice(0)) p.reject(err);
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.busy) s.busy.reject(err);
        s.busy = null;
        await s.worker.terminate();
      }),
    );
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.busy) continue;
      const job = this.queue.shift() as Pending<T, R>;
      slot.busy = job;
      slot.id = this.nextId++;
      slot.worker.ref();
      job.hooks.start?.();
      slot.worker.postMessage({ id: slot.id, task: job.task });
    }
  }

  private spawn(): Slot<T, R> {
    const worker = new Worker(ENTRY_URL, { execArgv: [], workerData: { module: this.module.href } });
    const slot: Slot<T, R> = { worker, busy: null, id: 0 };
    worker.unref();
    worker.on('message', (reply: TaskReply<R>) => {
      const job = slot.busy;
      if (!job || reply.id !== slot.id) return;
      if ('progress' in reply) {
        job.hooks.progress?.(reply.progress.done, reply.progress.total);
        return;
      }
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
        this.broken = new Error(`${this.name}: workers keep dying (${this.crashes} in a row); last: ${e.message}`);
        for (const p of this.queue.splice(0)) p.reject(this.broken);
        return;
      }
      // Replace the dead worker so that the pool keeps its size.
      this.slots[k] = this.spawn();
      this.pump();
    };
    worker.on('error', (e) => fail(e));
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`${this.name}: worker exited with code ${code}`));
    });
    return slot;
  }
}
