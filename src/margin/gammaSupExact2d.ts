/**
 * Exact γ_sup in d = 2. For z ~ N(0, I_2) the angle of z is uniform, and the activation pattern
 * {i : <z, x_i> > 0} is constant on the arcs between the 2n angles α_i ± π/2 where <z, x_i> = 0. Hence
 *   E_z ‖Σ_i q_i y_i x_i 1[<z,x_i> > 0]‖ = Σ_arcs (|arc|/2π) ‖Σ_{i active on arc} q_i y_i x_i‖,
 * a finite weighted program solved by the same certified solver as the finite-direction case.
 * Source: our derivation [INFERRED]; [CHECKED] against the two-point closed form and a 10^5-point
 * midpoint rule in test/margin/gammaSupExact2d.test.ts.
 */
import { InputError } from '../errors.js';
import { checkInputs, solvePatterns, type SupBracket, type SupFiniteOptions } from './gammaSup.js';
import { patternsExact2d } from './patterns.js';

/**
 * @param X  n×2 inputs (row-major, any nonzero norm).  @param y  n labels ±1.  @param n  number of points.
 * @returns  certified bracket on the exact γ_sup (no sampling error), kind 'sup-exact-2d'.
 * @throws   ShapeError / InputError (X.length ≠ 2n, labels, zero or non-finite inputs).
 */
export function gammaSupExact2d(X: Float64Array, y: Float64Array, n: number, opts: SupFiniteOptions = {}): SupBracket & { kind: 'sup-exact-2d' } {
  if (!Number.isInteger(n) || n < 1) throw new InputError('n', `gammaSupExact2d: n must be a positive integer, got ${n}`);
  checkInputs('gammaSupExact2d', X, y, n, 2);
  const r = solvePatterns('gammaSupExact2d', X, y, n, 2, patternsExact2d(X, n), opts);
  return { kind: 'sup-exact-2d', ...r };
}
