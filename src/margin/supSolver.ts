/**
 * Solver of the sup-norm margin program over a weighted set of activation patterns (./patterns.ts):
 *   γ = min_{q ∈ Δ_n} F(q),   F(q) = Σ_j w_j ‖u_j(q)‖,   u_j(q) = Σ_{i ∈ P_j} q_i y_i x_i ∈ R^d.
 * F is convex (a weighted sum of norms of linear maps) and positively 1-homogeneous.
 *
 * Certified bracket, valid for any iterate:
 *   upper: F(q) at a feasible q (the best seen);
 *   lower: for any unit-ball vectors v_j, ‖u_j‖ ≥ <v_j, u_j>, so F(p) ≥ Σ_i p_i c_i(v) with
 *          c_i(v) = y_i <x_i, Σ_{j ∋ i} w_j v_j>, hence γ ≥ min_i c_i(v) (a linear function's minimum over the
 *          simplex is at a vertex). This is weak duality of min_q max_{‖v_j‖≤1} Σ_j w_j <v_j, u_j(q)> [INFERRED].
 * We take v_j = u_j/max(‖u_j‖, μ), the gradient of the Huber smoothing h_μ(u) = ‖u‖²/(2μ) (‖u‖ ≤ μ),
 * ‖u‖ − μ/2 (else) (Nesterov 2005, "Smooth minimization of non-smooth functions", Math. Prog. 103) [RECALLED]; so
 * every gradient evaluation of the smoothed objective F_μ yields a lower bound: c(v) = ∇F_μ.
 * At a minimiser of F_μ the gap F − min c is ≤ μ/4 [INFERRED: Σ_j w_j(‖u_j‖ − ‖u_j‖²/μ) over ‖u_j‖ < μ].
 *
 * Optimiser: FISTA (Beck & Teboulle 2009, SIAM J. Imaging Sci. 2(1)) with backtracking on L, Euclidean
 * projection onto the simplex, function-value adaptive restart (O'Donoghue & Candès 2015, Found. Comput. Math.
 * 15) [RECALLED], and continuation μ ← μ/4 whenever the certified gap falls below 2μ, down to
 * μ_min = relGap·upper/2. One iteration costs O(Σ_i |patterns ∋ i| · d) for the gradient plus the same for
 * each backtracking trial. The returned bracket is widened by a forward rounding bound (see the end of
 * solveSup), so it holds for the exact objective with the given weights. [CHECKED] against closed forms and a dense grid in test/margin/*.
 */
import type { Patterns } from './patterns.js';
import { projectSimplex } from './simplexProjection.js';
import { UNIT_ROUNDOFF, gammaK } from './constants.js';
import { solveSupIpm } from './supIpm.js';
import type { SupSolveResult } from './supSolveResult.js';

export interface SupSolveOptions {
  /** Target (upper − lower)/upper. */
  relGap: number;
  /** Iteration cap (FISTA iterations). */
  maxIter: number;
  /** Optional warm start in the simplex (length n). */
  q0?: Float64Array;
  /** Bound on Σ_j |ŵ_j − w_j|, the rounding error of the pattern weights themselves (exact d = 2 arcs);
   *  widens the bracket by weightError·max‖x_i‖. @defaultValue 0 (weights count/N are exact up to u). */
  weightError?: number;
  /** Force one algorithm (tests cross-check them); 'auto' picks as described at solveSup. @defaultValue 'auto' */
  method?: 'auto' | 'ipm' | 'fista';
}

/** Continuation factor for μ and the initial μ as a fraction of F(q0) (our choices, tuned for speed only:
 * they do not affect the validity of the bracket). */
const MU_SHRINK = 4;
const MU_INIT_FRACTION = 0.1;
/** After each iteration L ← 0.95·L so the step can grow back after a backtrack (our choice, speed only). */
const L_DECAY = 0.95;
/** Slack of the backtracking test, in units of u·max‖x_i‖: u(y) is formed by a linear combination of u(x⁺)
 * and u(x), not recomputed, so F_μ(y) carries ≲ 12u·R of rounding (|β| ≤ 1, entries ≤ R); without this slack a
 * step with x⁺ ≈ y fails the test forever (found by test/margin/invariance.property.test.ts). [INFERRED] */
const BACKTRACK_SLACK_ULPS = 64;
/** L beyond this (relative to the initial R²/μ) means the backtracking cannot succeed at working precision:
 * stop and report the bracket reached (status 'max-iter'). */
const L_GROWTH_MAX = 1e30;
/** R = max_i ‖x_i‖ of n×d row-major X: the problem's scale (F ≤ R) in the rounding floors below. */
function maxRowNorm(X: Float64Array, n: number, d: number): number {
  let R = 0;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let k = 0; k < d; k++) r += X[i * d + k] ** 2;
    R = Math.max(R, Math.sqrt(r));
  }
  return R;
}

/** F ≤ ZERO_FLOOR_ULPS·eps·max‖x_i‖ counts as γ = 0 at working precision (our choice: 1000 ulps ≈ 2e-13). */
const ZERO_FLOOR_ULPS = 1000;
/** Flop budget of one interior-point Newton step (Hessian Σ|P_j|²/2 + Cholesky n³/3) below which the IPM is
 * used (our choice: ~3·10^7 ≈ 30 ms per step; e.g. exact d = 2 up to n ≈ 400). */
const IPM_MAX_WORK = 3e7;
/** The IPM pays off in low dimension, where many u_j vanish at the optimum and FISTA crawls (measured: exact
 * d = 2, n = 100–200, tiny margins: IPM < 2 s vs FISTA > 30 s without reaching 1e-3); in d ≥ 4 FISTA needs
 * ~120 cheap iterations and was faster (n = 200, d = 20, N = 2000: 4 s vs 8 s). Tiny problems use the IPM
 * in any d. Our choices, speed only. */
const IPM_MAX_D = 3;
const IPM_SMALL_WORK = 1e6;
/** Cap on Newton steps of the IPM before falling back to FISTA (our choice; typical runs use 30–80). */
const IPM_MAX_NEWTON = 300;
/** Iteration cap of the FISTA fallback after the IPM stopped short (our choice: it rarely gains much beyond). */
const FALLBACK_MAX_ITER = 2000;

/** FISTA on the smoothed program; returns the raw (not rounding-widened) bracket. @internal */
function solveSupFista(X: Float64Array, y: Float64Array, n: number, d: number, pat: Patterns, opts: SupSolveOptions): SupSolveResult {
  const { P, w, pptr, pat: pts } = pat;
  // u_j at x (current iterate), at the trial point, and at the extrapolated point y. u is linear in q, so
  // u(y) = u(x⁺) + β(u(x⁺) − u(x)) costs O(P·d) instead of a pass over the patterns.
  let Ux = new Float64Array(P * d);
  let Un = new Float64Array(P * d);
  const Uy = new Float64Array(P * d);
  const V = new Float64Array(P * d); // w_j v_j
  const s = new Float64Array(d);

  /** u_j(q) for all j into U. */
  const computeU = (q: Float64Array, U: Float64Array): void => {
    U.fill(0);
    for (let i = 0; i < n; i++) {
      const c = q[i] * y[i];
      if (c === 0) continue;
      const xo = i * d;
      for (let t = pptr[i]; t < pptr[i + 1]; t++) {
        const uo = pts[t] * d;
        for (let k = 0; k < d; k++) U[uo + k] += c * X[xo + k];
      }
    }
  };
  /** From U: exact F, smoothed F_μ, and (optionally) the Huber gradient into g. Returns [F, Fμ]. */
  const evalU = (U: Float64Array, mu: number, g: Float64Array | null): [number, number] => {
    let F = 0;
    let Fmu = 0;
    for (let j = 0; j < P; j++) {
      let nn = 0;
      const uo = j * d;
      for (let k = 0; k < d; k++) nn += U[uo + k] * U[uo + k];
      const nrm = Math.sqrt(nn);
      F += w[j] * nrm;
      Fmu += w[j] * (nrm <= mu ? nn / (2 * mu) : nrm - mu / 2);
      if (g) {
        const sc = w[j] / Math.max(nrm, mu);
        for (let k = 0; k < d; k++) V[uo + k] = sc * U[uo + k];
      }
    }
    if (g) {
      for (let i = 0; i < n; i++) {
        s.fill(0);
        for (let t = pptr[i]; t < pptr[i + 1]; t++) {
          const vo = pts[t] * d;
          for (let k = 0; k < d; k++) s[k] += V[vo + k];
        }
        let dot = 0;
        const xo = i * d;
        for (let k = 0; k < d; k++) dot += s[k] * X[xo + k];
        g[i] = y[i] * dot;
      }
    }
    return [F, Fmu];
  };

  let x = new Float64Array(n);
  if (opts.q0) x.set(opts.q0);
  else x.fill(1 / n);
  const yv = x.slice();
  const g = new Float64Array(n);
  const step = new Float64Array(n);
  const work = new Float64Array(n);
  let xNew = new Float64Array(n);

  computeU(x, Ux);
  Uy.set(Ux);
  const [F0] = evalU(Ux, 1, null);
  let upper = F0;
  const best = x.slice();
  let lower = 0;
  // Scale of the problem: max_i ‖x_i‖ bounds F; rounding floor for "γ = 0".
  const R = maxRowNorm(X, n, d);
  const zeroFloor = ZERO_FLOOR_ULPS * Number.EPSILON * R;
  let mu = Math.max(MU_INIT_FRACTION * F0, zeroFloor);
  // Initial Lipschitz guess R²/μ (exact for one pattern holding one point); backtracking raises it as needed.
  let L = (R * R) / mu;
  const slack = BACKTRACK_SLACK_ULPS * UNIT_ROUNDOFF * R;
  let Lcap = L * L_GROWTH_MAX;
  let tk = 1;
  let FmuPrev = Infinity;
  let it = 0;
  let status: SupSolveResult['status'] = 'max-iter';

  for (;;) {
    const gap = upper - lower;
    if (upper <= zeroFloor) {
      status = 'not-separable';
      break;
    }
    if (gap <= opts.relGap * upper) {
      status = 'converged';
      break;
    }
    if (it >= opts.maxIter) break;
    it++;
    const muMin = (opts.relGap * upper) / 2;
    if (gap < 2 * mu && mu > muMin) {
      const muNew = Math.max(mu / MU_SHRINK, muMin);
      L *= mu / muNew;
      Lcap *= mu / muNew;
      mu = muNew;
      tk = 1;
      x.set(best);
      yv.set(best);
      computeU(best, Ux);
      Uy.set(Ux);
      FmuPrev = Infinity;
    }
    // gradient at the extrapolated point (also a certified lower bound)
    const [, FmuY] = evalU(Uy, mu, g);
    let gmin = Infinity;
    for (let i = 0; i < n; i++) if (g[i] < gmin) gmin = g[i];
    if (gmin > lower) lower = gmin;
    // backtracking on L (Beck–Teboulle 2009, FISTA with backtracking)
    let FmuX = 0;
    let FX = 0;
    for (;;) {
      for (let i = 0; i < n; i++) step[i] = yv[i] - g[i] / L;
      projectSimplex(step, xNew, work);
      computeU(xNew, Un);
      [FX, FmuX] = evalU(Un, mu, null);
      let lin = 0;
      let quad = 0;
      for (let i = 0; i < n; i++) {
        const dlt = xNew[i] - yv[i];
        lin += g[i] * dlt;
        quad += dlt * dlt;
      }
      if (FmuX <= FmuY + lin + (L / 2) * quad + slack) break;
      L *= 2;
      if (!(L <= Lcap)) break;
    }
    if (!(L <= Lcap)) break; // stalled at working precision
    if (FX < upper) {
      upper = FX;
      best.set(xNew);
    }
    // adaptive restart on function increase, otherwise Nesterov momentum
    if (FmuX > FmuPrev) {
      tk = 1;
      yv.set(xNew);
      Uy.set(Un);
    } else {
      const tNext = (1 + Math.sqrt(1 + 4 * tk * tk)) / 2;
      const beta = (tk - 1) / tNext;
      for (let i = 0; i < n; i++) yv[i] = xNew[i] + beta * (xNew[i] - x[i]);
      for (let t = 0; t < P * d; t++) Uy[t] = Un[t] + beta * (Un[t] - Ux[t]);
      tk = tNext;
    }
    FmuPrev = FmuX;
    [x, xNew] = [xNew, x];
    [Ux, Un] = [Un, Ux];
    L *= L_DECAY;
  }
  if (lower > upper) lower = upper;
  const relGap = upper > 0 ? (upper - lower) / upper : 1;
  return { lower: status === 'not-separable' ? 0 : lower, upper, q: best, iterations: it, relGap, status };
}

/**
 * Solve the program over weighted patterns with a certified bracket: the interior-point solver (./supIpm.ts)
 * in low dimension or for tiny problems, when one Newton step is affordable (Σ_j |P_j|²/2 + n³/3 ≤
 * IPM_MAX_WORK); otherwise — or if it stops short of the target gap — FISTA, warm-started from the IPM's best
 * point; the two certified brackets are intersected.
 * The bracket is then widened by a forward rounding bound so it holds for the exact objective.
 */
export function solveSup(X: Float64Array, y: Float64Array, n: number, d: number, pat: Patterns, opts: SupSolveOptions): SupSolveResult {
  const R = maxRowNorm(X, n, d);
  const zeroFloor = ZERO_FLOOR_ULPS * Number.EPSILON * R;
  let work = (n * n * n) / 3;
  for (let j = 0; j < pat.P; j++) work += (pat.ptr[j + 1] - pat.ptr[j]) ** 2 / 2;
  let res: SupSolveResult | null = null;
  const method = opts.method ?? 'auto';
  const useIpm = method === 'ipm' || (method === 'auto' && work <= IPM_MAX_WORK && (d <= IPM_MAX_D || work <= IPM_SMALL_WORK));
  if (pat.P > 0 && useIpm) {
    res = solveSupIpm(X, y, n, d, pat, { relGap: opts.relGap, maxNewton: IPM_MAX_NEWTON, q0: opts.q0 });
    if (res.upper <= zeroFloor) res = { ...res, lower: 0, status: 'not-separable' };
  }
  if (!res || (res.status === 'max-iter' && method !== 'ipm')) {
    const fista = solveSupFista(X, y, n, d, pat, { ...opts, q0: res ? res.q : opts.q0, maxIter: res ? Math.min(opts.maxIter, FALLBACK_MAX_ITER) : opts.maxIter });
    if (res) {
      const better = fista.upper <= res.upper ? fista : res;
      const lower = Math.max(res.lower, fista.lower);
      const upper = better.upper;
      const ok = upper - lower <= opts.relGap * upper;
      res = {
        lower,
        upper,
        q: better.q,
        iterations: res.iterations + fista.iterations,
        relGap: upper > 0 ? (upper - lower) / upper : 1,
        status: fista.status === 'not-separable' ? 'not-separable' : ok ? 'converged' : 'max-iter',
      };
    } else res = fista;
  }
  // Rounding allowance: F and each c_i are sums of ≤ P + n + d products of magnitude ≤ w_j·‖x_i‖·q_i, whose
  // total is ≤ R, so |fl − exact| ≤ 2γ_{P+n+d}·R (Higham 2002, eq. 4.4) [RECALLED]; plus the weights' own error.
  const rho = 2 * gammaK(pat.P + n + d + 4) * R + (opts.weightError ?? 0) * R;
  const upper = res.upper + rho;
  let lower = res.status === 'not-separable' ? 0 : Math.max(0, res.lower - rho);
  if (lower > upper) lower = upper;
  return { ...res, lower, upper, relGap: upper > 0 ? (upper - lower) / upper : 1 };
}
