/**
 * Student-t confidence interval for a mean, used for paired differences over seeds (one value per seed):
 *   x̄ ± t_{1−α/2, k−1} · s/√k,
 * s the sample standard deviation of the k values. Exact under normality, and robust for symmetric, light-tailed
 * data at k ≥ 10 [RECALLED: Student 1908; any statistics text]. The quantile is jStat's studentt.inv.
 */
import jStat from 'jstat';
import { InputError } from '../errors.js';

export interface MeanInterval {
  mean: number;
  /** Sample standard deviation (k − 1 denominator). */
  sd: number;
  k: number;
  lower: number;
  upper: number;
}

/**
 * Two-sided 1 − α t-interval for the mean of v.
 * @throws InputError('v') for fewer than 2 values or a non-finite value; InputError('alpha') unless α ∈ (0, 1).
 */
export function tMeanInterval(v: readonly number[], alpha = 0.05): MeanInterval {
  const k = v.length;
  if (k < 2) throw new InputError('v', `tMeanInterval: needs at least 2 values, got ${k}`);
  if (!(alpha > 0 && alpha < 1)) throw new InputError('alpha', `tMeanInterval: expected α in (0, 1), got ${alpha}`);
  v.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new InputError(`v[${i}]`, `tMeanInterval: expected a finite value, got ${x}`);
  });
  const mean = v.reduce((s, x) => s + x, 0) / k;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1));
  const half = (jStat.studentt.inv(1 - alpha / 2, k - 1) as number) * (sd / Math.sqrt(k));
  return { mean, sd, k, lower: mean - half, upper: mean + half };
}
