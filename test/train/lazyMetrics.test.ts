/**
 * Tests for src/train/lazyMetrics.ts. Oracle: hand-computed movements and activation flips of 2-neuron nets.
 */
import { describe, expect, it } from 'vitest';
import { flippedFraction, frobeniusMovement, maxNeuronMovement } from '../../src/train/lazyMetrics.js';
import type { TwoLayerNet } from '../../src/model/twoLayer.js';
import { ShapeError } from '../../src/errors.js';

const a = Float64Array.from([1, -1]);
const net0: TwoLayerNet = { m: 2, d: 2, W: Float64Array.from([1, 0, 0, 1]), a };
// Neuron 1 moves by (−2, 0) (norm 2), neuron 2 by (0.3, 0.4) (norm 0.5).
const net: TwoLayerNet = { m: 2, d: 2, W: Float64Array.from([-1, 0, 0.3, 1.4]), a };

describe('lazy metrics', () => {
  it('maxNeuronMovement = max(2, 0.5) = 2; frobeniusMovement = √(4 + 0.25)', () => {
    expect(maxNeuronMovement(net, net0)).toBeCloseTo(2, 15);
    expect(frobeniusMovement(net, net0)).toBeCloseTo(Math.sqrt(4.25), 15);
  });

  it('flippedFraction counts changed indicators over n·m', () => {
    // X: x1 = (1, 0), x2 = (0, 1). A(0) = [[1,0],[0,1]]; A(T): z = [[−1, 0.3], [0, 1.4]] → [[0,1],[0,1]].
    // Changed: (1,1), (1,2) → 2 of 4.
    const X = Float64Array.from([1, 0, 0, 1]);
    expect(flippedFraction(net, net0, X, 2)).toBe(0.5);
    expect(flippedFraction(net0, net0, X, 2)).toBe(0);
  });

  it('throws ShapeError for nets of different shapes', () => {
    const other: TwoLayerNet = { m: 1, d: 2, W: Float64Array.from([1, 0]), a: Float64Array.from([1]) };
    expect(() => maxNeuronMovement(net, other)).toThrow(ShapeError);
  });
});
