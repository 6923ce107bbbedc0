/**
 * Claim:      order and range on the unit sphere: 0 ≤ γ_sup ≤ γ_rkhs, γ_sup ≤ 1/2, γ_rkhs ≤ 1/√2.
 * Source:     γ_sup ≤ γ_rkhs by Jensen: E_z‖v(z)‖ ≤ sqrt(E_z‖v(z)‖²) = sqrt(qᵀQq) at every q;
 *             q = e_i gives γ_sup ≤ E‖x_i 1[<z,x_i> > 0]‖ = 1/2 and γ_rkhs ≤ sqrt(K(x_i,x_i)) = 1/√2 [INFERRED].
 * Predicate:  certified ends: 0 ≤ lower_sup ≤ upper_rkhs; lower_sup ≤ 1/2; 0 ≤ lower_rkhs ≤ 1/√2 (the lower
 *             ends are certified, so exceeding a true upper limit is a bug). γ_sup exact in d = 2; in d ≥ 3 the
 *             finite program over N directions obeys the same order with the empirical kernel, so we check the
 *             Monte Carlo interval's lower end, which exceeds γ_sup with probability ≤ δ/2 = 0.0005.
 * Confidence: 80 runs (d = 2), 15 runs (d ≥ 3) with seed FC_SEED.
 * fc.pre:     none.
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { gammaSup } from '../../src/margin/gammaSup.js';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { ntkGram } from '../../src/ntk/analytic.js';
import { seedFromEnv } from '../../src/verify/seed.js';
import { sphereDataArb } from './sphereData.js';

const seed = seedFromEnv();

test.prop([sphereDataArb({ maxN: 12, minD: 2, maxD: 2, labels: 'random' })], { numRuns: 80, seed })(
  'd = 2: 0 ≤ γ_sup ≤ γ_rkhs, γ_sup ≤ 1/2, γ_rkhs ≤ 1/√2',
  (ds) => {
    const rk = gammaRkhs(ntkGram(ds.X, ds.n, 2), ds.y, ds.n);
    const sup = gammaSupExact2d(ds.X, ds.y, ds.n);
    expect(sup.lower).toBeGreaterThanOrEqual(0);
    expect(sup.lower).toBeLessThanOrEqual(rk.upper);
    expect(sup.lower).toBeLessThanOrEqual(0.5);
    expect(rk.lower).toBeGreaterThanOrEqual(0);
    expect(rk.lower).toBeLessThanOrEqual(Math.SQRT1_2);
  },
);

test.prop([sphereDataArb({ maxN: 8, minD: 3, maxD: 6 }), fc.nat()], { numRuns: 15, seed })(
  'd ≥ 3: Monte Carlo lower end of γ_sup ≤ γ_rkhs upper; ranges',
  (ds, s) => {
    const rk = gammaRkhs(ntkGram(ds.X, ds.n, ds.d), ds.y, ds.n);
    const sup = gammaSup(ds.X, ds.y, ds.n, ds.d, { samples: 400, seed: s, confidence: 0.999 });
    expect(sup.lower).toBeLessThanOrEqual(rk.upper);
    expect(sup.lower).toBeLessThanOrEqual(0.5);
    expect(rk.lower).toBeLessThanOrEqual(Math.SQRT1_2);
  },
);
