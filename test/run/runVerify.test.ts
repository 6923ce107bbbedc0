import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { Environment } from '../../src/run/environment.js';
import { mergeResults, mergeRuns } from '../../src/report/merge.js';
import { runVerify, type RealDataRunner, type VerifyOptions } from '../../src/run/runVerify.js';
import { claims, control, counters } from '../report/fixtures/fakeCatalog.js';
import { killAtItem } from './killAtItem.js';

const env: Environment = { node: 'v0', platform: 'test', cpus: '1 × test', memoryGiB: 1, hostname: 'h', commit: null, packages: {} };
const fakeRealData: RealDataRunner = async ({ seed }) => ({
  id: 'real-data',
  title: 'fake real data',
  data: 'none',
  settings: { seed },
  margin: { lower: 0.1, upper: 0.1 + seed * 1e-6 },
});
const base = (outDir: string): VerifyOptions => ({
  claims,
  seed: 11,
  quick: true,
  outDir,
  realDataRunner: fakeRealData,
  assumptions: async () => [{ name: 'C', module: 'm', value: 1, doc: 'd' }],
  environment: () => env,
});
const resultsOf = (dir: string) => readFileSync(join(dir, 'results.json'), 'utf8');

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('runVerify', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'verify-'));
    counters.runs = 0;
    counters.cellsComputed = 0;
  });

  it('writes the run directory; results.json is the same bytes for the same seed', async () => {
    const a = await runVerify({ ...base(out), runId: 'a' });
    const b = await runVerify({ ...base(out), runId: 'b' });
    expect(a.exitCode).toBe(0);
    expect(readdirSync(a.runDir).sort()).toEqual(['cells', 'environment.json', 'items', 'results.json', 'run.json', 'timings.json']);
    expect(resultsOf(a.runDir)).toBe(resultsOf(b.runDir));
    const c = await runVerify({ ...base(out), runId: 'c', seed: 12 });
    expect(resultsOf(c.runDir)).not.toBe(resultsOf(a.runDir));
  });

  it('interrupted mid-claim then resumed equals an uninterrupted run, recomputing no finished cell', async () => {
    const full = await runVerify({ ...base(out), runId: 'full' });
    const cellsFull = counters.cellsComputed;
    expect(cellsFull).toBe(18);
    counters.cellsComputed = 0;
    // "kill" inside fake-width after 7 of its 18 cells: the run stops there for good (its promise never settles)
    control.hangAfterCells = 7;
    void runVerify({ ...base(out), runId: 'cut' });
    await waitFor(() => existsSync(join(out, 'cut', 'cells')) && readdirSync(join(out, 'cut', 'cells')).length === 7);
    control.hangAfterCells = null;
    expect(existsSync(join(out, 'cut', 'results.json'))).toBe(false);
    expect(readdirSync(join(out, 'cut', 'cells'))).toHaveLength(7);
    expect(counters.cellsComputed).toBe(7);
    counters.cellsComputed = 0;
    const resumed = await runVerify({ ...base(out), seed: undefined, quick: undefined, resume: 'cut' });
    expect(counters.cellsComputed).toBe(18 - 7);
    expect(resumed.reusedCells).toBe(7);
    expect(resultsOf(resumed.runDir)).toBe(resultsOf(full.runDir));
  });

  it('interrupted between claims: finished items are not rerun', async () => {
    const full = await runVerify({ ...base(out), runId: 'full' });
    // killed as the third item starts: items 1 and 2 are finished and recorded
    await expect(runVerify({ ...base(out), runId: 'cut2', progress: killAtItem(3) })).rejects.toThrow('simulated kill');
    counters.runs = 0;
    const resumed = await runVerify({ ...base(out), resume: 'cut2' });
    expect(resumed.reusedItems).toBe(2);
    expect(counters.runs).toBe(1); // only fake-mutant ran again
    expect(resultsOf(resumed.runDir)).toBe(resultsOf(full.runDir));
  });

  it('resume refuses other settings, a missing run and a changed catalog', async () => {
    await runVerify({ ...base(out), runId: 'r' });
    await expect(runVerify({ ...base(out), seed: 99, resume: 'r' })).rejects.toThrow(/--resume: run r was started with other settings \(seed 99 ≠ 11\)/);
    await expect(runVerify({ ...base(out), resume: 'nope' })).rejects.toThrow(/--resume: no run to resume/);
    await expect(runVerify({ ...base(out), claims: claims.slice(0, 2), resume: 'r' })).rejects.toThrow(/catalog changed/);
    await expect(runVerify({ ...base(out), runId: 'r' })).rejects.toThrow(/--run-id: .* already holds a run/);
    await expect(runVerify({ ...base(out), runId: 'a/b' })).rejects.toThrow(InputError);
  });

  it('two shards merged equal one unsharded run (results.json bytes)', async () => {
    const whole = await runVerify({ ...base(out), runId: 'whole' });
    const s1 = await runVerify({ ...base(out), runId: 's1', shard: { index: 1, count: 2 } });
    const s2 = await runVerify({ ...base(out), runId: 's2', shard: { index: 2, count: 2 } });
    expect(s1.results.claims.map((c) => c.id)).toEqual(['fake-width', 'fake-mutant']);
    expect(s2.results.claims.map((c) => c.id)).toEqual(['fake-series']);
    expect(s2.results.realData).not.toBeNull();
    await mergeRuns([s2.runDir, s1.runDir], join(out, 'merged'), false);
    expect(resultsOf(join(out, 'merged'))).toBe(resultsOf(whole.runDir));
    const timings = JSON.parse(readFileSync(join(out, 'merged', 'timings.json'), 'utf8'));
    expect(timings.runs.map((t: { runId: string }) => t.runId).sort()).toEqual(['s1', 's2']);
  });

  it('merge refuses incomplete, duplicated or mismatched shards', async () => {
    const s1 = await runVerify({ ...base(out), runId: 's1', shard: { index: 1, count: 3 } });
    const s2 = await runVerify({ ...base(out), runId: 's2', shard: { index: 2, count: 3 } });
    const other = await runVerify({ ...base(out), runId: 'o3', seed: 5, shard: { index: 3, count: 3 } });
    const whole = await runVerify({ ...base(out), runId: 'w' });
    const p = (r: { runDir: string; results: never }) => ({ dir: r.runDir, results: r.results });
    expect(() => mergeResults([p(s1 as never), p(s2 as never)])).toThrow(/shard 3\/3 missing/);
    expect(() => mergeResults([p(s1 as never), p(s1 as never)])).toThrow(/given twice/);
    expect(() => mergeResults([p(s1 as never), p(s2 as never), p(other as never)])).toThrow(/seed 5/);
    expect(() => mergeResults([p(whole as never)])).toThrow(/whole run, not a shard/);
  });

  it('exit code 1 when a true claim is refuted; 0 with only that claim left out', async () => {
    process.env.FAKE_REFUTE_TRUE = '1';
    try {
      const bad = await runVerify({ ...base(out), runId: 'bad' });
      expect(bad.exitCode).toBe(1);
      expect(bad.results.summary.problems).toEqual(['fake-width: true claim refuted']);
      const ok = await runVerify({ ...base(out), runId: 'ok', only: ['fake-series', 'fake-mutant'] });
      expect(ok.exitCode).toBe(0);
    } finally {
      delete process.env.FAKE_REFUTE_TRUE;
    }
  });

  it('a claim that throws is recorded (inconclusive, with the error), not kept for resume, and fails the run', async () => {
    const boom = { ...claims[1], id: 'boom', run: () => { throw new RangeError('index 7 out of range'); } };
    const r = await runVerify({ ...base(out), runId: 'boom', claims: [claims[2], boom] });
    expect(r.exitCode).toBe(1);
    const rec = r.results.claims.find((c) => c.id === 'boom')!;
    expect(rec).toMatchObject({ verdict: 'inconclusive', error: 'RangeError: index 7 out of range' });
    expect(existsSync(join(r.runDir, 'items', 'boom.json'))).toBe(false);
  });

  it('a result that breaks the schema is recorded as a failure naming the field', async () => {
    const nan = { ...claims[1], id: 'nan', run: async (ctx: { seed: number }) => ({ ...(await claims[1].run(ctx as never)), id: 'nan', cells: [{ dataset: 'd', regime: 'soft', gamma: NaN, eps: 0.1, mStar: 1, seeds: 1 }] }) };
    const r = await runVerify({ ...base(out), runId: 'nan', claims: [nan as never] });
    expect(r.results.claims[0].error).toMatch(/cells\.0\.gamma/);
  });
});
