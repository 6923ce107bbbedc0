/**
 * Tests for src/train/project.ts. Oracle: the Euclidean projection onto a ball has the closed form
 * W0 + (W − W0)·min(1, R/‖W − W0‖) (leaves interior points fixed, keeps the direction, lands on the sphere).
 */
import { describe, expect, it } from 'vitest';
import { projectToBall } from '../../src/train/project.js';

describe('projectToBall', () => {
  it('leaves interior points unchanged and returns their distance', () => {
    const W = Float64Array.from([1, 1]);
    const W0 = Float64Array.from([0, 0]);
    expect(projectToBall(W, W0, 2)).toBeCloseTo(Math.SQRT2, 15);
    expect(Array.from(W)).toEqual([1, 1]);
  });

  it('maps an exterior point to W0 + R·(W − W0)/‖W − W0‖', () => {
    const W = Float64Array.from([4, 1, -3]);
    const W0 = Float64Array.from([1, -3, -3]); // W − W0 = (3, 4, 0), norm 5
    expect(projectToBall(W, W0, 2)).toBe(2);
    const expected = [1 + 3 * 0.4, -3 + 4 * 0.4, -3];
    expected.forEach((v, k) => expect(W[k]).toBeCloseTo(v, 14));
  });
});
