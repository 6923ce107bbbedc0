/**
 * Runs the paper sweep's cells on `workers` threads, or in this thread when workers = 1. The threads are the
 * suite's one worker pool (src/train/pool/workerPool.ts) over src/paper/cellWorker.ts. Cells are independent and
 * each is deterministic in its task, so the records — returned in task order — are identical for any number of
 * workers.
 */
import { WorkerPool } from '../train/pool/workerPool.js';
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

export interface PoolHooks {
  /** A cell started (k = task position). */
  start?(k: number): void;
  /** Students trained so far in cell k. */
  progress?(k: number, done: number, total: number): void;
  /** Cell k finished after `seconds`. */
  done?(k: number, record: CellRecord, seconds: number): void;
}

/** The cell worker module, loaded by each thread of the pool. */
const CELL_WORKER_URL = new URL('./cellWorker.ts', import.meta.url);

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
  const pool = new WorkerPool<CellTask, CellRecord>('paper pool', CELL_WORKER_URL, Math.min(workers, tasks.length));
  try {
    await Promise.all(
      tasks.map((t) => {
        let t0 = 0;
        const start = () => {
          t0 = performance.now();
          hooks.start?.(t.k);
        };
        return pool.submit(t, { start, progress: (done, total) => hooks.progress?.(t.k, done, total) }).then((record) => {
          out[t.k] = record;
          hooks.done?.(t.k, record, (performance.now() - t0) / 1000);
        });
      }),
    );
  } finally {
    await pool.close();
  }
  return out;
}
