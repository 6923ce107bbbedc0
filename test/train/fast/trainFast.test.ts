/**
 * Tests for src/train/fast/trainFast.ts (the whole GD loop inside WebAssembly).
 * Oracles: (1) trainFirstLayer (src/train/loop.ts) driving the same kernel through the TrainKernel interface —
 * without projection the two loops perform identical float64 operations, so results must be bit-identical;
 * (2) the reference trajectory (referenceKernel) with the rigorous deviation bound of
 * test/train/fast/trajectoryBound.ts, in float64 and float32, with and without projection; (3) closed facts: T = 0
 * gives avgLoss = finalLoss = R̂(W(0)), the projection keeps ‖W(T) − W(0)‖_F ≤ R.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneNet } from '../../../src/model/twoLayer.js';
import { trainFirstLayer } from '../../../src/train/loop.js';
import { referenceKernel, makeBuffers } from '../../../src/train/kernel.js';
import { trainFast } from '../../../src/train/fast/trainFast.js';
import { wasmKernel } from '../../../src/train/fast/wasmKernel.js';
import { ShapeError, InputError } from '../../../src/errors.js';
import { makeProblem, problemArb } from './problems.js';
import { referenceTrajectory } from './trajectoryBound.js';
import { U32, U64, F64_TARGET_REL } from './roundingBounds.js';

const seed = Number(process.env.FC_SEED ?? 42);

/** Small problems on the unit sphere (L = 1/4), so that the trajectory bound stays informative. */
const trajectoryArb = fc.record({
  spec: problemArb.map((s) => ({ ...s, n: 1 + (s.n % 20), d: 1 + (s.d % 8), m: 1 + (s.m % 24), unit: true, wScale: 1 })),
  T: fc.integer({ min: 0, max: 12 }),
  eta: fc.constantFrom(0.5, 1, 2),
  radius: fc.constantFrom(Infinity, 0.05, 1),
});

describe('trainFast', () => {
  it('float64 without projection is bit-identical to trainFirstLayer with the wasm kernel', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 0, max: 15 }), fc.constantFrom(0.3, 1, 4), (spec, T, eta) => {
        const { net, X, n, p } = makeProblem(spec);
        const a = cloneNet(net);
        const b = cloneNet(net);
        const r1 = trainFirstLayer(a, X, n, p, { T, eta, kernel: wasmKernel('f64'), recordCurve: true });
        const r2 = trainFast(b, X, n, p, { T, eta, recordCurve: true });
        expect(r2.avgLoss).toBe(r1.avgLoss);
        expect(r2.finalLoss).toBe(r1.finalLoss);
        expect(Array.from(r2.curve!)).toEqual(Array.from(r1.curve!));
        expect(Array.from(r2.f)).toEqual(Array.from(r1.f));
        expect(Array.from(b.W)).toEqual(Array.from(a.W));
      }),
      { seed, numRuns: 40 },
    );
  });

  it('early stop (stopAbove): the same decision and stopping epoch as the full run\'s running sum, on both loops (oracle: the full run\'s curve)', () => {
    fc.assert(
      fc.property(problemArb, fc.integer({ min: 1, max: 15 }), fc.constantFrom(0.3, 1, 4), fc.double({ min: 0, max: 1.3, noNaN: true }), (spec, T, eta, q) => {
        const { net, X, n, p } = makeProblem(spec);
        const full = trainFast(cloneNet(net), X, n, p, { T, eta, recordCurve: true });
        const stopAbove = q * full.avgLoss;
        // the oracle: the first epoch t (1-based) at which the running sum of the full curve, over T, exceeds stopAbove
        let sum = 0;
        let stopAt = T;
        for (let t = 0; t < T; t++) {
          sum += full.curve![t];
          if (t + 1 < T && sum / T > stopAbove) {
            stopAt = t + 1;
            break;
          }
        }
        const fast = trainFast(cloneNet(net), X, n, p, { T, eta, stopAbove });
        const loop = trainFirstLayer(cloneNet(net), X, n, p, { T, eta, stopAbove, kernel: wasmKernel('f64') });
        for (const r of [fast, loop]) {
          expect(r.epochs).toBe(stopAt);
          expect(r.avgLoss <= stopAbove).toBe(full.avgLoss <= stopAbove);
          if (r.epochs === T) expect(r.avgLoss).toBe(full.avgLoss);
          else {
            expect(r.avgLoss).toBe(sum / T);
            expect(r.avgLoss).toBeLessThanOrEqual(full.avgLoss);
          }
        }
        expect(fast.finalLoss).toBe(loop.finalLoss);
        if (fast.epochs === T) expect(fast.finalLoss).toBe(full.finalLoss);
      }),
      { seed, numRuns: 60 },
    );
  });

  for (const precision of ['f64', 'f32'] as const) {
    it(`${precision}: whole trainings stay within the derived trajectory bound of the reference`, () => {
      const u = precision === 'f64' ? U64 : U32;
      fc.assert(
        fc.property(trajectoryArb, ({ spec, T, eta, radius }) => {
          const { net, X, n, p } = makeProblem(spec);
          const ref = referenceTrajectory(net, X, n, p, { T, eta, radius, u });
          const got = cloneNet(net);
          const r = trainFast(got, X, n, p, { T, eta, radius, precision, recordCurve: true });
          for (let t = 0; t <= T; t++) expect(Math.abs(r.curve![t] - ref.curve[t])).toBeLessThanOrEqual(ref.lossTol[t]);
          const avgTol = T > 0 ? ref.lossTol.subarray(0, T).reduce((s, v) => s + v, 0) / T : ref.lossTol[0];
          expect(Math.abs(r.avgLoss - ref.avgLoss)).toBeLessThanOrEqual(avgTol);
          expect(Math.abs(r.finalLoss - ref.finalLoss)).toBeLessThanOrEqual(ref.lossTol[T]);
          for (let i = 0; i < n; i++) expect(Math.abs(r.f[i] - ref.f[i])).toBeLessThanOrEqual(ref.fTol[i]);
          let dW = 0;
          for (let k = 0; k < got.W.length; k++) dW += (got.W[k] - ref.W[k]) ** 2;
          expect(Math.sqrt(dW)).toBeLessThanOrEqual(ref.WTol);
        }),
        { seed, numRuns: 40 },
      );
    });
  }

  it('float64 at (200, 20, 64), T = 30: avgLoss within 1e-12 relative of the reference loop', () => {
    const { net, X, n, p } = makeProblem({ n: 200, d: 20, m: 64, seed: 5, labels: 'soft', wScale: 1, unit: true });
    const r1 = trainFirstLayer(cloneNet(net), X, n, p, { T: 30, radius: 2 });
    const r2 = trainFast(cloneNet(net), X, n, p, { T: 30, radius: 2 });
    expect(Math.abs(r2.avgLoss - r1.avgLoss)).toBeLessThanOrEqual(F64_TARGET_REL * r1.avgLoss);
    expect(Math.abs(r2.finalLoss - r1.finalLoss)).toBeLessThanOrEqual(F64_TARGET_REL * r1.finalLoss);
  });

  it('T = 0 returns the loss at W(0) for both averages and leaves W unchanged', () => {
    const { net, X, n, p } = makeProblem({ n: 9, d: 5, m: 7, seed: 2, labels: 'mixed', wScale: 1, unit: true });
    const W0 = net.W.slice();
    const r = trainFast(net, X, n, p, { T: 0 });
    const l0 = referenceKernel.lossAndGrad(net, X, n, p, makeBuffers(n, 7, 5));
    expect(r.avgLoss).toBe(r.finalLoss);
    expect(Math.abs(r.avgLoss - l0)).toBeLessThanOrEqual(F64_TARGET_REL * l0);
    expect(Array.from(net.W)).toEqual(Array.from(W0));
  });

  it('projection keeps ‖W(T) − W(0)‖_F ≤ R (to rounding) and is active', () => {
    const { net, X, n, p } = makeProblem({ n: 30, d: 6, m: 20, seed: 9, labels: 'hard', wScale: 1, unit: true });
    const W0 = net.W.slice();
    const R = 0.1;
    trainFast(net, X, n, p, { T: 50, eta: 2, radius: R });
    let s = 0;
    for (let k = 0; k < W0.length; k++) s += (net.W[k] - W0[k]) ** 2;
    expect(Math.sqrt(s)).toBeLessThanOrEqual(R * (1 + (net.W.length + 4) * U64));
    expect(Math.sqrt(s)).toBeGreaterThan(R * (1 - 1e-9));
  });

  it('rejects bad options and shapes, naming the field', () => {
    const { net, X, n, p } = makeProblem({ n: 4, d: 3, m: 5, seed: 1, labels: 'soft', wScale: 1, unit: true });
    expect(() => trainFast(net, X, n, p, { eta: 0 })).toThrow(InputError);
    expect(() => trainFast(net, X, n, p, { T: 1.5 })).toThrow(/^T: /);
    expect(() => trainFast(net, X, n, p, { radius: 0 })).toThrow(/radius/);
    expect(() => trainFast(net, X, n, p, { precision: 'f16' as 'f32' })).toThrow(/precision/);
    expect(() => trainFast(net, X, 5, p)).toThrow(ShapeError);
  });
});
