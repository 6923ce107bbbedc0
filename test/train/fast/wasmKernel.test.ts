/**
 * Tests for src/train/fast/wasmKernel.ts (assembly/kernel.ts behind the TrainKernel interface).
 * Oracle: referenceKernel (src/train/kernel.ts, plain TypeScript float64) on the same (W, X, p), with the
 * derived rounding bounds of test/train/fast/roundingBounds.ts (float64: also the 1e-12 relative target;
 * float32: the same bounds with u = 2^-24). Inputs: fast-check over sizes that exercise every padding and
 * chunking path (odd n, odd d, m not a multiple of 8/16, tiny cache-blocking chunks), hard/soft/mixed targets
 * and weight scales up to 30 (saturated σ, large |f|); seeded by FC_SEED (CI: 42).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceKernel, makeBuffers } from '../../../src/train/kernel.js';
import { wasmKernel } from '../../../src/train/fast/wasmKernel.js';
import { loadKernel, setKernelTiles, DEFAULT_TILES } from '../../../src/train/fast/wasmModule.js';
import { ShapeError, InputError } from '../../../src/errors.js';
import { makeProblem, problemArb } from './problems.js';
import { kernelBounds, U32, U64, F64_TARGET_REL } from './roundingBounds.js';

const seed = Number(process.env.FC_SEED ?? 42);

function compare(precision: 'f64' | 'f32', spec: Parameters<typeof makeProblem>[0]) {
  const { net, X, n, p } = makeProblem(spec);
  const { m, d } = net;
  const ref = makeBuffers(n, m, d);
  const got = makeBuffers(n, m, d);
  const lRef = referenceKernel.lossAndGrad(net, X, n, p, ref);
  const lGot = wasmKernel(precision).lossAndGrad(net, X, n, p, got);
  const b = kernelBounds(precision === 'f64' ? U64 : U32, net, X, n, p, ref.Z, ref.f);
  return { lRef, lGot, ref, got, b, n, m, d };
}

afterEach(() => setKernelTiles(DEFAULT_TILES.kc, DEFAULT_TILES.ic));

describe('wasmKernel vs referenceKernel', () => {
  it('runs the relaxed-SIMD build on this runtime (Node 20: enabled through the V8 flag)', () => {
    const k = loadKernel();
    expect(k).not.toBeNull();
    expect(k!.variant).toBe('relaxed-simd');
  });

  for (const tiles of [DEFAULT_TILES, { kc: 3, ic: 5 }]) {
    it(`float64: loss, f and G within the derived bound and 1e-12 relative (kc=${tiles.kc}, ic=${tiles.ic})`, () => {
      setKernelTiles(tiles.kc, tiles.ic);
      fc.assert(
        fc.property(problemArb, (spec) => {
          const { lRef, lGot, ref, got, b, n, m, d } = compare('f64', spec);
          expect(Math.abs(lGot - lRef)).toBeLessThanOrEqual(b.loss);
          expect(Math.abs(lGot - lRef)).toBeLessThanOrEqual(F64_TARGET_REL * b.lossMag);
          for (let i = 0; i < n; i++) {
            expect(Math.abs(got.f[i] - ref.f[i])).toBeLessThanOrEqual(b.f[i]);
            expect(Math.abs(got.f[i] - ref.f[i])).toBeLessThanOrEqual(F64_TARGET_REL * b.fMag[i]);
          }
          for (let j = 0; j < m * d; j++) {
            expect(Math.abs(got.G[j] - ref.G[j])).toBeLessThanOrEqual(b.G[j]);
            expect(Math.abs(got.G[j] - ref.G[j])).toBeLessThanOrEqual(F64_TARGET_REL * b.GMag[j]);
          }
        }),
        { seed, numRuns: 60 },
      );
    });
  }

  it('float32: loss, f and G within the float32 bound (u = 2^-24, first order in (n+m+d)·u)', () => {
    setKernelTiles(3, 5);
    fc.assert(
      fc.property(problemArb, (spec) => {
        const { lRef, lGot, ref, got, b, n, m, d } = compare('f32', spec);
        expect(Math.abs(lGot - lRef)).toBeLessThanOrEqual(b.loss);
        for (let i = 0; i < n; i++) expect(Math.abs(got.f[i] - ref.f[i])).toBeLessThanOrEqual(b.f[i]);
        for (let j = 0; j < m * d; j++) expect(Math.abs(got.G[j] - ref.G[j])).toBeLessThanOrEqual(b.G[j]);
      }),
      { seed, numRuns: 60 },
    );
  });

  it('float32 differs from float64 by more than the float64 bound, so the float32 check is not vacuous', () => {
    const spec = { n: 40, d: 9, m: 37, seed: 3, labels: 'soft', wScale: 1, unit: true } as const;
    const r32 = compare('f32', spec);
    const r64 = compare('f64', spec);
    expect(Math.abs(r32.lGot - r32.lRef)).toBeGreaterThan(r64.b.loss);
  });

  for (const [n, d, m] of [[200, 20, 64], [300, 784, 24], [61, 3, 1030]] as const) {
    it(`float64 at a bench-like size (n, d, m) = (${n}, ${d}, ${m}) with the default chunks`, () => {
      const { lRef, lGot, ref, got, b } = compare('f64', { n, d, m, seed: 11, labels: 'mixed', wScale: 1, unit: true });
      expect(Math.abs(lGot - lRef)).toBeLessThanOrEqual(b.loss);
      for (let i = 0; i < n; i++) expect(Math.abs(got.f[i] - ref.f[i])).toBeLessThanOrEqual(b.f[i]);
      for (let j = 0; j < m * d; j++) expect(Math.abs(got.G[j] - ref.G[j])).toBeLessThanOrEqual(b.G[j]);
    });
  }

  it('resident X/p: a mutated X, a new W and an intervening placement are all picked up (bit-identical to a fresh kernel)', () => {
    const { net, X, n, p } = makeProblem({ n: 23, d: 7, m: 19, seed: 6, labels: 'soft', wScale: 1, unit: true });
    const k = wasmKernel('f64');
    const run = (kernel: ReturnType<typeof wasmKernel>, Xi: Float64Array) => {
      const buf = makeBuffers(n, 19, 7);
      return { loss: kernel.lossAndGrad(net, Xi, n, p, buf), G: Array.from(buf.G) };
    };
    run(k, X);
    X[5] += 0.25; // in-place change of the same array
    expect(run(k, X)).toEqual(run(wasmKernel('f64'), X));
    net.W[3] -= 0.5;
    expect(run(k, X)).toEqual(run(wasmKernel('f64'), X));
    const other = makeProblem({ n: 9, d: 7, m: 19, seed: 7, labels: 'hard', wScale: 1, unit: true });
    const fresh = run(wasmKernel('f64'), X);
    // Another problem placed in between overwrites the thread's shared memory.
    wasmKernel('f64').lossAndGrad(other.net, other.X, other.n, other.p, makeBuffers(other.n, 19, 7));
    expect(run(k, X)).toEqual(fresh);
  });

  it('hand value: n = 1, d = 2, m = 2 (loss ln 2 at f = 0 with p = 1/2; gradient zero)', () => {
    // W rows (1, 0) and (1, 0), a = (+1, −1): f = (relu(x0) − relu(x0))/√2 = 0, σ(0) = p ⇒ KL = 0, G = 0.
    const net = { m: 2, d: 2, W: Float64Array.from([1, 0, 1, 0]), a: Float64Array.from([1, -1]) };
    const buf = makeBuffers(1, 2, 2);
    const loss = wasmKernel('f64').lossAndGrad(net, Float64Array.from([0.6, 0.8]), 1, Float64Array.from([0.5]), buf);
    expect(loss).toBe(0);
    expect(Array.from(buf.G)).toEqual([0, 0, 0, 0]);
    // p = 1 (hard label y = +1): loss = softplus(−0) = ln 2, dℓ/df = σ(0) − 1 = −1/2, G_s = −½·a_s·x/(√2·1).
    const l1 = wasmKernel('f64').lossAndGrad(net, Float64Array.from([0.6, 0.8]), 1, Float64Array.from([1]), buf);
    expect(l1).toBeCloseTo(Math.LN2, 15);
    expect(buf.G[0]).toBeCloseTo((-0.5 * 0.6) / Math.SQRT2, 15);
    expect(buf.G[2]).toBeCloseTo((0.5 * 0.6) / Math.SQRT2, 15);
  });

  it('rejects bad input with ShapeError / InputError naming the field', () => {
    const { net, X, n, p } = makeProblem({ n: 5, d: 3, m: 4, seed: 1, labels: 'soft', wScale: 1, unit: true });
    const buf = makeBuffers(n, 4, 3);
    expect(() => wasmKernel().lossAndGrad(net, X.subarray(1), n, p, buf)).toThrow(ShapeError);
    expect(() => wasmKernel().lossAndGrad(net, X, n, p.subarray(1), buf)).toThrow(ShapeError);
    const bad = p.slice();
    bad[2] = 1.5;
    expect(() => wasmKernel().lossAndGrad(net, X, n, bad, buf)).toThrow(InputError);
    expect(() => wasmKernel().lossAndGrad(net, X, n, bad, buf)).toThrow(/p\[2\]/);
    const nanX = X.slice();
    nanX[4] = NaN;
    expect(() => wasmKernel().lossAndGrad(net, nanX, n, p, buf)).toThrow(/X\[4\]/);
  });
});
