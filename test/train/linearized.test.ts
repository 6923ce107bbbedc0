/**
 * Tests for src/train/linearized.ts. Oracles: GD on the frozen-gate network in weight space, written out here
 * (W ← Π(W − η Σ_i g_i ∇f_lin(x_i)), the loop's projectToBall), an independent code path from the function-space
 * recursion; and the network loop itself at a step so small that no activation flips (the two models then agree).
 */
import { describe, expect, it } from 'vitest';
import { trainLinearized } from '../../src/train/linearized.js';
import { trainFirstLayer } from '../../src/train/loop.js';
import { projectToBall } from '../../src/train/project.js';
import { cloneNet, forward, initNet, type TwoLayerNet } from '../../src/model/twoLayer.js';
import { klLogit, sigmoid } from '../../src/model/losses.js';
import { flippedFraction } from '../../src/train/lazyMetrics.js';
import { linearSphere } from './fixtures.js';
import { trainRegime } from '../../src/regimes/trainRegime.js';
import { runTask } from '../../src/train/pool/task.js';

/** f_lin(x_i; W) = m^{-1/2} Σ_s a_s 1[<w_s(0), x_i> > 0] <w_s, x_i> for every i. */
function gatedForward(net0: TwoLayerNet, W: Float64Array, X: Float64Array, n: number): Float64Array {
  const { m, d, a } = net0;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < m; s++) {
      let z0 = 0;
      let z = 0;
      for (let k = 0; k < d; k++) {
        z0 += net0.W[s * d + k] * X[i * d + k];
        z += W[s * d + k] * X[i * d + k];
      }
      if (z0 > 0) f[i] += (a[s] * z) / Math.sqrt(m);
    }
  }
  return f;
}

/** Weight-space GD on the frozen-gate network: the reference. */
function weightSpaceGd(net0: TwoLayerNet, X: Float64Array, n: number, p: Float64Array, eta: number, T: number, R: number) {
  const { m, d, a } = net0;
  const W = net0.W.slice();
  let sum = 0;
  for (let t = 0; t < T; t++) {
    const f = gatedForward(net0, W, X, n);
    let loss = 0;
    const G = new Float64Array(m * d);
    for (let i = 0; i < n; i++) {
      loss += klLogit(f[i], p[i]);
      const gi = (sigmoid(f[i]) - p[i]) / n;
      for (let s = 0; s < m; s++) {
        let z0 = 0;
        for (let k = 0; k < d; k++) z0 += net0.W[s * d + k] * X[i * d + k];
        if (z0 > 0) for (let k = 0; k < d; k++) G[s * d + k] += (gi * a[s] * X[i * d + k]) / Math.sqrt(m);
      }
    }
    sum += loss / n;
    for (let k = 0; k < W.length; k++) W[k] -= eta * G[k];
    if (Number.isFinite(R)) projectToBall(W, net0.W, R);
  }
  return { avgLoss: sum / T, W, f: gatedForward(net0, W, X, n) };
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  expect(worst).toBeLessThan(tol);
};

describe('trainLinearized', () => {
  const ds = linearSphere(13, 3, 0.05, 'linearized'); // n = 13: the four-row pass and its remainder
  const p = Float64Array.from(ds.y, (y, i) => (y > 0 ? 0.8 : 0.2) + 0.01 * (i % 3));

  for (const [label, R] of [['plain GD', Infinity], ['projected GD (ball active)', 0.3]] as const) {
    for (const init of ['iid', 'balanced'] as const) {
      it(`matches weight-space GD on the frozen-gate network (${label}, ${init} init)`, () => {
        const net = initNet(7, ds.d, `lin-${init}`, init);
        const ref = weightSpaceGd(net, ds.X, ds.n, p, 2, 40, R);
        const r = trainLinearized(net, ds.X, ds.n, p, { eta: 2, T: 40, radius: R });
        expect(Math.abs(r.avgLoss - ref.avgLoss)).toBeLessThan(1e-12);
        close(r.f, ref.f, 1e-10);
        close(r.W, ref.W, 1e-10);
        close(gatedForward(net, r.W, ds.X, ds.n), r.f, 1e-10); // W(T) and f agree
      });
    }
  }

  it('the projection binds: ‖W(T) − W(0)‖_F = R when plain GD would leave the ball', () => {
    const net = initNet(8, ds.d, 'lin-ball', 'balanced');
    const free = trainLinearized(net, ds.X, ds.n, p, { eta: 4, T: 200 });
    const dist = (W: Float64Array) => Math.sqrt(W.reduce((s, w, k) => s + (w - net.W[k]) ** 2, 0));
    expect(dist(free.W)).toBeGreaterThan(0.5);
    const held = trainLinearized(net, ds.X, ds.n, p, { eta: 4, T: 200, radius: 0.5 });
    expect(Math.abs(dist(held.W) - 0.5)).toBeLessThan(1e-9);
  });

  it('agrees with the network loop while no activation flips (tiny step)', () => {
    const net = initNet(16, ds.d, 'lin-net', 'balanced');
    const copy = cloneNet(net);
    const netRun = trainFirstLayer(copy, ds.X, ds.n, p, { eta: 1e-3, T: 5 });
    expect(flippedFraction(copy, net, ds.X, ds.n)).toBe(0);
    const lin = trainLinearized(net, ds.X, ds.n, p, { eta: 1e-3, T: 5 });
    expect(Math.abs(lin.avgLoss - netRun.avgLoss)).toBeLessThan(1e-12);
    close(lin.f, forward(copy, ds.X, ds.n), 1e-12);
  });

  it('early stop: the same decision as the full run, with a lower-bound average', () => {
    const net = initNet(4, ds.d, 'lin-stop', 'balanced');
    const full = trainLinearized(net, ds.X, ds.n, p, { eta: 1, T: 300 });
    const stop = full.avgLoss * 0.5;
    const early = trainLinearized(net, ds.X, ds.n, p, { eta: 1, T: 300, stopAbove: stop });
    expect(early.epochs).toBeLessThan(300);
    expect(early.avgLoss).toBeGreaterThan(stop);
    expect(early.avgLoss).toBeLessThanOrEqual(full.avgLoss);
    const pass = trainLinearized(net, ds.X, ds.n, p, { eta: 1, T: 300, stopAbove: full.avgLoss * 1.01 });
    expect(pass.epochs).toBe(300);
    expect(pass.avgLoss).toBe(full.avgLoss);
  });

  it('rejects mismatched shapes', () => {
    const net = initNet(4, ds.d, 'lin-shape');
    expect(() => trainLinearized(net, ds.X.subarray(1), ds.n, p)).toThrow(/X has length/);
    expect(() => trainLinearized(net, ds.X, ds.n, p.subarray(1))).toThrow(/p has length/);
  });
  it('every runner trains the same linearized student: trainRegime, runTask (the workers) and trainLinearized', () => {
    const hard = Float64Array.from(ds.y, (y) => (y > 0 ? 1 : 0));
    const direct = trainLinearized(initNet(6, ds.d, 'lin-run', 'iid'), ds.X, ds.n, hard, { eta: 2, T: 30, radius: 2 });
    const viaRegime = trainRegime(ds, { regime: 'hard', m: 6, seed: 'lin-run', T: 30, eta: 2, radius: 2, student: 'linearized' });
    expect(viaRegime.student).toBe('linearized');
    expect(viaRegime.avgLoss).toBe(direct.avgLoss);
    expect(viaRegime.movement).toBeCloseTo(2, 9); // the ball binds at this step size
    const viaTask = runTask({ X: ds.X, n: ds.n, d: ds.d, p: hard, m: 6, seed: 'lin-run', T: 30, eta: 2, radius: 2, student: 'linearized', returnOutputs: true });
    expect(viaTask.avgLoss).toBe(direct.avgLoss);
    expect(Array.from(viaTask.W as Float64Array)).toEqual(Array.from(direct.W));
  });
});
