/**
 * The report runner's own "Real data" section (every default verify includes a real MNIST pair, beside the
 * synthetic families): the MNIST 4-vs-9 pair's NTK margin γ in both readings (marginReport: certified RKHS bracket and the
 * sup-norm Monte Carlo interval), and the soft- and hard-label
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
  const [{ loadMnistPair }, { marginReport }, { trainReport }] = await Promise.all([
    import('../data/mnist.js'),
    import('../margin/marginReport.js'),
    import('../regimes/trainRegime.js'),
  ]);
  const dataSeed = deriveSeed(seed, REAL_DATA_ID, 'data');
  const ds = loadMnistPair({ digits: s.digits, n: s.n, nTest: s.nTest, dim: s.dim, noise: s.noise, seed: dataSeed });
  const mr = marginReport(ds, { kind: 'both', seed: deriveSeed(seed, REAL_DATA_ID, 'margin') });
  const margin = {
    rkhs: mr.gammaRkhs ? { lower: mr.gammaRkhs.lower, upper: mr.gammaRkhs.upper, status: mr.gammaRkhs.status } : null,
    sup: mr.gammaSup ? { estimate: mr.gammaSup.estimate, lower: mr.gammaSup.lower, upper: mr.gammaSup.upper, samples: mr.gammaSup.samples, confidence: mr.gammaSup.confidence } : null,
    separable: mr.separable,
  };
  const initSeed = deriveSeed(seed, REAL_DATA_ID, 'init');
  const soft = mr.separable ? pick(trainReport(ds, { regime: 'soft', m: s.width, seed: initSeed })) : { skipped: 'not NTK-separable: no teacher soft labels' };
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
      'γ of the infinite-width NTK, both readings (src/margin/marginReport.ts): rkhs = certified bracket [lower, upper]; sup = Ji–Telgarsky sup-norm reading by Monte Carlo, [lower, upper] at the stated confidence.',
    ],
  };
  return record;
};
