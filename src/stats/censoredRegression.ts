/**
 * Interval-censored normal linear regression (the interval-censored Tobit model) by maximum likelihood, with
 * profile-likelihood confidence intervals for each coefficient.
 *
 * Model: a latent response y_i = x_i·β + σ·e_i with e_i ~ N(0, 1) i.i.d.; observation i only says y_i ∈ (l_i, u_i],
 * where l_i may be −∞ (left-censored), u_i may be +∞ (right-censored) and l_i = u_i is an exact value. The
 * log-likelihood is Σ ln(Φ((u_i − x_i·β)/σ) − Φ((l_i − x_i·β)/σ)) (plus ln φ(z_i) − ln σ for exact values).
 * Fitting: Olsen's reparametrisation g = β/σ, h = 1/σ makes it concave in (g, h): every term is the log of a
 * log-concave probability of an interval whose ends are linear in (g, h) (Prékopa). We maximise it by damped
 * Newton steps (Levenberg–Marquardt ridge, backtracking), with σ ≥ σ_min: when a line threads every interval the
 * likelihood tends to 1 as σ → 0 and no finite maximum exists, so σ_min is a stated floor of the noise model.
 * Intervals: the profile-likelihood interval {b : 2(ℓ̂ − ℓ_p(b)) ≤ χ²_{1, 1−α}} (Wilks), ℓ_p(b) the maximum with
 * β_j = b held fixed (a fit of the other coefficients with x_ij·b as an offset). An end the deviance never
 * reaches within ±PROFILE_SPAN of the estimate is reported as ∓Infinity (the data do not bound the coefficient).
 * Sources: Tobin 1958, Econometrica 26:24 (censored normal regression); Olsen 1978, Econometrica 46:1211
 * (concavity after reparametrising); Venzon & Moolgavkar 1988, Appl. Stat. 37:87 (profile-likelihood intervals)
 * [RECALLED]. [CHECKED] in test/stats/censoredRegression.test.ts against OLS and its closed-form profile interval
 * (uncensored data), a grid maximisation (censored data), and simulated coverage with known coefficients.
 */
import jStat from 'jstat';
import { Matrix, solve } from 'ml-matrix';
import { InputError } from '../errors.js';

/** One observation: covariates (the intercept is added by the fit) and the interval (lower, upper] of y. */
export interface IntervalObservation {
  /** Covariates x_i (without the intercept), the same length for every observation. */
  x: readonly number[];
  /** Lower end of y's interval (exclusive); null = −∞. */
  lower: number | null;
  /** Upper end (inclusive); null = +∞. lower === upper is an exact observation. */
  upper: number | null;
}

export interface CensoredFitOptions {
  /** Two-sided level of the profile intervals: coverage 1 − α. @defaultValue 0.05 */
  alpha?: number;
  /** Floor of σ (see module doc). @defaultValue 0.05 */
  sigmaMin?: number;
  /** Compute profile intervals for these coefficient indices (0 = intercept). @defaultValue every coefficient */
  profile?: number[];
}

export interface CoefficientInterval {
  estimate: number;
  /** Profile-likelihood interval at level 1 − α; ±Infinity when the data do not bound that side. */
  lower: number;
  upper: number;
}

export interface CensoredFit {
  /** β̂: intercept first, then one per covariate. */
  coef: number[];
  sigma: number;
  /** True when σ̂ sits on its floor σ_min (a line threads every interval). */
  sigmaAtFloor: boolean;
  logLik: number;
  converged: boolean;
  /** Observations, and how many are left-, right- and interval-censored or exact. */
  n: number;
  censoring: { left: number; right: number; interval: number; exact: number };
  alpha: number;
  /** Profile intervals by coefficient index (absent for indices not requested). */
  intervals: (CoefficientInterval | undefined)[];
}

/** How far (in coefficient units) the profile search walks from the estimate before calling a side unbounded. */
export const PROFILE_SPAN = 50;

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln φ(z), the standard normal log-density. */
function logPhi(z: number): number {
  return -0.5 * z * z - LOG_SQRT_2PI;
}

/**
 * ln Φ(z), accurate in the far lower tail: jStat's Φ for z > −5, else the Mills-ratio continued fraction
 * Φ(z) = φ(z)·R(−z), R(x) = 1/(x + 1/(x + 2/(x + 3/(x + …)))) (Abramowitz & Stegun 26.2.14 [RECALLED]), evaluated
 * backwards with 60 terms (relative error < 1e-15 for x ≥ 5).
 */
export function logNormalCdf(z: number): number {
  if (z === Infinity) return 0;
  if (z === -Infinity) return -Infinity;
  if (z > -5) return Math.log(jStat.normal.cdf(z, 0, 1));
  const x = -z;
  let r = x;
  for (let k = 60; k >= 1; k--) r = x + k / r;
  return logPhi(z) - Math.log(r);
}

/** ln(Φ(b) − Φ(a)) for a ≤ b, without cancellation in either tail. */
function logIntervalProb(a: number, b: number): number {
  if (b <= 0) return logDiff(logNormalCdf(b), logNormalCdf(a));
  if (a >= 0) return logDiff(logNormalCdf(-a), logNormalCdf(-b));
  return Math.log(1 - Math.exp(logNormalCdf(a)) - Math.exp(logNormalCdf(-b)));
}

/** ln(e^p − e^q) for p ≥ q. */
function logDiff(p: number, q: number): number {
  return q === -Infinity ? p : p + Math.log(-Math.expm1(q - p));
}

interface Prepared {
  X: number[][];
  lo: number[];
  hi: number[];
}

/** Value, gradient and Hessian of the log-likelihood in θ = (g, h) (module doc). */
function evaluate(d: Prepared, theta: number[], withDerivatives: boolean): { ll: number; grad: number[]; hess: number[][] } {
  const p = theta.length - 1;
  const h = theta[p];
  const grad = new Array<number>(p + 1).fill(0);
  const hess = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
  let ll = 0;
  const addOuter = (w: number, u: number[], v: number[]) => {
    for (let r = 0; r <= p; r++) for (let c = 0; c <= p; c++) hess[r][c] += w * u[r] * v[c];
  };
  for (let i = 0; i < d.X.length; i++) {
    const xi = d.X[i];
    let eta = 0;
    for (let k = 0; k < p; k++) eta += xi[k] * theta[k];
    const l = d.lo[i];
    const u = d.hi[i];
    if (l === u) {
      const z = h * u - eta;
      ll += logPhi(z) + Math.log(h);
      if (!withDerivatives) continue;
      const v = [...xi.map((t) => -t), u];
      for (let r = 0; r <= p; r++) grad[r] += -z * v[r];
      grad[p] += 1 / h;
      addOuter(-1, v, v);
      hess[p][p] += -1 / (h * h);
      continue;
    }
    const zu = u === Infinity ? Infinity : h * u - eta;
    const zl = l === -Infinity ? -Infinity : h * l - eta;
    const logP = logIntervalProb(zl, zu);
    ll += logP;
    if (!withDerivatives) continue;
    const A = u === Infinity ? 0 : Math.exp(logPhi(zu) - logP);
    const B = l === -Infinity ? 0 : Math.exp(logPhi(zl) - logP);
    const vu = [...xi.map((t) => -t), u === Infinity ? 0 : u];
    const vl = [...xi.map((t) => -t), l === -Infinity ? 0 : l];
    for (let r = 0; r <= p; r++) grad[r] += A * vu[r] - B * vl[r];
    if (A > 0) addOuter(-(zu * A) - A * A, vu, vu);
    if (B > 0) addOuter(zl * B - B * B, vl, vl);
    if (A > 0 && B > 0) {
      addOuter(A * B, vu, vl);
      addOuter(A * B, vl, vu);
    }
  }
  return { ll, grad, hess };
}

/** Maximise the log-likelihood from a start (damped Newton, module doc); h = 1/σ is kept in (0, hMax]. */
function maximise(d: Prepared, start: number[], hMax: number): { theta: number[]; ll: number; converged: boolean } {
  const p = start.length - 1;
  let theta = [...start];
  theta[p] = Math.min(theta[p], hMax);
  let cur = evaluate(d, theta, true);
  let lambda = 1e-6;
  for (let iter = 0; iter < 300; iter++) {
    const negH = new Matrix(cur.hess.map((row, r) => row.map((v, c) => -v + (r === c ? lambda * (1 + Math.abs(v)) : 0))));
    let step: number[];
    try {
      step = solve(negH, Matrix.columnVector(cur.grad)).to1DArray();
    } catch {
      lambda *= 10;
      continue;
    }
    let t = 1;
    let accepted = false;
    for (let k = 0; k < 40; k++, t /= 2) {
      const cand = theta.map((v, j) => v + t * step[j]);
      cand[p] = Math.min(Math.max(cand[p], theta[p] / 10), hMax);
      const next = evaluate(d, cand, false);
      if (Number.isFinite(next.ll) && next.ll >= cur.ll - 1e-12) {
        const gain = next.ll - cur.ll;
        const moved = Math.max(...cand.map((v, j) => Math.abs(v - theta[j])));
        theta = cand;
        cur = evaluate(d, theta, true);
        accepted = true;
        const gradNorm = Math.max(...cur.grad.map((g, j) => (j === p && theta[p] >= hMax && g > 0 ? 0 : Math.abs(g))));
        if ((gain < 1e-11 && moved < 1e-9) || gradNorm < 1e-9) return { theta, ll: cur.ll, converged: true };
        break;
      }
    }
    if (!accepted) {
      if (lambda > 1e8) return { theta, ll: cur.ll, converged: true };
      lambda *= 10;
    } else lambda = Math.max(lambda / 10, 1e-12);
  }
  return { theta, ll: cur.ll, converged: false };
}

/** A start: least squares on the interval midpoints (finite end ± 1 for half-open intervals), σ from the residuals. */
function startingPoint(d: Prepared): number[] {
  const y = d.lo.map((l, i) => {
    const u = d.hi[i];
    if (Number.isFinite(l) && Number.isFinite(u)) return (l + u) / 2;
    if (Number.isFinite(u)) return u - 1;
    if (Number.isFinite(l)) return l + 1;
    return 0;
  });
  const X = new Matrix(d.X.map((r) => [...r]));
  const Xt = X.transpose();
  const XtX = Xt.mmul(X);
  for (let j = 0; j < XtX.rows; j++) XtX.set(j, j, XtX.get(j, j) + 1e-8);
  let beta: number[];
  try {
    beta = solve(XtX, Xt.mmul(Matrix.columnVector(y))).to1DArray();
  } catch {
    beta = new Array<number>(X.columns).fill(0);
  }
  const res = y.map((v, i) => v - d.X[i].reduce((a, xk, k) => a + xk * beta[k], 0));
  const sigma = Math.max(Math.sqrt(res.reduce((a, r) => a + r * r, 0) / Math.max(1, y.length)), 0.5);
  return [...beta.map((b) => b / sigma), 1 / sigma];
}

function prepare(obs: readonly IntervalObservation[], drop?: { index: number; value: number }): Prepared {
  const X: number[][] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (const o of obs) {
    const row = [1, ...o.x];
    const offset = drop ? row[drop.index] * drop.value : 0;
    X.push(drop ? row.filter((_, k) => k !== drop.index) : row);
    lo.push(o.lower === null ? -Infinity : o.lower - offset);
    hi.push(o.upper === null ? Infinity : o.upper - offset);
  }
  return { X, lo, hi };
}

function checkObservations(obs: readonly IntervalObservation[]): number {
  if (obs.length === 0) throw new InputError('observations', 'censoredRegression: needs at least one observation');
  const p = obs[0].x.length;
  obs.forEach((o, i) => {
    if (o.x.length !== p || o.x.some((v) => !Number.isFinite(v))) throw new InputError(`observations[${i}].x`, `censoredRegression: expected ${p} finite covariates, got [${o.x.join(', ')}]`);
    const { lower: l, upper: u } = o;
    if ((l !== null && !Number.isFinite(l)) || (u !== null && !Number.isFinite(u)) || (l !== null && u !== null && l > u)) {
      throw new InputError(`observations[${i}]`, `censoredRegression: expected finite lower ≤ upper (null = unbounded), got (${l}, ${u}]`);
    }
  });
  return p;
}

const toBeta = (theta: number[]) => theta.slice(0, -1).map((g) => g / theta[theta.length - 1]);

/**
 * Fit the model and the profile intervals (module doc).
 * @param obs   observations (covariates without the intercept; intervals on the response's scale).
 * @returns     the fit; coefficients the data leave unbounded get infinite interval ends.
 * @throws InputError('observations…') for inconsistent covariates or an interval with lower > upper or a NaN end;
 *         InputError('alpha' | 'sigmaMin') for bad options.
 */
export function censoredRegression(obs: readonly IntervalObservation[], opts: CensoredFitOptions = {}): CensoredFit {
  const { alpha = 0.05, sigmaMin = 0.05 } = opts;
  if (!(alpha > 0 && alpha < 1)) throw new InputError('alpha', `censoredRegression: α must lie in (0, 1), got ${alpha}`);
  if (!(sigmaMin > 0)) throw new InputError('sigmaMin', `censoredRegression: σ_min must be > 0, got ${sigmaMin}`);
  const p = checkObservations(obs) + 1;
  const hMax = 1 / sigmaMin;
  const full = prepare(obs);
  const best = maximise(full, startingPoint(full), hMax);
  const coef = toBeta(best.theta);
  const sigma = 1 / best.theta[p];
  const threshold = best.ll - jStat.chisquare.inv(1 - alpha, 1) / 2;
  const profileLL = (j: number, b: number) => {
    const d = prepare(obs, { index: j, value: b });
    const start = [...best.theta.filter((_, k) => k !== j && k < p), best.theta[p]];
    return maximise(d, start, hMax).ll;
  };
  const end = (j: number, dir: 1 | -1): number => {
    let inside = 0;
    let step = 0.25;
    while (step <= PROFILE_SPAN) {
      if (profileLL(j, coef[j] + dir * step) < threshold) break;
      inside = step;
      step *= 2;
    }
    if (step > PROFILE_SPAN) return dir * Infinity;
    let outside = step;
    for (let k = 0; k < 40 && outside - inside > 1e-5; k++) {
      const mid = (inside + outside) / 2;
      if (profileLL(j, coef[j] + dir * mid) < threshold) outside = mid;
      else inside = mid;
    }
    return coef[j] + dir * (inside + outside) / 2;
  };
  const wanted = opts.profile ?? coef.map((_, j) => j);
  const intervals: (CoefficientInterval | undefined)[] = coef.map((c, j) => (wanted.includes(j) ? { estimate: c, lower: end(j, -1), upper: end(j, 1) } : undefined));
  const censoring = { left: 0, right: 0, interval: 0, exact: 0 };
  for (const o of obs) {
    if (o.lower !== null && o.lower === o.upper) censoring.exact++;
    else if (o.lower === null && o.upper !== null) censoring.left++;
    else if (o.upper === null && o.lower !== null) censoring.right++;
    else if (o.lower !== null && o.upper !== null) censoring.interval++;
  }
  return { coef, sigma, sigmaAtFloor: best.theta[p] >= hMax * (1 - 1e-9), logLik: best.ll, converged: best.converged, n: obs.length, censoring, alpha, intervals };
}

/**
 * The log-likelihood of the model at (β, σ) (for tests and diagnostics).
 * @throws InputError as {@link censoredRegression}, and InputError('sigma') unless σ > 0.
 */
export function censoredLogLik(obs: readonly IntervalObservation[], beta: readonly number[], sigma: number): number {
  checkObservations(obs);
  if (!(sigma > 0)) throw new InputError('sigma', `censoredLogLik: σ must be > 0, got ${sigma}`);
  return evaluate(prepare(obs), [...beta.map((b) => b / sigma), 1 / sigma], false).ll;
}
