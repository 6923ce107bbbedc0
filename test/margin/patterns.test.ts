/**
 * Activation patterns. Oracles: arc lengths by hand (two points at angle θ: both active on an arc of length
 * π − θ, each alone on θ, none on π − θ), and exact counting for direction lists.
 */
import { describe, expect, test } from 'vitest';
import { patternsExact2d, patternsFromDirections } from '../../src/margin/patterns.js';
import { circleData } from './sphereData.js';

function weightOf(p: ReturnType<typeof patternsExact2d>, members: number[]): number {
  let w = 0;
  for (let j = 0; j < p.P; j++) {
    const mem = Array.from(p.idx.subarray(p.ptr[j], p.ptr[j + 1])).sort();
    if (mem.join() === [...members].sort().join()) w += p.w[j];
  }
  return w;
}

describe('patternsExact2d', () => {
  test('one point: one arc, probability 1/2', () => {
    const p = patternsExact2d(circleData([0.4], [1]).X, 1);
    expect(p.P).toBe(1);
    expect(p.w[0]).toBeCloseTo(0.5, 15);
  });
  test('two points at θ = 1: both (π−θ)/2π, each alone θ/2π, nothing on the rest', () => {
    const theta = 1;
    const p = patternsExact2d(circleData([2.9, 2.9 + theta], [1, -1]).X, 2);
    expect(weightOf(p, [0, 1])).toBeCloseTo((Math.PI - theta) / (2 * Math.PI), 14);
    expect(weightOf(p, [0])).toBeCloseTo(theta / (2 * Math.PI), 14);
    expect(weightOf(p, [1])).toBeCloseTo(theta / (2 * Math.PI), 14);
    const total = p.w.reduce((s, a) => s + a, 0);
    expect(total).toBeCloseTo(1 - (Math.PI - theta) / (2 * Math.PI), 14);
  });
  test('CSR by point is the transpose of CSR by pattern', () => {
    const c = circleData([0, 0.5, 2, 4, 5.5], [1, -1, 1, 1, -1]);
    const p = patternsExact2d(c.X, 5);
    for (let j = 0; j < p.P; j++)
      for (let t = p.ptr[j]; t < p.ptr[j + 1]; t++) {
        const i = p.idx[t];
        expect(Array.from(p.pat.subarray(p.pptr[i], p.pptr[i + 1]))).toContain(j);
      }
    expect(p.pat.length).toBe(p.idx.length);
  });
});

describe('patternsFromDirections', () => {
  test('duplicate directions merge; directions activating nothing are dropped but keep the 1/N scale', () => {
    const c = circleData([0, Math.PI / 2], [1, -1]);
    // z = (1,1) twice (both active), z = (1,−1) once (x0 only), z = (−1,−1) once (none)
    const Z = Float64Array.from([1, 1, 1, 1, 1, -1, -1, -1]);
    const p = patternsFromDirections(c.X, 2, 2, Z, 4);
    expect(p.P).toBe(2);
    expect(weightOf(p, [0, 1])).toBe(0.5);
    expect(weightOf(p, [0])).toBe(0.25);
  });
  test('inner product exactly 0 is inactive (1[<z,x> > 0])', () => {
    const c = circleData([0], [1]);
    const p = patternsFromDirections(c.X, 1, 2, Float64Array.from([0, 1]), 1);
    expect(p.P).toBe(0);
  });
});
