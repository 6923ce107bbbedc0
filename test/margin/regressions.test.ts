/**
 * Margin regressions pinned as fixtures (test/regressions/margin-*.json); each file states how it was found.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { fromRows } from '../../src/data/dataset.js';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { gammaSupExact2d } from '../../src/margin/gammaSupExact2d.js';
import { ntkGram } from '../../src/ntk/analytic.js';

function load(name: string) {
  const j = JSON.parse(readFileSync(new URL(`../regressions/${name}`, import.meta.url), 'utf8'));
  return { j, ds: fromRows(j.x, j.y) };
}

test('margin-sup-backtrack-stall: exact d = 2 solver terminates and converges', () => {
  const { j, ds } = load('margin-sup-backtrack-stall.json');
  const r = gammaSupExact2d(ds.X, ds.y, ds.n);
  expect(r.status).toBe(j.expect.status);
  expect(r.iterations).toBeLessThanOrEqual(j.expect.maxIterations);
  expect(r.lower).toBeGreaterThan(0);
});

test('margin-antipodal-zero: γ = 0 for three antipodal pairs with odd labels (both readings)', () => {
  const { ds } = load('margin-antipodal-zero.json');
  const rk = gammaRkhs(ntkGram(ds.X, ds.n, ds.d), ds.y, ds.n);
  expect(rk.separable).toBe(false);
  expect(rk.lower).toBe(0);
  const sup = gammaSupExact2d(ds.X, ds.y, ds.n);
  expect(sup.lower).toBe(0);
  // the symmetric q reaches γ = 0 up to rounding: the bracket's upper end is tiny
  expect(sup.upper).toBeLessThan(1e-9);
});
