/**
 * Interior-point (log-barrier, Newton) solver of the sup-norm program over weighted patterns — the same
 * problem and certificate as ./supSolver.ts, but with second-order steps, so it reaches tight gaps where the
 * first-order solver crawls (small margins, many patterns with u_j = 0 at the optimum, e.g. exact d = 2).
 *
 *   min Σ_j w_j t_j  s.t.  ‖u_j(q)‖ ≤ t_j,  q ≥ 0,  Σq = 1,   u_j(q) = Σ_{i∈P_j} q_i y_i x_i.
 * Barrier (Boyd & Vandenberghe 2004, §11.2–11.3 and §11.6 for second-order cones) [RECALLED]:
 *   τ Σ_j w_j t_j − Σ_j log(t_j² − ‖u_j‖²) − Σ_i log q_i.
 * Minimising over t_j in closed form (a_j = τ w_j, s_j = ‖u_j‖, r_j = sqrt(1 + a_j² s_j²)) gives
 *   t_j = (1 + r_j)/a_j,  t_j² − s_j² = 2(1 + r_j)/a_j², and the reduced term g_j = 1 + r_j − log(1 + r_j) + const,
 *   ∇_u g_j = a_j² u_j/(1 + r_j),   ∇²_u g_j = α_j I − β_j u_j u_jᵀ,  α_j = a_j²/(1 + r_j),  β_j = α_j a_j²/(r_j(1 + r_j))
 * (smooth at u_j = 0) [INFERRED, derived here]. Each centring uses Newton's method with the equality Σq = 1
 * (KKT system solved through one Cholesky factorisation of the n×n Hessian) and a feasible backtracking line
 * search; τ grows by TAU_GROWTH per centring.
 * Dual witness: v_j = u_j/t_j (‖v_j‖ = a_j s_j/(1 + r_j) < 1), so the lower bound min_i c_i(v) of
 * ./supSolver.ts applies; on the central path c_i(v) = (1/q_i − ν)/τ, so it tends to the optimum [INFERRED].
 * Cost per Newton step: Σ_j |P_j|² (Hessian) + n³/3 (Cholesky).
 */
import { choleskyInPlace, choleskySolveInPlace } from '../linalg/cholesky.js';
import type { Patterns } from './patterns.js';
import type { SupSolveResult } from './supSolveResult.js';

/** Barrier parameter growth per centring (Boyd & Vandenberghe suggest 10–20; our choice). */
const TAU_GROWTH = 10;
/** Centring stops when the Newton decrement λ²/2 falls below this (our choice; the certificate decides the gap). */
const NEWTON_TOL = 1e-9;
/** Newton decrement λ² below which the full Newton step is taken without a line search: λ < 1/4 is inside the
 * quadratic-convergence region of a self-concordant barrier (Boyd & Vandenberghe 2004, §9.6.4) [RECALLED]. */
const QUADRATIC_PHASE = 1 / 16;
/** In the second witness, patterns with a_j·s_j ≥ UNIT_SNAP use the unit vector û_j instead of u_j/t_j
 * (|u_j/t_j| = 1 − O(1/(a_j s_j)) loses ~w_j/a_j of the bound per pattern). Our choice; either witness is valid. */
const UNIT_SNAP = 100;
/** Stop after this many centrings without a better lower bound. At large τ the gradient amplifies the rounding
 * of u_j ≈ 0 by ~τ², so the central-path witness degrades (observed: best relative gap ~1e-5–1e-4 in d = 2
 * with tiny margins); the caller then falls back to FISTA. Our choice. */
const STALE_CENTRINGS = 3;
/** Armijo fraction and the fraction of the distance to the boundary q = 0 a step may take. */
const ARMIJO = 0.25;
const BOUNDARY_FRACTION = 0.99;
/** Ridge retries for a Hessian made indefinite by rounding: max diag × 1e-14, ×100 per retry (our choice). */
const RIDGE_TRIES = 4;
const RIDGE_START = 1e-14;
const RIDGE_GROWTH = 100;

export interface SupIpmOptions {
  relGap: number;
  /** Cap on the total number of Newton steps. */
  maxNewton: number;
  q0?: Float64Array;
}

/** Raw (not yet rounding-widened) bracket from the barrier method; see ./supSolver.ts finishBracket. */
export function solveSupIpm(X: Float64Array, y: Float64Array, n: number, d: number, pat: Patterns, opts: SupIpmOptions): SupSolveResult {
  const { P, w, ptr, idx, pptr, pat: pts } = pat;
  // Gxy_ik = y_i y_k <x_i, x_k> (lower triangle used)
  const Gxy = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k <= i; k++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += X[i * d + c] * X[k * d + c];
      Gxy[i * n + k] = y[i] * y[k] * s;
    }
  const U = new Float64Array(P * d);
  const computeU = (q: Float64Array): void => {
    U.fill(0);
    for (let i = 0; i < n; i++) {
      const c = q[i] * y[i];
      const xo = i * d;
      for (let t = pptr[i]; t < pptr[i + 1]; t++) {
        const uo = pts[t] * d;
        for (let k = 0; k < d; k++) U[uo + k] += c * X[xo + k];
      }
    }
  };
  const sOf = (j: number): number => {
    let nn = 0;
    for (let k = 0; k < d; k++) nn += U[j * d + k] ** 2;
    return Math.sqrt(nn);
  };
  /** Barrier objective at the current U and q (a_j = tau·w_j); Infinity outside q > 0. */
  const barrier = (q: Float64Array, tau: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      if (!(q[i] > 0)) return Infinity;
      f -= Math.log(q[i]);
    }
    for (let j = 0; j < P; j++) {
      const a = tau * w[j];
      const r = Math.sqrt(1 + (a * sOf(j)) ** 2);
      f += 1 + r - Math.log1p(r);
    }
    return f;
  };
  /** Certificate at the current U: [F, min_i c_i(v)] with v_j = u_j/t_j. */
  const vbuf = new Float64Array(d);
  const certify = (tau: number): [number, number] => {
    let F = 0;
    const V1 = new Float64Array(P * d);
    const V2 = new Float64Array(P * d);
    for (let j = 0; j < P; j++) {
      const s = sOf(j);
      F += w[j] * s;
      const a = tau * w[j];
      const r = Math.sqrt(1 + (a * s) ** 2);
      const sc1 = (w[j] * a) / (1 + r); // w_j · (1/t_j): the central-path witness
      // rounded witness: patterns clearly away from 0 (a·s ≥ UNIT_SNAP) take the exact unit direction û_j
      const sc2 = a * s >= UNIT_SNAP ? w[j] / s : sc1;
      for (let k = 0; k < d; k++) {
        V1[j * d + k] = sc1 * U[j * d + k];
        V2[j * d + k] = sc2 * U[j * d + k];
      }
    }
    let c1 = Infinity;
    let c2 = Infinity;
    const v2 = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      vbuf.fill(0);
      v2.fill(0);
      for (let t = pptr[i]; t < pptr[i + 1]; t++)
        for (let k = 0; k < d; k++) {
          vbuf[k] += V1[pts[t] * d + k];
          v2[k] += V2[pts[t] * d + k];
        }
      let dot1 = 0;
      let dot2 = 0;
      for (let k = 0; k < d; k++) {
        dot1 += vbuf[k] * X[i * d + k];
        dot2 += v2[k] * X[i * d + k];
      }
      c1 = Math.min(c1, y[i] * dot1);
      c2 = Math.min(c2, y[i] * dot2);
    }
    return [F, Math.max(c1, c2)];
  };

  let q = new Float64Array(n);
  for (let i = 0; i < n; i++) q[i] = opts.q0 ? 0.5 * opts.q0[i] + 0.5 / n : 1 / n;
  computeU(q);
  let [F, cmin] = certify(1);
  let upper = F;
  let lower = Math.max(0, cmin);
  const best = q.slice();
  let tau = (2 * P + n) / Math.max(F, Number.MIN_VALUE);
  const H = new Float64Array(n * n);
  const grad = new Float64Array(n);
  const z1 = new Float64Array(n);
  const z2 = new Float64Array(n);
  const dq = new Float64Array(n);
  const pa = new Float64Array(n);
  const pb = new Float64Array(n);
  const Hsave = new Float64Array(n * n);
  let qTry = new Float64Array(n);
  let newton = 0;
  let status: SupSolveResult['status'] = 'max-iter';
  let stale = 0;
  outer: for (;;) {
    // --- centring at tau
    for (;;) {
      if (newton >= opts.maxNewton) break outer;
      newton++;
      H.fill(0);
      for (let i = 0; i < n; i++) {
        grad[i] = -1 / q[i];
        H[i * n + i] = 1 / (q[i] * q[i]);
      }
      for (let j = 0; j < P; j++) {
        const a = tau * w[j];
        const s = sOf(j);
        const r = Math.sqrt(1 + (a * s) ** 2);
        const alpha = (a * a) / (1 + r);
        // ∇²_u g_j = (α/r) ûûᵀ + α (I − ûûᵀ): in d = 2 the complement is ⊥ûû⊥ᵀ, so both terms are formed as
        // explicit PSD rank-one sums (no cancellation); in d > 2 as α·Gxy − α(1 − 1/r)·(projections on û)².
        const inv = s > 0 ? 1 / s : 0;
        const u0 = U[j * d] * inv;
        const u1 = d > 1 ? U[j * d + 1] * inv : 0;
        const m0 = ptr[j];
        const m1 = ptr[j + 1];
        for (let t = m0; t < m1; t++) {
          const i = idx[t];
          let dot = 0;
          for (let k = 0; k < d; k++) dot += X[i * d + k] * U[j * d + k];
          pa[t - m0] = y[i] * dot * inv; // y_i <x_i, û>
          if (d === 2) pb[t - m0] = y[i] * (-u1 * X[i * 2] + u0 * X[i * 2 + 1]); // y_i <x_i, û⊥>
          grad[i] += alpha * y[i] * dot; // (∇_u g_j)·(y_i x_i) = α_j y_i <x_i, u_j>
        }
        const cA = d === 2 && s > 0 ? alpha / r : alpha * (1 - 1 / r);
        // members are ascending, so (t ≥ t') addresses the lower triangle
        for (let t = m0; t < m1; t++) {
          const i = idx[t];
          const row = i * n;
          const ai = pa[t - m0];
          if (d === 2 && s > 0) {
            const bi = pb[t - m0];
            for (let t2 = m0; t2 <= t; t2++) H[row + idx[t2]] += cA * ai * pa[t2 - m0] + alpha * bi * pb[t2 - m0];
          } else {
            for (let t2 = m0; t2 <= t; t2++) {
              const k = idx[t2];
              H[row + k] += alpha * Gxy[row + k] - cA * ai * pa[t2 - m0];
            }
          }
        }
      }
      // Rounding can cost definiteness when the barrier is steep: retry with a tiny ridge (the Newton step is
      // then slightly inexact, which the certificate does not care about).
      let factored = false;
      let maxDiag = 0;
      for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, H[i * n + i]);
      Hsave.set(H);
      for (let attempt = 0; attempt < RIDGE_TRIES && !factored; attempt++) {
        if (attempt > 0) {
          H.set(Hsave);
          const ridge = maxDiag * RIDGE_START * RIDGE_GROWTH ** (attempt - 1);
          for (let i = 0; i < n; i++) H[i * n + i] += ridge;
        }
        factored = choleskyInPlace(H, n);
      }
      if (!factored) break outer; // Hessian lost definiteness beyond repair: stop, report the gap reached // Hessian lost definiteness beyond repair: stop, report the gap reached
      z1.set(grad);
      choleskySolveInPlace(H, n, z1);
      z2.fill(1);
      choleskySolveInPlace(H, n, z2);
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        s1 += z1[i];
        s2 += z2[i];
      }
      const nu = -s1 / s2;
      let dec = 0;
      let smax = 1;
      for (let i = 0; i < n; i++) {
        dq[i] = -(z1[i] + nu * z2[i]);
        dec -= grad[i] * dq[i];
        if (dq[i] < 0) smax = Math.min(smax, (-BOUNDARY_FRACTION * q[i]) / dq[i]);
      }
      if (Number.isNaN(dec)) break outer;
      if (dec / 2 <= NEWTON_TOL) break; // centred (a tiny negative decrement is rounding: also centred)
      let step = smax;
      if (dec < QUADRATIC_PHASE) {
        // Quadratic phase: the full (feasible) Newton step needs no line search; an Armijo test here would
        // compare barrier values of size ~τF that differ below their rounding and stop centring too early.
        let sum = 0;
        for (let i = 0; i < n; i++) sum += qTry[i] = q[i] + step * dq[i];
        for (let i = 0; i < n; i++) qTry[i] /= sum;
        computeU(qTry);
        [q, qTry] = [qTry, q];
        continue;
      }
      const f0 = barrier(q, tau);
      let accepted = false;
      for (let ls = 0; ls < 60; ls++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += qTry[i] = q[i] + step * dq[i];
        for (let i = 0; i < n; i++) qTry[i] /= sum;
        computeU(qTry);
        if (barrier(qTry, tau) <= f0 - ARMIJO * step * dec) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) {
        computeU(q);
        break; // no decrease at working precision: treat as centred
      }
      [q, qTry] = [qTry, q];
    }
    [F, cmin] = certify(tau);
    if (F < upper) {
      upper = F;
      best.set(q);
    }
    if (cmin > lower) {
      lower = cmin;
      stale = 0;
    } else if (++stale >= STALE_CENTRINGS) break; // the witness no longer improves: precision limit reached
    if (upper - lower <= opts.relGap * upper) {
      status = 'converged';
      break;
    }
    tau *= TAU_GROWTH;
  }
  const relGap = upper > 0 ? (upper - lower) / upper : 1;
  return { lower, upper, q: best, iterations: newton, relGap, status };
}
