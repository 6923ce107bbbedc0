/**
 * Timing of the γ_rkhs solver for `npm run bench` (called from bench/extras.ts).
 * Data: n points uniform on S^{d−1}, d = BENCH_D, labelled by the data module's random ReLU teacher
 * (teacherNetLabels, median-centred) of width BENCH_TEACHER_M (seeded, so every run solves the same problems). Timed: gammaRkhs(K, y, n) at its
 * default relGap = 1e-6 given the Gram K (the Gram itself is timed separately by the bench); median of
 * BENCH_REPS runs after one untimed warm-up.
 */
import { deriveSeed, makeRng } from '../src/rng.js';
import { ntkGram } from '../src/ntk/analytic.js';
import { gammaRkhs } from '../src/margin/gammaRkhs.js';
import { uniformSphere } from '../src/data/sphere.js';
import { teacherNetLabels } from '../src/data/reluNetLabels.js';

/** Input dimension of the bench problems (our choice: MNIST-PCA-like). */
export const BENCH_D = 10;
/** Width of the random labelling teacher (our choice). */
export const BENCH_TEACHER_M = 8;
/** Timed repetitions (median reported). */
export const BENCH_REPS = 5;

/** The bench problem at size n (deterministic): unit-sphere X (n×d) and teacher labels y. */
export function benchMarginProblem(n: number, d = BENCH_D, seed: number | string = 1): { X: Float64Array; y: Float64Array; n: number; d: number } {
  const X = uniformSphere(n, d, makeRng(deriveSeed(seed, 'benchMargin', n, d)));
  const y = teacherNetLabels(X, n, d, deriveSeed(seed, 'benchMargin/teacher', n, d), BENCH_TEACHER_M);
  return { X, y, n, d };
}

/** Median wall seconds, reached relative gap and iterations of gammaRkhs at each n. */
export function benchMargin(ns: number[] = [100, 300, 1000]): { n: number; seconds: number; relGap: number; iterations: number }[] {
  return ns.map((n) => {
    const { X, y, d } = benchMarginProblem(n);
    const K = ntkGram(X, n, d);
    gammaRkhs(K, y, n); // warm-up (JIT)
    const times: number[] = [];
    let last = gammaRkhs(K, y, n);
    for (let r = 0; r < BENCH_REPS; r++) {
      const t0 = performance.now();
      last = gammaRkhs(K, y, n);
      times.push((performance.now() - t0) / 1000);
    }
    times.sort((u, v) => u - v);
    return { n, seconds: times[Math.floor(times.length / 2)], relGap: last.relGap, iterations: last.iterations };
  });
}
