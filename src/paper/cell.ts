/**
 * One cell of the paper sweep: a digit pair, a noise level σ and a seed. It loads the task (src/data/mnist.ts)
 * with a teacher pool of teacherN images whose first balanced n images are the students' training split,
 * measures the NTK margin γ_rkhs of the students' split, fits the teacher once on the pool, and trains every
 * student —
 * the two-layer student of the theory at each width m and the two-hidden-layer MLP at each of its widths —
 * once on the teacher's soft labels and once on the hard labels, from the same initialisation (paired).
 *
 *   soft: p_i = σ(g_T(x_i)/τ), loss mean KL(Bern(p_i) ‖ Bern(σ(f_i)));  hard: p_i = (1 + y_i)/2, logistic loss.
 *
 * The two-layer students train with src/train/fast/trainFast.ts (the suite's one GD loop in WebAssembly, float64,
 * equal to src/train/loop.ts to ~1e-12 relative; it falls back to that loop without WebAssembly SIMD).
 * Measured on the held-out test split: accuracy (fraction with y f > 0; f = 0 counts as wrong), test loss =
 * mean logistic loss ln(1 + e^{−y f}) against the true labels (the same yardstick for both regimes), and the
 * KL to the teacher's test probabilities.
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
import { ntkTeacher } from '../teacher/ntkTeacher.js';
import { softLabels } from '../teacher/softLabels.js';
import type { Teacher } from '../teacher/teacher.js';
import { wideNetTeacher } from '../teacher/wideNetTeacher.js';
import { trainFast } from '../train/fast/trainFast.js';
import { hardTargets, klLogit, logisticLoss } from '../model/losses.js';
import { RADIUS_FACTOR_SOFT } from '../train/defaults.js';
import type { PaperConfig } from './config.js';
import type { Regime } from '../train/regime.js';

export type StudentModel = 'two-layer' | 'mlp';

export interface StudentRecord {
  model: StudentModel;
  m: number;
  regime: Regime;
  testAccuracy: number;
  /** Mean logistic loss against the true test labels, nats. */
  testLoss: number;
  /** Mean KL(teacher ‖ student) on the test inputs, nats. */
  testKl: number;
  trainAccuracy: number;
  /** Training objective at the end and averaged over epochs, nats. */
  finalLoss: number;
  avgLoss: number;
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
  teacherTestAccuracy: number | null;
  teacherTrainAccuracy: number | null;
  /** Mean soft label confidence max(p, 1−p) on the training split. */
  teacherMeanConfidence: number | null;
  teacher: Record<string, number | string | boolean>;
  /** Projection radius the soft students used (Infinity = plain GD; JSON "Infinity"). */
  radiusSoft?: number;
  students: StudentRecord[];
  /** Set when the cell could not run (e.g. the data are not NTK-separable); students is then empty. */
  error?: string;
}

/** A deterministic key of everything a cell depends on (for the resumable cell store). */
export function cellKey(c: PaperConfig, pair: [number, number], sigma: number, seed: number, runSeed: string): string {
  const { pairs: _p, sigmas: _s, seeds: _n, smallWidthMax: _w, alpha: _a, permutations: _b, ...rest } = c;
  return JSON.stringify({ v: 1, runSeed, pair, sigma, seed, ...rest });
}

function accuracy(f: Float64Array, y: Float64Array): number {
  let ok = 0;
  for (let i = 0; i < f.length; i++) if (y[i] * f[i] > 0) ok++;
  return ok / f.length;
}

function meanOver(f: Float64Array, g: (fi: number, i: number) => number): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += g(f[i], i);
  return s / f.length;
}

function measure(model: StudentModel, m: number, regime: Regime, ds: Dataset, test: Dataset, pTest: Float64Array, fTrain: Float64Array, fTest: Float64Array, finalLoss: number, avgLoss: number): StudentRecord {
  return {
    model,
    m,
    regime,
    testAccuracy: accuracy(fTest, test.y),
    testLoss: meanOver(fTest, (f, i) => logisticLoss(f, test.y[i])),
    testKl: meanOver(fTest, (f, i) => klLogit(f, pTest[i])),
    trainAccuracy: accuracy(fTrain, ds.y),
    finalLoss,
    avgLoss,
  };
}

function buildTeacher(c: PaperConfig, pool: Dataset, K: Float64Array, margin: ReturnType<typeof gammaRkhs>, seedPath: string): Teacher {
  if (c.teacher === 'wide-net') return wideNetTeacher(pool, { tau: c.tau, seed: deriveSeed(seedPath, 'teacher') });
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
  const base = { pair, sigma, seed, dataSeed, gammaLower: margin.lower, gammaUpper: margin.upper, gammaPool: marginPool.upper };
  let teacher: Teacher;
  try {
    teacher = buildTeacher(c, pool, Kpool, marginPool, dataSeed);
  } catch (e) {
    if (!(e instanceof PreconditionError)) throw e;
    return { ...base, teacherTestAccuracy: null, teacherTrainAccuracy: null, teacherMeanConfidence: null, teacher: { kind: c.teacher }, students: [], error: e.message };
  }
  const gTest = teacher.predict(test.X, test.n);
  const pTest = softLabels(gTest, teacher.tau);
  const pSoft = Float64Array.from(idx, (i) => teacher.p[i]);
  const targets: Record<Regime, Float64Array> = { soft: pSoft, hard: hardTargets(ds.y) };
  const radius: Record<Regime, number> = { soft: softRadius(c, teacher), hard: Infinity };
  const students: StudentRecord[] = [];
  const total = 2 * (c.widths.length + c.mlp.widths.length);
  for (const m of c.widths) {
    const initSeed = deriveSeed(runSeed, 'paper', 'init', seed, 'two-layer', m);
    for (const regime of ['soft', 'hard'] as const) {
      const net = initNet(m, ds.d, initSeed);
      const result = trainFast(net, ds.X, ds.n, targets[regime], { T: c.T, eta: c.eta, radius: radius[regime] });
      students.push(measure('two-layer', m, regime, ds, test, pTest, result.f, forward(net, test.X, test.n), result.finalLoss, result.avgLoss));
      onStudent?.(students.length, total);
    }
  }
  for (const m of c.mlp.widths) {
    const initSeed = deriveSeed(runSeed, 'paper', 'init', seed, 'mlp', m);
    for (const regime of ['soft', 'hard'] as const) {
      const net = initMlp(ds.d, m, m, initSeed);
      const r = trainMlp(net, ds.X, ds.n, targets[regime], { optimizer: c.mlp.optimizer, eta: c.mlp.eta, T: c.mlp.T });
      students.push(measure('mlp', m, regime, ds, test, pTest, mlpForward(net, ds.X, ds.n), mlpForward(net, test.X, test.n), r.finalLoss, r.avgLoss));
      onStudent?.(students.length, total);
    }
  }
  let conf = 0;
  for (const p of pSoft) conf += Math.max(p, 1 - p);
  return {
    ...base,
    teacherTestAccuracy: accuracy(gTest, test.y),
    teacherTrainAccuracy: accuracy(Float64Array.from(idx, (i) => teacher.logits[i]), ds.y),
    teacherMeanConfidence: conf / ds.n,
    teacher: teacher.summary,
    radiusSoft: radius.soft,
    students,
  };
}
