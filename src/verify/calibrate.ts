/**
 * Calibration of a width law m = C · g(γ, ε) (the laws: src/bounds/laws.ts). If the law has the right form, the
 * ratios r = m* ÷ g(γ, ε) of all cells come from one distribution that does not drift with γ or ε. We model ln r as
 * normal, fit it on the applicable calibration cells, and take as the calibrated constant the upper PREDICTION
 * bound of one new ratio at level 1 − α_case (stats.normalUpperPredictionBound):
 *   Ĉ = exp( mean(ln r) + t_{k−1, 1−α_case} · sd(ln r) · sqrt(1 + 1/k) ),
 * so a fresh cell of a correct law exceeds ⌈Ĉ·g⌉ with probability ≤ α_case (under the model). The plain maximum
 * of the calibration ratios (Cmax) is reported beside it: with k cells a fresh exchangeable cell exceeds that
 * maximum with probability 1/(k + 1), far too often for a verdict. Source: our reading [INFERRED]; prediction
 * bound for a normal sample, e.g. Hahn & Meeker, Statistical Intervals (1991) §4.
 */
import type { WidthLaw } from '../bounds/laws.js';
import type { WidthSearchCell } from './widthCells.js';
import { normalUpperPredictionBound } from '../stats/inference.js';

export interface Calibration {
  /** Ĉ: the upper prediction bound of the ratio (module doc); null with fewer than 3 usable cells. */
  C: number | null;
  /** max over the usable calibration cells of m* ÷ g (for information). */
  Cmax: number | null;
  /** mean and sd of ln r over the usable cells, the t quantile, and α_case. */
  logMean: number;
  logSd: number;
  t: number;
  alphaCase: number;
  /** Cells used (applicable, finite m*) and all cells. */
  used: number;
  total: number;
  gammaRange: [number, number];
  epsRange: [number, number];
  /** Smallest law factor g(γ, ε) over the cells used: fresh cells with a smaller g are easier than calibration. */
  gMin: number;
}

/** Fewest usable calibration cells for a prediction bound (a standard deviation needs k ≥ 2; we ask 3). */
export const MIN_CALIBRATION_CELLS = 3;

/** Fit Ĉ on the calibration cells (module doc). */
export function calibrate(cells: readonly WidthSearchCell[], law: WidthLaw, alphaCase: number): Calibration {
  const used = cells.filter((c) => c.applicable && c.mStar !== null);
  const logR = used.map((c) => Math.log((c.mStar as number) / law.g(c.gamma, c.eps)));
  const gs = used.map((c) => c.gamma);
  const es = used.map((c) => c.eps);
  const base = {
    Cmax: used.length > 0 ? Math.exp(Math.max(...logR)) : null,
    alphaCase,
    used: used.length,
    total: cells.length,
    gammaRange: [Math.min(...gs), Math.max(...gs)] as [number, number],
    epsRange: [Math.min(...es), Math.max(...es)] as [number, number],
    gMin: Math.min(...used.map((c) => law.g(c.gamma, c.eps))),
  };
  if (used.length < MIN_CALIBRATION_CELLS) return { ...base, C: null, logMean: NaN, logSd: NaN, t: NaN };
  const p = normalUpperPredictionBound(logR, alphaCase);
  return { ...base, C: Math.exp(p.bound), logMean: p.mean, logSd: p.sd, t: p.t };
}

/** The predicted width ⌈C·g(γ, ε)⌉. */
export function predictedWidth(C: number, law: WidthLaw, gamma: number, eps: number): number {
  return Math.ceil(C * law.g(gamma, eps));
}
