import { describe, expect, it } from 'vitest';
import { binomialTail, bootstrapCI, bootstrapLogLogSlope, clopperPearson, logLogFit, normalUpperPredictionBound, rateVerdict } from '../../src/stats/inference.js';
import { makeRng } from '../../src/rng.js';

/** Second algorithm: P(X ≥ k), X ~ Bin(n, p), by summing the pmf with log-gamma-free recurrences. */
function tailBySum(k: number, n: number, p: number): number {
  let pmf = (1 - p) ** n; // P(X = 0)
  let s = k <= 0 ? pmf : 0;
  for (let j = 1; j <= n; j++) {
    pmf *= ((n - j + 1) / j) * (p / (1 - p));
    if (j >= k) s += pmf;
  }
  return s;
}

describe('clopperPearson', () => {
  it('matches the closed forms at k = 0 and k = n (oracle: 1 − α^{1/n}, α^{1/n})', () => {
    expect(clopperPearson(0, 50, 0.01).upper).toBeCloseTo(1 - 0.01 ** (1 / 50), 7);
    expect(clopperPearson(0, 50, 0.01).lower).toBe(0);
    expect(clopperPearson(30, 30, 0.05).lower).toBeCloseTo(0.05 ** (1 / 30), 7);
    expect(clopperPearson(30, 30, 0.05).upper).toBe(1);
  });

  it('matches R binom.test(5, 20)$conf.int = 0.08657147 0.49104587 (oracle: R 4.x, recalled)', () => {
    const { lower, upper } = clopperPearson(5, 20, 0.025);
    expect(lower).toBeCloseTo(0.08657147, 5);
    expect(upper).toBeCloseTo(0.49104587, 5);
  });

  it('inverts the exact binomial tail (oracle: pmf summation): P(X ≥ k | lower) = α, P(X ≤ k | upper) = α', () => {
    for (const [k, n, alpha] of [[3, 40, 0.01], [12, 100, 0.05], [1, 7, 0.1]] as const) {
      const { lower, upper } = clopperPearson(k, n, alpha);
      expect(tailBySum(k, n, lower)).toBeCloseTo(alpha, 6);
      expect(1 - tailBySum(k + 1, n, upper)).toBeCloseTo(alpha, 6);
    }
  });

  it('rejects bad counts with the field name', () => {
    expect(() => clopperPearson(5, 3, 0.05)).toThrow(/^k: clopperPearson/);
    expect(() => clopperPearson(0, 0, 0.05)).toThrow(/^n: clopperPearson/);
    expect(() => clopperPearson(0, 3, 1)).toThrow(/^alpha: clopperPearson/);
  });
});

describe('binomialTail', () => {
  it('equals the pmf sum (second algorithm)', () => {
    for (const [k, n, p] of [[0, 10, 0.3], [4, 10, 0.3], [25, 200, 0.05], [200, 200, 0.5]] as const) {
      expect(binomialTail(k, n, p)).toBeCloseTo(tailBySum(k, n, p), 10);
    }
  });
});

describe('rateVerdict', () => {
  it('verifies 0 of 200 at δ = 0.05, α = 0.001 (upper = 1 − 0.001^{1/200} ≈ 0.0339 ≤ δ)', () => {
    const t = rateVerdict(0, 200, 0.05, 0.001);
    expect(t.upper).toBeCloseTo(1 - 0.001 ** (1 / 200), 7);
    expect(t.verdict).toBe('verified');
  });
  it('is inconclusive with too few trials: 0 of 100 at δ = 0.05, α = 0.001 (upper ≈ 0.067 > δ)', () => {
    expect(rateVerdict(0, 100, 0.05, 0.001).verdict).toBe('inconclusive');
  });
  it('refutes 40 of 200 at δ = 0.05 (binomial p-value ≈ 1e-12 by pmf sum)', () => {
    const t = rateVerdict(40, 200, 0.05, 0.001);
    expect(t.verdict).toBe('refuted');
    expect(t.pValue).toBeCloseTo(tailBySum(40, 200, 0.05), 14);
  });
  it('false alarm ≤ α at a true rate exactly δ (oracle: exact binomial sum over k)', () => {
    const n = 300, delta = 0.05, alpha = 0.01;
    let pRefute = 0;
    let pmf = (1 - delta) ** n;
    for (let k = 0; k <= n; k++) {
      if (k > 0) pmf *= ((n - k + 1) / k) * (delta / (1 - delta));
      if (rateVerdict(k, n, delta, alpha).verdict === 'refuted') pRefute += pmf;
    }
    expect(pRefute).toBeLessThanOrEqual(alpha);
    expect(pRefute).toBeGreaterThan(alpha / 4); // exact tests are conservative, not vacuous
  });
});

describe('logLogFit / bootstrap', () => {
  it('recovers an exact power law y = 3 x^2 (oracle: closed form)', () => {
    const x = [1, 2, 4, 8, 16];
    const fit = logLogFit(x, x.map((v) => 3 * v * v));
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(Math.log(3), 12);
    const b = bootstrapLogLogSlope(x, x.map((v) => 3 * v * v), { resamples: 200, seed: 1 });
    expect(b.lower).toBeCloseTo(2, 10);
    expect(b.upper).toBeCloseTo(2, 10);
    expect(b.dropped).toBeGreaterThanOrEqual(0);
  });

  it('bootstrap CI of a mean agrees with the normal-theory interval mean ± 1.96 s/√n (oracle: CLT, n = 400)', () => {
    const rng = makeRng('boot');
    const xs = Array.from({ length: 400 }, () => rng.normal() * 2 + 1);
    const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    const m = mean(xs);
    const sd = Math.sqrt(xs.reduce((a, v) => a + (v - m) ** 2, 0) / (xs.length - 1));
    const half = (1.96 * sd) / Math.sqrt(xs.length);
    const ci = bootstrapCI(xs, mean, { resamples: 2000, seed: 7 });
    // Monte Carlo error of a 2.5% quantile with B = 2000 is ≈ 0.1·half; allow 0.2·half.
    expect(Math.abs(ci.lower - (m - half))).toBeLessThan(0.2 * half);
    expect(Math.abs(ci.upper - (m + half))).toBeLessThan(0.2 * half);
  });

  it('hand computation on two points: slope = ln(8/2)/ln(4/1) = 1', () => {
    expect(logLogFit([1, 4], [2, 8]).slope).toBeCloseTo(1, 14);
  });

  it('needs two distinct x: slope NaN otherwise', () => {
    expect(logLogFit([2, 2], [1, 3]).slope).toBeNaN();
  });

  it('rejects non-positive values with the field name', () => {
    expect(() => logLogFit([1, 0], [1, 2])).toThrow(/^x\[1\]/);
    expect(() => logLogFit([1, 2], [1, -2])).toThrow(/^y\[1\]/);
  });
});

describe('normalUpperPredictionBound', () => {
  it('matches the hand value 3 + 2.131847·1.581139·sqrt(1.2) for xs = 1..5, α = 0.05 (oracle: t table, 4 df)', () => {
    const r = normalUpperPredictionBound([1, 2, 3, 4, 5], 0.05);
    expect(r.t).toBeCloseTo(2.131847, 5);
    expect(r.bound).toBeCloseTo(3 + 2.131847 * Math.sqrt(2.5) * Math.sqrt(1.2), 5);
  });
  it('covers a new normal draw with probability 1 − α (oracle: Monte Carlo, 4000 repetitions, 3σ binomial band)', () => {
    const rng = makeRng('pred');
    let miss = 0;
    const reps = 4000;
    for (let r = 0; r < reps; r++) {
      const xs = Array.from({ length: 6 }, () => rng.normal());
      if (rng.normal() > normalUpperPredictionBound(xs, 0.1).bound) miss++;
    }
    const sd = Math.sqrt((0.1 * 0.9) / reps);
    expect(Math.abs(miss / reps - 0.1)).toBeLessThan(3 * sd);
  });
});
