/**
 * Tests for src/stats/pairedTests.ts. Oracles: binomial tail probabilities by hand, exact permutation
 * distributions enumerated by hand (4! = 24 orderings; 2 × 2 within-stratum swaps), Holm's procedure by hand,
 * and the normal-theory interval for the bootstrap of a mean.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapMeanCi, holm, signTest, spearmanTrend } from '../../src/stats/pairedTests.js';
import { makeRng } from '../../src/rng.js';
import { InputError } from '../../src/errors.js';

/** Monte Carlo tolerance for a permutation p-value estimated with B draws: 5 binomial standard deviations. */
const mcTol = (p: number, B: number) => 5 * Math.sqrt((p * (1 - p)) / B);

describe('signTest', () => {
  it('matches hand-computed binomial tails (9 wins, 1 loss, 2 ties)', () => {
    const d = [...Array(9).fill(0.1), -0.2, 0, 0];
    const t = signTest(d);
    expect([t.wins, t.losses, t.ties]).toEqual([9, 1, 2]);
    // P(Bin(10, ½) ≥ 9) = (C(10,9) + C(10,10))/2^10 = 11/1024; P(≥ 1) = 1 − 1/1024.
    expect(t.pGreater).toBeCloseTo(11 / 1024, 12);
    expect(t.pLess).toBeCloseTo(1023 / 1024, 12);
  });

  it('keeps tiny tails accurate (80 wins, 0 losses: p = 2^-80, not 0)', () => {
    expect(signTest(Array(80).fill(1)).pGreater / 2 ** -80).toBeCloseTo(1, 9);
  });

  it('gives p = 1 both ways when every pair is tied or there are none', () => {
    expect(signTest([0, 0, 0])).toMatchObject({ pGreater: 1, pLess: 1, ties: 3 });
    expect(signTest([])).toMatchObject({ pGreater: 1, pLess: 1 });
  });

  it('refuses a non-finite difference, naming its index', () => {
    expect(() => signTest([0.1, NaN])).toThrow(InputError);
    expect(() => signTest([0.1, NaN])).toThrow(/d\[1\]/);
  });
});

describe('spearmanTrend', () => {
  it('estimates the exact permutation p-value 1/24 of a perfect 4-point trend', () => {
    const B = 20000;
    const t = spearmanTrend([1, 2, 3, 4], [10, 20, 30, 40], B, makeRng('spearman-4'));
    expect(t.rho).toBeCloseTo(1, 12);
    // Only the identity ordering of 4! = 24 reaches ρ = 1.
    expect(Math.abs(t.pIncreasing - 1 / 24)).toBeLessThan(mcTol(1 / 24, B));
    expect(t.pDecreasing).toBe(1);
  });

  it('permutes only within strata: exact p = 1/4 for two strata of two points', () => {
    const B = 20000;
    // Within each stratum the two y values can be swapped: 4 equally likely arrangements, ρ = 1 only unswapped.
    const t = spearmanTrend([0, 1, 0, 1], [0, 1, 0, 1], B, makeRng('strata'), ['a', 'a', 'b', 'b']);
    expect(t.rho).toBeCloseTo(1, 12);
    expect(Math.abs(t.pIncreasing - 1 / 4)).toBeLessThan(mcTol(1 / 4, B));
  });

  it('detects a decreasing trend and reports no ρ without rank variance', () => {
    const x = [0, 0, 1, 1, 2, 2, 3, 3];
    const t = spearmanTrend(x, x.map((v) => 5 - v), 999, makeRng('dec'));
    expect(t.rho).toBeCloseTo(-1, 12);
    expect(t.pDecreasing).toBeLessThan(0.05);
    const flat = spearmanTrend(x, x.map(() => 1), 99, makeRng('flat'));
    expect(flat).toMatchObject({ rho: null, pIncreasing: 1, pDecreasing: 1 });
  });

  it('refuses unequal lengths, too few points and B < 1', () => {
    expect(() => spearmanTrend([1, 2, 3], [1, 2], 9, makeRng(1))).toThrow(InputError);
    expect(() => spearmanTrend([1, 2], [1, 2], 9, makeRng(1))).toThrow(/at least 3/);
    expect(() => spearmanTrend([1, 2, 3], [1, 2, 3], 0, makeRng(1))).toThrow(/permutations/);
  });
});

describe('holm', () => {
  it('matches the step-down procedure by hand', () => {
    // sorted 0.01 (×3 = 0.03), 0.03 (×2 = 0.06), 0.04 (×1 = 0.04 → running max 0.06).
    const adj = holm([0.01, 0.04, 0.03]);
    expect(adj[0]).toBeCloseTo(0.03, 15);
    expect(adj[1]).toBeCloseTo(0.06, 15);
    expect(adj[2]).toBeCloseTo(0.06, 15);
    expect(holm([0.6, 0.9])).toEqual([1, 1]);
  });
});

describe('bootstrapMeanCi', () => {
  it('agrees with the normal-theory interval mean ± 1.96 s/√n for a large Gaussian sample', () => {
    const rng = makeRng('boot-data');
    const n = 400;
    const v = Array.from({ length: n }, () => 2 + rng.normal());
    const m = v.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
    const se = s / Math.sqrt(n);
    const [lo, hi] = bootstrapMeanCi(v, 4000, 0.95, makeRng('boot'));
    // Quantile Monte Carlo error ≈ 0.04 se at B = 4000; the percentile bootstrap's bias is O(1/n) for a mean.
    expect(Math.abs(lo - (m - 1.96 * se))).toBeLessThan(0.25 * se);
    expect(Math.abs(hi - (m + 1.96 * se))).toBeLessThan(0.25 * se);
  });

  it('collapses to the value for a constant sample and checks its inputs', () => {
    expect(bootstrapMeanCi([0.3, 0.3, 0.3], 50, 0.9, makeRng(2))).toEqual([0.3, 0.3]);
    expect(() => bootstrapMeanCi([], 10, 0.9, makeRng(2))).toThrow(InputError);
    expect(() => bootstrapMeanCi([1], 10, 1, makeRng(2))).toThrow(/level/);
  });
});
