/**
 * Minimal types for the parts of jStat 1.9.6 (CommonJS, no bundled types) that the suite uses.
 * Source: node_modules/jstat/dist/jstat.js (ibeta at line ~1679, ibetainv ~1627, beta/binomial distributions)
 * [VERIFIED read in the source]. The default import is the jStat function object (module.exports = jStat).
 */
declare module 'jstat' {
  interface JStatBeta {
    /** Beta(α, β) CDF at x. */
    cdf(x: number, alpha: number, beta: number): number;
    /** Beta(α, β) quantile: the x with cdf(x) = p (jStat.ibetainv, Newton to relative 1e-8). */
    inv(p: number, alpha: number, beta: number): number;
  }
  interface JStatBinomial {
    /** P(X = k), X ~ Bin(n, p). */
    pdf(k: number, n: number, p: number): number;
    /** P(X ≤ k), X ~ Bin(n, p). */
    cdf(k: number, n: number, p: number): number;
  }
  interface JStatNormal {
    inv(p: number, mean: number, std: number): number;
    cdf(x: number, mean: number, std: number): number;
  }
  interface JStatStudentT {
    /** Student-t quantile with dof degrees of freedom. */
    inv(p: number, dof: number): number;
    cdf(x: number, dof: number): number;
  }
  interface JStatChiSquare {
    /** χ² quantile with dof degrees of freedom. */
    inv(p: number, dof: number): number;
    cdf(x: number, dof: number): number;
  }
  interface JStatStatic {
    /** Regularised incomplete beta I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
    /** Inverse of I_x(a, b) in x. */
    ibetainv(p: number, a: number, b: number): number;
    beta: JStatBeta;
    binomial: JStatBinomial;
    normal: JStatNormal;
    studentt: JStatStudentT;
    chisquare: JStatChiSquare;
  }
  const jStat: JStatStatic;
  export default jStat;
}
