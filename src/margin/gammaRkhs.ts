/**
 * RKHS (NTK) margin γ_rkhs by the MDM / pairwise Frank–Wolfe algorithm, with a certified bracket.
 *
 *   γ_rkhs² = min_{q ∈ Δ_n} qᵀQq,   Q_ij = y_i y_j K_ij,
 * the squared distance from the origin to the convex hull of the signed features {y_i φ_i} (hard-margin
 * SVM without bias in the NTK RKHS, normalised so the margin is measured with ‖v‖ = 1).
 *
 * Algorithm: Mitchell, Demyanov & Malozemov 1974 ("Finding the point of a polyhedron closest to the origin",
 * SIAM J. Control 12(1)) [RECALLED] — each step moves weight from the support point with the largest
 * gradient (Qq)_j ("away" vertex) to the point with the smallest gradient (Qq)_i ("Frank–Wolfe" vertex),
 * with an exact line search clipped at q_j. This is the pairwise Frank–Wolfe method, linearly convergent on
 * polytopes (Lacoste-Julien & Jaggi 2015, "On the global linear convergence of Frank–Wolfe optimization
 * variants", NeurIPS, Thm 1) [RECALLED]. One step costs O(n): the gradient g = Qq is updated with two rows
 * of K (contiguous reads, K symmetric), and is recomputed from scratch periodically.
 * Stopping rule: the certificate of ./bracket.ts, (upper − lower)/upper = (qᵀQq − min_i(Qq)_i)/qᵀQq ≤ relGap,
 * checked on a fresh recomputation. [CHECKED] against quadprog and two-point closed forms in
 * test/margin/gammaRkhs.test.ts.
 */
import { InputError, ShapeError } from '../errors.js';
import { certifyRkhs } from './bracket.js';
import { RKHS_MAX_ITER, RKHS_REFRESH_EVERY, RKHS_REL_GAP, gammaK } from './constants.js';

export interface RkhsMargin {
  kind: 'rkhs';
  /** Certified lower bound on γ_rkhs (0 when separability cannot be certified). */
  lower: number;
  /** Certified upper bound on γ_rkhs = sqrt(qᵀQq). */
  upper: number;
  /** The final weights q ∈ Δ_n (the max-margin dual; support = the support vectors). */
  q: Float64Array;
  iterations: number;
  /** lower > 0: the data are certified separable in the NTK RKHS. */
  separable: boolean;
  /** (upper − lower)/upper (1 when upper = 0). */
  relGap: number;
  /** 'converged' (relGap ≤ target), 'not-separable' (qᵀQq at rounding level: γ = 0 to working precision),
   *  'max-iter' (iteration cap hit; the bracket is still certified, only wider). */
  status: 'converged' | 'not-separable' | 'max-iter';
}

export interface RkhsOptions {
  /** Target relative gap (upper − lower)/upper. @defaultValue RKHS_REL_GAP = 1e-6 */
  relGap?: number;
  /** Iteration cap. @defaultValue RKHS_MAX_ITER */
  maxIter?: number;
}

/** Validate (K, y, n) for the margin solvers. @throws ShapeError / InputError naming the field. */
export function checkGramLabels(fn: string, K: Float64Array, y: Float64Array, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new InputError('n', `${fn}: n must be a positive integer, got ${n}`);
  if (K.length !== n * n) throw new ShapeError(`${fn}: K has length ${K.length}, expected n·n = ${n}·${n}`);
  if (y.length !== n) throw new ShapeError(`${fn}: y has length ${y.length}, expected n = ${n}`);
  for (let i = 0; i < n; i++) {
    if (y[i] !== 1 && y[i] !== -1) throw new InputError(`y[${i}]`, `${fn}: labels must be ±1, got ${y[i]}`);
    const kii = K[i * n + i];
    if (!(kii >= 0) || !Number.isFinite(kii)) throw new InputError(`K[${i},${i}]`, `${fn}: diagonal must be finite and ≥ 0, got ${kii}`);
  }
  for (let t = 0; t < n * n; t++) {
    if (!Number.isFinite(K[t])) throw new InputError(`K[${Math.floor(t / n)},${t % n}]`, `${fn}: not finite (${K[t]})`);
  }
}

/**
 * γ_rkhs with a certified bracket (see module doc).
 * @param K  n×n NTK Gram (e.g. ntkGram(X, n, d)), row-major, symmetric PSD.
 * @param y  n labels in {−1, +1}.
 * @param n  number of samples.
 * @param opts  relGap (default 1e-6), maxIter.
 * @returns  RkhsMargin; never NaN, never throws on non-separable data (separable = false, lower = 0).
 * @throws   ShapeError (lengths), InputError (labels not ±1, non-finite K, negative diagonal, bad options).
 */
export function gammaRkhs(K: Float64Array, y: Float64Array, n: number, opts: RkhsOptions = {}): RkhsMargin {
  checkGramLabels('gammaRkhs', K, y, n);
  const relGap = opts.relGap ?? RKHS_REL_GAP;
  const maxIter = opts.maxIter ?? RKHS_MAX_ITER;
  if (!(relGap > 0 && relGap < 1)) throw new InputError('relGap', `gammaRkhs: must be in (0, 1), got ${relGap}`);
  if (!(Number.isInteger(maxIter) && maxIter >= 0)) throw new InputError('maxIter', `gammaRkhs: must be an integer ≥ 0, got ${maxIter}`);

  // Below this value qᵀQq is indistinguishable from 0 at working precision (rounding of the certificate).
  let Kmax = 0;
  for (let i = 0; i < n; i++) Kmax = Math.max(Kmax, K[i * n + i]);
  const zeroFloor = 8 * gammaK(n + 2) * Kmax;

  const q = new Float64Array(n);
  const g = new Float64Array(n); // g = Qq, updated incrementally
  const inS = new Uint8Array(n);
  const S = new Int32Array(n); // support list
  let sLen = 0;

  // Start at the vertex of smallest norm (K_ii): the support of the optimum is usually small, so growing
  // it from one vertex beats dropping n − |S| points from the barycentre.
  let i0 = 0;
  for (let i = 1; i < n; i++) if (K[i * n + i] < K[i0 * n + i0]) i0 = i;
  q[i0] = 1;
  inS[i0] = 1;
  S[sLen++] = i0;
  const refresh = (): void => {
    g.fill(0);
    for (let t = 0; t < sLen; t++) {
      const i = S[t];
      const c = y[i] * q[i];
      const off = i * n;
      for (let k = 0; k < n; k++) g[k] += c * K[off + k];
    }
    for (let k = 0; k < n; k++) g[k] *= y[k];
  };
  refresh();

  let it = 0;
  let lastCheck = -1; // iteration of the last failed fresh check (stall guard against rounding-level targets)
  let sinceRefresh = 0;
  let status: RkhsMargin['status'] = 'max-iter';
  for (;;) {
    // f = qᵀg over the support; FW vertex i = argmin_k g_k; away vertex j = argmax_{k ∈ S} g_k.
    let f = 0;
    let j = S[0];
    for (let t = 0; t < sLen; t++) {
      const k = S[t];
      f += q[k] * g[k];
      if (g[k] > g[j]) j = k;
    }
    let i = 0;
    for (let k = 1; k < n; k++) if (g[k] < g[i]) i = k;
    if (f <= zeroFloor) {
      status = 'not-separable';
      break;
    }
    if (f - g[i] <= relGap * f * 0.5 || g[j] - g[i] <= 0) {
      // Looks converged on the running gradient: confirm on a fresh one (drift-free).
      refresh();
      sinceRefresh = 0;
      let f2 = 0;
      let gmin = Infinity;
      for (let t = 0; t < sLen; t++) f2 += q[S[t]] * g[S[t]];
      for (let k = 0; k < n; k++) if (g[k] < gmin) gmin = g[k];
      if (f2 - gmin <= relGap * f2 * 0.5 || f2 <= zeroFloor) {
        status = f2 <= zeroFloor ? 'not-separable' : 'converged';
        break;
      }
      if (lastCheck === it) break; // no progress possible at working precision: report the gap reached
      lastCheck = it;
      continue;
    }
    if (it >= maxIter) break;
    it++;
    // Exact line search along e_i − e_j: f(t) = f + 2t(g_i − g_j) + t²·c, c = ‖y_iφ_i − y_jφ_j‖².
    const c = K[i * n + i] + K[j * n + j] - 2 * y[i] * y[j] * K[i * n + j];
    const delta = g[j] - g[i];
    let step = c > 0 ? delta / c : q[j];
    let drop = false;
    if (step >= q[j]) {
      step = q[j];
      drop = true;
    }
    q[i] += step;
    if (!inS[i]) {
      inS[i] = 1;
      S[sLen++] = i;
    }
    const ci = y[i] * step;
    const cj = y[j] * step;
    const offI = i * n;
    const offJ = j * n;
    for (let k = 0; k < n; k++) g[k] += y[k] * (ci * K[offI + k] - cj * K[offJ + k]);
    if (drop) {
      q[j] = 0;
      inS[j] = 0;
      let t = 0;
      while (S[t] !== j) t++;
      S[t] = S[--sLen];
    } else {
      q[j] -= step;
    }
    if (++sinceRefresh >= RKHS_REFRESH_EVERY) {
      refresh();
      sinceRefresh = 0;
    }
  }

  // Renormalise (Σq drifts by rounding) and certify from scratch.
  let s = 0;
  for (let k = 0; k < n; k++) s += q[k];
  for (let k = 0; k < n; k++) q[k] /= s;
  const cert = certifyRkhs(K, y, n, q);
  const upper = cert.upper;
  const lower = status === 'not-separable' ? 0 : cert.lower;
  const gap = upper > 0 ? (upper - lower) / upper : 1;
  if (status === 'converged' && gap > relGap) status = 'max-iter'; // rounding allowance dominated: be honest
  return { kind: 'rkhs', lower, upper, q, iterations: it, separable: lower > 0, relGap: gap, status };
}
