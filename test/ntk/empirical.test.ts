/**
 * Tests for src/ntk/empirical.ts. Oracle: hand-computed activation patterns and K_m = (XXᵀ)∘(AAᵀ)/m for a
 * 2-neuron network (the concentration to the analytic kernel is tested in analytic.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { activationPattern, empiricalGram } from '../../src/ntk/empirical.js';
import type { TwoLayerNet } from '../../src/model/twoLayer.js';
import { ShapeError } from '../../src/errors.js';

// w_1 = (1, 0), w_2 = (0, 1); x_1 = (1, 0), x_2 = (0.6, 0.8), x_3 = (−1, 0).
const net: TwoLayerNet = { m: 2, d: 2, W: Float64Array.from([1, 0, 0, 1]), a: Float64Array.from([1, -1]) };
const X = Float64Array.from([1, 0, 0.6, 0.8, -1, 0]);

describe('activationPattern', () => {
  it('marks 1[<w_s, x_i> > 0] (strict: z = 0 is inactive)', () => {
    // z = [[1, 0], [0.6, 0.8], [−1, 0]] → A = [[1, 0], [1, 1], [0, 0]]
    expect(Array.from(activationPattern(net, X, 3))).toEqual([1, 0, 1, 1, 0, 0]);
  });
  it('throws ShapeError on a bad X', () => {
    expect(() => activationPattern(net, new Float64Array(5), 3)).toThrow(ShapeError);
  });
});

describe('empiricalGram', () => {
  it('equals (XXᵀ)∘(AAᵀ)/m by hand', () => {
    // XXᵀ = [[1, .6, −1], [.6, 1, −.6], [−1, −.6, 1]]; AAᵀ = [[1, 1, 0], [1, 2, 0], [0, 0, 0]]; m = 2.
    const expected = [0.5, 0.3, 0, 0.3, 1, 0, 0, 0, 0];
    const K = empiricalGram(net, X, 3);
    expected.forEach((v, k) => expect(K[k]).toBeCloseTo(v, 15));
  });
});
