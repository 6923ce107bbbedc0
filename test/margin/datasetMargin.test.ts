/**
 * Tests for src/margin/datasetMargin.ts: the memo returns the direct computation (ntkGram, gammaRkhs) and
 * computes it once per dataset: a second call returns the very same object, another label vector its own.
 */
import { describe, expect, it } from 'vitest';
import { datasetGammaRkhs, datasetGram } from '../../src/margin/datasetMargin.js';
import { gammaRkhs } from '../../src/margin/gammaRkhs.js';
import { ntkGram } from '../../src/ntk/analytic.js';
import { linearSphere } from '../train/fixtures.js';

describe('datasetGram / datasetGammaRkhs', () => {
  const ds = linearSphere(30, 4, 0.2, 'dm');

  it('equal the direct computation', () => {
    const K = ntkGram(ds.X, ds.n, ds.d);
    expect(Array.from(datasetGram(ds))).toEqual(Array.from(K));
    const direct = gammaRkhs(K, ds.y, ds.n);
    const memo = datasetGammaRkhs(ds);
    expect([memo.lower, memo.upper]).toEqual([direct.lower, direct.upper]);
    expect(Array.from(memo.q)).toEqual(Array.from(direct.q));
  });

  it('solve once per dataset: the second call returns the same objects', () => {
    expect(datasetGram(ds)).toBe(datasetGram(ds));
    expect(datasetGammaRkhs(ds)).toBe(datasetGammaRkhs(ds));
    expect(datasetGammaRkhs({ ...ds })).toBe(datasetGammaRkhs(ds)); // same arrays, another wrapper
  });

  it('keep a separate result for other labels on the same inputs', () => {
    const flipped = { ...ds, y: ds.y.map((v, i) => (i === 0 ? -v : v)) };
    const direct = gammaRkhs(ntkGram(ds.X, ds.n, ds.d), flipped.y, ds.n);
    const memo = datasetGammaRkhs(flipped);
    expect(memo).not.toBe(datasetGammaRkhs(ds));
    expect(memo.upper).toBe(direct.upper);
  });
});
