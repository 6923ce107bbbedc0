/**
 * Euclidean projection onto the probability simplex Δ_n = {q ≥ 0, Σ q = 1}:
 *   proj(v)_i = max(v_i − τ, 0),  τ chosen so the result sums to 1.
 * Sort-based O(n log n) algorithm of Held, Wolfe & Crowder 1974, as stated in Duchi, Shalev-Shwartz, Singer &
 * Chandra 2008 ("Efficient projections onto the l1-ball", ICML, Fig. 1) [RECALLED]. [CHECKED] against the KKT
 * conditions in test/margin/simplexProjection.test.ts.
 * @param v    input, length n (not modified).
 * @param out  output buffer, length n (may alias v).
 * @param work scratch buffer, length n.
 */
export function projectSimplex(v: Float64Array, out: Float64Array, work: Float64Array): Float64Array {
  const n = v.length;
  work.set(v);
  work.sort();
  // descending scan: find the largest ρ with u_ρ − (Σ_{r≤ρ} u_r − 1)/ρ > 0
  let cum = 0;
  let tau = 0;
  for (let r = 1; r <= n; r++) {
    const u = work[n - r];
    cum += u;
    const t = (cum - 1) / r;
    if (u - t > 0) tau = t;
    else break;
  }
  for (let i = 0; i < n; i++) {
    const z = v[i] - tau;
    out[i] = z > 0 ? z : 0;
  }
  return out;
}
