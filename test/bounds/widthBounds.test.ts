/**
 * Tests for widthSoft and widthHard (src/bounds/laws.ts). Oracle: hand values of C/(γ²ε) and C·ln(1/ε)/γ⁴.
 */
import { describe, expect, it } from 'vitest';
import { widthHard, widthSoft } from '../../src/bounds/laws.js';
import { C_HARD, C_SOFT } from '../../src/bounds/constants.js';
import { InputError, PreconditionError } from '../../src/errors.js';
import { CLOSED_FORM_REL } from '../train/tolerances.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('widthSoft', () => {
  it('C/(γ²ε): (0.1, 0.1) → 1000·C_soft; (0.5, 0.02, C = 3) → 3/(0.25·0.02) = 600', () => {
    expect(rel(widthSoft(0.1, 0.1), 1000 * C_SOFT)).toBeLessThan(CLOSED_FORM_REL);
    expect(rel(widthSoft(0.5, 0.02, 3), 600)).toBeLessThan(CLOSED_FORM_REL);
  });
  it('rejects γ ≤ 0 (PreconditionError) and ε, C ≤ 0 (InputError naming the field)', () => {
    expect(() => widthSoft(0, 0.1)).toThrow(PreconditionError);
    expect(() => widthSoft(Number.NaN, 0.1)).toThrow(PreconditionError);
    expect(() => widthSoft(0.1, 0)).toThrow(/^eps:/);
    expect(() => widthSoft(0.1, 0.1, -1)).toThrow(InputError);
  });
});

describe('widthHard', () => {
  it('C·ln(1/ε)/γ⁴: (0.5, e⁻¹) → 16·C_hard; (0.1, 0.01, C = 2) → 2·ln(100)·1e4', () => {
    expect(rel(widthHard(0.5, Math.exp(-1)), 16 * C_HARD)).toBeLessThan(CLOSED_FORM_REL);
    expect(rel(widthHard(0.1, 0.01, 2), 2 * Math.log(100) * 1e4)).toBeLessThan(1e-12);
  });
  it('needs 0 < ε < 1 (ln(1/ε) > 0)', () => {
    expect(() => widthHard(0.1, 1)).toThrow(/^eps:/);
    expect(() => widthHard(0.1, 1.5)).toThrow(InputError);
    expect(() => widthHard(-0.1, 0.1)).toThrow(PreconditionError);
  });
});
