/**
 * shardFromEnv and derivedRunId: each engine's variables mapped to 1-based i/N, with the base each engine
 * documents (oracle: the pages cited in src/run/shardFromEnv.ts), and every bad combination refused as an
 * InputError naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { derivedRunId, ENGINE_VARS, shardFromEnv } from '../../src/run/shardFromEnv.js';

const slurm = (id: number, min: number, max: number, extra: Record<string, string> = {}) => ({
  SLURM_JOB_ID: '101',
  SLURM_ARRAY_JOB_ID: '100',
  SLURM_ARRAY_TASK_ID: String(id),
  SLURM_ARRAY_TASK_MIN: String(min),
  SLURM_ARRAY_TASK_MAX: String(max),
  SLURM_ARRAY_TASK_COUNT: String(max - min + 1),
  ...extra,
});

/** Expect an InputError whose message starts with the field. */
function refuses(f: () => unknown, field: string, rest: RegExp = /./) {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).field).toBe(field);
  expect((err as Error).message).toMatch(rest);
  expect((err as Error).message).not.toMatch(/\n/);
}

describe('no engine', () => {
  it('an empty environment is a whole run', () => {
    expect(shardFromEnv({})).toEqual({ shard: null, engine: 'none', source: 'no shard (whole run)' });
  });
  it('a Slurm job that is not an array task is a whole run', () => {
    expect(shardFromEnv({ SLURM_JOB_ID: '7', SLURM_CPUS_ON_NODE: '2' }).shard).toBeNull();
  });
});

describe('explicit --shard', () => {
  it('wins over every engine', () => {
    const r = shardFromEnv({ ...slurm(3, 0, 3), JOB_COMPLETION_INDEX: '0' }, { index: 1, count: 2 });
    expect(r).toEqual({ shard: { index: 1, count: 2 }, engine: 'explicit', source: '--shard 1/2' });
  });
  it('with --shard-count, the two must agree', () => {
    expect(shardFromEnv({}, { index: 2, count: 4 }, 4).shard).toEqual({ index: 2, count: 4 });
    refuses(() => shardFromEnv({}, { index: 2, count: 4 }, 3), '--shard-count', /is 3.*4 shards/);
  });
});

describe('Slurm array (SLURM_ARRAY_TASK_*)', () => {
  it('maps --array=0-3 to shards 1..4 and --array=1-4 the same way', () => {
    for (let id = 0; id <= 3; id++) expect(shardFromEnv(slurm(id, 0, 3)).shard).toEqual({ index: id + 1, count: 4 });
    for (let id = 1; id <= 4; id++) expect(shardFromEnv(slurm(id, 1, 4)).shard).toEqual({ index: id, count: 4 });
  });
  it('names the variables it used', () => {
    const r = shardFromEnv(slurm(5, 4, 7));
    expect(r.engine).toBe('slurm');
    expect(r.source).toBe('Slurm array (SLURM_ARRAY_TASK_ID=5, tasks 4..7)');
  });
  it('needs only one of _MAX and _COUNT beside _MIN', () => {
    const { SLURM_ARRAY_TASK_MAX: _, ...noMax } = slurm(2, 0, 3);
    const { SLURM_ARRAY_TASK_COUNT: __, ...noCount } = slurm(2, 0, 3);
    expect(shardFromEnv(noMax).shard).toEqual({ index: 3, count: 4 });
    expect(shardFromEnv(noCount).shard).toEqual({ index: 3, count: 4 });
  });
  it('an evenly stepped array (--array=0-12:4) maps through SLURM_ARRAY_TASK_STEP', () => {
    const env = { ...slurm(8, 0, 12, { SLURM_ARRAY_TASK_STEP: '4' }), SLURM_ARRAY_TASK_COUNT: '4' };
    expect(shardFromEnv(env).shard).toEqual({ index: 3, count: 4 });
  });
  it('an array of one task is shard 1/1 (its merge job expects a shard)', () => {
    expect(shardFromEnv(slurm(0, 0, 0)).shard).toEqual({ index: 1, count: 1 });
  });
  it('refuses a task id out of range', () => {
    refuses(() => shardFromEnv(slurm(9, 0, 3)), 'SLURM_ARRAY_TASK_ID', /expected a task id in 0\.\.3, got 9/);
  });
  it('refuses a missing _MIN, and a missing count (_MAX and _COUNT both absent)', () => {
    refuses(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '4' }), 'SLURM_ARRAY_TASK_MIN');
    refuses(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '0' }), 'SLURM_ARRAY_TASK_COUNT', /expected SLURM_ARRAY_TASK_COUNT or SLURM_ARRAY_TASK_MAX/);
  });
  it('refuses a sparse array (--array=1,3,7: count ≠ max − min + 1)', () => {
    refuses(() => shardFromEnv({ ...slurm(3, 1, 7), SLURM_ARRAY_TASK_COUNT: '3' }), 'SLURM_ARRAY_TASK_COUNT', /expected 7 tasks.*pass --shard/);
  });
  it.each(['x', '1.5', '', ' ', '-1', '0x2', '1e1'])('refuses the non-integer or negative task id %j', (v) => {
    if (v.trim() === '') expect(shardFromEnv(slurm(0, 0, 3, { SLURM_ARRAY_TASK_ID: v })).shard).toBeNull(); // unset = not an array task
    else refuses(() => shardFromEnv(slurm(0, 0, 3, { SLURM_ARRAY_TASK_ID: v })), 'SLURM_ARRAY_TASK_ID', /expected an integer ≥ 0/);
  });
  it('refuses --shard-count that contradicts the array', () => {
    refuses(() => shardFromEnv(slurm(1, 0, 3), null, 8), '--shard-count', /is 8.*Slurm array.*4 shards/);
    expect(shardFromEnv(slurm(1, 0, 3), null, 4).shard).toEqual({ index: 2, count: 4 });
  });
});

describe('Kubernetes Indexed Job (JOB_COMPLETION_INDEX, 0-based)', () => {
  it('takes the count from --shard-count or NTK_VERIFY_SHARD_COUNT', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0' }, null, 4)).toEqual({
      shard: { index: 1, count: 4 },
      engine: 'kubernetes',
      source: 'Kubernetes Indexed Job (JOB_COMPLETION_INDEX=0, --shard-count=4)',
    });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '3', NTK_VERIFY_SHARD_COUNT: '4' }).shard).toEqual({ index: 4, count: 4 });
  });
  it('--shard-count wins over the variable', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '2', NTK_VERIFY_SHARD_COUNT: '4' }, null, 3).shard).toEqual({ index: 3, count: 3 });
  });
  it('refuses a missing count, naming both ways to give it', () => {
    refuses(() => shardFromEnv({ JOB_COMPLETION_INDEX: '1' }), 'JOB_COMPLETION_INDEX', /--shard-count N or NTK_VERIFY_SHARD_COUNT=N/);
  });
  it('refuses an index ≥ the count, and a count that is not a positive integer', () => {
    refuses(() => shardFromEnv({ JOB_COMPLETION_INDEX: '4', NTK_VERIFY_SHARD_COUNT: '4' }), 'JOB_COMPLETION_INDEX', /0\.\.3 .*got 4/);
    refuses(() => shardFromEnv({ JOB_COMPLETION_INDEX: '0', NTK_VERIFY_SHARD_COUNT: '0' }), 'NTK_VERIFY_SHARD_COUNT', /integer ≥ 1/);
    refuses(() => shardFromEnv({ JOB_COMPLETION_INDEX: '0', NTK_VERIFY_SHARD_COUNT: 'four' }), 'NTK_VERIFY_SHARD_COUNT');
    refuses(() => shardFromEnv({ JOB_COMPLETION_INDEX: '0' }, null, 0), '--shard-count');
  });
  it('refuses --shard-count when no engine gives an index', () => {
    refuses(() => shardFromEnv({}, null, 4), '--shard-count', /no array or indexed-job index/);
  });
});

describe('CI matrices', () => {
  it('GitLab CI_NODE_INDEX is 1-based', () => {
    const r = shardFromEnv({ CI_NODE_INDEX: '1', CI_NODE_TOTAL: '3' });
    expect(r.shard).toEqual({ index: 1, count: 3 });
    expect(r.engine).toBe('gitlab');
    expect(shardFromEnv({ CI_NODE_INDEX: '3', CI_NODE_TOTAL: '3' }).shard).toEqual({ index: 3, count: 3 });
    refuses(() => shardFromEnv({ CI_NODE_INDEX: '0', CI_NODE_TOTAL: '3' }), 'CI_NODE_INDEX', /integer ≥ 1/);
    refuses(() => shardFromEnv({ CI_NODE_INDEX: '4', CI_NODE_TOTAL: '3' }), 'CI_NODE_INDEX', /1\.\.3 .*got 4/);
  });
  it('GitLab sets CI_NODE_TOTAL=1 on every job that is not parallel: a whole run', () => {
    expect(shardFromEnv({ CI_NODE_TOTAL: '1', GITLAB_CI: 'true' }).shard).toBeNull();
  });
  it('Buildkite BUILDKITE_PARALLEL_JOB is 0-based', () => {
    expect(shardFromEnv({ BUILDKITE_PARALLEL_JOB: '0', BUILDKITE_PARALLEL_JOB_COUNT: '2' }).shard).toEqual({ index: 1, count: 2 });
    expect(shardFromEnv({ BUILDKITE_PARALLEL_JOB: '1', BUILDKITE_PARALLEL_JOB_COUNT: '2' }).shard).toEqual({ index: 2, count: 2 });
    refuses(() => shardFromEnv({ BUILDKITE_PARALLEL_JOB: '2', BUILDKITE_PARALLEL_JOB_COUNT: '2' }), 'BUILDKITE_PARALLEL_JOB', /0\.\.1 .*got 2/);
    refuses(() => shardFromEnv({ BUILDKITE_PARALLEL_JOB: '1' }), 'BUILDKITE_PARALLEL_JOB_COUNT', /number of parallel jobs/);
  });
  it('CircleCI CIRCLE_NODE_INDEX is 0-based; 0 of 1 (no parallelism) is a whole run', () => {
    expect(shardFromEnv({ CIRCLE_NODE_INDEX: '2', CIRCLE_NODE_TOTAL: '3' }).shard).toEqual({ index: 3, count: 3 });
    expect(shardFromEnv({ CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '1' }).shard).toBeNull();
    refuses(() => shardFromEnv({ CIRCLE_NODE_TOTAL: '3' }), 'CIRCLE_NODE_INDEX', /this job's index/);
    refuses(() => shardFromEnv({ CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '2.5' }), 'CIRCLE_NODE_TOTAL', /integer ≥ 1/);
  });
});

describe('two engines', () => {
  it('agreeing is fine; disagreeing is refused', () => {
    const agree = { ...slurm(1, 0, 3), JOB_COMPLETION_INDEX: '1', NTK_VERIFY_SHARD_COUNT: '4' };
    expect(shardFromEnv(agree).engine).toBe('slurm');
    refuses(() => shardFromEnv({ ...slurm(1, 0, 3), CI_NODE_INDEX: '1', CI_NODE_TOTAL: '4' }), '--shard', /two engines disagree.*2\/4.*1\/4/);
  });
});

describe('ENGINE_VARS', () => {
  it('lists every variable read: without them, any engine environment is a whole run', () => {
    const all = { ...slurm(1, 0, 3), JOB_COMPLETION_INDEX: '1', NTK_VERIFY_SHARD_COUNT: '4', CI_NODE_INDEX: '2', CI_NODE_TOTAL: '4' };
    const cleared = Object.fromEntries(Object.entries(all).filter(([k]) => !(ENGINE_VARS as readonly string[]).includes(k)));
    expect(shardFromEnv(cleared).shard).toBeNull();
    for (const v of ENGINE_VARS) expect(() => shardFromEnv({ ...all, [v]: 'x' }), v).toThrow(InputError);
  });
});

describe('derivedRunId', () => {
  it('a Slurm array task: slurm-<SLURM_ARRAY_JOB_ID>-shard<i>of<N>, the same across requeues', () => {
    const env = slurm(2, 0, 3);
    expect(derivedRunId(env, shardFromEnv(env), 7)).toBe('slurm-100-shard3of4');
  });
  it('--run-prefix wins over NTK_VERIFY_RUN_PREFIX, which wins over the engine', () => {
    const env = { ...slurm(0, 0, 1), NTK_VERIFY_RUN_PREFIX: 'nightly' };
    expect(derivedRunId(env, shardFromEnv(env), 7)).toBe('nightly-shard1of2');
    expect(derivedRunId(env, shardFromEnv(env), 7, 'mine')).toBe('mine-shard1of2');
  });
  it('Kubernetes without a prefix falls back to the seed: s<seed>-shard<i>of<N>', () => {
    const env = { JOB_COMPLETION_INDEX: '0', NTK_VERIFY_SHARD_COUNT: '2' };
    expect(derivedRunId(env, shardFromEnv(env), 20241212)).toBe('s20241212-shard1of2');
  });
  it('explicit or no shard: null (date-based default) unless a prefix is given', () => {
    expect(derivedRunId({}, shardFromEnv({}), 1)).toBeNull();
    expect(derivedRunId({}, shardFromEnv({}, { index: 1, count: 2 }), 1)).toBeNull();
    expect(derivedRunId({}, shardFromEnv({}, { index: 1, count: 2 }), 1, 'p')).toBe('p-shard1of2');
    expect(derivedRunId({}, shardFromEnv({}), 1, 'p')).toBe('p');
  });
  it('refuses a prefix that is not a folder-safe name, naming where it came from', () => {
    const env = slurm(0, 0, 1);
    refuses(() => derivedRunId(env, shardFromEnv(env), 1, 'a/b'), '--run-prefix');
    refuses(() => derivedRunId({ ...env, NTK_VERIFY_RUN_PREFIX: 'x y' }, shardFromEnv(env), 1), 'NTK_VERIFY_RUN_PREFIX');
  });
});
