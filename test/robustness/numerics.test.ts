/**
 * Numerical robustness (closed forms and invariants; the no-NaN training property is in trainingFinite.test.ts):
 * - losses, sigmoid and KL stable for |logit| ≤ 1e3 in the TypeScript loss (src/model/losses.ts) and in the
 *   WebAssembly kernel (assembly/common.ts lossCoef). Oracles: asymptotics softplus(z) = z + log1p(e^{−z}) = z
 *   at z = 1e3 in double, the Bregman form KL = sp(b) − sp(a) − σ(a)(b − a) (sp = softplus), which at
 *   (a, b) = (±1e3, ∓1e3) is exactly 1e3, and hand-computed loss/gradient of a net with f = ±1e3 exactly;
 * - angles exact at cos θ = ±1 (x and c·x, −c·x for any scale c), resolved to ulp(π) for nearly antiparallel
 *   inputs, invariant under rescaling even where ‖x‖² overflows or underflows (entries 1e±200);
 * - Gram matrices bitwise symmetric (what ml-matrix's EVD with assumeSymmetric and the margin solvers rely on).
 * Tolerances: test/robustness/tolerances.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wasmKernel } from '../../src/train/fast/wasmKernel.js';
import { initNet, type TwoLayerNet } from '../../src/model/twoLayer.js';
import { angle, ntkCross, ntkGram, ntkKernel } from '../../src/ntk/analytic.js';
import { empiricalGram } from '../../src/ntk/empirical.js';
import { makeBuffers, referenceKernel } from '../../src/train/kernel.js';
import { bernoulliEntropy, klBetweenLogits, klLogit, sigmoid, softplus } from '../../src/model/losses.js';
import { KL_TWO_FORMS_ULPS, LOSS_AT_1E3_ABS, SIGMOID_SYMMETRY_ULPS, U32, U64, ULP_PI } from './tolerances.js';

const seed = Number(process.env.FC_SEED ?? 42);
const logit = fc.double({ min: -1e3, max: 1e3, noNaN: true });

describe('losses, sigmoid and KL for |logit| ≤ 1e3', () => {
  it('asymptotics at ±1e3: softplus(1e3) = 1e3, softplus(−1e3) = 0, σ(±1e3) ∈ {0, 1}; KL of far-apart logits = 1e3', () => {
    expect(softplus(1e3)).toBe(1e3);
    expect(softplus(-1e3)).toBe(0);
    // Bregman form at (a, b) = (1e3, −1e3): sp(−1e3) − sp(1e3) − σ(1e3)·(−2e3) = 0 − 1e3 + 2e3 = 1e3
    expect(klBetweenLogits(1e3, -1e3)).toBe(1e3);
    expect(klBetweenLogits(-1e3, 1e3)).toBe(1e3);
    // (−700, 700): p = σ(−700) ≈ 9.9e-305 is representable; KL = sp(700) − sp(−700) − p·1400 = 700 − O(1e-301)
    expect(Math.abs(klBetweenLogits(-700, 700) - 700)).toBeLessThanOrEqual(700 * 2 * U64);
    // equal far logits: KL = 0; neighbouring far logits: KL ≈ e^{−999}(1 − 1/e) underflows to 0
    expect(klBetweenLogits(1e3, 1e3)).toBe(0);
    expect(klBetweenLogits(1e3, 999)).toBe(0);
  });

  it('klBetweenLogits equals the Bregman form of softplus within 20u·(1 + |a| + |b|), finite and ≥ 0', () => {
    fc.assert(
      fc.property(logit, logit, (a, b) => {
        const kl = klBetweenLogits(a, b);
        const bregman = softplus(b) - softplus(a) - sigmoid(a) * (b - a);
        return Number.isFinite(kl) && kl >= 0 && Math.abs(kl - Math.max(bregman, 0)) <= KL_TWO_FORMS_ULPS * U64 * (1 + Math.abs(a) + Math.abs(b));
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('σ(z) + σ(−z) = 1 within 3u, σ ∈ [0, 1]; softplus(z) − softplus(−z) = z; KL to any p ∈ [0, 1] finite', () => {
    fc.assert(
      fc.property(logit, fc.double({ min: 0, max: 1, noNaN: true }), (z, p) => {
        const s = sigmoid(z);
        const sym = Math.abs(s + sigmoid(-z) - 1) <= SIGMOID_SYMMETRY_ULPS * U64;
        const id = Math.abs(softplus(z) - softplus(-z) - z) <= 4 * U64 * (1 + Math.abs(z));
        const kl = klLogit(z, p);
        return s >= 0 && s <= 1 && sym && id && Number.isFinite(kl) && kl >= 0;
      }),
      { seed, numRuns: 2000 },
    );
  });

  /**
   * Net with f = ±1e3 exactly: m = 4 (scale 1/2), w_1 = 2000·e_1 (a_1 = +1), w_2 = 2000·e_2 (a_2 = −1), w_3 = w_4 = 0
   * (inactive: z = 0 is not > 0); X = [e_1; e_2] ⇒ f = (1000, −1000). Gradient row s: Σ_i c_i a_s 1[z_is > 0] x_i with
   * c_i = (σ(f_i) − p_i)·(1/2)/2.
   */
  const net: TwoLayerNet = { m: 4, d: 2, W: Float64Array.from([2000, 0, 0, 2000, 0, 0, 0, 0]), a: Float64Array.from([1, -1, 1, -1]) };
  const X = Float64Array.from([1, 0, 0, 1]);
  const cases: [string, number[], number, number[]][] = [
    // p, loss (hand), G (hand, row-major 4×2)
    ['both wrong (p = 0, 1): loss = (sp(1e3) + sp(1e3))/2 = 1e3', [0, 1], 1e3, [0.25, 0, 0, 0.25, 0, 0, 0, 0]],
    ['both right (p = 1, 0): loss = sp(−1e3) = 0, gradient 0', [1, 0], 0, [0, 0, 0, 0, 0, 0, 0, 0]],
    ['soft p = 0.3: loss = 500 − H(0.3)', [0.3, 0.3], 500 - bernoulliEntropy(0.3), [0.175, 0, 0, 0.075, 0, 0, 0, 0]],
  ];
  // f32 kernel: G = c·a·x is c rounded once to float32 (|G| ≤ 1/4), the loss stays float64 (assembly/common.ts).
  for (const [kernel, u] of [[referenceKernel, U64], [wasmKernel('f64'), U64], [wasmKernel('f32'), U32]] as const) {
    it.each(cases)(`${kernel.name}: %s`, (_name, p, loss, G) => {
      const buf = makeBuffers(2, 4, 2);
      const got = kernel.lossAndGrad(net, X, 2, Float64Array.from(p), buf);
      expect(Array.from(buf.f)).toEqual([1e3, -1e3]);
      expect(Math.abs(got - loss)).toBeLessThanOrEqual(LOSS_AT_1E3_ABS);
      for (let k = 0; k < 8; k++) expect(Math.abs(buf.G[k] - G[k])).toBeLessThanOrEqual(u * 0.25);
    });
  }
});

describe('angles', () => {
  /** Entries 0 or of magnitude in [1e-3, 1], so that every scale below keeps them normal doubles (no input lost). */
  const entry = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1, noNaN: true }), fc.double({ min: -1, max: -1e-3, noNaN: true }));
  const vec = fc.array(entry, { minLength: 1, maxLength: 6 }).filter((v) => v.some((x) => x !== 0));
  /** Scales across the whole double range, including where ‖c·x‖² overflows (c = 1e200) or underflows (1e-200). */
  const scale = fc.constantFrom(1, 3, 1e-8, 1e8, 1e-200, 1e200, 2 ** -1000, 2 ** 1000);

  it('cos θ = ±1: angle(x, c·x) = 0 and angle(x, −c·x) = π to one ulp of π, for every scale', () => {
    fc.assert(
      fc.property(vec, scale, (x, c) => {
        const d = x.length;
        const cx = x.map((v) => c * v);
        const neg = cx.map((v) => -v);
        return angle(x, x, d) === 0 && angle(x, x.map((v) => -v), d) === Math.PI && angle(x, cx, d) <= ULP_PI && Math.PI - angle(x, neg, d) <= ULP_PI;
      }),
      { seed, numRuns: 500 },
    );
  });

  it('is invariant under rescaling of either input (also where ‖x‖² overflows or underflows), symmetric, in [0, π]', () => {
    fc.assert(
      fc.property(vec, vec, scale, scale, (x, y, c1, c2) => {
        const d = Math.min(x.length, y.length);
        const xs = x.slice(0, d);
        const ys = y.slice(0, d);
        if (!xs.some((v) => v !== 0) || !ys.some((v) => v !== 0)) return true;
        const t = angle(xs, ys, d);
        const ts = angle(xs.map((v) => c1 * v), ys.map((v) => c2 * v), d);
        // rescaling rounds each coordinate (≤ u relative): the unit vectors move by ≤ √d·u each; θ by ≤ 2√d·u + rounding
        return t >= 0 && t <= Math.PI && t === angle(ys, xs, d) && Math.abs(ts - t) <= 4 * (Math.sqrt(d) + 2) * U64 * Math.PI;
      }),
      { seed, numRuns: 1000 },
    );
  });

  it('nearly antiparallel: π − θ = δ to ulp(π), and the kernel keeps its sign (K ≤ 0)', () => {
    for (const delta of [1e-1, 1e-4, 1e-8, 1e-12, 1e-16, 1e-200]) {
      const x = [1, 0];
      const xp = [-Math.cos(delta), Math.sin(delta)];
      // Oracle: construction; θ = π − δ is resolved only to the spacing of doubles near π.
      expect(Math.abs(Math.PI - angle(x, xp, 2) - delta)).toBeLessThanOrEqual(ULP_PI);
      const K = ntkKernel(x, xp, 2);
      expect(K).toBeLessThanOrEqual(0);
      expect(Math.abs(K - (-Math.cos(delta) * delta) / (2 * Math.PI))).toBeLessThanOrEqual(ULP_PI);
    }
  });
});

describe('Gram matrices are symmetric to the last bit', () => {
  /** Rows: random, plus exact duplicates, negations and rescalings of earlier rows (θ = 0 and π). */
  const rowsArb = fc
    .record({
      n: fc.integer({ min: 1, max: 9 }),
      d: fc.integer({ min: 1, max: 5 }),
      base: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 45, maxLength: 45 }),
      copies: fc.array(fc.tuple(fc.nat(8), fc.constantFrom(1, -1, 1e-150, -1e150, 2.5)), { maxLength: 4 }),
    })
    .map(({ n, d, base, copies }) => {
      const X = Float64Array.from(base.slice(0, n * d));
      for (let i = 0; i < n; i++) if (X.subarray(i * d, (i + 1) * d).every((v) => v === 0)) X[i * d] = 1;
      // copies scale the original rows (|entries| ≤ 10·1e150, so every K_ij ≤ d·1e302 stays finite)
      const X0 = X.slice();
      for (const [k, c] of copies) {
        const from = k % n;
        const to = (k * 7 + 1) % n;
        for (let j = 0; j < d; j++) X[to * d + j] = c * X0[from * d + j];
      }
      return { X, n, d };
    });

  it('ntkGram(X) is bitwise symmetric and bitwise equal to ntkCross(X, X); empiricalGram too', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 20 }), ({ X, n, d }, m) => {
        const K = ntkGram(X, n, d);
        const C = ntkCross(X, n, X, n, d);
        const E = empiricalGram(initNet(m, d, `gram-${n}-${d}`), X, n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (!Object.is(K[i * n + j], K[j * n + i]) || !Object.is(C[i * n + j], K[i * n + j]) || !Object.is(E[i * n + j], E[j * n + i])) return false;
            if (!Number.isFinite(K[i * n + j])) return false;
          }
        }
        return true;
      }),
      { seed, numRuns: 300 },
    );
  });
});
