/**
 * The difficulty knob δ ∈ [0, 1] of the synthetic datasets: it lowers the margin by shrinking the gap around
 * the decision boundary. δ = 0 is the widest gap (easiest), δ = 1 removes the gap (margin set by the sample).
 *
 * - linear: angular margin α = (1 − δ)·LINEAR_MAX_ANGLE; every point has |<u,x>| ≥ sin α (exact sampler of
 *   ./linearMargin.ts, coupled so that each point moves toward the hyperplane as δ grows).
 * - teacher, xor, parity (score s(x), label sign(s)): the band {|s(x)| < b} is excluded, with b the
 *   β-quantile of |s| under the uniform law on the sphere, β = (1 − δ)·BAND_MASS_MAX the fraction of the
 *   sphere removed. b is estimated from PILOT_SIZE uniform pilot points (its own seed stream), so the removed
 *   mass is β up to ≈ sqrt(β(1−β)/PILOT_SIZE) (≤ 0.008), while "every sample has |s| ≥ b" holds exactly.
 *   Samples come by rejection from one proposal stream per seed: a smaller b accepts a superset of proposals,
 *   so raising δ keeps the earlier points and interleaves new points nearer the boundary.
 * A smaller gap lowers the NTK margin γ of the population; for a finite sample it lowers γ in the typical case
 * (not pointwise guaranteed). [CHECKED] in test/data/synthetic.test.ts with gammaRkhs at δ ∈ {0, 0.5, 1}.
 * Source: [INFERRED] (our design, after the margin-band distributions of Ji & Telgarsky 2020, §5 [RECALLED]).
 */
import { InputError, NonConvergenceError } from '../errors.js';
import type { Rng } from '../rng.js';
import { sphereInto } from './sphere.js';

/** Angular margin of the linear rule at δ = 0: π/12 (15°). At d = 10 this band holds ≈ 59% of the sphere,
 * comparable with BAND_MASS_MAX, and sin(π/12) ≈ 0.26 is well above the 1/√d scale of <u,x>. [INFERRED] */
export const LINEAR_MAX_ANGLE = Math.PI / 12;
/** Fraction of the sphere excluded around the boundary at δ = 0 (score rules). Rejection accepts ≥ 50%. */
export const BAND_MASS_MAX = 0.5;
/** Pilot sample size for the band quantile and the teacher's median offset. */
export const PILOT_SIZE = 4096;
/** Give up after this many proposals per requested point (the acceptance rate is ≈ 1 − β ≥ 0.5). */
export const REJECTION_MAX_FACTOR = 1000;

/** @throws InputError unless δ is a finite number in [0, 1]. */
export function checkDifficulty(difficulty: number): void {
  if (!(difficulty >= 0 && difficulty <= 1)) {
    throw new InputError('difficulty', `expected a number in [0, 1] (0 = widest margin), got ${difficulty}`);
  }
}

/** Linear rule: α(δ) = (1 − δ)·LINEAR_MAX_ANGLE radians. */
export function difficultyToAngle(difficulty: number): number {
  checkDifficulty(difficulty);
  return (1 - difficulty) * LINEAR_MAX_ANGLE;
}

/** Score rules: excluded sphere mass β(δ) = (1 − δ)·BAND_MASS_MAX. */
export function difficultyToBandMass(difficulty: number): number {
  checkDifficulty(difficulty);
  return (1 - difficulty) * BAND_MASS_MAX;
}

/**
 * Band half-width b: the lower empirical β-quantile of |s| over pilot scores (type 1 of Hyndman & Fan 1996
 * [RECALLED]): the smallest value with at least ⌈βN⌉ pilot |s| at or below it; b = 0 when β = 0.
 * @param pilotScores  N ≥ 1 scores s(x) of uniform pilot points.  @param beta  in [0, 1).
 */
export function bandThreshold(pilotScores: Float64Array, beta: number): number {
  if (!(beta >= 0 && beta < 1)) throw new InputError('bandMass', `bandThreshold: expected β in [0, 1), got ${beta}`);
  if (pilotScores.length === 0) throw new InputError('pilotScores', 'bandThreshold: empty pilot sample');
  if (beta === 0) return 0;
  const a = Float64Array.from(pilotScores, Math.abs).sort();
  return a[Math.ceil(beta * a.length) - 1];
}

/**
 * n uniform points of S^(d−1) with |s(x)| ≥ b, by rejection from rng's proposal stream.
 * @param score  s(X, off) for the point X[off .. off+d).
 * @returns X (n×d, unit rows) and the n accepted scores s.
 * @throws NonConvergenceError after REJECTION_MAX_FACTOR·n proposals (b far above the pilot quantile).
 */
export function sampleOutsideBand(
  score: (X: Float64Array, off: number) => number,
  n: number,
  d: number,
  b: number,
  rng: Rng,
): { X: Float64Array; s: Float64Array } {
  const X = new Float64Array(n * d);
  const s = new Float64Array(n);
  const maxProposals = REJECTION_MAX_FACTOR * Math.max(n, 1);
  let proposals = 0;
  for (let i = 0; i < n; ) {
    if (++proposals > maxProposals) {
      throw new NonConvergenceError(`sampleOutsideBand: ${i} of ${n} points after ${maxProposals} proposals (b = ${b})`);
    }
    sphereInto(rng, d, X, i * d);
    const si = score(X, i * d);
    if (Math.abs(si) >= b) s[i++] = si;
  }
  return { X, s };
}

/** Label of a score: sign(s) with sign(0) = +1 (measure zero under every rule here). */
export function scoreLabel(s: number): number {
  return s < 0 ? -1 : 1;
}
