/**
 * The statistics behind the paper reproduction's verdicts: a paired sign test, a Spearman trend test with a
 * (stratified) permutation p-value, a percentile bootstrap interval for a mean, and Holm's step-down
 * correction. Library calls where a library has the routine: jStat's incomplete beta (binomial tails),
 * simple-statistics' Spearman ρ (midranks for ties) and mean; permutations and resamples draw from the
 * suite's seeded Rng (never Math.random, which simple-statistics' own permutationTest uses).
 */
import jStat from 'jstat';
import { mean, sampleRankCorrelation } from 'simple-statistics';
import { InputError } from '../errors.js';
import type { Rng } from '../rng.js';

export interface SignTest {
  /** Pairs with d > 0, d < 0, d = 0 (ties are dropped, as in the classical sign test). */
  wins: number;
  losses: number;
  ties: number;
  /** P(Bin(N, ½) ≥ wins), N = wins + losses: evidence that the first member tends to be larger. */
  pGreater: number;
  /** P(Bin(N, ½) ≥ losses): evidence that the first member tends to be smaller. */
  pLess: number;
}

/**
 * Exact one-sided sign tests of paired differences d_k = a_k − b_k against a zero median
 * (Conover, Practical Nonparametric Statistics, §3.4 [RECALLED]). With N = 0 non-tied pairs both p are 1.
 * @throws InputError('d[k]') for a non-finite difference.
 * Source: jStat 1.9.6's regularised incomplete beta [VERIFIED in use]; [CHECKED] against hand values and 2^−80
 * in test/stats/pairedTests.test.ts.
 */
export function signTest(d: readonly number[]): SignTest {
  let wins = 0;
  let losses = 0;
  let ties = 0;
  d.forEach((v, k) => {
    if (!Number.isFinite(v)) throw new InputError(`d[${k}]`, `signTest: expected a finite difference, got ${v}`);
    if (v > 0) wins++;
    else if (v < 0) losses++;
    else ties++;
  });
  const N = wins + losses;
  // P(Bin(N, ½) ≥ k) = I_{½}(k, N − k + 1), the regularised incomplete beta (Abramowitz & Stegun 26.5.24
  // [RECALLED]): relative accuracy in the far tail, where jStat.binomial.cdf rounds to 1e-10 absolute.
  const upper = (k: number) => (k <= 0 ? 1 : Math.min(1, jStat.ibeta(0.5, k, N - k + 1)));
  return { wins, losses, ties, pGreater: N === 0 ? 1 : upper(wins), pLess: N === 0 ? 1 : upper(losses) };
}

/**
 * Two Spearman ρ within this distance count as tied in the permutation count (both sides, the conservative
 * choice): ρ is a ratio of sums of O(n) midranks, so rounding differs between orderings by a few ulps.
 */
export const RHO_TIE_SLACK = 1e-12;

export interface TrendTest {
  /** Spearman's ρ between x and y (midranks); null when x or y has no rank variance. */
  rho: number | null;
  /** Permutation p-values, (1 + #{ρ_perm ≥ ρ})/(B + 1) and (1 + #{ρ_perm ≤ ρ})/(B + 1); 1 when rho is null. */
  pIncreasing: number;
  pDecreasing: number;
  permutations: number;
}

/**
 * Spearman trend test of y against x with a Monte Carlo permutation p-value (Phipson & Smyth 2010's
 * (1 + b)/(B + 1), exact-size for any B [RECALLED]). When strata are given, y is permuted only within each
 * stratum (e.g. within a seed whose images are shared across noise levels), the null being "no effect of x
 * within a stratum" [INFERRED: the standard restricted-permutation design].
 * @param x, y      equal-length samples.  @param strata  optional stratum label per point.
 * @param B         number of random permutations (≥ 1).  @param rng  seeded generator.
 * @throws InputError for unequal lengths, fewer than 3 points or B < 1.
 */
export function spearmanTrend(x: readonly number[], y: readonly number[], B: number, rng: Rng, strata?: readonly (string | number)[]): TrendTest {
  if (x.length !== y.length || (strata && strata.length !== x.length))
    throw new InputError('spearmanTrend', `x, y (and strata) must have equal lengths, got ${x.length}, ${y.length}${strata ? `, ${strata.length}` : ''}`);
  if (x.length < 3) throw new InputError('spearmanTrend', `needs at least 3 points, got ${x.length}`);
  if (!Number.isInteger(B) || B < 1) throw new InputError('permutations', `expected a positive integer, got ${B}`);
  const rho = sampleRankCorrelation(x, y);
  if (!Number.isFinite(rho)) return { rho: null, pIncreasing: 1, pDecreasing: 1, permutations: B };
  const groups = new Map<string | number, number[]>();
  x.forEach((_, k) => {
    const key = strata ? strata[k] : 0;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  });
  const yp = y.slice();
  let ge = 0;
  let le = 0;
  for (let b = 0; b < B; b++) {
    for (const idx of groups.values()) {
      for (let i = idx.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = yp[idx[i]];
        yp[idx[i]] = yp[idx[j]];
        yp[idx[j]] = t;
      }
    }
    const r = sampleRankCorrelation(x, yp);
    if (!(r < rho - RHO_TIE_SLACK)) ge++;
    if (!(r > rho + RHO_TIE_SLACK)) le++;
  }
  return { rho, pIncreasing: (1 + ge) / (B + 1), pDecreasing: (1 + le) / (B + 1), permutations: B };
}

/**
 * Percentile bootstrap interval for the mean (Efron & Tibshirani 1993, §13.3 [RECALLED]).
 * @param level  two-sided coverage, e.g. 0.95.  @returns [lower, upper]; [v, v] for a single value.
 * @throws InputError for an empty sample, B < 1 or level outside (0, 1).
 */
export function bootstrapMeanCi(v: readonly number[], B: number, level: number, rng: Rng): [number, number] {
  if (v.length === 0) throw new InputError('bootstrapMeanCi', 'needs at least one value');
  if (!Number.isInteger(B) || B < 1) throw new InputError('bootstrap', `expected a positive integer, got ${B}`);
  if (!(level > 0 && level < 1)) throw new InputError('level', `expected a coverage in (0, 1), got ${level}`);
  const means = new Float64Array(B);
  const n = v.length;
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += v[rng.int(n)];
    means[b] = s / n;
  }
  means.sort();
  const lo = means[Math.floor(((1 - level) / 2) * (B - 1))];
  const hi = means[Math.ceil((1 - (1 - level) / 2) * (B - 1))];
  return [lo, hi];
}

/**
 * Holm's step-down adjusted p-values (Holm 1979, Scand. J. Statist. 6:65–70 [RECALLED]):
 * sort p ascending, p̃_(i) = max_{j ≤ i} min(1, (k − j + 1) p_(j)); returned in the input order.
 * Controls the family-wise error rate at α when every p̃ ≤ α is declared significant.
 */
export function holm(p: readonly number[]): number[] {
  const k = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(k);
  let running = 0;
  order.forEach(([v, i], j) => {
    running = Math.max(running, Math.min(1, (k - j) * v));
    out[i] = running;
  });
  return out;
}

/** Arithmetic mean via simple-statistics (throws on an empty list, as simple-statistics does). */
export function meanOf(v: readonly number[]): number {
  return mean(v as number[]);
}
