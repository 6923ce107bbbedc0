/**
 * What a width cell records beyond m*: the two readings of "loss ≤ ε", the trivial-cell test, censoring and the
 * lazy-regime diagnostics at m*.
 *
 * Criteria of the m* search (one per run, `verify --criterion`, stated in every report's Assumptions):
 *   'objective' — the regime's own training objective, epoch-averaged: (1/T) Σ_{t<T} R̂(W(t)) ≤ ε, KL to the soft
 *                 labels or logistic loss on hard labels (the reading of the width theorems, 2412.09579 abstract);
 *   'relative'  — the same epoch average divided by the regime's trivial objective R̂(f ≡ 0) ≤ ε (one fraction of
 *                 each regime's do-nothing loss; exact as the objective criterion with ε·R̂(f ≡ 0), early exits kept);
 *   'logistic'  — the logistic loss on the TRUE labels of the final iterate W(T) ≤ ε, for both regimes (one
 *                 yardstick: the classification loss; final iterate because the training loop accumulates only
 *                 the objective; no early exit is exact for it, so its runs train to the end).
 * Source: the criteria are our reading [INFERRED] of "loss ≤ ε" in Mandal–Lin–Srikant 2024 (arXiv 2412.09579)
 * abstract; the lazy rule is ours after Ji & Telgarsky 2020 (arXiv 1909.12292) §2–3 [RECALLED].
 */
import { InputError } from '../errors.js';
import { bernoulliEntropy, klLogit, logisticLoss } from '../model/losses.js';
import type { TwoLayerNet } from '../model/twoLayer.js';
import { flippedFraction, frobeniusMovement } from '../train/lazyMetrics.js';

/** The m* criteria (module doc). */
export type Criterion = 'objective' | 'relative' | 'logistic';
export const CRITERIA: readonly Criterion[] = ['objective', 'relative', 'logistic'];
/** Default criterion: the regime's own epoch-averaged objective, as the width theorems state it [INFERRED]. */
export const DEFAULT_CRITERION: Criterion = 'objective';

/** @throws InputError('criterion') unless c is one of {@link CRITERIA}. */
export function checkCriterion(c: unknown): Criterion {
  if (!CRITERIA.includes(c as Criterion)) throw new InputError('criterion', `expected one of ${CRITERIA.join(', ')}, got ${String(c)}`);
  return c as Criterion;
}

/**
 * Lazy-regime rule [INFERRED]: a trained student is LAZY when at most LAZY_RULE.maxFlips of its n·m activation
 * indicators flipped and its first layer moved by at most LAZY_RULE.maxMovement of its initial norm,
 * ‖W(T) − W(0)‖_F/‖W(0)‖_F. Both tend to 0 as m → ∞ in the NTK analyses (movement O(1/√m) relative); 5 % and 10 %
 * are our thresholds for "the linearisation at W(0) still describes the trained net".
 */
export const LAZY_RULE = { maxFlips: 0.05, maxMovement: 0.1 } as const;

/** The four losses of a trained cell (nats; 0-1 error a fraction), at the width it was measured. */
export interface CellLosses {
  /** Epoch-averaged training objective (1/T) Σ_{t<T} R̂(W(t)) (KL to the soft labels, or logistic on hard labels). */
  objective: number;
  /** Training objective of the final iterate R̂(W(T)). */
  objectiveFinal: number;
  /** Logistic loss on the true labels at W(T), (1/n) Σ ln(1 + e^{−y_i f_i}). */
  logistic: number;
  /** 0-1 training error at W(T) (sign(0) counts as +1). */
  zeroOne: number;
  /** objective / trivialObjective: the epoch-averaged objective relative to f ≡ 0 (null when R̂(f ≡ 0) = 0). */
  relative: number | null;
  /** The regime's objective of the trivial predictor f ≡ 0: mean KL(p_i ‖ 1/2) = ln 2 − mean H(p_i). */
  trivialObjective: number;
}

/** Lazy diagnostics of one trained student (see {@link LAZY_RULE}). */
export interface LazyStatus {
  /** Width at which they were measured (m*, or the search cap when m* was not reached). */
  m: number;
  flipFraction: number;
  /** ‖W(T) − W(0)‖_F / ‖W(0)‖_F (null when W(0) = 0). */
  relMovement: number | null;
  lazy: boolean;
}

/**
 * Where m* lies: (lower, upper] in widths, upper null when unbounded. reason:
 *   'exact'      — found by the search: lower = the last failing width, upper = m*;
 *   'above-cap'  — no width up to the cap reached the criterion: (mMax, ∞);
 *   'T-limited'  — found, but the loss floor at the reference width is above ε/2 (src/bounds/lossFloor.ts): m* measures
 *                  the epoch budget rather than width; kept as censored;
 *   'T-capped'   — found, but the theory budget T(γ, ε) was clamped at its cap: a longer run could only lower the
 *                  loss, so m* at the theory budget is ≤ the measured one: (0, m*].
 */
export interface Censoring {
  lower: number;
  upper: number | null;
  reason: 'exact' | 'above-cap' | 'T-limited' | 'T-capped';
}

/** Trivial-cell test: what already meets the criterion without learning anything. */
export interface TrivialStatus {
  /** f ≡ 0 meets the criterion. */
  zeroPredictor: boolean;
  /** A one-neuron student with output sign +1 or −1 meets it. */
  singleSign: boolean;
  /** Either: the cell is no evidence about width. */
  trivial: boolean;
}

/** R̂(f ≡ 0) = (1/n) Σ KL(Bern(p_i) ‖ Bern(1/2)). @param p targets in [0, 1]. */
export function trivialObjective(p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.LN2 - bernoulliEntropy(p[i]);
  return p.length > 0 ? s / p.length : 0;
}

/** (1/n) Σ ln(1 + e^{−y_i f_i}). */
export function meanLogistic(f: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += logisticLoss(f[i], y[i]);
  return f.length > 0 ? s / f.length : 0;
}

/** Fraction of i with sign(f_i) ≠ y_i, sign(0) = +1. */
export function zeroOneError(f: Float64Array, y: Float64Array): number {
  let e = 0;
  for (let i = 0; i < f.length; i++) if ((f[i] < 0 ? -1 : 1) !== y[i]) e++;
  return f.length > 0 ? e / f.length : 0;
}

/** (1/n) Σ KL(Bern(p_i) ‖ Bern(σ(f_i))), the objective at outputs f. */
export function meanObjective(f: Float64Array, p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += klLogit(f[i], p[i]);
  return f.length > 0 ? s / f.length : 0;
}

/** The four losses from a run's epoch average and its final outputs f = f(x_i; W(T)). */
export function cellLosses(objectiveAvg: number, f: Float64Array, p: Float64Array, y: Float64Array): CellLosses {
  const trivial = trivialObjective(p);
  return {
    objective: objectiveAvg,
    objectiveFinal: meanObjective(f, p),
    logistic: meanLogistic(f, y),
    zeroOne: zeroOneError(f, y),
    relative: trivial > 0 ? objectiveAvg / trivial : null,
    trivialObjective: trivial,
  };
}

/** The lazy diagnostics of a trained net against its initial copy on the training inputs X (n×d). */
export function lazyStatus(net: TwoLayerNet, net0: TwoLayerNet, X: Float64Array, n: number): LazyStatus {
  const flipFraction = flippedFraction(net, net0, X, n);
  const zero = { ...net0, W: new Float64Array(net0.W.length) };
  const norm0 = frobeniusMovement(net0, zero);
  const relMovement = norm0 > 0 ? frobeniusMovement(net, net0) / norm0 : null;
  return { m: net.m, flipFraction, relMovement, lazy: relMovement !== null && flipFraction <= LAZY_RULE.maxFlips && relMovement <= LAZY_RULE.maxMovement };
}

/**
 * The threshold the search compares a run's reported value with, for a criterion at target ε: ε itself
 * ('objective', 'logistic') or ε·R̂(f ≡ 0) ('relative').
 */
export function searchEps(criterion: Criterion, eps: number, p: Float64Array): number {
  return criterion === 'relative' ? eps * trivialObjective(p) : eps;
}

/** Does f ≡ 0 meet the criterion at ε? (objective: R̂(0) ≤ ε; relative: 1 ≤ ε; logistic: ln 2 ≤ ε.) */
export function zeroMeets(criterion: Criterion, eps: number, p: Float64Array): boolean {
  if (criterion === 'objective') return trivialObjective(p) <= eps;
  return criterion === 'relative' ? 1 <= eps : Math.LN2 <= eps;
}
