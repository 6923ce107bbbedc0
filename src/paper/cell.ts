/**
 * One cell of the paper sweep: a digit pair, a noise level σ and a seed. It loads the task (src/data/mnist.ts)
 * with a teacher pool of teacherN images whose first balanced n images are the students' training split,
 * measures the NTK margin γ_rkhs of the students' split, fits every teacher of the ablation once on the pool
 * (recording its test accuracy, test loss and expected calibration error), and trains every student — the
 * two-layer student of the theory at each width m and the two-hidden-layer MLP at each of its widths — once on
 * the hard labels and once on each teacher's soft labels, all from the same initialisation (paired by seed).
 * The two-layer students start from `config.init` (default 'balanced': f(x; W(0)) = 0, no sign lottery).
 *
 *   soft: p_i = σ(g_T(x_i)/τ), loss mean KL(Bern(p_i) ‖ Bern(σ(f_i)));  hard: p_i = (1 + y_i)/2, logistic loss.
 *
 * The two-layer students train with src/train/fast/trainFast.ts (the suite's one GD loop in WebAssembly, float64,
 * equal to src/train/loop.ts to ~1e-12 relative; it falls back to that loop without WebAssembly SIMD).
 * Measured on the held-out test split: accuracy (fraction with y f > 0; f = 0 counts as wrong), test loss =
 * mean logistic loss ln(1 + e^{−y f}) against the true labels (the same yardstick for both regimes), the KL to
 * the teacher's test probabilities (soft students), and a chance flag: accuracy not above ½ by the exact
 * one-sided binomial test at level α (a student no better than a coin).
 * Seeds: the data seed depends on (run seed, seed index) only, so the same images — and the same standard
 * normal noise pattern, scaled by σ — are used at every σ; the init seed depends on (run seed, seed index,
 * model, m) only, so soft and hard students share W(0) and every σ reuses it.
 */
import { loadMnistPair } from '../data/mnist.js';
import { subset, type Dataset } from '../data/dataset.js';
import { PreconditionError } from '../errors.js';
import { gammaRkhs } from '../margin/gammaRkhs.js';
import { initMlp, mlpForward, trainMlp } from '../model/mlp.js';
import { forward, initNet } from '../model/twoLayer.js';
import { ntkGram } from '../ntk/analytic.js';
import { deriveSeed } from '../rng.js';
import { expectedCalibrationError } from '../stats/calibration.js';
import { binomialTail } from '../stats/inference.js';
import { ntkTeacher } from '../teacher/ntkTeacher.js';
import { softLabels } from '../teacher/softLabels.js';
import type { Teacher } from '../teacher/teacher.js';
import { wideNetTeacher } from '../teacher/wideNetTeacher.js';
import { loadKernel } from '../train/fast/wasmModule.js';
import { wasmKernel } from '../train/fast/wasmKernel.js';
import { trainFast } from '../train/fast/trainFast.js';
import { hardTargets, klLogit, logisticLoss } from '../model/losses.js';
import { RADIUS_FACTOR_SOFT } from '../train/defaults.js';
import type { PaperConfig, TeacherKind } from './config.js';
import type { Regime } from '../train/regime.js';

export type StudentModel = 'two-layer' | 'mlp';

export interface StudentRecord {
  model: StudentModel;
  m: number;
  regime: Regime;
  /** The teacher whose soft labels the student learnt; null for hard students (shared by every teacher). */
  teacher: TeacherKind | null;
  testAccuracy: number;
  /** Mean logistic loss against the true test labels, nats. */
  testLoss: number;
  /** Mean KL(teacher ‖ student) on the test inputs, nats (soft students; null for hard ones). */
  testKl: number | null;
  trainAccuracy: number;
  /** Training objective at the end and averaged over epochs, nats. */
  finalLoss: number;
  avgLoss: number;
  /** Test accuracy not above ½ by the exact one-sided binomial test at level α (a coin would do as well). */
  chance: boolean;
}

export interface TeacherRecord {
  kind: TeacherKind;
  /** Accuracy of sign(g_T) on the test split and on the students' training split; null when the fit failed. */
  testAccuracy: number | null;
  trainAccuracy: number | null;
  /** Mean logistic loss of the teacher's probabilities σ(g_T/τ) against the true test labels, nats. */
  testLoss: number | null;
  /** Expected calibration error of σ(g_T/τ) on the test split (src/stats/calibration.ts, 15 bins). */
  testEce: number | null;
  /** Mean soft-label confidence max(p, 1−p) on the students' training split. */
  meanConfidence: number | null;
  /**
   * Standard deviation of that confidence over the split: how much per-example information the soft labels
   * carry beyond the sign (0 = uniform label smoothing, e.g. an NTK teacher whose points are all support vectors).
   */
  confidenceSd: number | null;
  /** Fraction of the students' training labels the teacher's soft labels contradict ((p − ½)·y ≤ 0). */
  labelDisagreement: number | null;
  /** Projection radius of this teacher's soft students (Infinity = plain GD; JSON "Infinity"). */
  radiusSoft: number | null;
  summary: Record<string, number | string | boolean>;
  /** Why the teacher could not be fitted (e.g. data not NTK-separable); its soft students are then absent. */
  error?: string;
}

export interface CellRecord {
  pair: [number, number];
  sigma: number;
  /** Seed index 0..seeds−1. */
  seed: number;
  dataSeed: string;
  /** γ_rkhs of the students' training split (n points), certified bracket. */
  gammaLower: number;
  gammaUpper: number;
  /** γ_rkhs upper bound of the teacher's pool (teacherN points). */
  gammaPool: number;
  teachers: TeacherRecord[];
  students: StudentRecord[];
}

/** A deterministic key of everything a cell depends on (for the resumable cell store). */
export function cellKey(c: PaperConfig, pair: [number, number], sigma: number, seed: number, runSeed: string): string {
  const { pairs: _p, sigmas: _s, seeds: _n, smallWidthMax: _w, alpha: _a, permutations: _b, equivalenceMargin: _e, ...rest } = c;
  return JSON.stringify({ v: 3, runSeed, pair, sigma, seed, ...rest });
}

function correct(f: Float64Array, y: Float64Array): number {
  let ok = 0;
  for (let i = 0; i < f.length; i++) if (y[i] * f[i] > 0) ok++;
  return ok;
}

const accuracy = (f: Float64Array, y: Float64Array) => correct(f, y) / f.length;

function meanOver(f: Float64Array, g: (fi: number, i: number) => number): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += g(f[i], i);
  return s / f.length;
}

/** Is k correct of n no better than a coin: P(Bin(n, ½) ≥ k) > α (exact one-sided binomial test)? */
export function isChance(k: number, n: number, alpha: number): boolean {
  return binomialTail(k, n, 0.5) > alpha;
}

interface Trained {
  fTrain: Float64Array;
  fTest: Float64Array;
  finalLoss: number;
  avgLoss: number;
}

function measure(c: PaperConfig, model: StudentModel, m: number, regime: Regime, teacher: TeacherKind | null, ds: Dataset, test: Dataset, pTest: Float64Array | null, r: Trained): StudentRecord {
  const k = correct(r.fTest, test.y);
  return {
    model,
    m,
    regime,
    teacher,
    testAccuracy: k / test.n,
    testLoss: meanOver(r.fTest, (f, i) => logisticLoss(f, test.y[i])),
    testKl: pTest ? meanOver(r.fTest, (f, i) => klLogit(f, pTest[i])) : null,
    trainAccuracy: accuracy(r.fTrain, ds.y),
    finalLoss: r.finalLoss,
    avgLoss: r.avgLoss,
    chance: isChance(k, test.n, c.alpha),
  };
}

function buildTeacher(c: PaperConfig, kind: TeacherKind, pool: Dataset, K: Float64Array, margin: ReturnType<typeof gammaRkhs>, seedPath: string): Teacher {
  if (kind === 'wide-net') {
    const kernel = loadKernel() ? wasmKernel() : undefined;
    return wideNetTeacher(pool, { ...c.wideNet, tau: c.tau, seed: deriveSeed(seedPath, 'teacher'), kernel });
  }
  return ntkTeacher(pool, { gram: K, margin, tau: c.tau, scale: c.teacherScale });
}

/** The soft regime's radius: a number as given, or 'auto' = RADIUS_FACTOR_SOFT × the NTK teacher's RKHS norm. */
export function softRadius(c: PaperConfig, teacher: Teacher): number {
  if (c.radiusSoft !== 'auto') return c.radiusSoft;
  const B = Number(teacher.summary.rkhsNorm);
  return teacher.kind === 'ntk' && Number.isFinite(B) && B > 0 ? RADIUS_FACTOR_SOFT * B : Infinity;
}

/**
 * Indices of the students' split inside the pool: the first ⌈n/2⌉ rows labelled +1 and the first ⌊n/2⌋
 * labelled −1, in pool order (the pool's rows are already shuffled by the loader).
 * @throws InputError-free: the loader balances the pool, so both classes have ≥ ⌊teacherN/2⌋ ≥ ⌊n/2⌋ rows.
 */
export function studentIndices(y: Float64Array, n: number): number[] {
  const want = { pos: Math.ceil(n / 2), neg: Math.floor(n / 2) };
  const idx: number[] = [];
  for (let i = 0; i < y.length && idx.length < n; i++) {
    if (y[i] > 0 && want.pos > 0) {
      want.pos--;
      idx.push(i);
    } else if (y[i] < 0 && want.neg > 0) {
      want.neg--;
      idx.push(i);
    }
  }
  return idx;
}

/** A fitted teacher with what its students need: soft training targets, test probabilities, radius. */
interface FittedTeacher {
  record: TeacherRecord;
  pSoft?: Float64Array;
  pTest?: Float64Array;
}

function fitTeacher(c: PaperConfig, kind: TeacherKind, pool: Dataset, test: Dataset, idx: number[], K: Float64Array, margin: ReturnType<typeof gammaRkhs>, dataSeed: string): FittedTeacher {
  let teacher: Teacher;
  try {
    teacher = buildTeacher(c, kind, pool, K, margin, dataSeed);
  } catch (e) {
    if (!(e instanceof PreconditionError)) throw e;
    const none = { testAccuracy: null, trainAccuracy: null, testLoss: null, testEce: null, meanConfidence: null, confidenceSd: null, labelDisagreement: null, radiusSoft: null };
    return { record: { kind, ...none, summary: { kind }, error: e.message } };
  }
  const gTest = teacher.predict(test.X, test.n);
  const pTest = softLabels(gTest, teacher.tau);
  const pSoft = Float64Array.from(idx, (i) => teacher.p[i]);
  const conf = Array.from(pSoft, (p) => Math.max(p, 1 - p));
  const confMean = conf.reduce((a, b) => a + b, 0) / conf.length;
  const confSd = conf.length > 1 ? Math.sqrt(conf.reduce((a, b) => a + (b - confMean) ** 2, 0) / (conf.length - 1)) : 0;
  let against = 0;
  idx.forEach((i, k) => {
    if ((pSoft[k] - 0.5) * pool.y[i] <= 0) against++;
  });
  return {
    record: {
      kind,
      testAccuracy: accuracy(gTest, test.y),
      trainAccuracy: accuracy(Float64Array.from(idx, (i) => teacher.logits[i]), Float64Array.from(idx, (i) => pool.y[i])),
      testLoss: meanOver(gTest, (g, i) => logisticLoss(g / teacher.tau, test.y[i])),
      testEce: expectedCalibrationError(pTest, test.y),
      meanConfidence: confMean,
      confidenceSd: confSd,
      labelDisagreement: against / idx.length,
      radiusSoft: softRadius(c, teacher),
      summary: teacher.summary,
    },
    pSoft,
    pTest,
  };
}

/**
 * Run one cell. Deterministic in (config, pair, sigma, seed, runSeed).
 * @param onStudent  optional progress hook, called after each trained student with (done, total).
 * @throws InputError from the data loader for impossible settings (e.g. n larger than a digit file).
 */
export function runCell(c: PaperConfig, pair: [number, number], sigma: number, seed: number, runSeed: string, onStudent?: (done: number, total: number) => void): CellRecord {
  const dataSeed = deriveSeed(runSeed, 'paper', 'data', seed);
  const pool = loadMnistPair({ digits: pair, n: c.teacherN, nTest: c.nTest, dim: c.dim, noise: sigma, seed: dataSeed });
  const test = pool.test!;
  const idx = studentIndices(pool.y, c.n);
  const ds = subset(pool, idx);
  const Kpool = ntkGram(pool.X, pool.n, pool.d);
  const marginPool = gammaRkhs(Kpool, pool.y, pool.n);
  const margin = gammaRkhs(ntkGram(ds.X, ds.n, ds.d), ds.y, ds.n);
  const fitted = c.teachers.map((kind) => fitTeacher(c, kind, pool, test, idx, Kpool, marginPool, dataSeed));
  // Every student of one (model, width) starts from the same initialisation: hard first, then one per teacher.
  const runs: { regime: Regime; teacher: TeacherKind | null; p: Float64Array; radius: number; pTest: Float64Array | null }[] = [
    { regime: 'hard', teacher: null, p: hardTargets(ds.y), radius: Infinity, pTest: null },
    ...fitted.filter((t) => t.pSoft).map((t) => ({ regime: 'soft' as const, teacher: t.record.kind, p: t.pSoft!, radius: t.record.radiusSoft!, pTest: t.pTest! })),
  ];
  const students: StudentRecord[] = [];
  const total = runs.length * (c.widths.length + c.mlp.widths.length);
  for (const m of c.widths) {
    const initSeed = deriveSeed(runSeed, 'paper', 'init', seed, 'two-layer', m);
    for (const r of runs) {
      const net = initNet(m, ds.d, initSeed, c.init);
      const result = trainFast(net, ds.X, ds.n, r.p, { T: c.T, eta: c.eta, radius: r.radius });
      const trained = { fTrain: result.f, fTest: forward(net, test.X, test.n), finalLoss: result.finalLoss, avgLoss: result.avgLoss };
      students.push(measure(c, 'two-layer', m, r.regime, r.teacher, ds, test, r.pTest, trained));
      onStudent?.(students.length, total);
    }
  }
  for (const m of c.mlp.widths) {
    const initSeed = deriveSeed(runSeed, 'paper', 'init', seed, 'mlp', m);
    for (const r of runs) {
      const net = initMlp(ds.d, m, m, initSeed);
      const t = trainMlp(net, ds.X, ds.n, r.p, { optimizer: c.mlp.optimizer, eta: c.mlp.eta, T: c.mlp.T });
      const trained = { fTrain: mlpForward(net, ds.X, ds.n), fTest: mlpForward(net, test.X, test.n), finalLoss: t.finalLoss, avgLoss: t.avgLoss };
      students.push(measure(c, 'mlp', m, r.regime, r.teacher, ds, test, r.pTest, trained));
      onStudent?.(students.length, total);
    }
  }
  return { pair, sigma, seed, dataSeed, gammaLower: margin.lower, gammaUpper: margin.upper, gammaPool: marginPool.upper, teachers: fitted.map((t) => t.record), students };
}
