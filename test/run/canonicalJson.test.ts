import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalJson } from '../../src/run/canonicalJson.js';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops undefined (oracle: hand-written expected text)', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: undefined } })).toBe(
      '{\n  "a": {\n    "d": [\n      2,\n      {\n        "y": 0,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('gives the same bytes whatever the insertion order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2], z: { q: 1, p: 2 } })).toBe(canonicalJson({ z: { p: 2, q: 1 }, y: [1, 2], x: 1 }));
  });

  it('writes non-finite numbers as strings, never as a silent null; -0 as 0', () => {
    expect(canonicalize({ a: NaN, b: Infinity, c: -Infinity, d: -0 })).toEqual({ a: 'NaN', b: 'Infinity', c: '-Infinity', d: 0 });
    expect(Object.is((canonicalize({ d: -0 }) as { d: number }).d, 0)).toBe(true);
  });

  it('turns typed arrays into plain arrays', () => {
    expect(canonicalize({ v: Float64Array.from([1.5, 2]) })).toEqual({ v: [1.5, 2] });
  });

  it('refuses functions, bigints and cycles, naming the path', () => {
    expect(() => canonicalize({ a: { f: () => 1 } })).toThrow(/\$\.a\.f is a function/);
    expect(() => canonicalize({ n: 1n })).toThrow(/\$\.n is a bigint/);
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => canonicalize(cyc)).toThrow(/\$\.self is a cycle/);
  });

  it('allows shared (non-cyclic) references', () => {
    const shared = { k: 1 };
    expect(canonicalize({ a: shared, b: shared })).toEqual({ a: { k: 1 }, b: { k: 1 } });
  });
});
