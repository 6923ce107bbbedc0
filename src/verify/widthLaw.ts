/**
 * The two width laws of the theory and their calibration (claims 7–8 of issue 4):
 *   soft  m ≥ C_soft / (γ² ε)            (Mandal–Lin–Srikant 2024, arXiv 2412.09579, abstract [VERIFIED per the brief])
 *   hard  m ≥ C_hard · ln(1/ε) / γ⁴      (same source; Ji–Telgarsky-type rate)
 * Calibration: C is the smallest constant that covers every applicable calibration cell,
 *   Ĉ = max_cells m* / g(γ, ε),   g = 1/(γ²ε) or ln(1/ε)/γ⁴,
 * and the prediction for a fresh cell is the integer width ⌈Ĉ·g(γ, ε)⌉ (widths are integers and m* is an
 * integer found by bisection, so no grid slack is added). Source: our reading of issue 4 [INFERRED].
 */
import type { Regime } from '../train/targets.js';
import type { WidthSearchCell } from './widthCells.js';

export interface WidthLaw {
  regime: Regime;
  /** The factor g(γ, ε) multiplying C. */
  g(gamma: number, eps: number): number;
  formula: string;
}

export const SOFT_LAW: WidthLaw = { regime: 'soft', g: (gamma, eps) => 1 / (gamma * gamma * eps), formula: 'C_soft/(γ²ε)' };
export const HARD_LAW: WidthLaw = { regime: 'hard', g: (gamma, eps) => Math.log(1 / eps) / gamma ** 4, formula: 'C_hard·ln(1/ε)/γ⁴' };

export interface Calibration {
  /** Ĉ, or null when no calibration cell was applicable with a finite m*. */
  C: number | null;
  /** Cells used (applicable, finite m*) and all cells. */
  used: number;
  total: number;
  gammaRange: [number, number];
  epsRange: [number, number];
  /** Smallest law factor g(γ, ε) over the cells used: fresh cells with a smaller g are easier than calibration. */
  gMin: number;
}

/** Ĉ = max over applicable calibration cells with finite m* of m* ÷ g(γ, ε) (module doc). */
export function calibrate(cells: readonly WidthSearchCell[], law: WidthLaw): Calibration {
  const used = cells.filter((c) => c.applicable && c.mStar !== null);
  const C = used.length > 0 ? Math.max(...used.map((c) => (c.mStar as number) / law.g(c.gamma, c.eps))) : null;
  const gs = used.map((c) => c.gamma);
  const es = used.map((c) => c.eps);
  return {
    C,
    used: used.length,
    total: cells.length,
    gammaRange: [Math.min(...gs), Math.max(...gs)],
    epsRange: [Math.min(...es), Math.max(...es)],
    gMin: Math.min(...used.map((c) => law.g(c.gamma, c.eps))),
  };
}

/** The predicted width ⌈C·g(γ, ε)⌉. */
export function predictedWidth(C: number, law: WidthLaw, gamma: number, eps: number): number {
  return Math.ceil(C * law.g(gamma, eps));
}
