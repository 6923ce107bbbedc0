/**
 * Claim:      two unit points at angle θ ∈ (0, π]: γ_rkhs = sqrt(1 ∓ cos θ (π − θ)/π)/2 and
 *             γ_sup = (π − θ)/2π · {sin, cos}(θ/2) + θ/2π (opposite / same labels); the certified brackets
 *             contain these values and γ_rkhs's bracket is ≤ 1e-6 wide.
 * Source:     derivations in test/margin/closedForms.ts [INFERRED]. Expect: verified.
 * Confidence: 200 runs each (θ, the embedding plane and d drawn by fast-check; seed FC_SEED); any failure is a bug
 *             (no randomness in the solvers), so 0 failures in 200 ⇒ failure rate < 1.5% at 95% (rule of three).
 * fc.pre:     none. The closed forms are evaluated at the angle of the stored points (rounded cos/sin move θ by
 *             ~1 ulp, which at θ = 1e-3 is a 1e-13 relative change of γ — found by this property).
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { angle, ntkGram } from '../../src/ntk/analytic.js';
import { seedFromEnv } from '../../src/verify/seed.js';
import { twoPointRkhs, twoPointSup } from './closedForms.js';
import { circleData, randomOrthogonal, rotate } from './sphereData.js';
import { CLOSED_FORM_REL, RKHS_TOL } from './tolerances.js';

const seed = seedFromEnv();
const thetaArb = fc.double({ min: 1e-3, max: Math.PI, noNaN: true });

test.prop([thetaArb, fc.integer({ min: 2, max: 7 }), fc.nat(), fc.boolean()], { numRuns: 200, seed })(
  'γ_rkhs of two points at angle θ in R^d (random plane) matches the closed form',
  (theta, d, rot, opposite) => {
    // two points in the (e1, e2) plane of R^d, then a random rotation of R^d
    const X = new Float64Array(2 * d);
    X[0] = 1;
    X[d] = Math.cos(theta);
    X[d + 1] = Math.sin(theta);
    const ds = rotate({ n: 2, d, X, y: Float64Array.from([1, opposite ? -1 : 1]), seed: rot }, randomOrthogonal(d, rot));
    const r = gammaRkhs(ntkGram(ds.X, 2, d), ds.y, 2);
    // the closed form at the angle the stored (rounded) points actually make, not the requested θ
    const exact = twoPointRkhs(angle(ds.X, ds.X, d, 0, d), opposite);
    expect(r.lower).toBeLessThanOrEqual(exact * (1 + CLOSED_FORM_REL));
    expect(r.upper).toBeGreaterThanOrEqual(exact * (1 - CLOSED_FORM_REL));
    expect(r.relGap).toBeLessThanOrEqual(RKHS_TOL);
  },
);

test.prop([thetaArb, fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), fc.boolean()], { numRuns: 200, seed })(
  'exact d = 2 γ_sup of two points at angle θ matches the closed form',
  (theta, phi, opposite) => {
    const c = circleData([phi, phi + theta], [1, opposite ? -1 : 1]);
    const r = gammaSupExact2d(c.X, c.y, 2, { relGap: 1e-9 });
    const exact = twoPointSup(angle(c.X, c.X, 2, 0, 2), opposite);
    expect(r.lower).toBeLessThanOrEqual(exact * (1 + CLOSED_FORM_REL));
    expect(r.upper).toBeGreaterThanOrEqual(exact * (1 - CLOSED_FORM_REL));
  },
);
