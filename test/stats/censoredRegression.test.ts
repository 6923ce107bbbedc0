import { describe, expect, it } from 'vitest';
import jStat from 'jstat';
import { Matrix, inverse } from 'ml-matrix';
import { censoredLogLik, censoredRegression, logNormalCdf, type IntervalObservation } from '../../src/stats/censoredRegression.js';
import { makeRng } from '../../src/rng.js';

/** Exact observations y = 1 + 2·x1 − 0.5·x2 + noise. */
function exactData(n: number, seed: string): { obs: IntervalObservation[]; X: number[][]; y: number[] } {
  const rng = makeRng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = rng.uniform() * 3;
    const x2 = rng.uniform() * 2;
    X.push([1, x1, x2]);
    y.push(1 + 2 * x1 - 0.5 * x2 + 0.3 * rng.normal());
  }
  return { obs: X.map((r, i) => ({ x: r.slice(1), lower: y[i], upper: y[i] })), X, y };
}

describe('logNormalCdf', () => {
  it('matches jStat where jStat is accurate and the tabulated Φ(−10) = 7.619853024160527e-24 in the tail', () => {
    for (const z of [-4.9, -1, 0, 2]) expect(logNormalCdf(z)).toBeCloseTo(Math.log(jStat.normal.cdf(z, 0, 1)), 10);
    // Continued fraction just past the switch point agrees with jStat's erfc (still accurate at −6).
    expect(logNormalCdf(-6)).toBeCloseTo(Math.log(jStat.normal.cdf(-6, 0, 1)), 8);
    expect(Math.exp(logNormalCdf(-10)) / 7.619853024160527e-24).toBeCloseTo(1, 10);
    expect(Number.isFinite(logNormalCdf(-60))).toBe(true);
  });
});

describe('censoredRegression', () => {
  it('uncensored data: β̂ = OLS, σ̂² = RSS/n, and the profile interval has its closed form (oracle: normal equations)', () => {
    const { obs, X, y } = exactData(40, 'ols');
    const fit = censoredRegression(obs, { alpha: 0.05, sigmaMin: 1e-6 });
    const Xm = new Matrix(X);
    const XtXinv = inverse(Xm.transpose().mmul(Xm));
    const beta = XtXinv.mmul(Xm.transpose()).mmul(Matrix.columnVector(y)).to1DArray();
    const rss = y.reduce((a, v, i) => a + (v - X[i].reduce((s, x, k) => s + x * beta[k], 0)) ** 2, 0);
    fit.coef.forEach((c, j) => expect(c).toBeCloseTo(beta[j], 6));
    expect(fit.sigma).toBeCloseTo(Math.sqrt(rss / 40), 6);
    // Profile deviance n·ln(RSS(b)/RSS) with RSS(b) = RSS + (b − b̂)²/[(XᵀX)⁻¹]_jj = χ²_{1,0.95}.
    const chi = jStat.chisquare.inv(0.95, 1);
    for (const j of [0, 1, 2]) {
      const half = Math.sqrt((Math.exp(chi / 40) - 1) * rss * XtXinv.get(j, j));
      expect(fit.intervals[j]!.lower).toBeCloseTo(beta[j] - half, 3);
      expect(fit.intervals[j]!.upper).toBeCloseTo(beta[j] + half, 3);
    }
    expect(fit.censoring.exact).toBe(40);
  });

  it('censored data: the fit is the maximum of the likelihood (oracle: grid search over (a, b, σ))', () => {
    const rng = makeRng('grid');
    const obs: IntervalObservation[] = [];
    for (let i = 0; i < 30; i++) {
      const x = rng.uniform() * 2;
      const y = 0.5 + 1.2 * x + 0.4 * rng.normal();
      // integer-ceiling intervals, right-censored above 2.5, left-censored at ≤ 0
      const up = Math.ceil(y);
      obs.push(y > 2.5 ? { x: [x], lower: 2.5, upper: null } : up <= 0 ? { x: [x], lower: null, upper: 0 } : { x: [x], lower: up - 1, upper: up });
    }
    const fit = censoredRegression(obs, { profile: [] });
    let bestGrid = -Infinity;
    for (let a = -1; a <= 2; a += 0.05) for (let b = 0; b <= 2.5; b += 0.05) for (let s = 0.1; s <= 1.5; s += 0.05) {
      bestGrid = Math.max(bestGrid, censoredLogLik(obs, [a, b], s));
    }
    expect(fit.converged).toBe(true);
    expect(fit.logLik).toBeGreaterThanOrEqual(bestGrid - 1e-9);
    expect(fit.logLik - bestGrid).toBeLessThan(0.05);
    expect(censoredLogLik(obs, fit.coef, fit.sigma)).toBeCloseTo(fit.logLik, 9);
  });

  it('simulated width cells with known exponents: 95% profile intervals cover b = 1.5, c = 0.5 in ≈ 95% of 60 data sets', () => {
    // ln m* = 0.2 + 1.5 ln(1/γ) + 0.5 ln(1/ε) + 0.3 e, m* observed as an integer (interval (m−1, m]), capped at 64.
    const rng = makeRng('coverage');
    let coverB = 0;
    let coverC = 0;
    const reps = 60;
    for (let r = 0; r < reps; r++) {
      const obs: IntervalObservation[] = [];
      for (let i = 0; i < 40; i++) {
        const lg = Math.log(1 / (0.1 + 0.3 * rng.uniform()));
        const le = Math.log(1 / [0.3, 0.1, 0.05, 0.03][i % 4]);
        const m = Math.exp(0.2 + 1.5 * lg + 0.5 * le + 0.3 * rng.normal());
        const k = Math.ceil(m);
        obs.push(k > 64 ? { x: [lg, le], lower: Math.log(64), upper: null } : { x: [lg, le], lower: k === 1 ? null : Math.log(k - 1), upper: Math.log(k) });
      }
      const fit = censoredRegression(obs, { profile: [1, 2] });
      const b = fit.intervals[1]!;
      const c = fit.intervals[2]!;
      if (b.lower <= 1.5 && 1.5 <= b.upper) coverB++;
      if (c.lower <= 0.5 && 0.5 <= c.upper) coverC++;
    }
    // Binomial(60, 0.95): P(X < 52) ≈ 0.007.
    expect(coverB).toBeGreaterThanOrEqual(52);
    expect(coverC).toBeGreaterThanOrEqual(52);
  });

  it('reports an unbounded side when the data cannot bound a coefficient (every cell right-censored)', () => {
    const obs = [0, 1, 2, 3].map((x) => ({ x: [x], lower: 5, upper: null }));
    const fit = censoredRegression(obs, { profile: [1] });
    expect(fit.intervals[1]!.upper).toBe(Infinity);
    expect(fit.censoring.right).toBe(4);
  });

  it('rejects bad input with the field named', () => {
    expect(() => censoredRegression([])).toThrow(/observations/);
    expect(() => censoredRegression([{ x: [1], lower: 2, upper: 1 }])).toThrow(/observations\[0\]/);
    expect(() => censoredRegression([{ x: [1], lower: 0, upper: 1 }, { x: [], lower: 0, upper: 1 }])).toThrow(/observations\[1\]\.x/);
    expect(() => censoredRegression([{ x: [1], lower: 0, upper: 1 }], { alpha: 2 })).toThrow(/alpha/);
  });
});
