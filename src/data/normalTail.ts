/**
 * The standard normal upper tail Q(z) = P(Z > z) in log form, and the monotone (inverse-CDF) sampler of
 * Z | Z ≥ a, used by the linear margin rule so that raising the margin moves every point away from the
 * hyperplane (one uniform U per point, the same U at every margin: a monotone coupling across difficulties).
 *
 * erfcx(u) = e^{u²} erfc(u) for u ≥ 0 by the Chebyshev fit of Numerical Recipes 3rd ed. §6.2.2 (`Erf::erfccheb`,
 * 28 coefficients, full double precision claimed) [RECALLED]; the same coefficients ship in jStat's `erf`.
 * [CHECKED] against tabulated erfc values and a Monte Carlo Mills ratio in test/data/normalTail.test.ts.
 */
import { InputError, NonConvergenceError } from '../errors.js';

/** Chebyshev coefficients of erfccheb (NR3 §6.2.2) [RECALLED]. */
const ERFC_CHEB = [
  -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
  3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6,
  1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10,
  9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15,
  -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

/** Relative step size at which the Newton solve of {@link normalTailQuantile} stops (a few ulps). */
export const NORMAL_TAIL_STEP_TOL = 1e-14;
/** Newton iteration cap of {@link normalTailQuantile}; log-concavity gives monotone convergence in < 60. */
export const NORMAL_TAIL_MAX_ITER = 200;

/**
 * Scaled complementary error function erfcx(u) = e^{u²} erfc(u), for u ≥ 0 (no underflow for large u).
 * @throws InputError when u < 0 or not finite.
 */
export function erfcx(u: number): number {
  if (!(u >= 0) || !Number.isFinite(u)) throw new InputError('u', `erfcx: expected a finite u ≥ 0, got ${u}`);
  const t = 2 / (2 + u);
  const ty = 4 * t - 2;
  let dd = 0;
  let dk = 0;
  for (let j = ERFC_CHEB.length - 1; j > 0; j--) {
    const tmp = dk;
    dk = ty * dk - dd + ERFC_CHEB[j];
    dd = tmp;
  }
  return t * Math.exp(0.5 * (ERFC_CHEB[0] + ty * dk) - dd);
}

/** ln Q(z) = ln P(Z > z) for z ≥ 0, Z ~ N(0,1): ln(erfcx(z/√2)/2) − z²/2 (finite for every finite z ≥ 0). */
export function logUpperTail(z: number): number {
  return Math.log(0.5 * erfcx(z / Math.SQRT2)) - (z * z) / 2;
}

/** Mills-ratio reciprocal φ(z)/Q(z) = −d ln Q/dz = √(2/π)/erfcx(z/√2), z ≥ 0. */
export function inverseMills(z: number): number {
  return Math.sqrt(2 / Math.PI) / erfcx(z / Math.SQRT2);
}

/**
 * The quantile of Z | Z ≥ a at upper-tail fraction U: the z ≥ a with Q(z) = U·Q(a), i.e. z = Q⁻¹(U·Q(a)).
 * With U ~ Uniform(0, 1], z is an exact draw of N(0,1) truncated to [a, ∞) (inverse-CDF method), and for a
 * fixed U, z is nondecreasing in a. Solved by Newton on the concave function ln Q (Q is log-concave):
 * after the first step the iterates decrease monotonically to the root.
 * @param a  truncation point, finite, ≥ 0.   @param U  in (0, 1].
 * @throws InputError for a < 0 or U ∉ (0, 1]; NonConvergenceError if Newton fails (not observed).
 * Source: inverse-CDF sampling (Devroye 1986, §2.1) [RECALLED]; monotone Newton on a concave function [INFERRED].
 */
export function normalTailQuantile(a: number, U: number): number {
  if (!(a >= 0) || !Number.isFinite(a)) throw new InputError('a', `normalTailQuantile: expected a finite a ≥ 0, got ${a}`);
  if (!(U > 0 && U <= 1)) throw new InputError('U', `normalTailQuantile: expected U in (0, 1], got ${U}`);
  if (U === 1) return a;
  const target = logUpperTail(a) + Math.log(U);
  let z = a;
  for (let it = 0; it < NORMAL_TAIL_MAX_ITER; it++) {
    const step = (logUpperTail(z) - target) / inverseMills(z);
    const next = Math.max(a, z + step);
    if (Math.abs(next - z) <= NORMAL_TAIL_STEP_TOL * Math.max(1, z)) return next;
    // Past the first step the iterates must decrease; a non-decrease means rounding noise: stop there.
    if (it > 0 && next >= z) return z;
    z = next;
  }
  throw new NonConvergenceError(`normalTailQuantile: no convergence for a = ${a}, U = ${U}`);
}
