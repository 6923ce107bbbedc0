/**
 * Width laws tested by their exponents. A law m* ≤ C · logFactor(ε) · γ^(−β) · ε^(−κ) (src/bounds/laws.ts) is read
 * as a statement about how fast m* may grow: the regression
 *     ln m* − ln logFactor(ε) = a + b · ln(1/γ) + c · ln(1/ε) + σ·e,   e ~ N(0, 1),
 * fitted to measured cells, must not give b > β or c > κ. Every cell enters as the interval it really measures
 * (src/stats/censoredRegression.ts, the interval-censored normal model):
 *   - found:      m* ∈ (last failing width below m*, m*], i.e. (m* − 1, m*] for the exact bisection (lower 0 at m* = 1);
 *   - above-cap:  no width up to the cap reached ε, m* ∈ (cap, ∞);
 *   - T-limited:  the epoch budget, not the width, limited the search (src/bounds/lossFloor.ts); with enough epochs
 *                 the width needed is no larger than the one found, m* ∈ (0, m*] (our reading [INFERRED]), and
 *                 (0, ∞) — no information — when nothing was found.
 * No cell is left out, and nothing about a cell depends on the law under test.
 * Verdict (one regime's law): refuted when b's or c's interval lies above β or κ (the data grow faster than the law
 * allows); verified when both intervals are bounded and neither lies above; inconclusive when an interval is
 * unbounded (too few or too censored cells). The looseness β − b and κ − c is reported as a finding.
 * Error rate: each interval is two-sided at level 1 − α, so a law whose exponent equals the true one is refuted by
 * one coefficient with probability ≈ α/2, by either of the two ≤ α (Bonferroni), under the model.
 * Model caveats (stated in reports): cells of one dataset at several ε share that dataset's deviation from the
 * line; the fit treats them as independent, which narrows the intervals when such deviations are large.
 * Source: our reading [INFERRED] of the O(·) laws of Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract as
 * exponent bounds; the model and method are those of src/stats/censoredRegression.ts.
 */
import type { Against, WidthLaw } from '../bounds/laws.js';
import { censoredRegression, type CensoredFit, type CoefficientInterval, type IntervalObservation } from '../stats/censoredRegression.js';
import type { Verdict } from './types.js';
import type { WidthSearchCell } from './widthCells.js';

/**
 * Why a cell's interval is open on one side, or why it is no evidence: 'T-capped' (the theory budget was clamped) is
 * kept like 'T-limited' as (0, m*]; 'trivial' cells (f ≡ 0 or a single-sign neuron meets the criterion,
 * src/verify/cellMeasures.ts) are listed but enter no fit and decide no order.
 */
export type Censoring = 'none' | 'above-cap' | 'T-limited' | 'T-capped' | 'trivial';

/** One width cell as the interval it measures (see module doc): m* ∈ (lower, upper], upper null = ∞. */
export interface WidthInterval {
  gamma: number;
  eps: number;
  /** Largest width known to fail below m* (0 when none). */
  lower: number;
  /** m* (null: above the search cap, or nothing found under a T limit). */
  upper: number | null;
  censoring: Censoring;
}

/** Two-sided level of the exponent intervals: 99 % (α = 0.01; module doc). */
export const EXPONENT_ALPHA = 0.01;
/** σ floor of the noise model on ln m*: 5 % of a width (src/stats/censoredRegression.ts). */
export const EXPONENT_SIGMA_MIN = 0.05;

/**
 * The interval a measured cell gives (module doc), from its censoring record (src/verify/widthCells.ts `censor`):
 * found ⇒ (last failing width, m*]; above the cap ⇒ (cap, ∞); T-limited or T-capped ⇒ (0, m*] (with more epochs the
 * width needed could only be smaller; our reading); trivial ⇒ marked, kept out of every fit.
 */
export function widthInterval(c: Pick<WidthSearchCell, 'gamma' | 'eps' | 'censor' | 'trivial'>): WidthInterval {
  const base = { gamma: c.gamma, eps: c.eps };
  const { lower, upper, reason } = c.censor;
  if (c.trivial.trivial) return { ...base, lower: 0, upper, censoring: 'trivial' };
  if (reason === 'T-limited' || reason === 'T-capped') return { ...base, lower: 0, upper, censoring: reason };
  return { ...base, lower, upper, censoring: reason === 'exact' ? 'none' : 'above-cap' };
}

/** The cells that are evidence (all but the trivial ones). */
export const evidenceCells = (cells: readonly WidthInterval[]): WidthInterval[] => cells.filter((c) => c.censoring !== 'trivial');

/** The regression's observations for a law (its log factor as an offset). */
export function exponentObservations(cells: readonly WidthInterval[], law: WidthLaw): IntervalObservation[] {
  return evidenceCells(cells).map((c) => {
    const offset = Math.log(law.logFactor(c.eps));
    return {
      x: [Math.log(1 / c.gamma), Math.log(1 / c.eps)],
      lower: c.lower > 0 ? Math.log(c.lower) - offset : null,
      upper: c.upper === null ? null : Math.log(c.upper) - offset,
    };
  });
}

export interface ExponentTest {
  verdict: Exclude<Verdict, 'not-applicable'>;
  /** b (in 1/γ) and c (in 1/ε) with their intervals; null when the cells do not vary enough to fit them. */
  b: CoefficientInterval | null;
  c: CoefficientInterval | null;
  fit: CensoredFit | null;
  /** Why the verdict is what it is, in words. */
  reason: string;
}

/** Distinct values of a covariate needed to fit its exponent. */
export const MIN_DISTINCT = 3;

/**
 * Fit the exponents of a law's regime on these cells and decide (module doc).
 * @throws InputError from the regression for cells with non-positive γ or ε.
 */
export function testLawExponents(cells: readonly WidthInterval[], law: WidthLaw, alpha = EXPONENT_ALPHA): ExponentTest {
  const distinct = (f: (c: WidthInterval) => number) => new Set(cells.map(f)).size;
  if (distinct((c) => c.gamma) < MIN_DISTINCT || distinct((c) => c.eps) < MIN_DISTINCT) {
    return { verdict: 'inconclusive', b: null, c: null, fit: null, reason: `fewer than ${MIN_DISTINCT} distinct γ or ε among ${cells.length} cells` };
  }
  const fit = censoredRegression(exponentObservations(cells, law), { alpha, sigmaMin: EXPONENT_SIGMA_MIN, profile: [1, 2] });
  const b = fit.intervals[1] as CoefficientInterval;
  const c = fit.intervals[2] as CoefficientInterval;
  const { invGamma: beta, invEps: kappa } = law.exponents;
  const above = [b.lower > beta ? `b's interval lies above β = ${beta}` : '', c.lower > kappa ? `c's interval lies above κ = ${kappa}` : ''].filter(Boolean);
  if (above.length) return { verdict: 'refuted', b, c, fit, reason: `${above.join(' and ')}: m* grows faster than ${law.formula} allows` };
  const unbounded = [b, c].some((i) => !Number.isFinite(i.lower) || !Number.isFinite(i.upper)) || !fit.converged;
  if (unbounded) return { verdict: 'inconclusive', b, c, fit, reason: 'an exponent interval is unbounded: the cells are too few or too censored to bound it' };
  return { verdict: 'verified', b, c, fit, reason: `both intervals bounded and compatible with β = ${beta}, κ = ${kappa}` };
}

/** The looseness of a law's exponent against a fitted interval: exponent − estimate, with its interval. */
export function looseness(exponent: number, i: CoefficientInterval): { estimate: number; lower: number; upper: number } {
  return { estimate: exponent - i.estimate, lower: exponent - i.upper, upper: exponent - i.lower };
}

/** Metrics of an exponent test under a prefix (results.json fields, see the claims that use it). */
export function exponentMetrics(t: ExponentTest, law: WidthLaw, cells: readonly WidthInterval[]): Record<string, number | string | boolean | null> {
  const side = (name: string, i: CoefficientInterval | null, exponent: number, against: Against) => ({
    [`${name}`]: i?.estimate ?? null,
    [`${name}Lower`]: finiteOrNull(i?.lower),
    [`${name}Upper`]: finiteOrNull(i?.upper),
    [`${name}Law`]: exponent,
    [`${name}Looseness`]: i ? exponent - i.estimate : null,
    [`${name}Against`]: against,
  });
  return {
    ...side('b', t.b, law.exponents.invGamma, 'invGamma'),
    ...side('c', t.c, law.exponents.invEps, 'invEps'),
    intercept: t.fit?.coef[0] ?? null,
    sigma: t.fit?.sigma ?? null,
    sigmaAtFloor: t.fit?.sigmaAtFloor ?? null,
    logLik: t.fit?.logLik ?? null,
    intervalLevel: 1 - EXPONENT_ALPHA,
    logFactor: law.logFactorText || 'none',
    fitCells: cells.length,
    censoredAboveCap: cells.filter((c) => c.censoring === 'above-cap').length,
    censoredTLimited: cells.filter((c) => c.censoring === 'T-limited').length,
    censoredTCapped: cells.filter((c) => c.censoring === 'T-capped').length,
    trivial: cells.filter((c) => c.censoring === 'trivial').length,
    atFloorM1: cells.filter((c) => c.censoring === 'none' && c.upper === 1).length,
  };
}

/** "b = 0.74 [0.24, 1.25]" with ±∞ for unbounded ends. */
export function fmtInterval(i: CoefficientInterval | null, f: (x: number) => string): string {
  if (!i) return '—';
  const end = (x: number) => (Number.isFinite(x) ? f(x) : x > 0 ? '∞' : '−∞');
  return `${f(i.estimate)} [${end(i.lower)}, ${end(i.upper)}]`;
}

function finiteOrNull(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

/**
 * One log-log slope of m* with every cell kept as its interval: ln m* = a_group + s·ln(1/γ) (or ln(1/ε)) by the
 * interval-censored fit, with one intercept per group (e.g. per dataset in an ε sweep, so that only the change
 * of m* within a dataset determines the slope). Null with fewer than {@link MIN_DISTINCT} distinct x values.
 * @param groups  a group label per cell (same order), or undefined for one common intercept.
 */
export function censoredSlope(cells: readonly WidthInterval[], against: Against, groups?: readonly string[], alpha = EXPONENT_ALPHA): (CoefficientInterval & { sigma: number }) | null {
  const x = (c: WidthInterval) => Math.log(1 / (against === 'invGamma' ? c.gamma : c.eps));
  const keep = cells.map((c) => c.censoring !== 'trivial');
  if (keep.some((k) => !k)) return censoredSlope(cells.filter((_, i) => keep[i]), against, groups?.filter((_, i) => keep[i]), alpha);
  if (new Set(cells.map(x)).size < MIN_DISTINCT) return null;
  const labels = groups ? [...new Set(groups)] : [];
  const obs = cells.map((c, i) => ({
    x: [x(c), ...labels.slice(1).map((g) => (groups?.[i] === g ? 1 : 0))],
    lower: c.lower > 0 ? Math.log(c.lower) : null,
    upper: c.upper === null ? null : Math.log(c.upper),
  }));
  const fit = censoredRegression(obs, { alpha, sigmaMin: EXPONENT_SIGMA_MIN, profile: [1] });
  return { ...(fit.intervals[1] as CoefficientInterval), sigma: fit.sigma };
}
