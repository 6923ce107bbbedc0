/**
 * The report runner's own "Real data" section (issue 2 item 9: every default verify includes a real MNIST
 * pair): the MNIST 4-vs-9 pair's NTK margin γ_rkhs as a certified bracket, and the soft- and hard-label
 * students trained at one small width on it — epoch-averaged and final loss, train and test accuracy.
 * It runs as one work item ('real-data') of the verify work list, so it is resumable and sharded like a claim.
 */
import { deriveSeed } from '../rng.js';
import type { RealDataRecord } from './schema.js';
import type { RealDataRunner } from './runVerify.js';
import { REAL_DATA_ID } from './workList.js';

/** Settings of the real-data section (default budgets); [INFERRED] small enough to take seconds. */
export const REAL_DATA_DEFAULTS = {
  /** MNIST digit pair: 4 (→ +1) vs 9 (→ −1), a visually close, hard pair. */
  digits: [4, 9] as [number, number],
  /** Training images. */
  n: 200,
  /** Held-out test images. */
  nTest: 200,
  /** PCA dimension d. */
  dim: 20,
  /** Additive Gaussian pixel noise σ. */
  noise: 0,
  /** Student width m, small on purpose (the soft/hard gap shows at small widths). */
  width: 64,
};

/** The --quick settings: half the images. */
export const REAL_DATA_QUICK = { ...REAL_DATA_DEFAULTS, n: 100, nTest: 100 };

/** Keep the JSON-ready fields of a training report that the section shows. */
function pick(r: Record<string, unknown>): Record<string, unknown> {
  const keys = ['avgLoss', 'finalLoss', 'trainAccuracy', 'testAccuracy', 'testLoss', 'T', 'eta', 'radius', 'radiusRule', 'movement', 'maxMovement', 'flippedFraction', 'targets'];
  return Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]]));
}

/** The production real-data runner (MNIST from the `mnist` package, src/data/mnist.ts). */
export const mnistRealData: RealDataRunner = async ({ seed, quick }) => {
  const s = quick ? REAL_DATA_QUICK : REAL_DATA_DEFAULTS;
  const [{ loadMnistPair }, { ntkGram }, { gammaRkhs }, { trainReport }] = await Promise.all([
    import('../data/mnist.js'),
    import('../ntk/analytic.js'),
    import('../margin/gammaRkhs.js'),
    import('../train/regimes.js'),
  ]);
  const dataSeed = deriveSeed(seed, REAL_DATA_ID, 'data');
  const ds = loadMnistPair({ digits: s.digits, n: s.n, nTest: s.nTest, dim: s.dim, noise: s.noise, seed: dataSeed });
  const K = ntkGram(ds.X, ds.n, ds.d);
  const g = gammaRkhs(K, ds.y, ds.n);
  const margin = { reading: 'rkhs (certified bracket)', lower: g.lower, upper: g.upper, separable: g.separable, status: g.status };
  const initSeed = deriveSeed(seed, REAL_DATA_ID, 'init');
  const soft = g.separable ? pick(trainReport(ds, { regime: 'soft', m: s.width, seed: initSeed })) : { skipped: 'not NTK-separable: no teacher soft labels' };
  const hard = pick(trainReport(ds, { regime: 'hard', m: s.width, seed: initSeed }));
  const record: RealDataRecord = {
    id: REAL_DATA_ID,
    title: `MNIST ${s.digits[0]} vs ${s.digits[1]}: NTK margin and soft vs hard labels at width ${s.width}`,
    data: ds.name ?? `mnist ${s.digits.join(' vs ')}, n = ${ds.n}, d = ${ds.d}`,
    settings: { digits: s.digits.join(','), n: ds.n, nTest: ds.test?.n ?? 0, dim: ds.d, noise: s.noise, width: s.width, dataSeed, initSeed },
    margin: margin as RealDataRecord['margin'],
    soft: soft as RealDataRecord['soft'],
    hard: hard as RealDataRecord['hard'],
    notes: [
      'soft: avgLoss/finalLoss are the mean KL(Bern(p) ‖ Bern(σ(f))) to the NTK teacher\'s soft labels p = σ(g/τ), trained by projected GD; hard: the logistic loss on ±1 labels, plain GD — different losses, so compare accuracies across regimes, losses within one.',
      'γ is the RKHS reading of the infinite-width NTK margin, a certified bracket [lower, upper] (src/margin/gammaRkhs.ts).',
    ],
  };
  return record;
};
