/**
 * The two training regimes as user-facing runs (`ntk-verify train`):
 *   hard: targets p_i = (1 + y_i)/2 ∈ {0, 1}, plain full-batch GD on the mean logistic loss;
 *   soft: targets p_i from ds.p when present, else from a teacher (src/teacher, default the NTK max-margin
 *         teacher), projected GD on the mean KL(Bern(p_i) ‖ Bern(σ(f_i))) onto ‖W − W(0)‖_F ≤ radius.
 * Both run the one loop (src/train/loop.ts) with the one loss: they differ only in p and the radius.
 * Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract [RECALLED]; defaults in src/train/defaults.ts.
 */
import type { Dataset } from '../data/dataset.js';
import { forward } from '../model/twoLayer.js';
import type { TrainKernel } from '../train/kernel.js';
import { klLogit } from '../model/losses.js';
import { runJob, type TrainJob } from '../train/job.js';
import { flippedFraction, frobeniusMovement, maxNeuronMovement } from '../train/lazyMetrics.js';
import { resolveRadius, resolveTargets, type TargetSource } from './targets.js';
import { resolveTrainSettings, type TrainSettingsInput } from '../train/defaults.js';
import type { Regime } from '../train/regime.js';
import type { Student } from '../train/linearized.js';
import type { TeacherOptions } from '../teacher/makeTeacher.js';

export interface TrainRegimeOptions extends TrainSettingsInput {
  /** 'soft' (teacher / ds.p targets, projected GD) or 'hard' (labels, plain GD). */
  regime: Regime;
  /** Width m (positive integer). */
  m: number;
  /** Init seed for W(0), a (recorded in the result). */
  seed: number | string;
  /** Teacher for the soft regime when ds.p is absent. @defaultValue { kind: 'ntk' } */
  teacher?: TeacherOptions;
  /** Loss-and-gradient implementation. @defaultValue referenceKernel */
  kernel?: TrainKernel;
  /** Keep the per-epoch training losses (length T+1). @defaultValue false */
  recordCurve?: boolean;
  /** The network, or its linearization at W(0) (src/train/linearized.ts). @defaultValue 'network' */
  student?: Student;
}

export interface TrainRegimeResult {
  regime: Regime;
  /** The model trained (src/train/linearized.ts). */
  student: Student;
  m: number;
  /** Epochs actually run (full-batch: one epoch = one GD step). */
  T: number;
  eta: number;
  /** Projection radius used; Infinity for plain GD (JSON: null). */
  radius: number;
  /** How the radius was chosen ('given', 'auto: 2 × NTK teacher RKHS norm …', 'none (plain GD)'). */
  radiusRule: string;
  /** (1/T) Σ_{t<T} R̂(W(t)), nats — the quantity the width theorems bound. */
  avgLoss: number;
  /** R̂(W(T)), nats. */
  finalLoss: number;
  /** Fraction of training points with y_i f(x_i; W(T)) > 0. */
  trainAccuracy: number;
  /** Same on ds.test (when present). */
  testAccuracy?: number;
  /** Mean loss on ds.test against the regime's test targets (hard: labels; soft: test.p or the teacher). */
  testLoss?: number;
  /** R̂(W(t)) for t = 0..T when recordCurve. */
  curve?: number[];
  /** max_s ‖w_s(T) − w_s(0)‖₂ (src/train/lazyMetrics.ts). */
  maxMovement: number;
  /** ‖W(T) − W(0)‖_F (≤ radius in the soft regime). */
  movement: number;
  /** Fraction of (i, s) activation indicators on the training inputs that changed between W(0) and W(T). */
  flippedFraction: number;
  /** Where p came from: 'labels', 'dataset' (ds.p) or 'teacher:ntk' / 'teacher:wide-net'. */
  targets: TargetSource;
  /** The teacher's summary when a teacher made p. */
  teacher?: Record<string, number | string | boolean>;
  seed: string;
}

/**
 * Train one student of width m in the given regime and measure it.
 * @param ds  training split (X n×d row-major, y ±1, optional p, optional test split).
 * @throws    InputError naming the option ('regime', 'm', 'T', 'eta', 'radius', 'seed') for bad options;
 *            ShapeError/InputError for a malformed dataset; PreconditionError from the NTK teacher when the
 *            data are not NTK-separable.
 */
export function trainRegime(ds: Dataset, opts: TrainRegimeOptions): TrainRegimeResult {
  const settings = resolveTrainSettings(opts);
  const targets = resolveTargets(ds, opts.regime, opts.teacher);
  const { radius, radiusRule } = resolveRadius(settings.radius, opts.regime, targets);
  const job: TrainJob = { m: settings.m, seed: settings.seed, T: settings.T, eta: settings.eta, radius, student: opts.student };
  const { net, net0, result } = runJob(
    { X: ds.X, n: ds.n, d: ds.d, p: targets.p },
    job,
    opts.kernel,
    opts.recordCurve ?? false,
  );
  const out: TrainRegimeResult = {
    regime: opts.regime,
    student: opts.student ?? 'network',
    m: job.m,
    T: job.T,
    eta: job.eta,
    radius,
    radiusRule,
    avgLoss: result.avgLoss,
    finalLoss: result.finalLoss,
    trainAccuracy: accuracy(result.f, ds.y),
    maxMovement: maxNeuronMovement(net, net0),
    movement: frobeniusMovement(net, net0),
    flippedFraction: flippedFraction(net, net0, ds.X, ds.n),
    targets: targets.source,
    seed: settings.seed,
  };
  if (targets.teacher) out.teacher = targets.teacher.summary;
  if (result.curve) out.curve = Array.from(result.curve);
  if (ds.test && ds.test.n > 0) {
    const ft = forward(net, ds.test.X, ds.test.n);
    out.testAccuracy = accuracy(ft, ds.test.y);
    if (targets.testP) out.testLoss = meanKl(ft, targets.testP);
  }
  return out;
}

/**
 * `ntk-verify train` output: the JSON-ready form of {@link trainRegime} plus the dataset's identity.
 * Infinity (plain-GD radius) is written as null, the curve only when asked for.
 */
export function trainReport(ds: Dataset, opts: TrainRegimeOptions): Record<string, unknown> {
  const r = trainRegime(ds, opts);
  return {
    dataset: { name: ds.name ?? null, n: ds.n, d: ds.d, nTest: ds.test?.n ?? 0 },
    ...r,
    radius: Number.isFinite(r.radius) ? r.radius : null,
  };
}

/** Fraction of i with y_i f_i > 0 (f_i = 0 counts as wrong). */
export function accuracy(f: Float64Array, y: Float64Array): number {
  let ok = 0;
  for (let i = 0; i < f.length; i++) if (y[i] * f[i] > 0) ok++;
  return f.length > 0 ? ok / f.length : 0;
}

function meanKl(f: Float64Array, p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += klLogit(f[i], p[i]);
  return f.length > 0 ? s / f.length : 0;
}
