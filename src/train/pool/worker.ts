/**
 * The worker side of the pool (src/train/pool/pool.ts): receives {id, task} messages, runs each with
 * {@link runTask} and answers {id, ok, result | error}. Result arrays are transferred, not copied. Errors
 * travel as {name, message, field} and are rebuilt as the same class (ShapeError, InputError, …) by the pool.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError, type SerializedError } from './errorTransport.js';
import { runTask, type TrainTask } from './task.js';

export interface TaskRequest {
  id: number;
  task: TrainTask;
}

export type TaskReply =
  | { id: number; ok: true; result: ReturnType<typeof runTask> }
  | { id: number; ok: false; error: SerializedError };

if (!parentPort) throw new Error('src/train/pool/worker.ts must run in a worker thread (see src/train/pool/pool.ts)');
const port = parentPort;

port.on('message', (msg: TaskRequest) => {
  let reply: TaskReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const result = runTask(msg.task);
    for (const a of [result.curve, result.f, result.W]) if (a) transfer.push(a.buffer as ArrayBuffer);
    reply = { id: msg.id, ok: true, result };
  } catch (e) {
    reply = { id: msg.id, ok: false, error: serializeError(e) };
  }
  port.postMessage(reply, transfer);
});
