import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELLS_DIR, openCellStore } from '../../src/run/cellStore.js';

describe('openCellStore', () => {
  it('keeps every set cell on disk; a reopened store returns the same values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cells-'));
    const a = openCellStore(dir);
    a.set('k1', { mStar: 12, curve: [0.5, 0.25] });
    a.set('k2', 3);
    expect(readdirSync(join(dir, CELLS_DIR))).toHaveLength(2);
    const b = openCellStore(dir);
    expect(b.loaded).toBe(2);
    expect(b.get('k1')).toEqual({ mStar: 12, curve: [0.5, 0.25] });
    expect(b.get('k2')).toBe(3);
    expect(b.get('absent')).toBeUndefined();
    expect(b.hits).toBe(2);
  });

  it('returns the JSON round trip in the run that set it too (fresh and resumed runs see the same value)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cells-'));
    const a = openCellStore(dir);
    a.set('t', { v: Float64Array.from([1, 2]), bad: NaN });
    const fresh = a.get('t');
    const resumed = openCellStore(dir).get('t');
    expect(fresh).toEqual({ v: [1, 2], bad: 'NaN' });
    expect(resumed).toEqual(fresh);
  });

  it('get returns a copy: mutating it does not change the store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cells-'));
    const a = openCellStore(dir);
    a.set('o', { x: [1] });
    (a.get('o') as { x: number[] }).x.push(2);
    expect(a.get('o')).toEqual({ x: [1] });
  });

  it('skips files that are not cells (recomputed, never a wrong value)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cells-'));
    const a = openCellStore(dir);
    a.set('good', 1);
    writeFileSync(join(dir, CELLS_DIR, 'garbage.json'), '{"key": "x", "val');
    writeFileSync(join(dir, CELLS_DIR, '0000.json'), JSON.stringify({ key: 'misfiled', value: 5 }));
    const b = openCellStore(dir);
    expect(b.loaded).toBe(1);
    expect(b.get('misfiled')).toBeUndefined();
  });
});
