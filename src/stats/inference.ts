/**
 * The statistics behind the verdicts: exact binomial (Clopper–Pearson) bounds on a failure rate, the
 * three-way decision rule for "with probability ≥ 1 − δ" claims, percentile-bootstrap confidence intervals,
 * and log-log least-squares fits of m* against 1/γ or 1/ε.
 * Libraries do the numerics: jStat's regularised incomplete beta and its inverse (Clopper–Pearson),
 * simple-statistics' linearRegression, sampleWithReplacement and quantile. Randomness (bootstrap resampling)
 * comes from src/rng.ts, so every interval is reproducible from its seed.
 */
import jStat from 'jstat';
import { linearRegression, quantile, sampleWithReplacement } from 'simple-statistics';
import { InputError } from '../errors.js';
import { makeRng } from '../rng.js';

/** One-sided exact bounds on a binomial proportion, each holding with confidence 1 − α. */
export interface RateBounds {
  /** Clopper–Pearson lower bound: Beta⁻¹(α; k, n − k + 1), 0 when k = 0. */
  lower: number;
  /** Clopper–Pearson upper bound: Beta⁻¹(1 − α; k + 1, n − k), 1 when k = n. */
  upper: number;
}

/**
 * Clopper–Pearson one-sided bounds for k failures in n Bernoulli trials (each bound at level 1 − α, so the
 * pair is a 1 − 2α two-sided interval). Exact: P(rate < lower) ≤ α and P(rate > upper) ≤ α for every rate.
 * Source: Clopper & Pearson 1934, Biometrika 26:404; the beta-quantile form, e.g.
 * https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval [RECALLED]; [CHECKED] against the closed
 * forms 1 − α^{1/n} (k = 0) and α^{1/n} (k = n) and R's binom.test in test/stats/inference.test.ts.
 * @throws InputError('k' | 'n' | 'alpha') unless 0 ≤ k ≤ n are integers, n ≥ 1 and 0 < α < 1.
 */
export function clopperPearson(k: number, n: number, alpha: number): RateBounds {
  checkCounts('clopperPearson', k, n);
  checkAlpha('clopperPearson', alpha);
  const lower = k === 0 ? 0 : jStat.beta.inv(alpha, k, n - k + 1);
  const upper = k === n ? 1 : jStat.beta.inv(1 - alpha, k + 1, n - k);
  return { lower, upper };
}

/**
 * Upper binomial tail P(X ≥ k) for X ~ Bin(n, p) = I_p(k, n − k + 1) (regularised incomplete beta):
 * the exact one-sided p-value of k failures under H0: rate = p (and the largest one over rate ≤ p).
 * Source: the beta–binomial identity [VERIFIED textbook]. @throws InputError as clopperPearson, or for p ∉ [0, 1].
 */
export function binomialTail(k: number, n: number, p: number): number {
  checkCounts('binomialTail', k, n);
  if (!(p >= 0 && p <= 1)) throw new InputError('p', `binomialTail: p must lie in [0, 1], got ${p}`);
  if (k === 0) return 1;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return jStat.ibeta(p, k, n - k + 1);
}

/** The outcome of testing an observed failure count against a claimed failure probability δ. */
export interface RateTest extends RateBounds {
  failures: number;
  trials: number;
  delta: number;
  alpha: number;
  /** P(Bin(trials, δ) ≥ failures): small ⇒ evidence that the failure rate exceeds δ. */
  pValue: number;
  verdict: 'verified' | 'refuted' | 'inconclusive';
}

/**
 * Decision rule for "the failure rate is at most δ" from k failures in n independent trials, at level α:
 *   refuted      ⟺ Clopper–Pearson lower bound > δ  (⟺ exact binomial test of H0: rate ≤ δ rejects at α);
 *   verified     ⟺ Clopper–Pearson upper bound ≤ δ  (the data exclude rate > δ at level α);
 *   inconclusive otherwise (too few trials, or a rate near δ).
 * Error rates: P(refuted | rate ≤ δ) ≤ α (false alarm) and P(verified | rate > δ) ≤ α (false assurance).
 * Verifying needs n ≥ ln(1/α)/δ trials even with zero failures (1 − α^{1/n} ≤ δ).
 * Source: our rule [INFERRED] built on Clopper–Pearson 1934 [RECALLED].
 * @throws InputError for bad counts, α ∉ (0, 1) or δ ∉ [0, 1].
 */
export function rateVerdict(failures: number, trials: number, delta: number, alpha: number): RateTest {
  if (!(delta >= 0 && delta <= 1)) throw new InputError('delta', `rateVerdict: δ must lie in [0, 1], got ${delta}`);
  const { lower, upper } = clopperPearson(failures, trials, alpha);
  const verdict = lower > delta ? 'refuted' : upper <= delta ? 'verified' : 'inconclusive';
  return { failures, trials, delta, alpha, lower, upper, pValue: binomialTail(failures, trials, delta), verdict };
}

/** A percentile-bootstrap interval. */
export interface BootstrapInterval {
  /** The statistic on the full sample. */
  estimate: number;
  /** α/2 and 1 − α/2 percentiles of the resampled statistic (two-sided 1 − α). */
  lower: number;
  upper: number;
  /** Resamples used, and those dropped because the statistic was not finite (e.g. all x equal). */
  resamples: number;
  dropped: number;
}

export interface BootstrapOptions {
  /** Number of resamples B. @defaultValue 2000 */
  resamples?: number;
  /** Two-sided level: the interval has coverage 1 − α. @defaultValue 0.05 */
  alpha?: number;
  /** Seed of the resampling stream. @defaultValue 0 */
  seed?: number | string;
}

/**
 * Percentile bootstrap (Efron 1979): resample the data with replacement B times, recompute the statistic,
 * report its α/2 and 1 − α/2 quantiles. Coverage is approximate (it is a large-sample method); reports say so.
 * Source: Efron & Tibshirani 1993, ch. 13 [RECALLED]; resampling by simple-statistics sampleWithReplacement.
 * @throws InputError('data') for fewer than 2 points; InputError('resamples' | 'alpha') for bad options.
 */
export function bootstrapCI<T>(data: readonly T[], statistic: (sample: T[]) => number, opts: BootstrapOptions = {}): BootstrapInterval {
  const { resamples = 2000, alpha = 0.05, seed = 0 } = opts;
  if (data.length < 2) throw new InputError('data', `bootstrapCI: needs at least 2 points, got ${data.length}`);
  if (!Number.isInteger(resamples) || resamples < 10) throw new InputError('resamples', `bootstrapCI: need an integer ≥ 10, got ${resamples}`);
  checkAlpha('bootstrapCI', alpha);
  const rng = makeRng(seed);
  const values: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const v = statistic(sampleWithReplacement([...data], data.length, rng.uniform));
    if (Number.isFinite(v)) values.push(v);
  }
  const estimate = statistic([...data]);
  if (values.length === 0) return { estimate, lower: NaN, upper: NaN, resamples, dropped: resamples };
  values.sort((a, b) => a - b);
  return {
    estimate,
    lower: quantile(values, alpha / 2),
    upper: quantile(values, 1 - alpha / 2),
    resamples,
    dropped: resamples - values.length,
  };
}

/** A least-squares line ln y = intercept + slope · ln x. */
export interface LogLogFit {
  slope: number;
  intercept: number;
  /** Number of (x, y) points fitted. */
  points: number;
}

/**
 * Least-squares fit of ln y on ln x (simple-statistics linearRegression on the logs): the power law
 * y ≈ e^intercept · x^slope. Returns slope NaN when all x are equal (no line is determined).
 * @throws InputError('x' | 'y') when lengths differ, fewer than 2 points are given, or a value is not > 0.
 */
export function logLogFit(x: readonly number[], y: readonly number[]): LogLogFit {
  if (x.length !== y.length) throw new InputError('y', `logLogFit: x has ${x.length} points, y has ${y.length}`);
  if (x.length < 2) throw new InputError('x', `logLogFit: needs at least 2 points, got ${x.length}`);
  const pts = x.map((xi, i) => {
    if (!(xi > 0) || !(y[i] > 0)) throw new InputError(xi > 0 ? `y[${i}]` : `x[${i}]`, `logLogFit: values must be > 0, got (${xi}, ${y[i]})`);
    return [Math.log(xi), Math.log(y[i])];
  });
  const distinct = new Set(pts.map((p) => p[0])).size;
  if (distinct < 2) return { slope: NaN, intercept: NaN, points: x.length };
  const { m, b } = linearRegression(pts);
  return { slope: m, intercept: b, points: x.length };
}

/**
 * Log-log slope with a percentile-bootstrap interval (pairs resampled; resamples with one distinct x dropped).
 * @throws InputError as {@link logLogFit} and {@link bootstrapCI}.
 */
export function bootstrapLogLogSlope(x: readonly number[], y: readonly number[], opts: BootstrapOptions = {}): BootstrapInterval & LogLogFit {
  const fit = logLogFit(x, y);
  const pairs = x.map((xi, i) => [xi, y[i]] as const);
  const ci = bootstrapCI(pairs, (s) => logLogFit(s.map((p) => p[0]), s.map((p) => p[1])).slope, opts);
  return { ...fit, ...ci };
}

/**
 * One-sided normal-theory upper prediction bound for ONE new observation from the same normal population as
 * the sample xs (size k ≥ 2): x̄ + t_{k−1, 1−α} · s · sqrt(1 + 1/k), s the sample standard deviation.
 * P(new ≤ bound) = 1 − α exactly when the data are i.i.d. normal.
 * Source: Hahn & Meeker 1991, Statistical Intervals, §4.4 [RECALLED]; t quantile from jStat.studentt.inv.
 * [CHECKED] against a hand computation with the tabulated t_{4, 0.95} = 2.131847 in test/stats/inference.test.ts.
 * @throws InputError('xs') for fewer than 2 finite values; InputError('alpha') unless 0 < α < 1.
 */
export function normalUpperPredictionBound(xs: readonly number[], alpha: number): { bound: number; mean: number; sd: number; t: number; k: number } {
  checkAlpha('normalUpperPredictionBound', alpha);
  const k = xs.length;
  if (k < 2 || xs.some((v) => !Number.isFinite(v))) throw new InputError('xs', `normalUpperPredictionBound: needs at least 2 finite values, got ${k}`);
  const mean = xs.reduce((a, b) => a + b, 0) / k;
  const sd = Math.sqrt(xs.reduce((a, v) => a + (v - mean) ** 2, 0) / (k - 1));
  const t = jStat.studentt.inv(1 - alpha, k - 1);
  return { bound: mean + t * sd * Math.sqrt(1 + 1 / k), mean, sd, t, k };
}

function checkCounts(fn: string, k: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new InputError('n', `${fn}: trials n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new InputError('k', `${fn}: failures k must be an integer in [0, n = ${n}], got ${k}`);
}

function checkAlpha(fn: string, alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new InputError('alpha', `${fn}: α must lie in (0, 1), got ${alpha}`);
}
