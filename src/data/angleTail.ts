/**
 * The law of the angle φ ∈ [0, π/2] between a uniform point of S^(d−1) and a fixed hyperplane u^⊥
 * (φ = arcsin |<u,x>|), and the monotone inverse-CDF sampler of φ | φ ≥ α used by the linear margin rule.
 *
 * Density ∝ cos^k φ with k = d − 2 (surface element of S^(d−1) in the "latitude" φ) [RECALLED, e.g.
 * Muirhead 1982 Thm 1.5.7: <u,x>² ~ Beta(1/2, (d−1)/2)]. Upper tail
 *   T(φ) = ∫_φ^{π/2} cos^k ψ dψ = ½ B(cos²φ; a, ½),  a = (k+1)/2 = (d−1)/2   (substitute t = cos²ψ),
 * with T(0) = W_k the Wallis integral (W_0 = π/2, W_1 = 1, W_k = (k−1)/k · W_{k−2}) [VERIFIED textbook].
 * The incomplete beta is the continued fraction of Numerical Recipes 3rd ed. §6.4 (Beta::betacf, modified
 * Lentz) [RECALLED], used directly when cos²φ < (a+1)/(a+2.5) and through B(x;a,b) = B(a,b) − B(1−x;b,a)
 * otherwise, always in log form so T never underflows (d = 784, φ near π/2).
 * [CHECKED] against Simpson quadrature and the d = 2, 3 closed forms in test/data/angleTail.test.ts.
 */
import { InputError, NonConvergenceError } from '../errors.js';

/** Relative convergence of the continued fraction (one ulp of 1). */
const CF_EPS = 2 ** -52;
/** Lentz's guard against division by zero (NR3 §5.2). */
const CF_TINY = 1e-300;
/** Continued-fraction iteration cap (converges in O(√a) steps on its branch). */
const CF_MAX_ITER = 100_000;
/** Newton stops when a step is below this relative size (a few ulps of φ). */
export const ANGLE_TAIL_STEP_TOL = 1e-14;
/** Newton iteration cap; ln T is concave, so convergence is monotone after the first step. */
export const ANGLE_TAIL_MAX_ITER = 200;

/** Continued fraction of the incomplete beta function (NR3 Beta::betacf) [RECALLED]. */
function betacf(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let dd = 1 - (qab * x) / qap;
  if (Math.abs(dd) < CF_TINY) dd = CF_TINY;
  dd = 1 / dd;
  let h = dd;
  for (let m = 1; m <= CF_MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    dd = 1 + aa * dd;
    if (Math.abs(dd) < CF_TINY) dd = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    dd = 1 / dd;
    h *= dd * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    dd = 1 + aa * dd;
    if (Math.abs(dd) < CF_TINY) dd = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    dd = 1 / dd;
    const del = dd * c;
    h *= del;
    if (Math.abs(del - 1) <= CF_EPS) return h;
  }
  throw new NonConvergenceError(`betacf: no convergence for a = ${a}, b = ${b}, x = ${x}`);
}

/** Wallis integral W_k = ∫_0^{π/2} cos^k ψ dψ by the recursion W_k = (k−1)/k · W_{k−2}. */
export function wallis(k: number): number {
  let w = k % 2 === 0 ? Math.PI / 2 : 1;
  for (let j = k % 2 === 0 ? 2 : 3; j <= k; j += 2) w *= (j - 1) / j;
  return w;
}

/**
 * ln T(φ) = ln ∫_φ^{π/2} cos^k ψ dψ for k = d − 2 ≥ 0 and φ ∈ [0, π/2] (−∞ at φ = π/2).
 * @throws InputError for d < 2 or φ outside [0, π/2].
 */
export function logAngleTail(phi: number, d: number): number {
  if (!Number.isInteger(d) || d < 2) throw new InputError('d', `logAngleTail: expected an integer ≥ 2, got ${d}`);
  if (!(phi >= 0 && phi <= Math.PI / 2)) throw new InputError('phi', `logAngleTail: expected φ in [0, π/2], got ${phi}`);
  const k = d - 2;
  const a = (k + 1) / 2;
  const c = Math.cos(phi);
  const s = Math.sin(phi);
  if (c <= 0) return -Infinity;
  const x = c * c;
  const lnCosA = (k + 1) * Math.log(c); // ln x^a
  if (x < (a + 1) / (a + 2.5)) {
    // T = ½ x^a (1−x)^½ cf(a, ½, x)/a
    return Math.log(0.5 / a) + lnCosA + Math.log(s) + Math.log(betacf(a, 0.5, x));
  }
  // T = W_k − ½ B(1−x; ½, a) = W_k − (1−x)^½ x^a cf(½, a, 1−x)   (½B(1−x;½,a) = ½·s·x^a·cf/½)
  if (s === 0) return Math.log(wallis(k));
  return Math.log(wallis(k) - Math.exp(Math.log(s) + lnCosA + Math.log(betacf(0.5, a, s * s))));
}

/**
 * The quantile of φ | φ ≥ α at upper-tail fraction U: the φ ∈ [α, π/2) with T(φ) = U·T(α). With U uniform
 * on (0, 1] it is an exact draw of the angle of a uniform point conditioned on φ ≥ α, and for fixed U it is
 * nondecreasing in α. Newton on the concave ln T (T is the tail of a log-concave density, cos^k).
 * @param alpha  in [0, π/2).  @param U  in (0, 1].  @param d  integer ≥ 2.
 * @throws InputError for arguments out of range; NonConvergenceError if Newton fails (not observed).
 * Source: inverse-CDF sampling (Devroye 1986, §2.1) [RECALLED]; monotone Newton on a concave function [INFERRED].
 */
export function angleTailQuantile(alpha: number, U: number, d: number): number {
  if (!(alpha >= 0 && alpha < Math.PI / 2)) throw new InputError('alpha', `angleTailQuantile: expected α in [0, π/2), got ${alpha}`);
  if (!(U > 0 && U <= 1)) throw new InputError('U', `angleTailQuantile: expected U in (0, 1], got ${U}`);
  if (U === 1) return alpha;
  const k = d - 2;
  const target = logAngleTail(alpha, d) + Math.log(U);
  let phi = alpha;
  for (let it = 0; it < ANGLE_TAIL_MAX_ITER; it++) {
    const lnT = logAngleTail(phi, d);
    // d ln T/dφ = −cos^k φ / T(φ)
    const slope = Math.exp(k * Math.log(Math.cos(phi)) - lnT);
    let next = phi + (lnT - target) / slope;
    if (next >= Math.PI / 2) next = (phi + Math.PI / 2) / 2; // T(π/2) = 0 < target: the root is inside
    next = Math.max(alpha, next);
    if (Math.abs(next - phi) <= ANGLE_TAIL_STEP_TOL * Math.max(1, phi)) return next;
    phi = next;
  }
  throw new NonConvergenceError(`angleTailQuantile: no convergence for α = ${alpha}, U = ${U}, d = ${d}`);
}
