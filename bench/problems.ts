/**
 * Bench inputs: the bench sizes and the data of shared/reference/torch_train.py, so that our figures and
 * PyTorch's are for the same problem shape: X rows N(0, I_d) normalised to the unit sphere, hard labels
 * y = sign(x_0 x_1) (p = (1+y)/2) and, for the soft regime, p_i = σ(BENCH_SOFT_GAIN · x_i0 x_i1 · d) ∈ (0, 1).
 * The soft regime runs projected GD with radius BENCH_SOFT_RADIUS (so the projection's cost is measured);
 * the hard regime plain GD. Step size 1 in both, as in torch_train.py. Throughput does not depend on the data.
 */
import { makeRng, deriveSeed } from '../src/rng.js';
import { sigmoid } from '../src/model/losses.js';
import type { Regime } from '../src/train/regime.js';

export interface BenchSize {
  n: number;
  d: number;
  m: number;
  /** Steps per timed run of the WebAssembly kernels and PyTorch (≈ 0.2–0.5 s each here). */
  T: number;
}

/** The bench sizes; T chosen so that n·m·T ≈ 6e7 at d = 20 and 2e6 at d = 784. */
export const BENCH_SIZES: readonly BenchSize[] = [
  { n: 200, d: 20, m: 64, T: 4000 },
  { n: 200, d: 20, m: 512, T: 500 },
  { n: 200, d: 20, m: 4096, T: 64 },
  { n: 500, d: 784, m: 256, T: 16 },
];

export interface BenchProblem {
  X: Float64Array;
  n: number;
  d: number;
  p: Float64Array;
  radius: number;
}

/** The TypeScript reference is ~5–10× slower: it runs T / TS_STEP_DIVISOR steps (at least 2). */
export const TS_STEP_DIVISOR = 8;
/** Gain of the soft targets' logit (arbitrary; keeps p away from {0, 1}). */
export const BENCH_SOFT_GAIN = 4;
/** Projection radius of the soft regime's runs. */
export const BENCH_SOFT_RADIUS = 1;
/** Step size η (torch_train.py uses 1). */
export const BENCH_ETA = 1;

/** Seeded bench data for one size and regime. */
export function benchProblem(size: BenchSize, regime: Regime, seed = 0): BenchProblem {
  const { n, d } = size;
  const rng = makeRng(deriveSeed(seed, 'bench', n, d));
  const X = new Float64Array(n * d);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += (X[i * d + k] = rng.normal()) ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let k = 0; k < d; k++) X[i * d + k] *= inv;
    const prod = X[i * d] * X[i * d + (d > 1 ? 1 : 0)];
    p[i] = regime === 'hard' ? (prod >= 0 ? 1 : 0) : sigmoid(BENCH_SOFT_GAIN * prod * d);
  }
  return { X, n, d, p, radius: regime === 'soft' ? BENCH_SOFT_RADIUS : Infinity };
}
