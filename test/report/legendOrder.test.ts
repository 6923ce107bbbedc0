/** Legend order (src/report/legendOrder.ts). Oracle: the orders written out by hand. */
import { describe, expect, it } from 'vitest';
import { compareLabels, legendOrder } from '../../src/report/legendOrder.js';

describe('legendOrder', () => {
  it('numbers inside labels sort as numbers (text order would put m=1024 before m=16)', () => {
    expect(legendOrder(['m=1024, soft', 'm=16, hard', 'm=16, soft', 'm=256, hard', 'm=1024, hard'])).toEqual(['m=16, hard', 'm=16, soft', 'm=256, hard', 'm=1024, hard', 'm=1024, soft']);
    expect(legendOrder(['ε = 0.1', 'ε = 0.05', 'ε = 0.2'])).toEqual(['ε = 0.05', 'ε = 0.1', 'ε = 0.2']);
    expect(legendOrder(['linear', 'xor', 'linear'])).toEqual(['linear', 'xor']);
    expect(compareLabels('m=2', 'm=2')).toBe(0);
    expect(compareLabels('m=1e3', 'm=20')).toBeGreaterThan(0);
  });
});
