/**
 * Sup-norm (Ji–Telgarsky) margin γ_sup and its finite versions.
 *
 * Ji & Telgarsky 2020 (arXiv 1909.12292), Assumption 2.1 [RECALLED]: there is v̄: R^d → R^d with ‖v̄(z)‖ ≤ 1 and
 *   y_i E_z <v̄(z), x_i 1[<z, x_i> > 0]> ≥ γ  for all i,   z ~ N(0, I_d).
 * The best such γ is, by the minimax theorem (bilinear in (q, v̄), simplex × unit balls),
 *   γ_sup = min_{q ∈ Δ_n} E_z ‖Σ_i q_i y_i x_i 1[<z, x_i> > 0]‖          [INFERRED],
 * and the unit vectors v_j of our lower bound are exactly a discretised v̄. On the unit sphere
 * γ_sup ≤ min_i ‖x_i‖/2 (q = e_i: E‖x_i 1[·]‖ = ‖x_i‖/2), and γ_sup ≤ γ_rkhs by Jensen (E‖·‖ ≤ sqrt(E‖·‖²),
 * and E_z‖Σ q_i y_i x_i 1[·]‖² = qᵀQq with the NTK Gram) [INFERRED].
 * Three versions: a finite direction set (gammaSupFinite), the student's initial rows (gammaFinite), and
 * Monte Carlo over z with a confidence interval (gammaSup). The exact d = 2 version is in ./gammaSupExact2d.ts.
 */
import { InputError, ShapeError } from '../errors.js';
import { deriveSeed, makeRng } from '../rng.js';
import { ntkGram } from '../ntk/analytic.js';
import { SUP_CONFIDENCE, SUP_MAX_ITER, SUP_REL_GAP, SUP_SAMPLES } from './constants.js';
import { gammaRkhs } from './gammaRkhs.js';
import { patternsFromDirections, type Patterns } from './patterns.js';
import { solveSup } from './supSolver.js';

export interface SupBracket {
  /** Certified lower bound (dual witness v_j, unit ball). */
  lower: number;
  /** Certified upper bound F(q) at the returned q. */
  upper: number;
  q: Float64Array;
  iterations: number;
  /** (upper − lower)/upper reached (1 when upper = 0). */
  relGap?: number;
  status?: 'converged' | 'not-separable' | 'max-iter';
}

export interface SupFiniteOptions {
  /** Target relative gap. @defaultValue SUP_REL_GAP = 1e-3 */
  relGap?: number;
  /** Iteration cap. @defaultValue SUP_MAX_ITER */
  maxIter?: number;
  /** Warm start q0 ∈ Δ_n; default: the γ_rkhs maximiser q (same support structure, cheap). */
  q0?: Float64Array;
}

/** Validate X (n×d), y (±1), finite entries. @throws ShapeError / InputError naming the field. */
export function checkInputs(fn: string, X: Float64Array, y: Float64Array, n: number, d: number): void {
  if (!Number.isInteger(n) || n < 1) throw new InputError('n', `${fn}: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new InputError('d', `${fn}: d must be a positive integer, got ${d}`);
  if (X.length !== n * d) throw new ShapeError(`${fn}: X has length ${X.length}, expected n·d = ${n}·${d}`);
  if (y.length !== n) throw new ShapeError(`${fn}: y has length ${y.length}, expected n = ${n}`);
  for (let i = 0; i < n; i++) {
    if (y[i] !== 1 && y[i] !== -1) throw new InputError(`y[${i}]`, `${fn}: labels must be ±1, got ${y[i]}`);
    let r = 0;
    for (let k = 0; k < d; k++) {
      const v = X[i * d + k];
      if (!Number.isFinite(v)) throw new InputError(`x[${i}][${k}]`, `${fn}: not finite (${v})`);
      r += v * v;
    }
    if (r === 0) throw new InputError(`x[${i}]`, `${fn}: zero input has no activation pattern (put inputs on the sphere)`);
  }
}

function checkOpts(fn: string, relGap: number, maxIter: number): void {
  if (!(relGap > 0 && relGap < 1)) throw new InputError('relGap', `${fn}: must be in (0, 1), got ${relGap}`);
  if (!(Number.isInteger(maxIter) && maxIter >= 0)) throw new InputError('maxIter', `${fn}: must be an integer ≥ 0, got ${maxIter}`);
}

/** Solve over given patterns with the default warm start. @internal */
export function solvePatterns(fn: string, X: Float64Array, y: Float64Array, n: number, d: number, pat: Patterns, opts: SupFiniteOptions = {}): SupBracket {
  const relGap = opts.relGap ?? SUP_REL_GAP;
  const maxIter = opts.maxIter ?? SUP_MAX_ITER;
  checkOpts(fn, relGap, maxIter);
  const q0 = opts.q0 ?? gammaRkhs(ntkGram(X, n, d), y, n).q;
  if (q0.length !== n) throw new ShapeError(`${fn}: q0 has length ${q0.length}, expected n = ${n}`);
  const r = solveSup(X, y, n, d, pat, { relGap, maxIter, q0, weightError: pat.weightError });
  return { lower: r.lower, upper: r.upper, q: r.q, iterations: r.iterations, relGap: r.relGap, status: r.status };
}

/**
 * Finite-direction sup-norm margin: certified bracket of
 *   γ_Z = min_{q ∈ Δ_n} (1/N) Σ_j ‖Σ_i q_i y_i x_i 1[<z_j, x_i> > 0]‖.
 * @param X  n×d inputs (row-major).  @param y  n labels ±1.  @param Z  N×d directions (row-major).
 * @returns  SupBracket: lower from the dual witness, upper from the feasible q (see ./supSolver.ts).
 * @throws   ShapeError (lengths), InputError (labels, non-finite or zero inputs, options).
 * Cost: O(N·n·d) to find patterns, then O(Σ_j |P_j|·d) per solver iteration.
 */
export function gammaSupFinite(X: Float64Array, y: Float64Array, n: number, d: number, Z: Float64Array, N: number, opts: SupFiniteOptions = {}): SupBracket {
  checkInputs('gammaSupFinite', X, y, n, d);
  if (!Number.isInteger(N) || N < 1) throw new InputError('N', `gammaSupFinite: N must be a positive integer, got ${N}`);
  if (Z.length !== N * d) throw new ShapeError(`gammaSupFinite: Z has length ${Z.length}, expected N·d = ${N}·${d}`);
  return solvePatterns('gammaSupFinite', X, y, n, d, patternsFromDirections(X, n, d, Z, N), opts);
}

/**
 * Finite-width margin γ_m: the finite program with z_s = w_s(0), the student's initial first-layer rows
 * (the quantity in Ji–Telgarsky's proof; with probability ≥ 1 − δ over W0, γ_m ≥ γ_sup − sqrt(2 ln(n/δ)/m)
 * by Hoeffding on each i for the fixed v̄ and a union bound [RECALLED]).
 * @param W0  m×d initial weights (row-major).  Other parameters and errors as gammaSupFinite.
 */
export function gammaFinite(X: Float64Array, y: Float64Array, n: number, d: number, W0: Float64Array, m: number, opts: SupFiniteOptions = {}): SupBracket {
  checkInputs('gammaFinite', X, y, n, d);
  if (!Number.isInteger(m) || m < 1) throw new InputError('m', `gammaFinite: m must be a positive integer, got ${m}`);
  if (W0.length !== m * d) throw new ShapeError(`gammaFinite: W0 has length ${W0.length}, expected m·d = ${m}·${d}`);
  return solvePatterns('gammaFinite', X, y, n, d, patternsFromDirections(X, n, d, W0, m), opts);
}

export interface SupMargin {
  kind: 'sup';
  /** In-sample value of the finite program on the first N directions (bracket midpoint; biased low). */
  estimate: number;
  /** Lower end of the confidence interval for γ_sup (see gammaSup). */
  lower: number;
  /** Upper end of the confidence interval for γ_sup. */
  upper: number;
  /** N: directions used to fit q (another N fresh directions evaluate it). */
  samples: number;
  /** 1 − δ of the interval [lower, upper] (both sides together). */
  confidence: number;
  /** lower > 0. */
  separable: boolean;
  /** The finite-program bracket on the fitting directions. */
  finite: { lower: number; upper: number; relGap: number; iterations: number };
  /** Mean of ‖Σ q̂_i y_i x_i 1[·]‖ over the fresh directions (an unbiased estimate of F(q̂) ≥ γ_sup). */
  heldOut: number;
  /** Certified upper bound of γ_rkhs (a deterministic upper bound on γ_sup). */
  rkhsUpper: number;
  /** The fitted q̂. */
  q: Float64Array;
  /** One line stating the interval's method. */
  method: string;
}

export interface SupOptions extends SupFiniteOptions {
  /** N, the number of fitting directions (the same number again is drawn for evaluation). @defaultValue 2000 */
  samples?: number;
  /** Seed of the direction sampler (recorded). @defaultValue 0 */
  seed?: number | string;
  /** 1 − δ. @defaultValue 0.95 */
  confidence?: number;
}

/** Bernstein deviation: mean of N i.i.d. terms in [0, 1] deviates by ≤ sqrt(2σ²L/N) + 2L/(3N), L = ln(1/δ').
 * Boucheron, Lugosi & Massart 2013, Thm 2.10 [RECALLED]. Here σ² ≤ E Y (Y ∈ [0,1] ⇒ Y² ≤ Y), which makes the
 * bound self-referential in E Y; the two helpers solve the resulting quadratics in sqrt(E Y). */
function lowerFromBernstein(mean: number, N: number, L: number): number {
  // E Y ≥ g where g + sqrt(2gL/N) + 2L/(3N) = mean (upper tail of the mean at a fixed point)
  const a = Math.sqrt((2 * L) / N);
  const c = mean - (2 * L) / (3 * N);
  if (!(c > 0)) return 0;
  const s = (-a + Math.sqrt(a * a + 4 * c)) / 2;
  return s * s;
}
function upperFromBernstein(mean: number, N: number, L: number): number {
  // E Y ≤ h where h − sqrt(2hL/N) − 2L/(3N) = mean (lower tail of the mean at a fixed point)
  const a = Math.sqrt((2 * L) / N);
  const c = mean + (2 * L) / (3 * N);
  const s = (a + Math.sqrt(a * a + 4 * c)) / 2;
  return s * s;
}

/** Mean over N directions of ‖Σ_i q_i y_i x_i 1[<z_j,x_i> > 0]‖ (exact evaluation at a fixed q). O(N·n·d). */
export function supObjective(X: Float64Array, y: Float64Array, n: number, d: number, Z: Float64Array, N: number, q: Float64Array): number {
  const u = new Float64Array(d);
  let total = 0;
  for (let j = 0; j < N; j++) {
    u.fill(0);
    for (let i = 0; i < n; i++) {
      if (q[i] === 0) continue;
      let z = 0;
      for (let k = 0; k < d; k++) z += Z[j * d + k] * X[i * d + k];
      if (z > 0) {
        const c = q[i] * y[i];
        for (let k = 0; k < d; k++) u[k] += c * X[i * d + k];
      }
    }
    let nn = 0;
    for (let k = 0; k < d; k++) nn += u[k] * u[k];
    total += Math.sqrt(nn);
  }
  return total / N;
}

/**
 * Monte Carlo γ_sup with z ~ N(0, I_d) and an honest confidence interval.
 *
 * Method (δ = 1 − confidence, split δ/2 per side; R = max_i ‖x_i‖ so each term ‖·‖/R ∈ [0, 1]) [INFERRED]:
 *  - Fit: draw N directions Z₁, solve the finite program: certified bracket [ℓ_N, u_N] ∋ γ_N = min_q F_N(q).
 *    γ_N is biased LOW (a minimum of sample means), which is why the two sides are treated differently.
 *  - Lower: let q* be a true minimiser (fixed, not data dependent). ℓ_N ≤ γ_N ≤ F_N(q*), and F_N(q*) is a mean
 *    of N i.i.d. terms with mean γ_sup, so Bernstein's upper tail at q* (variance ≤ mean, since terms ∈ [0,1])
 *    gives F_N(q*) ≤ γ + sqrt(2γL/N) + 2L/(3N) w.p. ≥ 1 − δ/2 (L = ln(2/δ)); solving for γ gives `lower`.
 *    No uniform deviation over q is needed because only the fixed q* enters.
 *  - Upper: draw N fresh directions Z₂ (independent of q̂), evaluate F at the fitted q̂: F(q̂) ≥ γ_sup, and
 *    Bernstein's lower tail at q̂ bounds F(q̂) from above w.p. ≥ 1 − δ/2: `upper`. Also γ_sup ≤ min_i ‖x_i‖/2
 *    exactly (q = e_i), and γ_sup ≤ γ_rkhs ≤ its certified upper bound (Jensen, see module doc), so
 *    upper = min(min_i ‖x_i‖/2, γ_rkhs upper, Bernstein).
 *  Both widths shrink like sqrt(γ/N). `estimate` = the fitting-program midpoint (u_N + ℓ_N)/2.
 * @param X n×d inputs; y labels ±1; seed recorded via deriveSeed(seed, 'gammaSup', 'fit'|'eval').
 * @throws ShapeError / InputError (inputs, samples < 1, confidence ∉ (0, 1)).
 */
export function gammaSup(X: Float64Array, y: Float64Array, n: number, d: number, opts: SupOptions = {}): SupMargin {
  checkInputs('gammaSup', X, y, n, d);
  const N = opts.samples ?? SUP_SAMPLES;
  const conf = opts.confidence ?? SUP_CONFIDENCE;
  const seed = opts.seed ?? 0;
  if (!Number.isInteger(N) || N < 1) throw new InputError('samples', `gammaSup: must be a positive integer, got ${N}`);
  if (!(conf > 0 && conf < 1)) throw new InputError('confidence', `gammaSup: must be in (0, 1), got ${conf}`);
  const delta = 1 - conf;
  const L = Math.log(2 / delta);
  let R = 0;
  let halfMinNorm = Infinity;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let k = 0; k < d; k++) r += X[i * d + k] ** 2;
    R = Math.max(R, Math.sqrt(r));
    halfMinNorm = Math.min(halfMinNorm, Math.sqrt(r) / 2);
  }
  const draw = (tag: string): Float64Array => {
    const rng = makeRng(deriveSeed(seed, 'gammaSup', tag));
    const Z = new Float64Array(N * d);
    for (let t = 0; t < Z.length; t++) Z[t] = rng.normal();
    return Z;
  };
  const Z1 = draw('fit');
  const rkhs = gammaRkhs(ntkGram(X, n, d), y, n);
  const fit = gammaSupFinite(X, y, n, d, Z1, N, { q0: rkhs.q, ...opts });
  const Z2 = draw('eval');
  const heldOut = supObjective(X, y, n, d, Z2, N, fit.q);
  const lower = R * lowerFromBernstein(fit.lower / R, N, L);
  const upper = Math.min(halfMinNorm, rkhs.upper, R * upperFromBernstein(heldOut / R, N, L));
  return {
    kind: 'sup',
    estimate: (fit.lower + fit.upper) / 2,
    lower,
    upper,
    samples: N,
    confidence: conf,
    separable: lower > 0,
    finite: { lower: fit.lower, upper: fit.upper, relGap: fit.relGap ?? NaN, iterations: fit.iterations },
    heldOut,
    rkhsUpper: rkhs.upper,
    q: fit.q,
    method:
      `Bernstein (variance ≤ mean, terms in [0, max‖x‖]) at δ/2 per side, δ = ${delta.toPrecision(3)}: lower at the fixed ` +
      `minimiser q* from the fitted program's certified lower bound; upper at the fitted q̂ on ${N} fresh directions, ` +
      `capped by the deterministic bounds gamma_sup <= gamma_rkhs and <= min_i ||x_i||/2`,
  };
}
