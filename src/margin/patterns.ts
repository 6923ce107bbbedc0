/**
 * Activation patterns for the sup-norm margin. A direction z activates the set P(z) = {i : <z, x_i> > 0};
 * the γ_sup objective depends on z only through P(z), so a list of directions (Monte Carlo samples, the
 * student's rows w_s(0), or the arcs of the circle in d = 2) reduces to distinct patterns with weights:
 *   F(q) = Σ_j w_j ‖Σ_{i ∈ P_j} q_i y_i x_i‖,   Σ_j w_j ≤ 1 (directions activating no input are dropped).
 * Stored both ways (CSR by pattern and by point) so the solver can loop over a point's patterns.
 */
import { ShapeError } from '../errors.js';
import { UNIT_ROUNDOFF } from './constants.js';

export interface Patterns {
  /** Number of distinct patterns P. */
  P: number;
  /** Pattern weights (probabilities), length P, summing to 1 (up to rounding). */
  w: Float64Array;
  /** CSR by pattern: members of pattern j are idx[ptr[j] .. ptr[j+1]). */
  ptr: Int32Array;
  idx: Int32Array;
  /** CSR by point: patterns containing point i are pat[pptr[i] .. pptr[i+1]). */
  pptr: Int32Array;
  pat: Int32Array;
  /** One representative direction per pattern (P×d row-major), e.g. for reports. */
  Z: Float64Array;
  /** Bound on Σ_j |w_j(computed) − w_j(exact)| (rounding of the weights); 0 when weights are count/N. */
  weightError: number;
}

/** Build CSR-by-point from CSR-by-pattern. */
function transpose(n: number, P: number, ptr: Int32Array, idx: Int32Array): { pptr: Int32Array; pat: Int32Array } {
  const pptr = new Int32Array(n + 1);
  for (let t = 0; t < idx.length; t++) pptr[idx[t] + 1]++;
  for (let i = 0; i < n; i++) pptr[i + 1] += pptr[i];
  const fill = pptr.slice(0, n);
  const pat = new Int32Array(idx.length);
  for (let j = 0; j < P; j++) for (let t = ptr[j]; t < ptr[j + 1]; t++) pat[fill[idx[t]]++] = j;
  return { pptr, pat };
}

/** Assemble Patterns from member lists and weights (probabilities, used as given). */
export function makePatterns(n: number, d: number, members: number[][], weights: number[], Z: Float64Array): Patterns {
  const P = members.length;
  const ptr = new Int32Array(P + 1);
  for (let j = 0; j < P; j++) ptr[j + 1] = ptr[j] + members[j].length;
  const idx = new Int32Array(ptr[P]);
  members.forEach((mem, j) => idx.set(mem, ptr[j]));
  const w = Float64Array.from(weights);
  if (Z.length !== P * d) throw new ShapeError(`makePatterns: Z has length ${Z.length}, expected P·d = ${P}·${d}`);
  return { P, w, ptr, idx, ...transpose(n, P, ptr, idx), Z, weightError: 0 };
}

/**
 * Distinct activation patterns of N directions Z (N×d) on the inputs X (n×d), each weighted by its
 * multiplicity/N. Patterns that activate no input are dropped (their term is 0 for every q) but keep
 * their weight in the total, so weights sum to the fraction of directions activating something.
 * O(N·n·d) to evaluate, plus hashing.
 */
export function patternsFromDirections(X: Float64Array, n: number, d: number, Z: Float64Array, N: number): Patterns {
  const map = new Map<string, number>();
  const members: number[][] = [];
  const counts: number[] = [];
  const reps: number[] = [];
  const bits = new Uint8Array(n);
  for (let j = 0; j < N; j++) {
    let key = '';
    let any = false;
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += Z[j * d + k] * X[i * d + k];
      bits[i] = z > 0 ? 1 : 0;
      if (bits[i]) any = true;
    }
    if (!any) continue;
    // Pack 16 bits per UTF-16 code unit for a compact hash key.
    for (let i = 0; i < n; i += 16) {
      let c = 0;
      for (let b = 0; b < 16 && i + b < n; b++) c |= bits[i + b] << b;
      key += String.fromCharCode(c);
    }
    const hit = map.get(key);
    if (hit !== undefined) {
      counts[hit]++;
      continue;
    }
    map.set(key, members.length);
    const mem: number[] = [];
    for (let i = 0; i < n; i++) if (bits[i]) mem.push(i);
    members.push(mem);
    counts.push(1);
    reps.push(j);
  }
  const Zr = new Float64Array(members.length * d);
  reps.forEach((j, t) => Zr.set(Z.subarray(j * d, (j + 1) * d), t * d));
  // weights: count/N (not renormalised: directions activating nothing contribute 0 to the mean)
  return makePatterns(n, d, members, counts.map((c) => c / N), Zr);
}

/**
 * Exact patterns in d = 2: z at angle φ activates x_i (at angle α_i, any norm > 0) iff cos(φ − α_i) > 0, i.e.
 * φ ∈ (α_i − π/2, α_i + π/2). The 2n boundaries α_i ± π/2 cut the circle into ≤ 2n arcs of constant pattern;
 * z ~ N(0, I_2) has a uniform angle, so arc a has weight (length)/(2π). The pattern is evaluated at the arc
 * midpoint (boundaries have measure 0). Source: our derivation [INFERRED].
 */
export function patternsExact2d(X: Float64Array, n: number): Patterns {
  const TWO_PI = 2 * Math.PI;
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.atan2(X[2 * i + 1], X[2 * i]);
    for (const s of [-1, 1]) {
      let t = (a + (s * Math.PI) / 2) % TWO_PI;
      if (t < 0) t += TWO_PI;
      b.push(t);
    }
  }
  b.sort((u, v) => u - v);
  const members: number[][] = [];
  const weights: number[] = [];
  const Z: number[] = [];
  for (let k = 0; k < b.length; k++) {
    const lo = b[k];
    const hi = k + 1 < b.length ? b[k + 1] : b[0] + TWO_PI;
    const len = hi - lo;
    if (!(len > 0)) continue;
    const mid = lo + len / 2;
    const z0 = Math.cos(mid);
    const z1 = Math.sin(mid);
    const mem: number[] = [];
    for (let i = 0; i < n; i++) if (z0 * X[2 * i] + z1 * X[2 * i + 1] > 0) mem.push(i);
    if (mem.length === 0) continue;
    members.push(mem);
    weights.push(len / TWO_PI);
    Z.push(z0, z1);
  }
  const p = makePatterns(n, 2, members, weights, Float64Array.from(Z));
  // Each boundary angle carries ≤ 4 roundings of size ≤ u·2π (atan2 ~1 ulp, ± π/2, mod 2π, the π/2 constant),
  // each arc length is a difference of two, and /2π adds one more: |Δw| ≤ 10u per arc, 2n arcs [INFERRED].
  p.weightError = 2 * n * 10 * UNIT_ROUNDOFF;
  return p;
}
