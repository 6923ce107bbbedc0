/**
 * Tests for src/train/kernel.ts (referenceKernel). Oracles: central finite differences of the loss for the
 * gradient, and the mean of klLogit over forward() for the value (an independent code path).
 */
import { describe, expect, it } from 'vitest';
import { referenceKernel, makeBuffers } from '../../src/train/kernel.js';
import { forward, initNet } from '../../src/model/twoLayer.js';
import { klLogit } from '../../src/model/losses.js';
import { makeRng } from '../../src/rng.js';
import { linearSphere } from './fixtures.js';
import { FD_STEP, FD_TOL, SUM_ABS } from './tolerances.js';

function meanLoss(net: ReturnType<typeof initNet>, X: Float64Array, n: number, p: Float64Array): number {
  const f = forward(net, X, n);
  let s = 0;
  for (let i = 0; i < n; i++) s += klLogit(f[i], p[i]);
  return s / n;
}

describe('referenceKernel.lossAndGrad', () => {
  const ds = linearSphere(7, 3, 0, 'kernel-fd');
  const rng = makeRng('kernel-fd-p');
  const p = Float64Array.from({ length: ds.n }, () => rng.uniform());

  it('returns the mean KL loss of forward() and fills buf.f with the outputs', () => {
    const net = initNet(6, ds.d, 'kernel-net');
    const buf = makeBuffers(ds.n, net.m, ds.d);
    const loss = referenceKernel.lossAndGrad(net, ds.X, ds.n, p, buf);
    expect(Math.abs(loss - meanLoss(net, ds.X, ds.n, p))).toBeLessThan(SUM_ABS);
    const f = forward(net, ds.X, ds.n);
    for (let i = 0; i < ds.n; i++) expect(Math.abs(buf.f[i] - f[i])).toBeLessThan(SUM_ABS);
  });

  it('has a gradient equal to central finite differences (soft and hard targets)', () => {
    for (const targets of [p, ds.y.map((v) => (v > 0 ? 1 : 0))]) {
      const net = initNet(6, ds.d, 'kernel-net-fd');
      const buf = makeBuffers(ds.n, net.m, ds.d);
      referenceKernel.lossAndGrad(net, ds.X, ds.n, targets, buf);
      const G = buf.G.slice();
      // FD is valid only away from ReLU kinks: with Gaussian W the nearest |<w_s, x_i>| is ≫ FD_STEP here
      // (checked below), so no activation flips within ±h.
      let minAbsZ = Infinity;
      for (let i = 0; i < ds.n; i++) {
        for (let s = 0; s < net.m; s++) {
          let z = 0;
          for (let k = 0; k < ds.d; k++) z += net.W[s * ds.d + k] * ds.X[i * ds.d + k];
          minAbsZ = Math.min(minAbsZ, Math.abs(z));
        }
      }
      expect(minAbsZ).toBeGreaterThan(100 * FD_STEP);
      for (let k = 0; k < net.W.length; k++) {
        const w = net.W[k];
        net.W[k] = w + FD_STEP;
        const up = meanLoss(net, ds.X, ds.n, targets);
        net.W[k] = w - FD_STEP;
        const down = meanLoss(net, ds.X, ds.n, targets);
        net.W[k] = w;
        const fd = (up - down) / (2 * FD_STEP);
        expect(Math.abs(G[k] - fd)).toBeLessThanOrEqual(FD_TOL * Math.max(1, Math.abs(fd)));
      }
    }
  });
});
