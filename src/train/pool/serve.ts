/**
 * The worker side of {@link WorkerPool} (src/train/pool/workerPool.ts): answer {id, task} messages with
 * {id, ok, result | error}, and forward progress as {id, progress}. Errors travel as {name, message, field} and
 * are rebuilt as the same class (ShapeError, InputError, …) by the pool. One task at a time per worker.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError, type SerializedError } from './errorTransport.js';

/** A task sent to a worker. */
export interface TaskRequest<T> {
  id: number;
  task: T;
}

/** A worker's answer: progress (any number of times), then the result or the error. */
export type TaskReply<R> =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: true; result: R }
  | { id: number; ok: false; error: SerializedError };

/**
 * Serve tasks in this worker thread with `run`.
 * @param run       runs one task; may report progress (done of total).
 * @param transfer  buffers of a result to transfer instead of copying. @defaultValue none
 * @throws Error when not called in a worker thread.
 */
export function serveTasks<T, R>(run: (task: T, progress: (done: number, total: number) => void) => R, transfer: (result: R) => ArrayBuffer[] = () => []): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks: must run in a worker thread (see src/train/pool/workerPool.ts)');
  port.on('message', (msg: TaskRequest<T>) => {
    const post = (reply: TaskReply<R>, buffers: ArrayBuffer[] = []) => port.postMessage(reply, buffers);
    try {
      const result = run(msg.task, (done, total) => post({ id: msg.id, progress: { done, total } }));
      post({ id: msg.id, ok: true, result }, transfer(result));
    } catch (e) {
      post({ id: msg.id, ok: false, error: serializeError(e) });
    }
  });
}
