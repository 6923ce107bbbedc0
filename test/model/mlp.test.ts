/**
 * Tests for the two-hidden-layer student (src/model/mlp.ts). Oracles: a hand-computed forward pass, central
 * finite differences for the gradient, the logistic loss for hard targets, Adam's first step (= −η·sign(g),
 * Kingma & Ba 2015 Alg. 1 with bias correction), and the closed-form minimiser of a constant soft target.
 */
import { describe, expect, it } from 'vitest';
import { ADAM_DEFAULTS, initMlp, makeMlpBuffers, mlpForward, mlpLossAndGrad, mlpOffsets, mlpParamCount, trainMlp, type Mlp } from '../../src/model/mlp.js';
import { logisticLoss, sigmoid } from '../../src/model/losses.js';
import { makeRng } from '../../src/rng.js';
import { InputError, ShapeError } from '../../src/errors.js';

/** Central-difference step: truncation error O(h²·f''') ≈ 1e-12 and rounding error O(ε_mach/h) ≈ 2e-11. */
const FD_STEP = 1e-5;
/** Allowed |analytic − FD| per coordinate, relative to max(1, |g|): a few times the two error terms above. */
const FD_TOL = 1e-7;

function randomData(n: number, d: number, seed: string) {
  const rng = makeRng(seed);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += (X[i * d + k] = rng.normal()) ** 2;
    for (let k = 0; k < d; k++) X[i * d + k] /= Math.sqrt(s);
  }
  const p = new Float64Array(n).map(() => rng.uniform());
  return { X, p };
}

function lossAt(net: Mlp, X: Float64Array, n: number, p: Float64Array): number {
  return mlpLossAndGrad(net, X, n, p, makeMlpBuffers(net, n));
}

describe('mlp forward', () => {
  it('matches a hand computation at d = 2, h1 = 2, h2 = 1', () => {
    // Arrange: W1 = [[1, 0], [0, -1]], b1 = [0, 0.5], W2 = [[1, 2]], b2 = [-0.1], v = [3], c = 0.25.
    const net = initMlp(2, 2, 1, 'x');
    const o = mlpOffsets(2, 2, 1);
    net.theta.set([1, 0, 0, -1], o.W1);
    net.theta.set([0, 0.5], o.b1);
    net.theta.set([1, 2], o.W2);
    net.theta.set([-0.1], o.b2);
    net.theta.set([3], o.v);
    net.theta[o.c] = 0.25;
    // x = (0.6, 0.8): z1 = (0.6, −0.8 + 0.5 = −0.3) → a1 = (0.6, 0); z2 = √(2/2)·(0.6) − 0.1 = 0.5;
    // f = 1^{-1/2}·3·0.5 + 0.25 = 1.75.   x = (−1, 0): z1 = (−1, 0.5) → a1 = (0, 0.5); z2 = 1 − 0.1 = 0.9;
    // f = 2.7 + 0.25 = 2.95.
    const f = mlpForward(net, Float64Array.from([0.6, 0.8, -1, 0]), 2);
    expect(f[0]).toBeCloseTo(1.75, 14);
    expect(f[1]).toBeCloseTo(2.95, 14);
  });

  it('has the stated parameter count and refuses bad shapes', () => {
    expect(mlpParamCount(3, 4, 5)).toBe(12 + 4 + 20 + 5 + 5 + 1);
    expect(initMlp(3, 4, 5, 1).theta.length).toBe(47);
    expect(() => initMlp(3, 0, 5, 1)).toThrow(ShapeError);
    expect(() => initMlp(3, 4, 2.5, 1)).toThrow(/h2/);
    const net = initMlp(3, 4, 5, 1);
    expect(() => mlpForward(net, new Float64Array(7), 2)).toThrow(ShapeError);
  });
});

describe('mlp gradient', () => {
  for (const [h1, h2, label] of [
    [1, 1, 'width 1'],
    [3, 5, 'unequal widths'],
    [8, 8, 'width 8'],
  ] as const) {
    it(`equals central finite differences (${label})`, () => {
      const n = 7;
      const d = 4;
      const net = initMlp(d, h1, h2, `fd-${label}`);
      // random biases so the bias gradients are exercised away from 0
      const o = mlpOffsets(d, h1, h2);
      const rng = makeRng(`bias-${label}`);
      for (let k = o.b1; k < o.W2; k++) net.theta[k] = 0.3 * rng.normal();
      for (let k = o.b2; k < o.v; k++) net.theta[k] = 0.3 * rng.normal();
      net.theta[o.c] = 0.1;
      const { X, p } = randomData(n, d, `data-${label}`);
      const buf = makeMlpBuffers(net, n);
      mlpLossAndGrad(net, X, n, p, buf);
      const G = buf.G.slice();
      for (let k = 0; k < net.theta.length; k++) {
        const t0 = net.theta[k];
        net.theta[k] = t0 + FD_STEP;
        const up = lossAt(net, X, n, p);
        net.theta[k] = t0 - FD_STEP;
        const down = lossAt(net, X, n, p);
        net.theta[k] = t0;
        const fd = (up - down) / (2 * FD_STEP);
        expect(Math.abs(G[k] - fd)).toBeLessThanOrEqual(FD_TOL * Math.max(1, Math.abs(G[k])));
      }
    });
  }

  it('gives the logistic loss for hard targets (one loss for both regimes)', () => {
    const n = 9;
    const d = 3;
    const net = initMlp(d, 4, 4, 'hard');
    const { X } = randomData(n, d, 'hard-data');
    const y = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -1 : 1));
    const p = y.map((v) => (v > 0 ? 1 : 0));
    const f = mlpForward(net, X, n);
    let expected = 0;
    for (let i = 0; i < n; i++) expected += logisticLoss(f[i], y[i]);
    expect(lossAt(net, X, n, p)).toBeCloseTo(expected / n, 14);
  });
});

describe('trainMlp', () => {
  it("Adam's first step moves every parameter with a nonzero gradient by −η·sign(g)", () => {
    const n = 5;
    const d = 3;
    const net = initMlp(d, 3, 3, 'adam');
    const { X, p } = randomData(n, d, 'adam-data');
    const buf = makeMlpBuffers(net, n);
    mlpLossAndGrad(net, X, n, p, buf);
    const before = net.theta.slice();
    const eta = 0.01;
    trainMlp(net, X, n, p, { optimizer: 'adam', eta, T: 1 });
    for (let k = 0; k < before.length; k++) {
      const g = buf.G[k];
      // m̂ = g, v̂ = g²: step = η g/(|g| + ε_adam)
      const expected = before[k] - (eta * g) / (Math.abs(g) + ADAM_DEFAULTS.adamEps);
      expect(net.theta[k]).toBeCloseTo(expected, 14);
    }
  });

  it('GD takes the step θ − η∇R̂', () => {
    const n = 4;
    const d = 2;
    const net = initMlp(d, 2, 2, 'gd');
    const { X, p } = randomData(n, d, 'gd-data');
    const buf = makeMlpBuffers(net, n);
    mlpLossAndGrad(net, X, n, p, buf);
    const expected = net.theta.map((t, k) => t - 0.5 * buf.G[k]);
    trainMlp(net, X, n, p, { optimizer: 'gd', eta: 0.5, T: 1 });
    for (let k = 0; k < expected.length; k++) expect(net.theta[k]).toBeCloseTo(expected[k], 15);
  });

  it('fits a constant soft target, whose minimum KL is 0 at f ≡ logit(p) (reachable through the bias c)', () => {
    const n = 20;
    const d = 5;
    const net = initMlp(d, 4, 4, 'const');
    const { X } = randomData(n, d, 'const-data');
    const p = new Float64Array(n).fill(0.7);
    const res = trainMlp(net, X, n, p, { optimizer: 'adam', eta: 0.05, T: 400 });
    expect(res.finalLoss).toBeLessThan(1e-4);
    expect(res.avgLoss).toBeGreaterThan(res.finalLoss);
    const f = mlpForward(net, X, n);
    for (let i = 0; i < n; i++) expect(sigmoid(f[i])).toBeCloseTo(0.7, 2);
  });

  it('refuses a non-positive step size and bad epochs with the field named', () => {
    const net = initMlp(2, 2, 2, 1);
    const X = new Float64Array(4);
    const p = new Float64Array(2);
    expect(() => trainMlp(net, X, 2, p, { eta: 0 })).toThrow(InputError);
    expect(() => trainMlp(net, X, 2, p, { T: -1 })).toThrow(/epochs/);
    expect(() => trainMlp(net, X, 2, new Float64Array(3))).toThrow(ShapeError);
  });
});
