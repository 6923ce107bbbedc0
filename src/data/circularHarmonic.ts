/**
 * The circular-harmonic rule on S^(d−1): s(x) = Re((x_1 + i·x_2)^k) = r^k cos(kθ), with (r, θ) the polar
 * coordinates of (x_1, x_2); y = sign(s). It is a spherical harmonic of degree k in every d ≥ 2. In d = 2
 * (r = 1) the labels alternate on 2k equal arcs of the circle, so a student needs more neurons as k grows:
 * f(θ) = m^−1/2 Σ_s a_s relu(<w_s, x>) is a sinusoid between its 2m kinks, and each such piece changes sign at
 * most once, so fitting 2k arcs needs m ≥ k/2 [INFERRED]. The NTK margin falls with k (γ ≈ 0.15·2/k at n = 100,
 * d = 2, measured), which makes this the family whose width, not only its training time, grows as γ shrinks.
 *
 * Only even degrees: the bias-free ReLU NTK holds no harmonics of odd degree ≥ 3 (./xorParity.ts explains why),
 * so an odd-degree rule has population margin 0. Degree 2 is xor rotated by π/4. Source: the family is ours
 * [INFERRED]; the harmonic view of the NTK follows Bach 2017 and Bietti–Mairal 2019 [RECALLED].
 */
import { InputError } from '../errors.js';

/** Default degree k of kind 'harmonic': 8 (16 arcs on the circle). */
export const HARMONIC_DEGREE = 8;

/** @throws InputError('degree') unless k is an even integer ≥ 2; InputError('d') unless d ≥ 2. */
export function checkHarmonicDegree(k: number, d: number): void {
  if (!Number.isInteger(k) || k < 2 || k % 2 !== 0) {
    throw new InputError('degree', `expected an even integer ≥ 2 (odd degrees ≥ 3 lie outside the bias-free ReLU NTK), got ${k}`);
  }
  if (d < 2) throw new InputError('d', `kind 'harmonic' needs d ≥ 2, got ${d}`);
}

/** s(x) = Re((x_1 + i·x_2)^k) for the point at X[off…], by complex powering (no trigonometry: exact at θ = 0). */
export function harmonicScore(X: Float64Array, off: number, k: number): number {
  const a = X[off];
  const b = X[off + 1];
  let re = 1;
  let im = 0;
  for (let j = 0; j < k; j++) [re, im] = [re * a - im * b, re * b + im * a];
  return re;
}
