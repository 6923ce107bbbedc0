/**
 * One independent training run as plain, structured-clone-safe data — the unit of work of the worker pool
 * (src/train/pool/pool.ts) — and {@link runTask}, the function every worker runs. A task is a
 * TrainProblem (inputs and targets) and a TrainJob (width, init seed, optimiser) of src/train/job.ts, and options;
 * the student is initNet(m, d, seed, init), the same initialisation as src/train/job.ts's runJob, so a result
 * depends on the task alone: never on the worker that ran it or on how many workers there are.
 * Source: src/train/loop.ts (the loop) and src/train/fast/trainFast.ts (its WebAssembly path) [VERIFIED, same code].
 */
import { initNet } from '../../model/twoLayer.js';
import { InputError } from '../../errors.js';
import { trainFast } from '../fast/trainFast.js';
import type { Precision } from '../fast/wasmLayout.js';
import type { JobLoss, TrainJob, TrainProblem } from '../job.js';
import { trainFirstLayer, type TrainResult } from '../loop.js';
import { trainLinearized } from '../linearized.js';

export interface TaskOptions {
  /**
   * 'wasm': trainFast (WebAssembly, falls back to the reference when SIMD is missing); 'reference':
   * trainFirstLayer with the TypeScript referenceKernel (bit-identical to src/train/job.ts's evaluateSequential).
   * @defaultValue 'wasm'
   */
  kernel?: 'wasm' | 'reference';
  /** Arithmetic of the wasm kernel. @defaultValue 'f64' */
  precision?: Precision;
  /** Return the loss curve R̂(W(t)), t = 0..T. @defaultValue false */
  recordCurve?: boolean;
  /** Return the final outputs f(x_i; W(T)) and weights W(T). @defaultValue false */
  returnOutputs?: boolean;
}

export type TrainTask = TrainProblem & TrainJob & TaskOptions;

export interface TaskResult {
  /** (1/T) Σ_{t<T} R̂(W(t)), nats (a lower bound after an early stop: see src/train/loop.ts TrainResult). */
  avgLoss: number;
  /** R̂(W(T)), nats (the last loss computed after an early stop). */
  finalLoss: number;
  /** Epochs run: T, or the epoch at which an early stop decided avgLoss > stopAbove. */
  epochs: number;
  curve?: Float64Array;
  f?: Float64Array;
  W?: Float64Array;
  /** Wall time of the training, seconds (measurement only; not part of the deterministic result). */
  seconds: number;
}

/**
 * Run one task in this thread.
 * @throws InputError for a bad kernel/precision option; ShapeError/InputError from the training loop.
 */
export function runTask(task: TrainTask): TaskResult {
  const { X, n, d, p, m, seed, init = 'iid', T, eta, radius = Infinity, stopAbove = Infinity, student = 'network' } = task;
  const { kernel = 'wasm', precision = 'f64', recordCurve = false, returnOutputs = false } = task;
  if (kernel !== 'wasm' && kernel !== 'reference') throw new InputError('kernel', `runTask: expected 'wasm' or 'reference', got ${String(kernel)}`);
  const net = initNet(m, d, seed, init);
  const t0 = performance.now();
  let r: TrainResult;
  if (student === 'linearized') {
    // the function-space recursion (src/train/linearized.ts): no kernel choice, O(n²) per epoch
    const lin = trainLinearized(net, X, n, p, { eta, T, radius, recordCurve, stopAbove });
    net.W.set(lin.W);
    r = lin;
  } else {
    r = kernel === 'wasm'
      ? trainFast(net, X, n, p, { eta, T, radius, recordCurve, precision, stopAbove })
      : trainFirstLayer(net, X, n, p, { eta, T, radius, recordCurve, stopAbove });
  }
  const seconds = (performance.now() - t0) / 1000;
  const out: TaskResult = { avgLoss: r.avgLoss, finalLoss: r.finalLoss, epochs: r.epochs, seconds };
  if (recordCurve) out.curve = r.curve;
  if (returnOutputs) {
    out.f = r.f;
    out.W = net.W;
  }
  return out;
}

/**
 * A synchronous minWidth evaluator (src/bounds/minWidth.ts `evaluateSync`) on the WebAssembly f64 path: each job's
 * {avgLoss, epochs} from {@link runTask} in this thread — the numbers a TrainPool evaluator with kernel 'wasm' returns.
 */
export function evaluateFast(problem: TrainProblem, jobs: readonly TrainJob[]): JobLoss[] {
  return jobs.map((j) => {
    const { avgLoss, epochs } = runTask({ ...problem, ...j, kernel: 'wasm' });
    return { avgLoss, epochs };
  });
}
