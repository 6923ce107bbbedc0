/**
 * Claim:      (a) the Monte Carlo γ_sup interval contains the exact d = 2 value (its stated coverage is ≥ 0.999
 *             here), and (b) the γ_rkhs bracket agrees with an independent QP solver (quadprog, Goldfarb–Idnani).
 * Source:     (a) interval method in src/margin/gammaSup.ts (Bernstein, δ/2 per side)
 *             [INFERRED]; (b) quadprog = port of R's quadprog::solve.QP [VERIFIED README]. Expect: verified.
 * Predicate:  (a) lower_MC ≤ upper_exact and upper_MC ≥ lower_exact. (b) tolerance-free cross-certificates: the
 *             certified upper bound at quadprog's q is ≥ our lower bound and vice versa, plus |γ_qp − γ| within
 *             both bracket widths.
 * Confidence: (a) 30 runs at coverage 0.999 each: with fresh seeds P(any miss) ≤ 3% (union bound); CI pins FC_SEED.
 *             (b) 60 runs, deterministic.
 * fc.pre:     (b) λ_min(K) > 1e-8·λ_max (quadprog needs a positive definite D; near-singular sets are skipped).
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { certifyRkhs } from '../../src/margin/bracket.js';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { gammaSup } from '../../src/margin/gammaSup.js';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { gramSpectrum } from '../../src/linalg/spectrum.js';
import { ntkGram } from '../../src/ntk/analytic.js';
import { seedFromEnv } from '../../src/verify/seed.js';
import { sphereDataArb } from './sphereData.js';
import { quadprogMinNorm2 } from './quadprogOracle.js';

const seed = seedFromEnv();

test.prop([sphereDataArb({ maxN: 8, minD: 2, maxD: 2 }), fc.nat()], { numRuns: 30, seed })(
  '(a) Monte Carlo γ_sup interval (N = 1500, 0.999) contains the exact d = 2 value',
  (ds, s) => {
    const ex = gammaSupExact2d(ds.X, ds.y, ds.n);
    const mc = gammaSup(ds.X, ds.y, ds.n, 2, { samples: 1500, seed: s, confidence: 0.999 });
    expect(mc.lower).toBeLessThanOrEqual(ex.upper);
    expect(mc.upper).toBeGreaterThanOrEqual(ex.lower);
  },
);

test.prop([sphereDataArb({ maxN: 14, maxD: 6 })], { numRuns: 60, seed })('(b) γ_rkhs bracket vs quadprog', (ds) => {
  const K = ntkGram(ds.X, ds.n, ds.d);
  const spec = gramSpectrum(K, ds.n);
  fc.pre(spec.lambdaMin > 1e-8 * spec.lambdaMax);
  const ours = gammaRkhs(K, ds.y, ds.n);
  const qp = quadprogMinNorm2(K, ds.y, ds.n);
  const theirs = certifyRkhs(K, ds.y, ds.n, Float64Array.from(qp.q, (v) => Math.max(v, 0)));
  expect(ours.lower).toBeLessThanOrEqual(theirs.upper);
  expect(theirs.lower).toBeLessThanOrEqual(ours.upper);
  const g = Math.sqrt(Math.max(qp.value2, 0));
  const slack = theirs.upper - theirs.lower;
  expect(g).toBeGreaterThanOrEqual(ours.lower - slack);
  expect(g).toBeLessThanOrEqual(ours.upper + slack);
});
