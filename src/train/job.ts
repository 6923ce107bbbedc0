/**
 * One training run as plain data, so that a worker pool can run many of them in parallel: a
 * {@link TrainProblem} (inputs and resolved targets, shared by every run on a dataset) and a {@link TrainJob}
 * (width, init seed and optimiser settings — everything else). {@link runJob} is the in-process runner;
 * trainRegime and the m* search both go through it, so a pool that reimplements it must return the same
 * numbers (init from `initNet(job.m, problem.d, job.seed)`, then `trainFirstLayer`).
 */
import { initNet, type TwoLayerNet, cloneNet } from '../model/twoLayer.js';
import { referenceKernel, type TrainKernel } from './kernel.js';
import { trainFirstLayer, type TrainResult } from './loop.js';

/** The data side of a run: n×d row-major X and n targets p ∈ [0, 1] (hard labels: p = (1+y)/2). */
export interface TrainProblem {
  X: Float64Array;
  n: number;
  d: number;
  p: Float64Array;
}

/** The run side: structured-clone-safe (numbers and strings only). */
export interface TrainJob {
  /** Width m. */
  m: number;
  /** Init seed for initNet (W(0) and a). */
  seed: string;
  /** Epochs (= full-batch GD steps). */
  T: number;
  /** Step size η. */
  eta: number;
  /** Projection radius on ‖W − W(0)‖_F; Infinity = plain GD. */
  radius: number;
}

/**
 * Evaluate a batch of jobs on one problem and return each job's epoch-averaged loss, in job order.
 * The default (in-process, sequential) is {@link evaluateSequential}; a worker-thread pool may supply its own.
 */
export type JobEvaluator = (problem: TrainProblem, jobs: readonly TrainJob[]) => Promise<number[]>;

/** The synchronous form of {@link JobEvaluator} (same contract), for searches that must not await. */
export type SyncJobEvaluator = (problem: TrainProblem, jobs: readonly TrainJob[]) => number[];

/** Run one job in-process. Returns the trained net, its initial copy and the loop's result. */
export function runJob(
  problem: TrainProblem,
  job: TrainJob,
  kernel: TrainKernel = referenceKernel,
  recordCurve = false,
): { net: TwoLayerNet; net0: TwoLayerNet; result: TrainResult } {
  const net = initNet(job.m, problem.d, job.seed);
  const net0 = cloneNet(net);
  const result = trainFirstLayer(net, problem.X, problem.n, problem.p, {
    eta: job.eta,
    T: job.T,
    radius: job.radius,
    kernel,
    recordCurve,
  });
  return { net, net0, result };
}

/** The sequential in-process evaluator: avgLoss of each job, one after another. */
export function evaluateSequential(
  problem: TrainProblem,
  jobs: readonly TrainJob[],
  kernel: TrainKernel = referenceKernel,
): number[] {
  return jobs.map((job) => runJob(problem, job, kernel).result.avgLoss);
}
