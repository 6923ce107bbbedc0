/**
 * The worker side of the training pool (src/train/pool/pool.ts): runs each task with {@link runTask}. Result
 * arrays are transferred, not copied.
 */
import { serveTasks } from './serve.js';
import { runTask, type TaskResult, type TrainTask } from './task.js';

serveTasks<TrainTask, TaskResult>(
  (task) => runTask(task),
  (result) => [result.curve, result.f, result.W].filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer),
);
