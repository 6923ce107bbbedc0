/**
 * Tests for src/teacher/wideNetTeacher.ts. Oracles: the teacher is a trained network, so its logits must equal
 * an independently trained copy (same seed, same loop) and forward() on the training inputs; on linearly
 * separable data a wide net trained on hard labels classifies the training set, so p is on the correct side.
 */
import { describe, expect, it } from 'vitest';
import { wideNetTeacher } from '../../src/teacher/wideNetTeacher.js';
import { forward, initNet } from '../../src/model/twoLayer.js';
import { trainFirstLayer } from '../../src/train/loop.js';
import { hardTargets, sigmoid } from '../../src/model/losses.js';
import { ShapeError } from '../../src/errors.js';
import { linearSphere } from '../train/fixtures.js';

describe('wideNetTeacher', () => {
  const ds = linearSphere(30, 5, 0.2, 'wide');
  const opts = { m: 128, T: 100, eta: 4, tau: 2, seed: 'w' };
  const t = wideNetTeacher(ds, opts);

  it('logits equal an independent training run with the same seed; p = σ(g/τ)', () => {
    const net = initNet(opts.m, ds.d, opts.seed);
    trainFirstLayer(net, ds.X, ds.n, hardTargets(ds.y), { T: opts.T, eta: opts.eta });
    const f = forward(net, ds.X, ds.n);
    for (let i = 0; i < ds.n; i++) {
      expect(t.logits[i]).toBe(f[i]);
      expect(t.p[i]).toBe(sigmoid(f[i] / opts.tau));
    }
    expect(Array.from(t.predict(ds.X, ds.n))).toEqual(Array.from(f));
  });

  it('classifies separable training data: every p on the correct side of ½', () => {
    for (let i = 0; i < ds.n; i++) expect(ds.y[i] * (t.p[i] - 0.5)).toBeGreaterThan(0);
  });

  it('rejects bad options and a bad predict input', () => {
    expect(() => wideNetTeacher(ds, { m: 0 })).toThrow(/teacher\.m/);
    expect(() => t.predict(new Float64Array(3), 1)).toThrow(ShapeError);
  });
});
