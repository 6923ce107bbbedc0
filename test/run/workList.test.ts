import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { buildWorkList, parseShard, REAL_DATA_ID, shardItems } from '../../src/run/workList.js';
import type { Claim } from '../../src/verify/types.js';

const claim = (id: string): Claim => ({ id, title: id, statement: '', source: '', confidence: '', mutant: false, run: () => ({}) as never });

describe('parseShard', () => {
  it('reads i/N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });
  it.each(['0/2', '3/2', '2', 'a/b', '1/0', '-1/2', '1.5/2'])('refuses %s naming --shard', (s) => {
    expect(() => parseShard(s)).toThrow(InputError);
    expect(() => parseShard(s)).toThrow(/^--shard/);
  });
});

describe('buildWorkList', () => {
  const claims = ['a', 'b', 'c'].map(claim);
  it('keeps catalog order, real-data last', () => {
    expect(buildWorkList(claims, null, true).map((w) => w.id)).toEqual(['a', 'b', 'c', REAL_DATA_ID]);
    expect(buildWorkList(claims, null, false).map((w) => w.id)).toEqual(['a', 'b', 'c']);
  });
  it('--only selects in catalog order, whatever the order given', () => {
    expect(buildWorkList(claims, ['c', 'a'], true).map((w) => w.id)).toEqual(['a', 'c']);
    expect(buildWorkList(claims, [REAL_DATA_ID], true).map((w) => w.id)).toEqual([REAL_DATA_ID]);
  });
  it('names an unknown --only id and the known ones', () => {
    expect(() => buildWorkList(claims, ['zz'], true)).toThrow(/--only: unknown claim "zz" \(known: a, b, c, real-data\)/);
  });
  it('refuses duplicate ids in a catalog', () => {
    expect(() => buildWorkList([claim('a'), claim('a')], null, false)).toThrow(/duplicate claim id "a"/);
  });
});

describe('shardItems', () => {
  it('partitions the work list: every item in exactly one shard, order kept (oracle: set partition)', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.integer({ min: 1, max: 9 }), (len, count) => {
        const items = Array.from({ length: len }, (_, k) => k);
        const parts = Array.from({ length: count }, (_, i) => shardItems(items, { index: i + 1, count }));
        const all = parts.flat().sort((a, b) => a - b);
        expect(all).toEqual(items);
        for (const p of parts) expect(p).toEqual([...p].sort((a, b) => a - b));
        // round robin: sizes differ by at most one
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('no shard = everything', () => {
    expect(shardItems([1, 2, 3], null)).toEqual([1, 2, 3]);
  });
});
