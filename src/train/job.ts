/**
 * One training run as plain data, so that a worker pool can run many of them in parallel: a
 * {@link TrainProblem} (inputs and resolved targets, shared by every run on a dataset) and a {@link TrainJob}
 * (width, init seed and optimiser settings — everything else). {@link runJob} is the in-process runner;
 * trainRegime and the m* search both go through it, so a pool that reimplements it must return the same
 * numbers (init from `initNet(job.m, problem.d, job.seed, job.init)`, then `trainFirstLayer`). The worker pool's task
 * (src/train/pool/task.ts TrainTask) is a TrainProblem and a TrainJob plus how to run it.
 */
import { initNet, type InitScheme, type TwoLayerNet, cloneNet } from '../model/twoLayer.js';
import { referenceKernel, type TrainKernel } from './kernel.js';
import { trainFirstLayer, type TrainResult } from './loop.js';
import { trainLinearized, type Student } from './linearized.js';

/**
 * The data side of a run: n×d row-major X and n targets p ∈ [0, 1] (hard labels: p = (1+y)/2). May be backed by
 * a SharedArrayBuffer (the worker pool shares one problem between its workers).
 */
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
  seed: number | string;
  /** Initialisation scheme of initNet. @defaultValue 'iid' */
  init?: InitScheme;
  /** Epochs (= full-batch GD steps). */
  T: number;
  /** Step size η. */
  eta: number;
  /** Projection radius on ‖W − W(0)‖_F; Infinity = plain GD. @defaultValue Infinity */
  radius?: number;
  /** Early stop once the epoch average can no longer be ≤ stopAbove (TrainOptions.stopAbove). @defaultValue Infinity */
  stopAbove?: number;
  /** The network itself, or its linearization at W(0) (src/train/linearized.ts). @defaultValue 'network' */
  student?: Student;
}

/**
 * What a threshold test needs of one run: `epochs` = T means it ran to the end and `avgLoss` is its
 * epoch-averaged loss; `epochs` < T means it stopped early at that epoch and `avgLoss` is a lower bound of
 * the full run's (and > the job's stopAbove). See TrainResult.
 */
export interface JobLoss {
  avgLoss: number;
  epochs: number;
}

/**
 * Evaluate a batch of jobs on one problem and return each job's {@link JobLoss}, in job order.
 * The default (in-process, sequential) is {@link evaluateSequential}; a worker-thread pool may supply its own.
 */
export type JobEvaluator = (problem: TrainProblem, jobs: readonly TrainJob[]) => Promise<JobLoss[]>;

/** The synchronous form of {@link JobEvaluator} (same contract), for searches that must not await. */
export type SyncJobEvaluator = (problem: TrainProblem, jobs: readonly TrainJob[]) => JobLoss[];

/** Run one job in-process. Returns the trained net, its initial copy and the loop's result. */
export function runJob(
  problem: TrainProblem,
  job: TrainJob,
  kernel: TrainKernel = referenceKernel,
  recordCurve = false,
): { net: TwoLayerNet; net0: TwoLayerNet; result: TrainResult } {
  const net = initNet(job.m, problem.d, job.seed, job.init);
  const net0 = cloneNet(net);
  const opts = { eta: job.eta, T: job.T, radius: job.radius, recordCurve, stopAbove: job.stopAbove };
  if (job.student === 'linearized') {
    const { W, ...result } = trainLinearized(net0, problem.X, problem.n, problem.p, opts);
    net.W.set(W);
    return { net, net0, result };
  }
  const result = trainFirstLayer(net, problem.X, problem.n, problem.p, { ...opts, kernel });
  return { net, net0, result };
}

/** The sequential in-process evaluator: the {@link JobLoss} of each job, one after another. */
export function evaluateSequential(
  problem: TrainProblem,
  jobs: readonly TrainJob[],
  kernel: TrainKernel = referenceKernel,
): JobLoss[] {
  return jobs.map((job) => {
    const { avgLoss, epochs } = runJob(problem, job, kernel).result;
    return { avgLoss, epochs };
  });
}
