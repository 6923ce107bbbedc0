/**
 * Everything `ntk-verify margin` prints: both margin readings with their brackets, and the diagnostics of the
 * NTK Gram (λ_min, λ_max, cond), as a JSON-ready plain object (numbers, strings, booleans, null; no typed arrays).
 */
import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { gramSpectrum } from '../linalg/spectrum.js';
import { ntkGram } from '../ntk/analytic.js';
import { GAMMA_READING, SUP_CONFIDENCE, SUP_SAMPLES } from './constants.js';
import { gammaRkhs } from './gammaRkhs.js';
import { gammaSup } from './gammaSup.js';
import { gammaSupExact2d } from './gammaSupExact2d.js';
import { decideSeparable, type SeparabilityEvidence } from './separability.js';

export interface MarginReport {
  n: number;
  d: number;
  /** RKHS reading: γ² = min_{q∈Δ} qᵀQq, certified bracket; gap = (upper − lower)/upper. */
  gammaRkhs?: { lower: number; upper: number; gap: number; iterations: number; status: string; supportSize: number };
  /** Sup-norm (Ji–Telgarsky) reading by Monte Carlo: estimate and a (confidence)-level interval. */
  gammaSup?: {
    estimate: number;
    lower: number;
    upper: number;
    samples: number;
    confidence: number;
    seed: string;
    heldOut: number;
    finiteLower: number;
    finiteUpper: number;
    finiteGap: number;
    iterations: number;
    method: string;
  };
  /** d = 2 only: γ_sup computed exactly (finite sum over arcs, no sampling error), certified bracket. */
  gammaSupExact2d?: { lower: number; upper: number; gap: number; iterations: number; status: string };
  /** Extreme eigenvalues and 2-norm condition number of the infinite-width NTK Gram (null cond: singular). */
  lambdaMin: number;
  lambdaMax: number;
  cond: number | null;
  spectrumMethod: string;
  /**
   * Separable by the NTK, by the one rule of src/margin/separability.ts: a certified lower bound > 0 (γ_rkhs,
   * or the exact d = 2 γ_sup). γ_rkhs is solved for this even under --kind sup (unless d = 2 certifies).
   */
  separable: boolean;
  /** The evidence that decided `separable`, with its value. */
  separableBy: string;
  /** The rule, in words (SEPARABILITY_RULE). */
  separableRule: string;
  /** Max and min input norms (the range statements below assume unit-norm inputs). */
  maxNorm: number;
  minNorm: number;
  notes: string[];
}

export interface MarginReportOptions {
  /** Which reading(s). @defaultValue GAMMA_READING = 'both' */
  kind?: 'rkhs' | 'sup' | 'both';
  /** Monte Carlo directions for γ_sup. @defaultValue SUP_SAMPLES */
  samples?: number;
  /** Seed of the γ_sup direction sampler. @defaultValue 0 */
  seed?: number | string;
  /** Confidence of the γ_sup interval. @defaultValue SUP_CONFIDENCE */
  confidence?: number;
}

/**
 * @param ds  dataset (n×d inputs, labels ±1).
 * @throws InputError for an unknown kind; ShapeError/InputError from the solvers for bad data.
 */
export function marginReport(ds: Dataset, opts: MarginReportOptions = {}): MarginReport {
  const kind = opts.kind ?? GAMMA_READING;
  if (kind !== 'rkhs' && kind !== 'sup' && kind !== 'both') throw new InputError('--kind', `marginReport: expected rkhs|sup|both, got ${String(kind)}`);
  const { n, d, X, y } = ds;
  const K = ntkGram(X, n, d);
  const spec = gramSpectrum(K, n);
  let maxNorm = 0;
  let minNorm = Infinity;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let k = 0; k < d; k++) r += X[i * d + k] ** 2;
    maxNorm = Math.max(maxNorm, Math.sqrt(r));
    minNorm = Math.min(minNorm, Math.sqrt(r));
  }
  const out: MarginReport = {
    n,
    d,
    lambdaMin: spec.lambdaMin,
    lambdaMax: spec.lambdaMax,
    cond: Number.isFinite(spec.cond) ? spec.cond : null,
    spectrumMethod: spec.method,
    separable: false,
    separableBy: '',
    separableRule: '',
    maxNorm,
    minNorm,
    notes: [],
  };
  const notes = out.notes;
  const evidence: SeparabilityEvidence = {};
  if (kind !== 'sup') {
    const r = gammaRkhs(K, y, n);
    out.gammaRkhs = {
      lower: r.lower,
      upper: r.upper,
      gap: r.relGap,
      iterations: r.iterations,
      status: r.status,
      supportSize: r.q.reduce((s, v) => s + (v > 0 ? 1 : 0), 0),
    };
    evidence.rkhsLower = r.lower;
    notes.push(
      'gammaRkhs: RKHS reading, gamma^2 = min over the simplex of q^T Q q with Q_ij = y_i y_j K(x_i,x_j), K the infinite-width NTK; ' +
        '[lower, upper] is certified (upper from a feasible q, lower from the unit-norm witness), solver MDM / pairwise Frank-Wolfe.',
    );
    if (!r.separable) notes.push('gammaRkhs: NOT SEPARABLE (lower = 0): the NTK cannot separate these labels (e.g. a parallel pair with opposite labels); width bounds in 1/gamma do not apply.');
    if (r.status === 'max-iter') notes.push(`gammaRkhs: iteration cap reached; the bracket is valid but its relative gap is ${r.relGap.toExponential(2)}.`);
  }
  if (kind !== 'rkhs') {
    const seed = opts.seed ?? 0;
    const s = gammaSup(X, y, n, d, { samples: opts.samples ?? SUP_SAMPLES, seed, confidence: opts.confidence ?? SUP_CONFIDENCE });
    out.gammaSup = {
      estimate: s.estimate,
      lower: s.lower,
      upper: s.upper,
      samples: s.samples,
      confidence: s.confidence,
      seed: String(seed),
      heldOut: s.heldOut,
      finiteLower: s.finite.lower,
      finiteUpper: s.finite.upper,
      finiteGap: s.finite.relGap,
      iterations: s.finite.iterations,
      method: s.method,
    };
    if (d === 2) {
      const ex = gammaSupExact2d(X, y, n);
      out.gammaSupExact2d = { lower: ex.lower, upper: ex.upper, gap: ex.relGap ?? NaN, iterations: ex.iterations, status: ex.status ?? 'converged' };
      evidence.supExact2dLower = ex.lower;
      notes.push('gammaSupExact2d: d = 2, so gamma_sup is also computed exactly (the activation pattern is constant on 2n arcs); certified bracket, no sampling error.');
    }
    notes.push(
      'gammaSup: sup-norm reading (Ji-Telgarsky Assumption 2.1), gamma = min over the simplex of E_z ||sum_i q_i y_i x_i 1[<z,x_i> > 0]||, z ~ N(0, I_d), ' +
        `by Monte Carlo with ${s.samples} directions (+${s.samples} fresh for the upper end); [lower, upper] holds with probability >= ${s.confidence}; estimate is the in-sample optimum (biased low).`,
    );
    if (!s.separable) notes.push('gammaSup: the Monte Carlo lower end is 0 at this sample size (more --samples may raise it); it does not decide separability (see separableRule).');
  }
  // --kind sup without the exact d = 2 certificate: solve γ_rkhs for the verdict alone (one rule for every kind).
  if (evidence.rkhsLower === undefined && !(evidence.supExact2dLower !== undefined && evidence.supExact2dLower > 0)) {
    evidence.rkhsLower = gammaRkhs(K, y, n).lower;
  }
  const sep = decideSeparable(evidence);
  out.separable = sep.separable;
  out.separableBy = sep.decidedBy;
  out.separableRule = sep.rule;
  if (Math.abs(maxNorm - 1) > 1e-9 || Math.abs(minNorm - 1) > 1e-9) {
    notes.push('inputs are not on the unit sphere: the ranges gammaSup <= 1/2 and gammaRkhs <= 1/sqrt(2) assume unit-norm inputs.');
  }
  if (out.cond === null) notes.push('cond: the NTK Gram is singular at working precision (lambdaMin <= 0).');
  notes.push('order: gammaSup <= gammaRkhs (Jensen); on the unit sphere gammaSup <= 1/2 and gammaRkhs <= 1/sqrt(2).');
  return out;
}
