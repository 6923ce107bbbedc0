/**
 * Tests for src/stats/meanInterval.ts. Oracles: the t quantile t_{0.975, 4} = 2.776445 (printed tables), a hand
 * computation on 5 values, and coverage by Monte Carlo (normal samples, k = 10: coverage 0.95 ± 3 standard errors).
 */
import { describe, expect, it } from 'vitest';
import { tMeanInterval } from '../../src/stats/meanInterval.js';
import { makeRng } from '../../src/rng.js';

describe('tMeanInterval', () => {
  it('matches a hand computation', () => {
    const v = [1, 2, 3, 4, 5]; // mean 3, sd √2.5
    const r = tMeanInterval(v, 0.05);
    const half = 2.776445 * Math.sqrt(2.5) / Math.sqrt(5);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(r.lower).toBeCloseTo(3 - half, 5);
    expect(r.upper).toBeCloseTo(3 + half, 5);
  });

  it('covers the true mean about 95 % of the time on normal data', () => {
    const rng = makeRng('t-coverage');
    const trials = 2000;
    let hit = 0;
    for (let t = 0; t < trials; t++) {
      const v = Array.from({ length: 10 }, () => 0.3 + 2 * rng.normal());
      const r = tMeanInterval(v);
      if (r.lower <= 0.3 && 0.3 <= r.upper) hit++;
    }
    const se = Math.sqrt((0.95 * 0.05) / trials);
    expect(Math.abs(hit / trials - 0.95)).toBeLessThan(3 * se);
  });

  it('refuses fewer than two values and bad α', () => {
    expect(() => tMeanInterval([1])).toThrow(/v/);
    expect(() => tMeanInterval([1, 2], 1)).toThrow(/alpha/);
    expect(() => tMeanInterval([1, NaN])).toThrow(/v\[1\]/);
  });
});
