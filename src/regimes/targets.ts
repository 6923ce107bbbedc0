/**
 * Resolve the training (and test) targets of a regime: hard → p = (1+y)/2; soft → ds.p when present, else
 * the teacher's p = σ(g_T/τ). The test targets follow the same rule on ds.test (soft: test.p, else the teacher's
 * prediction on the test inputs; none when ds.p came from the dataset and test.p is absent).
 * Source: the two regimes of Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract [RECALLED]; precedence of ds.p
 * over the teacher is our rule [INFERRED] (a dataset that brings its own soft labels is trained on them).
 */
import type { Dataset } from '../data/dataset.js';
import { InputError, ShapeError } from '../errors.js';
import { makeTeacher, type TeacherOptions } from '../teacher/makeTeacher.js';
import type { Teacher } from '../teacher/teacher.js';
import { softLabels } from '../teacher/softLabels.js';
import { hardTargets } from '../model/losses.js';
import { DEFAULT_RADIUS_HARD, RADIUS_FACTOR_SOFT } from '../train/defaults.js';
import type { Regime } from '../train/regime.js';
export type TargetSource = 'labels' | 'dataset' | 'teacher:ntk' | 'teacher:wide-net';

export interface Targets {
  p: Float64Array;
  testP?: Float64Array;
  source: TargetSource;
  teacher?: Teacher;
}

/**
 * @throws InputError('regime') for an unknown regime; ShapeError/InputError from {@link checkDataset}.
 */
export function resolveTargets(ds: Dataset, regime: Regime, teacherOpts?: TeacherOptions): Targets {
  if (regime !== 'soft' && regime !== 'hard') {
    throw new InputError('regime', `resolveTargets: expected 'soft' or 'hard', got ${String(regime)}`);
  }
  checkDataset(ds, 'ds');
  if (ds.test) checkDataset(ds.test, 'ds.test');
  if (regime === 'hard') {
    return { p: hardTargets(ds.y), testP: ds.test ? hardTargets(ds.test.y) : undefined, source: 'labels' };
  }
  if (ds.p) return { p: ds.p, testP: ds.test?.p, source: 'dataset' };
  const teacher = makeTeacher(ds, teacherOpts);
  const testP = ds.test && ds.test.n > 0 ? softLabels(teacher.predict(ds.test.X, ds.test.n), teacher.tau) : undefined;
  return { p: teacher.p, testP, source: teacher.kind === 'ntk' ? 'teacher:ntk' : 'teacher:wide-net', teacher };
}

/**
 * Shape and value checks at the training entry: X.length = n·d with finite entries, y ∈ {−1, +1}^n, p ∈ [0, 1]^n.
 * @throws ShapeError on a length mismatch; InputError naming the first bad entry (e.g. "ds.y[3]").
 */
export function checkDataset(ds: Dataset, name: string): void {
  const { n, d, X, y, p } = ds;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new ShapeError(`${name}: n and d must be positive integers, got n = ${n}, d = ${d}`);
  }
  if (X.length !== n * d) throw new ShapeError(`${name}.X has length ${X.length}, expected n·d = ${n}·${d}`);
  if (y.length !== n) throw new ShapeError(`${name}.y has length ${y.length}, expected n = ${n}`);
  for (let k = 0; k < X.length; k++) {
    if (!Number.isFinite(X[k])) throw new InputError(`${name}.X[${Math.floor(k / d)}][${k % d}]`, `expected a finite number, got ${X[k]}`);
  }
  for (let i = 0; i < n; i++) {
    if (y[i] !== 1 && y[i] !== -1) throw new InputError(`${name}.y[${i}]`, `expected -1 or 1, got ${y[i]}`);
  }
  if (p) {
    if (p.length !== n) throw new ShapeError(`${name}.p has length ${p.length}, expected n = ${n}`);
    for (let i = 0; i < n; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) throw new InputError(`${name}.p[${i}]`, `expected a probability in [0, 1], got ${p[i]}`);
    }
  }
}

/**
 * Turn radius 'auto' into a number once the targets are known (see RADIUS_FACTOR_SOFT); numbers pass through.
 * @returns the radius and the rule that produced it, for reports.
 */
export function resolveRadius(radius: number | 'auto', regime: Regime, targets: Targets): { radius: number; radiusRule: string } {
  if (radius !== 'auto') return { radius, radiusRule: Number.isFinite(radius) ? 'given' : 'none (plain GD)' };
  if (regime === 'hard') return { radius: DEFAULT_RADIUS_HARD, radiusRule: 'none (plain GD, hard regime)' };
  const B = targets.teacher?.kind === 'ntk' ? Number(targets.teacher.summary.rkhsNorm) : NaN;
  if (Number.isFinite(B) && B > 0) {
    return { radius: RADIUS_FACTOR_SOFT * B, radiusRule: `auto: ${RADIUS_FACTOR_SOFT} × NTK teacher RKHS norm ${B.toPrecision(4)}` };
  }
  return { radius: Infinity, radiusRule: `auto: none (plain GD) — targets from ${targets.source} have no known RKHS norm` };
}
