import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimSeed, runProperty, withCatalog, type PropertySpec } from '../../src/verify/runProperty.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { replayClaim } from '../../src/cli/replay.js';

/** "x < 10" over integers in [0, 1000]: the minimal counterexample is x = 10 (oracle: by hand). */
const lessThanTen: PropertySpec<{ x: number }> = {
  arb: fc.record({ x: fc.integer({ min: 0, max: 1000 }) }),
  check: ({ x }) => ({ holds: x < 10, values: { x } }),
  describe: ({ x }) => ({ n: x, d: 1 }),
};

describe('runProperty', () => {
  it('shrinks to the minimal counterexample and records seed, path and a replay command', () => {
    const o = runProperty('toy', lessThanTen, { seed: 1, numRuns: 100 });
    expect(o.status).toBe('failed');
    expect(o.counterexample?.values).toEqual({ x: 10 });
    expect(o.counterexample?.n).toBe(10);
    expect(o.counterexample?.replay).toBe(`npx ntk-verify replay --claim toy --seed 1 --path ${o.path}`);
    expect(o.cases).toHaveLength(o.numRuns);
  });

  it('replays the recorded path to the same case (fast-check seed + path)', () => {
    const o = runProperty('toy', lessThanTen, { seed: 7, numRuns: 100 });
    const r = runProperty('toy', lessThanTen, { seed: 7, numRuns: 100, path: o.path! });
    expect(r.status).toBe('failed');
    expect(r.counterexample?.values).toEqual(o.counterexample?.values);
    expect(r.numShrinks).toBe(0);
  });

  it('rethrows a crashing check with the replay command (a bug is not a refutation)', () => {
    const crash: PropertySpec<number> = {
      arb: fc.integer(),
      check: () => {
        throw new Error('boom');
      },
      describe: () => ({}),
    };
    expect(() => runProperty('crashy', crash, { seed: 3, numRuns: 5 })).toThrow(/runProperty\(crashy\).*boom.*replay --claim crashy/);
  });

  it('reports too many fc.pre skips instead of passing', () => {
    const never: PropertySpec<number> = { arb: fc.integer(), check: () => (fc.pre(false), { holds: true, values: {} }), describe: () => ({}) };
    expect(runProperty('skip', never, { seed: 3, numRuns: 5 }).status).toBe('too-many-skips');
  });

  it('derives distinct, stable claim seeds (FNV-1a of "seed/id")', () => {
    expect(claimSeed(1, 'a')).toBe(claimSeed(1, 'a'));
    expect(claimSeed(1, 'a')).not.toBe(claimSeed(1, 'b'));
    expect(claimSeed(1, 'a')).not.toBe(claimSeed(2, 'a'));
    expect(Number.isInteger(claimSeed(1, 'a'))).toBe(true);
  });
});

describe('propertyClaim', () => {
  const toy = propertyClaim({
    id: 'toy', title: 't', statement: 's', source: 'x', confidence: 'c', mutant: true, data: 'ints',
    spec: () => lessThanTen, numRuns: { quick: 50, full: 100 },
  });
  it('turns a failure into a refuted verdict with the counterexample, and replays it', async () => {
    const r = await toy.run({ seed: 5, quick: true });
    expect(r.verdict).toBe('refuted');
    expect(r.metrics.numRuns).toBe(50);
    const rep = toy.replay!(r.counterexample!.seed, r.counterexample!.path);
    expect(rep.failed).toBe(true);
    expect(rep.counterexample?.values).toEqual({ x: 10 });
  });
});

describe('replayClaim', () => {
  it('replays the KL/16 mutant bit-identically from the catalog', async () => {
    const { findClaim } = await import('../../properties/catalog.js');
    const r = await findClaim('mutant-kl-16').run({ seed: 11, quick: true });
    expect(r.verdict).toBe('refuted');
    const rep = replayClaim('mutant-kl-16', r.counterexample!.seed, r.counterexample!.path);
    expect(rep.failed).toBe(true);
    expect(rep.counterexample?.values).toEqual(r.counterexample!.values);
  });
  it('replays the π + θ kernel mutant to the same shrunk dataset (x rows, y)', async () => {
    const { findClaim } = await import('../../properties/catalog.js');
    const r = await findClaim('mutant-kernel-pi-plus-theta').run({ seed: 11, quick: true });
    expect(r.verdict).toBe('refuted');
    // Oracle (by hand): one point cannot tell π ± θ apart (θ = 0), so the smallest witness has n = 2 points.
    expect(r.counterexample!.n).toBe(2);
    const rep = replayClaim('mutant-kernel-pi-plus-theta', r.counterexample!.seed, r.counterexample!.path);
    expect(rep.failed).toBe(true);
    expect(rep.counterexample?.dataset).toEqual(r.counterexample!.dataset);
    expect(rep.counterexample?.values).toEqual(r.counterexample!.values);
  });
  it('names the field for bad input', () => {
    expect(() => replayClaim('nope', 1, '0')).toThrow(/^--claim: unknown claim 'nope' in the built-in catalog \(a claim of your own module needs --catalog/);
    expect(() => replayClaim('mutant-kl-16', 1, 'a:b')).toThrow(/^--path/);
  });
});

describe('withCatalog', () => {
  it('appends --catalog, quoting a path that is not a plain shell word (oracle: the shell quoting rule)', () => {
    expect(withCatalog('npx ntk-verify replay --claim c --seed 1 --path 0', '/a/b.ts')).toBe('npx ntk-verify replay --claim c --seed 1 --path 0 --catalog /a/b.ts');
    expect(withCatalog('r', "/my dir/it's.ts")).toBe(`r --catalog '/my dir/it'\\''s.ts'`);
  });
});
