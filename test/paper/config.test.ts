/**
 * Tests for src/paper/config.ts: the shipped settings pass their own check, and each bad field is refused
 * with an InputError naming it (bad input → a clear error naming the field).
 */
import { describe, expect, it } from 'vitest';
import { checkConfig, PAPER_DEFAULTS, PAPER_QUICK, type PaperConfig } from '../../src/paper/config.js';
import { InputError } from '../../src/errors.js';

const withField = (patch: Partial<PaperConfig>) => () => checkConfig({ ...PAPER_DEFAULTS, ...patch });

describe('checkConfig', () => {
  it('accepts the default and quick settings; quick is a smaller grid', () => {
    expect(checkConfig(PAPER_DEFAULTS)).toBe(PAPER_DEFAULTS);
    expect(checkConfig(PAPER_QUICK)).toBe(PAPER_QUICK);
    const cost = (c: PaperConfig) => c.pairs.length * c.sigmas.length * c.seeds * c.T * c.n * c.widths.reduce((a, b) => a + b, 0);
    expect(cost(PAPER_QUICK)).toBeLessThan(cost(PAPER_DEFAULTS) / 20);
    // the required widths and pairs
    expect(PAPER_DEFAULTS.widths).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
    expect(PAPER_DEFAULTS.pairs).toContainEqual([0, 1]);
    expect(PAPER_DEFAULTS.pairs).toContainEqual([4, 9]);
  });

  it.each([
    [{ pairs: [[4, 4]] as [number, number][] }, /paper\.pairs\[0\]/],
    [{ pairs: [[4, 10]] as [number, number][] }, /paper\.pairs\[0\]/],
    [{ sigmas: [0] }, /paper\.sigmas/],
    [{ sigmas: [0, -1] }, /paper\.sigmas\[1\]/],
    [{ widths: [1, 0] }, /paper\.widths\[1\]/],
    [{ seeds: 0 }, /paper\.seeds/],
    [{ teacherN: 10 }, /paper\.teacherN/],
    [{ eta: 0 }, /paper\.eta/],
    [{ tau: Number.NaN }, /paper\.tau/],
    [{ alpha: 1 }, /paper\.alpha/],
    [{ radiusSoft: -1 }, /paper\.radiusSoft/],
    [{ teacher: 'oracle' as never }, /paper\.teacher/],
    [{ smallWidthMax: 0 }, /paper\.smallWidthMax/],
    [{ mlp: { ...PAPER_DEFAULTS.mlp, optimizer: 'sgd' as never } }, /paper\.mlp\.optimizer/],
  ])('refuses %j naming the field', (patch, field) => {
    expect(withField(patch)).toThrow(InputError);
    expect(withField(patch)).toThrow(field);
  });
});
