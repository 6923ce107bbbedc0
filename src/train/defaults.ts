/**
 * Default optimiser settings of the two regimes, each a named constant with its reason (every open
 * choice is a named option stated in reports), and the entry checks that turn user options into settings.
 * Full-batch GD: one epoch is one step.
 */
import { InputError } from '../errors.js';
import type { Regime } from './regime.js';

/**
 * Largest step size we document as stable: η_max = 8 [INFERRED + CHECKED]. Reason: in the linearised (NTK)
 * regime the mean loss has Hessian (1/n) Σ_i σ'(f_i) ∇f_i ∇f_iᵀ with σ' ≤ 1/4 and ‖∇_W f_i‖² ≤ ‖x_i‖² ≤ 1,
 * so it is L-smooth with L ≤ 1/4 and GD decreases the loss for η < 2/L = 8. Measured: no loss increase at
 * η ≤ 8 for m ∈ {4, 64, 512} on linear/XOR/random-label data (n = 60, d = 10, T = 400); at η = 16 the m = 4
 * curves start to oscillate. Finiteness holds for every η: ‖∇R̂‖_F ≤ max_i ‖x_i‖, so ‖W(T) − W(0)‖_F ≤ ηT
 * and all losses stay finite (test/train/regimes.test.ts runs η = ETA_MAX and checks no NaN, monotone decrease).
 */
export const ETA_MAX = 8;

/**
 * Default step size η = 4 = ETA_MAX/2 [INFERRED]: half the smoothness limit (a safety factor of 2), and 4×
 * faster than η = 1, which matters because the epoch-averaged loss at fixed T is limited by ηT, not by m.
 */
export const DEFAULT_ETA = 4;

/**
 * Default epochs T = 300 [INFERRED + CHECKED]. Measured with η = 4 on synthetic sets (src/data/synthetic,
 * n = 60, d = 10, 3 seeds, best of widths ≤ 512, criterion 2 of 3): epoch-averaged soft losses reach
 * 0.008–0.044 and hard losses 0.08–0.34, so ε ∈ {0.3, 0.1, 0.05} separates the regimes; an m* search that
 * finds m* costs ≤ 1.5 s CPU and one that finds none (every grid width to 512) ≈ 3 s CPU at n = 60, d = 10,
 * ≈ 10 s at n = 100, d = 20 (reference kernel). Larger T lowers both floors (the loss at fixed ηT hardly
 * depends on m once m ≥ 2–8), at proportional cost.
 */
export const DEFAULT_T = 300;

/**
 * Soft regime default radius R = RADIUS_FACTOR_SOFT · B, B the NTK teacher's RKHS norm (≈ scale/γ), i.e.
 * radius 'auto' [INFERRED + CHECKED]. Reason: the comparator the soft-label analysis needs — the teacher in
 * the student's feature space — has norm ≈ B, plus what cancels the initial output f(·; W(0)). Measured:
 * R = B binds on easy data (loss ×1.3–2); with R = 2B the distance ‖W(T) − W(0)‖_F stayed ≤ 0.71·R at the
 * default T, η (synthetic linear/teacher/xor sets, difficulty 0 and 0.9, m ∈ {2, 32, 256}), so the projection
 * is a safeguard, not an active constraint. Other targets (ds.p, wide-net teacher) have no known B: 'auto'
 * then means plain GD (R = ∞), stated in the result's radiusRule.
 */
export const RADIUS_FACTOR_SOFT = 2;

/** The soft regime's default radius option: 'auto' (RADIUS_FACTOR_SOFT × teacher RKHS norm, else ∞). */
export const DEFAULT_RADIUS_SOFT = 'auto' as const;

/** The hard regime is plain GD on the logistic loss (Ji & Telgarsky 2020, arXiv 1909.12292 §2 [RECALLED]): radius ∞. */
export const DEFAULT_RADIUS_HARD = Infinity;

export interface TrainSettingsInput {
  regime: Regime;
  m: number;
  seed: number | string;
  /** Epochs. @defaultValue DEFAULT_T (300) */
  T?: number;
  /** Step size η > 0. @defaultValue DEFAULT_ETA (4) */
  eta?: number;
  /**
   * Projection radius R > 0 on ‖W − W(0)‖_F, Infinity for plain GD, or 'auto'.
   * @defaultValue 'auto' for soft (see RADIUS_FACTOR_SOFT), DEFAULT_RADIUS_HARD (∞) for hard
   */
  radius?: number | 'auto';
}

export interface TrainSettings {
  m: number;
  seed: string;
  T: number;
  eta: number;
  radius: number | 'auto';
}

/**
 * Fill defaults and check every field.
 * @throws InputError('m') unless a positive integer; InputError('T') unless a non-negative integer;
 *         InputError('eta') unless 0 < η < ∞; InputError('radius') unless R > 0, ∞ or 'auto';
 *         InputError('seed') for an empty or non-finite seed.
 */
export function resolveTrainSettings(opts: TrainSettingsInput): TrainSettings {
  const { m, seed } = opts;
  const { T, eta, radius } = resolveOptimiser(opts);
  if (!Number.isInteger(m) || m < 1) throw new InputError('m', `expected a positive integer width, got ${m}`);
  if ((typeof seed === 'number' && !Number.isFinite(seed)) || String(seed) === '') {
    throw new InputError('seed', `expected a finite number or a non-empty string, got ${String(seed)}`);
  }
  return { m, seed: String(seed), T, eta, radius };
}

/** T, η, radius with defaults filled and checked (see {@link resolveTrainSettings}). */
export function resolveOptimiser(opts: Pick<TrainSettingsInput, 'regime' | 'T' | 'eta' | 'radius'>): {
  T: number;
  eta: number;
  radius: number | 'auto';
} {
  const { T = DEFAULT_T, eta = DEFAULT_ETA } = opts;
  const radius = opts.radius ?? (opts.regime === 'soft' ? DEFAULT_RADIUS_SOFT : DEFAULT_RADIUS_HARD);
  if (!Number.isInteger(T) || T < 0) throw new InputError('T', `expected a non-negative integer number of epochs, got ${T}`);
  if (!(eta > 0) || !Number.isFinite(eta)) throw new InputError('eta', `expected a positive finite step size, got ${eta}`);
  if (radius !== 'auto' && !(radius > 0)) {
    throw new InputError('radius', `expected a positive radius, Infinity (plain GD) or 'auto', got ${String(radius)}`);
  }
  return { T, eta, radius };
}
