/**
 * The two algorithms behind the sup-norm program (interior point and FISTA) certify brackets independently;
 * on the same problem their brackets must intersect (each contains the true value). Oracle: each other.
 */
import { describe, expect, test } from 'vitest';
import { solveSup } from '../../src/margin/supSolver.js';
import { patternsExact2d, patternsFromDirections } from '../../src/margin/patterns.js';
import { makeRng } from '../../src/rng.js';
import { sphereData } from './sphereData.js';

describe('solveSup: IPM and FISTA brackets intersect', () => {
  test.each([
    [12, 2, 0, 'random'],
    [30, 2, 0, 'teacher'],
    [15, 5, 400, 'teacher'],
  ] as const)('n = %i, d = %i, N = %i (%s labels)', (n, d, N, labels) => {
    const ds = sphereData(n, d, 77, labels);
    let pat;
    if (N === 0) pat = patternsExact2d(ds.X, n);
    else {
      const rng = makeRng('supSolver-dirs');
      pat = patternsFromDirections(ds.X, n, d, Float64Array.from({ length: N * d }, () => rng.normal()), N);
    }
    const base = { relGap: 1e-3, maxIter: 20000, weightError: pat.weightError };
    const a = solveSup(ds.X, ds.y, n, d, pat, { ...base, method: 'ipm' });
    const b = solveSup(ds.X, ds.y, n, d, pat, { ...base, method: 'fista' });
    expect(a.lower).toBeLessThanOrEqual(b.upper);
    expect(b.lower).toBeLessThanOrEqual(a.upper);
    expect(a.lower).toBeGreaterThan(0);
    // each reached a useful gap on these small problems
    expect(a.relGap).toBeLessThanOrEqual(1e-3);
    expect(b.relGap).toBeLessThanOrEqual(1e-3);
  });
});
