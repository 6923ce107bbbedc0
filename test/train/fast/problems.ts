/**
 * Generated training problems for the tests of src/fast: a fast-check arbitrary over sizes, seeds, target kinds
 * and weight scales (it shrinks towards small sizes), and the seeded builder it maps through. Data come from
 * src/rng.ts Gaussians (continuous, so exact ties z = 0 have probability 0).
 */
import fc from 'fast-check';
import type { TwoLayerNet } from '../../../src/model/twoLayer.js';
import { makeRng, deriveSeed } from '../../../src/rng.js';

export interface ProblemSpec {
  n: number;
  d: number;
  m: number;
  seed: number;
  /** 'hard': p ∈ {0, 1}; 'soft': p ∈ (0, 1); 'mixed': both. */
  labels: 'hard' | 'soft' | 'mixed';
  /** Scale of W (1 = the N(0, I) init; 30 saturates σ). */
  wScale: number;
  /** Rows of X on the unit sphere (else raw Gaussians). */
  unit: boolean;
}

export const problemArb: fc.Arbitrary<ProblemSpec> = fc.record({
  n: fc.integer({ min: 1, max: 37 }),
  d: fc.integer({ min: 1, max: 13 }),
  m: fc.integer({ min: 1, max: 41 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  labels: fc.constantFrom('hard' as const, 'soft' as const, 'mixed' as const),
  wScale: fc.constantFrom(1, 0.1, 30),
  unit: fc.boolean(),
});

export function makeProblem(spec: ProblemSpec): { net: TwoLayerNet; X: Float64Array; n: number; p: Float64Array } {
  const { n, d, m, labels, wScale, unit } = spec;
  const rng = makeRng(deriveSeed(spec.seed, 'fast-problem'));
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += (X[i * d + k] = rng.normal()) ** 2;
    if (unit) for (let k = 0; k < d; k++) X[i * d + k] /= Math.sqrt(s);
  }
  const W = new Float64Array(m * d);
  for (let j = 0; j < W.length; j++) W[j] = wScale * rng.normal();
  const a = new Float64Array(m);
  for (let s = 0; s < m; s++) a[s] = rng.sign();
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hard = labels === 'hard' || (labels === 'mixed' && rng.uniform() < 0.5);
    p[i] = hard ? (rng.uniform() < 0.5 ? 0 : 1) : rng.uniform();
  }
  return { net: { m, d, W, a }, X, n, p };
}
