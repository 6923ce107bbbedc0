import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mergeResults } from '../../src/report/merge.js';
import { diffResults } from '../../src/report/diff.js';
import { InputError } from '../../src/errors.js';
import { buildResults } from '../../src/run/runVerify.js';
import { parseResults, RESULTS_SCHEMA_VERSION, validateClaimRecord } from '../../src/run/schema.js';
import { resultsText } from '../../src/run/runFiles.js';
import { powerLawCells, record } from '../report/fixtures/records.js';

function sample() {
  return buildResults({
    seed: 7,
    quick: true,
    workList: ['a', 'm', 'real-data'],
    shard: null,
    claims: [
      record({ id: 'a', cells: powerLawCells(true), series: { 'ntk-error': [{ x: 16, y: 0.25 }] }, metrics: { delta: 0.05, note: 'x', ok: true, none: null } }),
      record({
        id: 'm',
        mutant: true,
        verdict: 'refuted',
        counterexample: { seed: 3, path: '1:0', dataset: { x: [[1, 0]], y: [1] }, n: 1, d: 2, values: { lhs: 1, rhs: 0.5 }, replay: 'npx ntk-verify replay --claim m --seed 3 --path 1:0' },
      }),
    ],
    realData: { id: 'real-data', title: 'MNIST', data: 'mnist', settings: { n: 10 }, margin: { lower: 0.1, upper: 0.2 } },
    assumptions: [{ name: 'C_SOFT', module: 'src/bounds/constants.ts', value: 1, doc: 'doc' }],
  });
}

describe('results.json schema', () => {
  it('round-trips: write → read → write gives the same bytes and the same object', () => {
    const r = sample();
    const text = resultsText(r);
    const back = parseResults(text, 'results.json');
    expect(back).toEqual(JSON.parse(text));
    expect(resultsText(back)).toBe(text);
    expect(back.version).toBe(RESULTS_SCHEMA_VERSION);
    expect(back.summary).toMatchObject({ verified: 1, refuted: 1, trueClaims: 1, mutants: 1, mutantsRefuted: 1, exitCode: 0 });
  });

  it('records the random generator: Alea from seedrandom, at the installed version (oracle: its package.json)', () => {
    const installed = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('seedrandom/package.json'), 'utf8')) as { version: string }).version;
    const pinned = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies.seedrandom;
    expect(installed).toBe(pinned); // exact pin
    const text = resultsText(sample());
    expect(JSON.parse(text).rng).toEqual({ generator: 'alea', library: 'seedrandom', version: installed });
    expect(RESULTS_SCHEMA_VERSION).toBe(2);
    // byte-deterministic: building the same results twice gives the same text
    expect(resultsText(sample())).toBe(text);
    // required on read
    const bad = JSON.parse(text);
    delete bad.rng;
    expect(() => parseResults(JSON.stringify(bad), 'r.json')).toThrow(/rng/);
  });

  it('report merge refuses shards drawn from different generators; report diff shows a generator change', () => {
    const shard = (index: number, version: string) => {
      const r = buildResults({ seed: 7, rng: { generator: 'alea', library: 'seedrandom', version }, quick: true, workList: ['a', 'b'], shard: { index, count: 2 }, claims: [record({ id: index === 1 ? 'a' : 'b' })], realData: null, assumptions: [] });
      return { dir: `s${index}`, results: r };
    };
    expect(() => mergeResults([shard(1, '3.0.5'), shard(2, '3.0.4')])).toThrow(/s2 drew from generator .*3\.0\.4.*s1 from .*3\.0\.5/);
    expect(mergeResults([shard(1, '3.0.5'), shard(2, '3.0.5')]).rng.version).toBe('3.0.5');
    const d = diffResults(shard(1, '3.0.5').results, shard(1, '3.0.4').results);
    expect(d).toContainEqual({ section: 'settings', key: 'rng', a: 'alea (seedrandom 3.0.5)', b: 'alea (seedrandom 3.0.4)' });
  });

  it('keeps no time, date or run id in results.json (determinism)', () => {
    const text = resultsText(sample());
    expect(text).not.toMatch(/wallSeconds|finishedAt|createdAt|runId|\d{4}-\d{2}-\d{2}T/);
  });

  it('rejects a bad verdict on read, naming the field', () => {
    const bad = JSON.parse(resultsText(sample()));
    bad.claims[0].verdict = 'passed';
    expect(() => parseResults(JSON.stringify(bad), 'r.json')).toThrow(InputError);
    expect(() => parseResults(JSON.stringify(bad), 'r.json')).toThrow(/claims\.0\.verdict/);
  });

  it('rejects another schema version with the version in the message', () => {
    const bad = JSON.parse(resultsText(sample()));
    bad.version = 99;
    expect(() => parseResults(JSON.stringify(bad), 'r.json')).toThrow(new RegExp(`version 99.*reads version ${RESULTS_SCHEMA_VERSION}`));
  });

  it('rejects unknown top-level fields (strict) and non-JSON text', () => {
    const bad = JSON.parse(resultsText(sample()));
    bad.extra = 1;
    expect(() => parseResults(JSON.stringify(bad), 'r.json')).toThrow(/extra|Unrecognized/);
    expect(() => parseResults('{not json', 'r.json')).toThrow(/r\.json: not JSON/);
  });

  it('rejects a non-finite number where a number is required (canonical "NaN" string)', () => {
    expect(() => validateClaimRecord({ ...record({ id: 'x' }), cells: [{ dataset: 'd', regime: 'soft', gamma: 'NaN', eps: 0.1, mStar: 3, seeds: 1 }] }, 'x')).toThrow(
      /cells\.0\.gamma/,
    );
  });

  it('validates on write: buildResults refuses a record the schema rejects', () => {
    expect(() =>
      buildResults({ seed: 1, quick: false, workList: ['a'], shard: null, claims: [record({ id: 'a', verdict: 'bogus' as never })], realData: null, assumptions: [] }),
    ).toThrow(/claims\.0\.verdict/);
  });
});
