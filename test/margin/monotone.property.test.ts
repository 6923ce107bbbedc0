/**
 * Claim:      adding a point never increases γ, and removing one never decreases it (both readings): the
 *             simplex of the smaller set is a face of the larger one's, so the minimum can only go down.
 * Source:     our derivation [INFERRED]. Expect: verified.
 * Predicate:  γ_rkhs: lower(bigger) ≤ upper(smaller) exactly (the shared Gram entries are bit-identical);
 *             exact γ_sup (d = 2): the same up to the two brackets' rounding allowances, already inside them.
 *             Removing a point is the same statement read backwards (the smaller set is the original minus i).
 * Confidence: 80 runs per test (seed FC_SEED); deterministic solvers, so any failure is a bug.
 * fc.pre:     none.
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { ntkGram } from '../../src/ntk/analytic.js';
import { seedFromEnv } from '../../src/verify/seed.js';
import { pick, sphereData, sphereDataArb } from './sphereData.js';

const seed = seedFromEnv();
const numRuns = 80;

test.prop([sphereDataArb({ minN: 2, maxN: 11, maxD: 5 }), fc.nat()], { numRuns, seed })(
  'γ_rkhs: removing point i from a set never decreases γ (adding it never increases γ)',
  (big, k) => {
    const i = k % big.n;
    const small = pick(big, [...Array(big.n).keys()].filter((t) => t !== i));
    const rb = gammaRkhs(ntkGram(big.X, big.n, big.d), big.y, big.n);
    const rs = gammaRkhs(ntkGram(small.X, small.n, small.d), small.y, small.n);
    expect(rb.lower).toBeLessThanOrEqual(rs.upper);
  },
);

test.prop([sphereDataArb({ minN: 2, maxN: 10, minD: 2, maxD: 2 }), fc.nat(), fc.boolean()], { numRuns, seed })(
  'exact γ_sup (d = 2): adding a fresh point never increases γ',
  (small, k, flip) => {
    // a new point from another seed, with a label that may disagree with its neighbours
    const extra = sphereData(1, 2, k);
    const X = new Float64Array(2 * (small.n + 1));
    X.set(small.X);
    X.set(extra.X, 2 * small.n);
    const y = Float64Array.from([...small.y, flip ? -1 : 1]);
    const rb = gammaSupExact2d(X, y, small.n + 1);
    const rs = gammaSupExact2d(small.X, small.y, small.n);
    expect(rb.lower).toBeLessThanOrEqual(rs.upper);
  },
);
