/**
 * report diff's text output: identifiers, seeds and counts print exactly; only measured reals are rounded
 * (src/report/diff.ts). Oracle: the values written into the hand-made runs.
 */
import { describe, expect, it } from 'vitest';
import { DIFF_SIGNIFICANT_DIGITS, diffResults, diffText } from '../../src/report/diff.js';
import { buildResults } from '../../src/run/runVerify.js';
import type { Results } from '../../src/run/schema.js';
import { powerLawCells, record } from './fixtures/records.js';

function run(seed: number, mStar: number, slope: number, realLoss: number, realN: number): Results {
  const cells = powerLawCells(true);
  cells[0].mStar = mStar;
  return buildResults({
    seed,
    quick: false,
    workList: ['w', 'real-data'],
    shard: null,
    claims: [record({ id: 'w', cells, metrics: { slopeSoft: slope } })],
    realData: { id: 'real-data', title: 'MNIST 4 vs 9', data: 'mnist', settings: {}, soft: { avgLoss: realLoss, n: realN } },
    assumptions: [],
  });
}

describe('report diff text', () => {
  it('prints seeds and m* counts exactly (20241212 vs 20241213 both rounded to 20241200 before)', () => {
    // Arrange: seeds and an m* that agree in their first 6 significant digits
    const a = run(20241212, 1234567, 0.5, 0.25, 100);
    const b = run(20241213, 1234568, 0.5, 0.25, 100);
    // Act
    const text = diffText('A', 'B', diffResults(a, b));
    // Assert
    expect(text).toContain('  seed: 20241212 → 20241213\n');
    expect(text).toMatch(/ds-0\.1 soft γ=0\.1 ε=0\.05: 1234567 → 1234568\n/);
  });

  it('rounds measured reals, but prints them in full where rounding would hide the change', () => {
    const a = run(1, 4000, 0.123456789, 0.5, 100);
    const b = run(1, 4000, 0.987654321, 0.50000001, 101);
    const entries = diffResults(a, b);
    const text = diffText('A', 'B', entries);
    expect(DIFF_SIGNIFICANT_DIGITS).toBe(6);
    expect(text).toContain('  w · metrics.slopeSoft: 0.123457 → 0.987654\n');
    // 0.5 and 0.50000001 agree to 6 digits: shown in full
    expect(text).toContain('  soft.avgLoss: 0.5 → 0.50000001\n');
    // a count in the real-data section is not a measured real
    expect(entries.find((e) => e.key === 'soft.n')).toEqual({ section: 'real data', key: 'soft.n', a: 100, b: 101 });
    expect(text).toContain('  soft.n: 100 → 101\n');
  });
});
