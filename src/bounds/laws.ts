/**
 * The paper's width laws, in one place: every claim, plot and report reads them from here.
 *
 *   soft labels (projected GD on the KL loss to a kernel-limit teacher):  m_soft(γ, ε) = C_soft / (γ² ε)
 *   hard labels (plain GD on the logistic loss):                          m_hard(γ, ε) = C_hard · ln(1/ε) / γ⁴
 *
 * where m is the width at which the epoch-averaged training loss reaches ε and γ is the NTK margin. Written as
 * m = C · g(γ, ε), the factors are g_soft = 1/(γ²ε) and g_hard = ln(1/ε)/γ⁴ ({@link SOFT_LAW}, {@link HARD_LAW});
 * their log-log slopes are 2 in 1/γ and 1 in 1/ε (soft), 4 in 1/γ and ln(1/ε) growth (hard) ({@link THEORY_SLOPE}).
 * With equal constants the soft bound is the smaller one iff γ² < ε·ln(1/ε) ({@link softFavoured}), and the
 * bounds' ratio m_hard/m_soft = ε·ln(1/ε)/γ² ({@link boundsRatio}) has log-log slope 2 in 1/γ
 * ({@link BOUNDS_RATIO_SLOPE}).
 * Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract, the orders O(1/(γ²ε)) and O(ln(1/ε)/γ⁴)
 * [RECALLED; the theorem text was not available to us]; the constants C_SOFT, C_HARD are ours
 * (src/bounds/constants.ts); the width claims test the exponents β, κ (src/verify/widthExponents.ts), not C.
 */
import type { Regime } from '../train/regime.js';
import { checkGamma, checkPositive } from './checkArgs.js';
import { C_HARD, C_SOFT } from './constants.js';

/** The variable a log-log slope is taken in: 1/γ at fixed ε, or 1/ε at fixed γ. */
export type Against = 'invGamma' | 'invEps';
/** A law's log-log slope; 'ln' marks growth like ln(1/ε), which has no constant log-log slope. */
export type TheorySlope = number | 'ln';

/** One width law m = C · g(γ, ε) with g = logFactor(ε) · γ^(−β) · ε^(−κ). */
export interface WidthLaw {
  regime: Regime;
  /** The factor g(γ, ε) multiplying C (γ > 0, 0 < ε; unchecked: callers check their inputs). */
  g(gamma: number, eps: number): number;
  /** The law as printed in reports. */
  formula: string;
  /** Log-log slope of g in 1/γ and in 1/ε. */
  slope: Record<Against, TheorySlope>;
  /** The power exponents β (of 1/γ) and κ (of 1/ε), the log factor left out (the exponent fits test these). */
  exponents: Record<Against, number>;
  /** The law's log factor (1 when it has none), e.g. ln(1/ε) for hard labels (0 < ε < 1; unchecked). */
  logFactor(eps: number): number;
  /** How the log factor is printed ('' when there is none). */
  logFactorText: string;
}

/** The parts a power law with a log factor is built from (see {@link powerLaw}). */
export interface PowerLawSpec {
  regime: Regime;
  formula: string;
  beta: number;
  kappa: number;
  /** @defaultValue no log factor (1) */
  logFactor?: { f: (eps: number) => number; text: string };
}

/**
 * A width law C · logFactor(ε) · γ^(−β) · ε^(−κ). The paper's two laws below are built with it, and so are the
 * deliberately wrong laws of the mutants (properties/mutants/), so that every law is read the same way.
 */
export function powerLaw(spec: PowerLawSpec): WidthLaw {
  const { beta, kappa } = spec;
  const lf = spec.logFactor;
  const logFactor = lf ? lf.f : () => 1;
  return {
    regime: spec.regime,
    g: (gamma, eps) => logFactor(eps) * gamma ** -beta * eps ** -kappa,
    formula: spec.formula,
    slope: { invGamma: beta, invEps: lf ? (kappa === 0 ? 'ln' : kappa) : kappa },
    exponents: { invGamma: beta, invEps: kappa },
    logFactor,
    logFactorText: lf ? lf.text : '',
  };
}

/** Soft labels: g = 1/(γ²ε), slopes 2 in 1/γ and 1 in 1/ε. */
export const SOFT_LAW: WidthLaw = powerLaw({ regime: 'soft', formula: 'C_soft/(γ²ε)', beta: 2, kappa: 1 });

/** Hard labels: g = ln(1/ε)/γ⁴, slope 4 in 1/γ and ln(1/ε) growth in 1/ε (power exponent κ = 0). */
export const HARD_LAW: WidthLaw = powerLaw({
  regime: 'hard',
  formula: 'C_hard·ln(1/ε)/γ⁴',
  beta: 4,
  kappa: 0,
  logFactor: { f: (eps) => Math.log(1 / eps), text: 'ln(1/ε)' },
});

/** The law of each regime. */
export const WIDTH_LAWS: Record<Regime, WidthLaw> = { soft: SOFT_LAW, hard: HARD_LAW };

/** The theory's log-log slopes of m* per regime (for the slope plots and `report diff`). */
export const THEORY_SLOPE: Record<Regime, Record<Against, TheorySlope>> = { soft: SOFT_LAW.slope, hard: HARD_LAW.slope };

/**
 * Soft-label width bound C_soft/(γ²ε).
 * @param gamma  NTK margin γ > 0 (which reading — rkhs or sup — is the caller's choice and must be reported).
 * @param eps    target epoch-averaged loss ε > 0 (nats).
 * @param C      constant in front. @defaultValue C_SOFT
 * @returns      the real-valued bound (a width m satisfies it iff m ≥ this; not rounded).
 * @throws       PreconditionError if γ ≤ 0 or not finite; InputError('eps' | 'C') for non-positive values.
 * @example      widthSoft(0.1, 0.1) === 1000 (up to rounding)
 */
export function widthSoft(gamma: number, eps: number, C: number = C_SOFT): number {
  checkGamma('widthSoft', gamma);
  checkPositive('widthSoft', 'eps', eps);
  checkPositive('widthSoft', 'C', C);
  return C / (gamma * gamma * eps);
}

/**
 * Hard-label width bound C_hard·ln(1/ε)/γ⁴.
 * @param gamma  NTK margin γ > 0.
 * @param eps    target epoch-averaged loss, 0 < ε < 1 (ln(1/ε) must be positive).
 * @param C      constant in front. @defaultValue C_HARD
 * @returns      the real-valued bound (not rounded).
 * @throws       PreconditionError if γ ≤ 0 or not finite; InputError('eps') unless 0 < ε < 1;
 *               InputError('C') for a non-positive constant.
 * @example      widthHard(0.5, Math.exp(-1)) === 16 (up to rounding)
 */
export function widthHard(gamma: number, eps: number, C: number = C_HARD): number {
  checkGamma('widthHard', gamma);
  checkPositive('widthHard', 'eps', eps, true);
  checkPositive('widthHard', 'C', C);
  return (C * Math.log(1 / eps)) / gamma ** 4;
}

/**
 * The bounds favour soft labels (equal constants): C/(γ²ε) < C·ln(1/ε)/γ⁴ ⟺ γ² < ε·ln(1/ε). For ε < 0.56,
 * γ ≤ ε implies it. Unchecked inputs (γ > 0, 0 < ε < 1 expected).
 */
export const softFavoured = (gamma: number, eps: number): boolean => gamma * gamma < eps * Math.log(1 / eps);

/**
 * The ε on the bounds' boundary γ² = ε·ln(1/ε) for a margin γ, on the branch 0 < ε < 1/e where ε·ln(1/ε) rises
 * (bisection to 1e-12 relative); null when γ² ≥ 1/e (then every ε < 1/e favours hard labels). For drawing the
 * boundary of {@link softFavoured} in (γ, ε) planes. Unchecked γ > 0.
 */
export function softFavouredBoundaryEps(gamma: number): number | null {
  const g2 = gamma * gamma;
  if (!(g2 < 1 / Math.E)) return null;
  let lo = 0;
  let hi = 1 / Math.E;
  for (let k = 0; k < 200 && hi - lo > 1e-12 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (mid * Math.log(1 / mid) < g2) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The bounds' ratio m_hard/m_soft with equal constants: ε·ln(1/ε)/γ² (unchecked inputs). */
export const boundsRatio = (gamma: number, eps: number): number => (eps * Math.log(1 / eps)) / (gamma * gamma);

/** Log-log slope of the bounds' ratio in 1/γ at fixed ε: 4 − 2 = 2. */
export const BOUNDS_RATIO_SLOPE = (HARD_LAW.slope.invGamma as number) - (SOFT_LAW.slope.invGamma as number);
