/**
 * fast-check arbitrary of the two-point dataset: unit vectors x_1, x_2 ∈ S^(d−1) at angle θ with opposite
 * labels y = (+1, −1), in a random plane (x_1 uniform, x_2 = cos θ x_1 + sin θ w, w uniform on x_1^⊥,
 * drawn from the seed knob). It has a closed-form RKHS margin ({@link twoPointGammaRkhs}), which makes it the
 * standard oracle for margin solvers. Shrinks toward θ = thetaMin (the hard, nearly parallel end), d = dMin
 * and seed 0.
 */
import fc from 'fast-check';
import { InputError } from '../errors.js';
import { makeRng } from '../rng.js';
import type { Dataset } from './dataset.js';
import { sphereInto } from './sphere.js';

/** @public */
export interface TwoPointConstraints {
  /** Smallest angle θ (radians). @defaultValue 1e-3 */
  thetaMin?: number;
  /** Largest angle θ (radians), ≤ π. @defaultValue π */
  thetaMax?: number;
  /** Smallest d. @defaultValue 2 */
  dMin?: number;
  /** Largest d. @defaultValue 6 */
  dMax?: number;
}

/** @public */
export interface TwoPointValue {
  theta: number;
  d: number;
  seed: number;
  /** n = 2, X rows x_1, x_2, y = [1, −1]. */
  ds: Dataset;
}

/**
 * γ_rkhs of the two-point dataset for K(x,x') = <x,x'>(π − θ)/(2π):
 *   K_11 = K_22 = 1/2, K_12 = cos θ (π − θ)/(2π); the minimiser of qᵀQq on the simplex is q = (1/2, 1/2)
 *   by symmetry and convexity, so γ² = (K_11 + K_22 − 2K_12)/4 = (1 − cos θ (π − θ)/π)/4.
 * Source: [INFERRED] (direct computation); [CHECKED] against gammaRkhs in test/data/arbitraries.test.ts.
 */
export function twoPointGammaRkhs(theta: number): number {
  return 0.5 * Math.sqrt(1 - (Math.cos(theta) * (Math.PI - theta)) / Math.PI);
}

/** The two-point dataset itself (no fast-check): see module doc. @throws InputError for θ ∉ [0, π] or d < 2. */
export function twoPointDataset(theta: number, d: number, seed: number | string): Dataset {
  if (!(theta >= 0 && theta <= Math.PI)) throw new InputError('theta', `twoPointDataset: expected an angle in [0, π], got ${theta}`);
  if (!Number.isInteger(d) || d < 2) throw new InputError('d', `twoPointDataset: expected an integer ≥ 2, got ${d}`);
  const rng = makeRng(seed);
  const u = sphereInto(rng, d, new Float64Array(d));
  const w = new Float64Array(d);
  for (;;) {
    sphereInto(rng, d, w);
    let dot = 0;
    for (let k = 0; k < d; k++) dot += u[k] * w[k];
    let s = 0;
    for (let k = 0; k < d; k++) {
      w[k] -= dot * u[k];
      s += w[k] * w[k];
    }
    if (s > 1e-8) {
      for (let k = 0; k < d; k++) w[k] /= Math.sqrt(s);
      break;
    }
  }
  const X = new Float64Array(2 * d);
  X.set(u, 0);
  const c = Math.cos(theta);
  const sn = Math.sin(theta);
  for (let k = 0; k < d; k++) X[d + k] = c * u[k] + sn * w[k];
  return { n: 2, d, X, y: Float64Array.of(1, -1), name: `two points θ=${theta} d=${d} seed=${seed}` };
}

/**
 * Arbitrary of {theta, d, seed, ds} (see module doc).
 * @throws InputError naming the bad constraint.
 * @public
 */
export function twoPointArb(constraints: TwoPointConstraints = {}): fc.Arbitrary<TwoPointValue> {
  const { thetaMin = 1e-3, thetaMax = Math.PI, dMin = 2, dMax = 6 } = constraints;
  if (!(thetaMin >= 0 && thetaMin <= thetaMax && thetaMax <= Math.PI)) {
    throw new InputError('constraints.thetaMin', `twoPointArb: expected 0 ≤ thetaMin ≤ thetaMax ≤ π, got [${thetaMin}, ${thetaMax}]`);
  }
  if (!Number.isInteger(dMin) || dMin < 2 || !Number.isInteger(dMax) || dMax < dMin) {
    throw new InputError('constraints.dMin', `twoPointArb: expected integers 2 ≤ dMin ≤ dMax, got [${dMin}, ${dMax}]`);
  }
  return fc
    .record({
      theta: fc.double({ min: thetaMin, max: thetaMax, noNaN: true }),
      d: fc.integer({ min: dMin, max: dMax }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ theta, d, seed }) => ({ theta, d, seed, ds: twoPointDataset(theta, d, seed) }));
}
