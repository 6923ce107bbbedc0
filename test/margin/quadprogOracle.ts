/**
 * Independent oracle for γ_rkhs²: the Goldfarb–Idnani dual active-set QP of the `quadprog` package
 * (port of R's quadprog::solve.QP; 1-indexed arrays; minimises −dᵀb + ½bᵀDb s.t. Aᵀb ≥ b0, the first meq
 * constraints as equalities) [VERIFIED in node_modules/quadprog/README.md]. Test-only.
 *   min_{q ∈ Δ} qᵀQq  ⇔  D = 2Q, d = 0, A = [1 | I], b0 = [1, 0, …, 0], meq = 1.
 * Needs Q positive definite (quadprog factors D by Cholesky), so callers use distinct non-parallel points.
 */
// @ts-expect-error quadprog ships no types
import quadprog from 'quadprog';

export function quadprogMinNorm2(K: Float64Array, y: Float64Array, n: number): { value2: number; q: number[] } {
  const D: number[][] = [];
  const A: number[][] = [];
  const dvec: number[] = [];
  const bvec: number[] = [];
  for (let i = 1; i <= n; i++) {
    D[i] = [];
    A[i] = [];
    dvec[i] = 0;
    for (let j = 1; j <= n; j++) D[i][j] = 2 * y[i - 1] * y[j - 1] * K[(i - 1) * n + (j - 1)];
    A[i][1] = 1;
    for (let c = 1; c <= n; c++) A[i][c + 1] = i === c ? 1 : 0;
  }
  bvec[1] = 1;
  for (let c = 1; c <= n; c++) bvec[c + 1] = 0;
  const res = quadprog.solveQP(D, dvec, A, bvec, 1);
  if (res.message) throw new Error(`quadprog: ${res.message}`);
  const q = (res.solution as number[]).slice(1);
  return { value2: res.value[1] as number, q };
}
