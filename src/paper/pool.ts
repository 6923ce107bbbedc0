/**
 * Runs the paper sweep's cells on `workers` threads (worker_threads), or in this thread when workers = 1.
 * Cells are independent and each is deterministic in its task, so the records — returned in task order —
 * are identical for any number of workers. Under tsx (TypeScript sources) each worker registers tsx's ESM
 * loader before importing cellWorker.ts (Node 20 does not pass module hooks to workers); from compiled
 * JavaScript it imports cellWorker.js directly.
 */
import { Worker } from 'node:worker_threads';
import { rebuildError, type SerializedError } from '../train/pool/errorTransport.js';
import { runCell, type CellRecord } from './cell.js';
import type { PaperConfig } from './config.js';

export interface CellTask {
  /** Position in the task list. */
  k: number;
  config: PaperConfig;
  pair: [number, number];
  sigma: number;
  seed: number;
  runSeed: string;
}

export type WorkerReply =
  | { type: 'progress'; k: number; done: number; total: number }
  | { type: 'done'; k: number; record: CellRecord }
  | { type: 'error'; k: number; error: SerializedError };

export interface PoolHooks {
  /** A cell started (k = task position). */
  start?(k: number): void;
  /** Students trained so far in cell k. */
  progress?(k: number, done: number, total: number): void;
  /** Cell k finished after `seconds`. */
  done?(k: number, record: CellRecord, seconds: number): void;
}

function spawn(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const entry = new URL('./cellWorker.ts', self).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./cellWorker.js', self));
}

/**
 * Run the tasks; resolves to their records in task order.
 * @throws the first task's error (InputError etc. rebuilt from the worker), after stopping every worker.
 */
export async function runTasks(tasks: readonly CellTask[], workers: number, hooks: PoolHooks = {}): Promise<CellRecord[]> {
  const out = new Array<CellRecord>(tasks.length);
  if (workers <= 1 || tasks.length <= 1) {
    for (const t of tasks) {
      hooks.start?.(t.k);
      const t0 = performance.now();
      out[t.k] = runCell(t.config, t.pair, t.sigma, t.seed, t.runSeed, (d, n) => hooks.progress?.(t.k, d, n));
      hooks.done?.(t.k, out[t.k], (performance.now() - t0) / 1000);
      await new Promise((r) => setImmediate(r)); // let progress output flush between cells
    }
    return out;
  }
  const queue = [...tasks];
  const pool = Array.from({ length: Math.min(workers, tasks.length) }, spawn);
  const started = new Map<number, number>();
  try {
    await new Promise<void>((resolve, reject) => {
      let remaining = tasks.length;
      let failed = false;
      const feed = (w: Worker) => {
        const t = queue.shift();
        if (!t) return;
        started.set(t.k, performance.now());
        hooks.start?.(t.k);
        w.postMessage(t);
      };
      for (const w of pool) {
        w.on('message', (r: WorkerReply) => {
          if (failed) return;
          if (r.type === 'progress') hooks.progress?.(r.k, r.done, r.total);
          else if (r.type === 'error') {
            failed = true;
            reject(rebuildError(r.error));
          } else {
            out[r.k] = r.record;
            hooks.done?.(r.k, r.record, (performance.now() - (started.get(r.k) ?? 0)) / 1000);
            if (--remaining === 0) resolve();
            else feed(w);
          }
        });
        w.on('error', (e) => {
          if (!failed) {
            failed = true;
            reject(e);
          }
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}
