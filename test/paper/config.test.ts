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
    // small widths 2–16 where the theory predicts a gap, one wide width where both regimes should agree
    expect(PAPER_DEFAULTS.widths.filter((m) => m <= 16)).toEqual([2, 4, 8, 16]);
    expect(Math.max(...PAPER_DEFAULTS.widths)).toBeGreaterThanOrEqual(128);
    // easy and hard pairs, at least five; both teachers; balanced two-layer students
    for (const p of [[0, 1], [3, 5], [4, 9]]) expect(PAPER_DEFAULTS.pairs).toContainEqual(p);
    expect(PAPER_DEFAULTS.pairs.length).toBeGreaterThanOrEqual(5);
    expect(PAPER_DEFAULTS.teachers).toEqual(['ntk', 'wide-net']);
    expect(PAPER_DEFAULTS.init).toBe('balanced');
  });

  it.each([
    [{ pairs: [[4, 4]] as [number, number][] }, /paper\.pairs\[0\]/],
    [{ pairs: [[4, 10]] as [number, number][] }, /paper\.pairs\[0\]/],
    [{ sigmas: [0] }, /paper\.sigmas/],
    [{ sigmas: [0, -1] }, /paper\.sigmas\[1\]/],
    [{ widths: [2, 0] }, /paper\.widths\[1\]/],
    [{ widths: [2, 3] }, /paper\.widths\[1\].*even/],
    [{ init: 'zeros' as never }, /paper\.init/],
    [{ teachers: [] }, /paper\.teachers/],
    [{ teachers: ['ntk', 'ntk'] as never }, /paper\.teachers/],
    [{ wideNet: { m: 0, T: 10, eta: 1 } }, /paper\.wideNet\.m/],
    [{ wideNet: { m: 8, T: 10, eta: -1 } }, /paper\.wideNet\.eta/],
    [{ equivalenceMargin: 0 }, /paper\.equivalenceMargin/],
    [{ seeds: 0 }, /paper\.seeds/],
    [{ teacherN: 10 }, /paper\.teacherN/],
    [{ eta: 0 }, /paper\.eta/],
    [{ tau: Number.NaN }, /paper\.tau/],
    [{ alpha: 1 }, /paper\.alpha/],
    [{ radiusSoft: -1 }, /paper\.radiusSoft/],
    [{ teachers: ['oracle'] as never }, /paper\.teachers\[0\]/],
    [{ smallWidthMax: 0 }, /paper\.smallWidthMax/],
    [{ mlp: { ...PAPER_DEFAULTS.mlp, optimizer: 'sgd' as never } }, /paper\.mlp\.optimizer/],
  ] as [Partial<PaperConfig>, RegExp][])('refuses %j naming the field', (patch, field) => {
    expect(withField(patch)).toThrow(InputError);
    expect(withField(patch)).toThrow(field);
  });

  it("accepts odd widths with init 'iid'", () => {
    expect(() => checkConfig({ ...PAPER_DEFAULTS, init: 'iid', widths: [1, 3] })).not.toThrow();
  });
});
