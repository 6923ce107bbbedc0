/**
 * Result of a sup-norm margin solve (src/margin/supSolver.ts, src/margin/supIpm.ts): a certified bracket
 * [lower, upper] on γ_sup of the sampled pattern set, the simplex weights q (length n) at the final iterate,
 * and how the solver stopped. Apart from both solvers so that neither imports the other's types.
 */
export interface SupSolveResult {
  lower: number;
  upper: number;
  q: Float64Array;
  iterations: number;
  relGap: number;
  status: 'converged' | 'not-separable' | 'max-iter';
}
