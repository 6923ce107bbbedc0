import { describe, expect, it } from 'vitest';
import { softFavoured, softFavouredBoundaryEps } from '../../src/bounds/laws.js';

describe('softFavouredBoundaryEps', () => {
  it('solves γ² = ε·ln(1/ε) on ε < 1/e, and softFavoured changes sides across it (oracle: the equation and the predicate)', () => {
    for (const gamma of [0.01, 0.05, 0.1, 0.3, 0.5]) {
      const e = softFavouredBoundaryEps(gamma)!;
      expect(e).toBeGreaterThan(0);
      expect(e).toBeLessThan(1 / Math.E);
      expect(e * Math.log(1 / e)).toBeCloseTo(gamma * gamma, 10);
      expect(softFavoured(gamma, e * 1.01)).toBe(true);
      expect(softFavoured(gamma, e * 0.99)).toBe(false);
    }
  });
  it('is null where γ² ≥ 1/e (no ε favours soft labels on that branch)', () => {
    expect(softFavouredBoundaryEps(Math.sqrt(1 / Math.E) + 1e-9)).toBeNull();
  });
});
