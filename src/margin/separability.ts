/**
 * Whether a dataset is separable by the infinite-width NTK: the one rule every command (margin, train, width)
 * and the report use, decided by certified evidence only.
 *
 *   separable ⟺ a certified lower bound on the NTK margin is > 0, i.e.
 *                 γ_rkhs.lower > 0 (gammaRkhs.ts), or, for d = 2, the exact γ_sup bracket's lower > 0
 *                 (gammaSupExact2d.ts).
 *
 * Either certificate suffices because γ_sup > 0 ⟺ γ_rkhs > 0: with v_q(z) = Σ_i q_i y_i x_i 1[⟨z, x_i⟩ > 0],
 * γ_rkhs² = min_q E_z‖v_q(z)‖² and γ_sup = min_q E_z‖v_q(z)‖ (q in the simplex, z ~ N(0, I_d)), and both minima
 * are 0 exactly when v_q(z) = 0 for almost every z at some q (the simplex is compact, both maps continuous)
 * [INFERRED, our derivation from Ji–Telgarsky 2020 (arXiv 1909.12292) Assumption 2.1 and the NTK feature map].
 * The Monte Carlo γ_sup interval (gammaSup.ts) is not a certificate — it holds with probability 1 − δ only, and
 * its lower end is 0 on data whose margin is far below its sampling error — so it never decides.
 */
import type { Dataset } from '../data/dataset.js';
import { gammaRkhs, type RkhsMargin } from './gammaRkhs.js';
import { datasetGammaRkhs, datasetGram } from './datasetMargin.js';
import { gammaSupExact2d } from './gammaSupExact2d.js';

/** The rule in words, printed beside every separability verdict. */
export const SEPARABILITY_RULE =
  'separable iff a certified lower bound on the NTK margin is > 0: gamma_rkhs.lower > 0, or (d = 2) the exact gamma_sup bracket lower > 0; ' +
  'gamma_sup > 0 iff gamma_rkhs > 0, so either certificate suffices; the Monte Carlo gamma_sup interval never decides (it holds only with probability 1 - delta)';

/** Certified evidence for the rule; absent fields were not computed. */
export interface SeparabilityEvidence {
  /** Certified lower end of γ_rkhs (gammaRkhs(...).lower). */
  rkhsLower?: number;
  /** d = 2 only: certified lower end of the exact γ_sup bracket (gammaSupExact2d(...).lower). */
  supExact2dLower?: number;
}

export interface Separability {
  /** The verdict of the rule. */
  separable: boolean;
  /** Which evidence decided, with its value, e.g. "gamma_rkhs.lower = 2.8209e-5 > 0". */
  decidedBy: string;
  /** SEPARABILITY_RULE. */
  rule: string;
}

/**
 * Apply the rule to the evidence at hand.
 * @param e  certified lower bounds (at least one should be given; with none the data count as not separable).
 * @returns  the verdict, what decided it and the rule. Never throws; NaN evidence counts as no certificate.
 */
export function decideSeparable(e: SeparabilityEvidence): Separability {
  const show = (v: number) => (v === 0 || !Number.isFinite(v) ? String(v) : Math.abs(v) < 1e-3 ? v.toExponential(4) : v.toPrecision(5));
  if (e.rkhsLower !== undefined && e.rkhsLower > 0) {
    return { separable: true, decidedBy: `gamma_rkhs.lower = ${show(e.rkhsLower)} > 0`, rule: SEPARABILITY_RULE };
  }
  if (e.supExact2dLower !== undefined && e.supExact2dLower > 0) {
    return { separable: true, decidedBy: `exact d = 2 gamma_sup.lower = ${show(e.supExact2dLower)} > 0`, rule: SEPARABILITY_RULE };
  }
  const seen = [
    e.rkhsLower !== undefined ? `gamma_rkhs.lower = ${show(e.rkhsLower)}` : null,
    e.supExact2dLower !== undefined ? `exact d = 2 gamma_sup.lower = ${show(e.supExact2dLower)}` : null,
  ].filter((s): s is string => s !== null);
  const decidedBy = seen.length ? `no certified lower bound > 0 (${seen.join(', ')})` : 'no certified lower bound computed';
  return { separable: false, decidedBy, rule: SEPARABILITY_RULE };
}

/**
 * Decide separability of ds from scratch: the NTK Gram, γ_rkhs and, for d = 2 when γ_rkhs does not certify,
 * the exact γ_sup bracket. Costs O(n²d) for the Gram plus the margin solves.
 * @param ds    dataset (rows as the caller has them; the CLI puts them on the unit sphere on read).
 * @param have  an NTK Gram and/or γ_rkhs of ds already computed (reused, not checked).
 * @returns     the verdict, with the γ_rkhs result and Gram it used (for callers that need them next).
 * @throws      ShapeError/InputError from the solvers for malformed data.
 */
export function separabilityOf(
  ds: Dataset,
  have: { gram?: Float64Array; margin?: RkhsMargin } = {},
): Separability & { margin: RkhsMargin; gram: Float64Array } {
  const gram = have.gram ?? datasetGram(ds);
  const margin = have.margin ?? (have.gram ? gammaRkhs(gram, ds.y, ds.n) : datasetGammaRkhs(ds));
  const e: SeparabilityEvidence = { rkhsLower: margin.lower };
  if (!(margin.lower > 0) && ds.d === 2) e.supExact2dLower = gammaSupExact2d(ds.X, ds.y, ds.n).lower;
  return { ...decideSeparable(e), margin, gram };
}
