/**
 * Worker-thread entry of the paper sweep (src/paper/pool.ts): receives cell tasks, runs them with
 * {@link runCell} and posts back the record, progress messages and errors (InputError keeps its field so the
 * main thread can rethrow it as a usage error). One task at a time; the thread lives for the whole sweep.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../train/pool/errorTransport.js';
import { runCell } from './cell.js';
import type { CellTask, WorkerReply } from './pool.js';

const port = parentPort;
if (!port) throw new Error('cellWorker: must run in a worker thread');

port.on('message', (t: CellTask) => {
  const post = (r: WorkerReply) => port.postMessage(r);
  try {
    const record = runCell(t.config, t.pair, t.sigma, t.seed, t.runSeed, (done, total) => post({ type: 'progress', k: t.k, done, total }));
    post({ type: 'done', k: t.k, record });
  } catch (e) {
    post({ type: 'error', k: t.k, error: serializeError(e) });
  }
});
