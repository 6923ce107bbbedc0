/**
 * The one owner of a dataset's NTK Gram matrix and γ_rkhs within a process: each is computed once per
 * dataset and shared by everything that needs it (width cells, the NTK teacher of every soft width search,
 * separability), instead of an O(n²d) Gram build and a margin solve per caller.
 *
 * Identity, not content, is the key: the memo holds the results for the arrays ds.X and ds.y themselves
 * (weakly, so a dataset that is dropped frees them). A caller that changes X or y in place after the first
 * call would be given stale results; the suite never does (datasets are built once, then only read).
 */
import type { Dataset } from '../data/dataset.js';
import { ntkGram } from '../ntk/analytic.js';
import { gammaRkhs, type RkhsMargin } from './gammaRkhs.js';

const grams = new WeakMap<Float64Array, Float64Array>();
const margins = new WeakMap<Float64Array, WeakMap<Float64Array, RkhsMargin>>();

/**
 * The n×n analytic NTK Gram of ds.X (row-major), built once per X array.
 * @throws ShapeError from ntkGram when X does not have n·d entries.
 */
export function datasetGram(ds: Dataset): Float64Array {
  let K = grams.get(ds.X);
  if (!K) {
    K = ntkGram(ds.X, ds.n, ds.d);
    grams.set(ds.X, K);
  }
  return K;
}

/**
 * γ_rkhs of (ds.X, ds.y) with its certified bracket and dual weights q, solved once per (X, y) pair with the
 * default solver options (src/margin/gammaRkhs.ts). Callers must not modify the returned q.
 * @throws ShapeError/InputError from gammaRkhs for malformed data.
 */
export function datasetGammaRkhs(ds: Dataset): RkhsMargin {
  let byY = margins.get(ds.X);
  if (!byY) {
    byY = new WeakMap();
    margins.set(ds.X, byY);
  }
  let r = byY.get(ds.y);
  if (!r) {
    r = gammaRkhs(datasetGram(ds), ds.y, ds.n);
    byY.set(ds.y, r);
  }
  return r;
}
