/**
 * The shard of a verify run from the engine that runs it: a Slurm array task, a Kubernetes Indexed Job pod
 * or a CI matrix job that exports its index and total. `verify` uses it when `--shard` is not given, so one
 * job file (deploy/slurm, deploy/kubernetes) runs every slice, and the run id is derived so that the tasks of
 * one array write sibling folders that `report merge` accepts and a requeued task finds its own folder again.
 *
 * Shards are 1-based, i/N as `--shard` takes them (src/run/workList.ts); every engine's index is mapped
 * onto that. Variables read, with their base as each engine documents it:
 *   Slurm        SLURM_ARRAY_TASK_ID in SLURM_ARRAY_TASK_MIN..SLURM_ARRAY_TASK_MAX, SLURM_ARRAY_TASK_COUNT,
 *                SLURM_ARRAY_TASK_STEP (for --array=0-12:4); shard = (ID − MIN)/STEP + 1. Run prefix
 *                slurm-<SLURM_ARRAY_JOB_ID>, the same for every task of the array and across requeues.
 *                Source: https://slurm.schedmd.com/job_array.html and sbatch(1), OUTPUT ENVIRONMENT VARIABLES.
 *   Kubernetes   JOB_COMPLETION_INDEX, 0-based in [0, spec.completions); Kubernetes does not export the count,
 *                so it comes from --shard-count or NTK_VERIFY_SHARD_COUNT.
 *                Source: https://kubernetes.io/docs/tasks/job/indexed-parallel-processing-static/
 *   GitLab CI    CI_NODE_INDEX, 1-based, set only for `parallel:` jobs; CI_NODE_TOTAL (1 when not parallel).
 *                Source: https://docs.gitlab.com/ee/ci/variables/predefined_variables.html
 *   Buildkite    BUILDKITE_PARALLEL_JOB, 0-based; BUILDKITE_PARALLEL_JOB_COUNT.
 *                Source: https://buildkite.com/docs/pipelines/environment-variables
 *   CircleCI     CIRCLE_NODE_INDEX, 0-based in [0, CIRCLE_NODE_TOTAL); both set (0 and 1) even without
 *                parallelism. Source: https://circleci.com/docs/variables/#built-in-environment-variables
 * A CI matrix of total 1 is an ordinary job, not a shard. A Slurm array or Indexed Job of one task is shard 1/1,
 * since its merge job expects a shard.
 */
import { InputError } from '../errors.js';
import type { Shard } from './schema.js';

/** Where the shard came from. */
export type ShardEngine = 'explicit' | 'slurm' | 'kubernetes' | 'gitlab' | 'buildkite' | 'circleci' | 'none';

export interface ShardFromEnv {
  /** 1-based slice, or null for a whole run. */
  shard: Shard | null;
  engine: ShardEngine;
  /** One line naming the variables and values used, e.g. "Slurm array (SLURM_ARRAY_TASK_ID=5, tasks 4..7)". */
  source: string;
}

/** Variable that gives the shard count to engines that do not export it (Kubernetes Indexed Jobs). */
export const SHARD_COUNT_VAR = 'NTK_VERIFY_SHARD_COUNT';
/** Variable that gives the run prefix (same as --run-prefix). */
export const RUN_PREFIX_VAR = 'NTK_VERIFY_RUN_PREFIX';

/** Every variable shardFromEnv reads (to clear them, e.g. for a child process that must run the whole list). */
export const ENGINE_VARS = [
  'SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_MAX', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_STEP',
  'JOB_COMPLETION_INDEX', SHARD_COUNT_VAR,
  'CI_NODE_INDEX', 'CI_NODE_TOTAL', 'BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT', 'CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL',
] as const;

type Env = Readonly<Record<string, string | undefined>>;

const set = (env: Env, name: string) => env[name] !== undefined && env[name]!.trim() !== '';

/** A variable as an integer ≥ min. @throws InputError naming the variable. */
function intVar(env: Env, name: string, min: number): number {
  const text = env[name]!.trim();
  const v = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(v) || v < min) throw new InputError(name, `expected an integer ≥ ${min}, got "${env[name]}"`);
  return v;
}

function slurm(env: Env): ShardFromEnv | null {
  const ID = 'SLURM_ARRAY_TASK_ID';
  if (!set(env, ID)) return null;
  const id = intVar(env, ID, 0);
  if (!set(env, 'SLURM_ARRAY_TASK_MIN')) {
    throw new InputError('SLURM_ARRAY_TASK_MIN', `expected the array's smallest task id beside ${ID}=${id} (sbatch sets both for an array task)`);
  }
  const min = intVar(env, 'SLURM_ARRAY_TASK_MIN', 0);
  const step = set(env, 'SLURM_ARRAY_TASK_STEP') ? intVar(env, 'SLURM_ARRAY_TASK_STEP', 1) : 1;
  const max = set(env, 'SLURM_ARRAY_TASK_MAX') ? intVar(env, 'SLURM_ARRAY_TASK_MAX', min) : null;
  const count = set(env, 'SLURM_ARRAY_TASK_COUNT') ? intVar(env, 'SLURM_ARRAY_TASK_COUNT', 1) : null;
  if (max === null && count === null) {
    throw new InputError('SLURM_ARRAY_TASK_COUNT', `expected SLURM_ARRAY_TASK_COUNT or SLURM_ARRAY_TASK_MAX beside ${ID}=${id}`);
  }
  if (max !== null && (max - min) % step !== 0) {
    throw new InputError('SLURM_ARRAY_TASK_MAX', `expected MIN + k·STEP (${min} + k·${step}), got ${max}`);
  }
  const n = max !== null ? (max - min) / step + 1 : count!;
  if (count !== null && count !== n) {
    throw new InputError(
      'SLURM_ARRAY_TASK_COUNT',
      `expected ${n} tasks for ids ${min}..${max} step ${step} (an evenly spaced array such as --array=0-${n - 1}; otherwise pass --shard), got ${count}`,
    );
  }
  const last = min + (n - 1) * step;
  if (id < min || id > last || (id - min) % step !== 0) {
    throw new InputError(ID, `expected a task id in ${min}..${last}${step > 1 ? ` step ${step}` : ''}, got ${id}`);
  }
  const index = (id - min) / step + 1;
  return { shard: { index, count: n }, engine: 'slurm', source: `Slurm array (${ID}=${id}, tasks ${min}..${last}${step > 1 ? ` step ${step}` : ''})` };
}

function kubernetes(env: Env, countOverride: number | undefined): ShardFromEnv | null {
  const IDX = 'JOB_COMPLETION_INDEX';
  if (!set(env, IDX)) return null;
  const k = intVar(env, IDX, 0);
  let count = countOverride;
  let from = '--shard-count';
  if (count === undefined) {
    if (!set(env, SHARD_COUNT_VAR)) {
      throw new InputError(IDX, `is ${k}, but Kubernetes does not export the completion count: expected --shard-count N or ${SHARD_COUNT_VAR}=N (the Job's spec.completions)`);
    }
    count = intVar(env, SHARD_COUNT_VAR, 1);
    from = SHARD_COUNT_VAR;
  }
  if (k >= count) throw new InputError(IDX, `expected an index in 0..${count - 1} (${from} = ${count}), got ${k}`);
  return { shard: { index: k + 1, count }, engine: 'kubernetes', source: `Kubernetes Indexed Job (${IDX}=${k}, ${from}=${count})` };
}

/** A CI matrix's index/total pair; base 0 or 1. Total 1 (or absent index where the CI sets total 1) is no shard. */
function ciPair(env: Env, engine: ShardEngine, label: string, IDX: string, TOTAL: string, base: 0 | 1): ShardFromEnv | null {
  const hasIdx = set(env, IDX);
  const hasTotal = set(env, TOTAL);
  if (!hasIdx && !hasTotal) return null;
  if (!hasTotal) throw new InputError(TOTAL, `expected the number of parallel jobs beside ${IDX}=${env[IDX]}`);
  const total = intVar(env, TOTAL, 1);
  if (!hasIdx) {
    if (total === 1) return null; // GitLab sets CI_NODE_TOTAL=1 on every job that is not parallel
    throw new InputError(IDX, `expected this job's index beside ${TOTAL}=${total}`);
  }
  const i = intVar(env, IDX, base);
  if (i > total - 1 + base) throw new InputError(IDX, `expected an index in ${base}..${total - 1 + base} (${TOTAL}=${total}), got ${i}`);
  if (total === 1) return null;
  return { shard: { index: i - base + 1, count: total }, engine, source: `${label} (${IDX}=${i}, ${TOTAL}=${total})` };
}

/**
 * The shard to run, from an explicit `--shard` or else from the engine's environment.
 * @param env            the process environment (only the variables listed in this file's header are read).
 * @param explicitShard  the parsed `--shard i/N`; it wins over the environment.
 * @param countOverride  `--shard-count N`: the count for Kubernetes; where the engine exports a count too, or
 *                       with --shard, the two must agree.
 * @returns { shard, engine, source }; shard null and engine 'none' when nothing shards the run.
 * @throws InputError('<variable or option>', …) for a value that is not an integer, an index out of range, a
 *         missing count, or two engines that name different shards.
 */
export function shardFromEnv(env: Env, explicitShard?: Shard | null, countOverride?: number): ShardFromEnv {
  if (countOverride !== undefined && !(Number.isSafeInteger(countOverride) && countOverride >= 1)) {
    throw new InputError('--shard-count', `expected a positive integer, got ${countOverride}`);
  }
  const agreeWithCount = (r: ShardFromEnv): ShardFromEnv => {
    if (countOverride !== undefined && r.shard && r.shard.count !== countOverride) {
      throw new InputError('--shard-count', `is ${countOverride}, but the ${r.source} has ${r.shard.count} shards`);
    }
    return r;
  };
  if (explicitShard) return agreeWithCount({ shard: explicitShard, engine: 'explicit', source: `--shard ${explicitShard.index}/${explicitShard.count}` });
  const found = [
    slurm(env),
    kubernetes(env, countOverride),
    ciPair(env, 'gitlab', 'GitLab CI parallel job', 'CI_NODE_INDEX', 'CI_NODE_TOTAL', 1),
    ciPair(env, 'buildkite', 'Buildkite parallel job', 'BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT', 0),
    ciPair(env, 'circleci', 'CircleCI parallel run', 'CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL', 0),
  ].filter((r): r is ShardFromEnv => r !== null);
  if (found.length === 0) {
    if (countOverride !== undefined) throw new InputError('--shard-count', 'given, but no array or indexed-job index was found in the environment (expected e.g. JOB_COMPLETION_INDEX)');
    return { shard: null, engine: 'none', source: 'no shard (whole run)' };
  }
  const [first, ...rest] = found;
  for (const r of rest) {
    if (r.shard!.index !== first.shard!.index || r.shard!.count !== first.shard!.count) {
      throw new InputError('--shard', `two engines disagree: ${first.source} is shard ${first.shard!.index}/${first.shard!.count}, ${r.source} is ${r.shard!.index}/${r.shard!.count}; pass --shard i/N`);
    }
  }
  return agreeWithCount(first);
}

const PREFIX_RE = /^[A-Za-z0-9._-]+$/;

/**
 * The deterministic run id of a sharded task: "<prefix>-shard<i>of<N>" (the prefix alone for a whole run), so
 * the N tasks of one array write sibling folders under the same --out, and a requeued or resubmitted task
 * (same prefix, same shard) finds its folder again to --resume it.
 * The prefix is `--run-prefix`, else NTK_VERIFY_RUN_PREFIX, else slurm-<SLURM_ARRAY_JOB_ID> for a Slurm array
 * task, else "s<seed>". Returns null when nothing asks for a derived id (no prefix and the shard is explicit or
 * absent): the caller then keeps its date-based default.
 * @throws InputError('--run-prefix' or NTK_VERIFY_RUN_PREFIX, …) for characters other than A–Z a–z 0–9 . _ -.
 */
export function derivedRunId(env: Env, found: ShardFromEnv, seed: number | undefined, explicitPrefix?: string): string | null {
  let prefix: string | undefined;
  let field = '--run-prefix';
  if (explicitPrefix !== undefined) prefix = explicitPrefix;
  else if (set(env, RUN_PREFIX_VAR)) [prefix, field] = [env[RUN_PREFIX_VAR]!.trim(), RUN_PREFIX_VAR];
  else if (found.engine === 'explicit' || found.engine === 'none') return null;
  else if (found.engine === 'slurm' && set(env, 'SLURM_ARRAY_JOB_ID')) [prefix, field] = [`slurm-${env.SLURM_ARRAY_JOB_ID!.trim()}`, 'SLURM_ARRAY_JOB_ID'];
  else if (seed !== undefined) prefix = `s${seed}`;
  else return null;
  if (!PREFIX_RE.test(prefix)) throw new InputError(field, `expected letters, digits, ".", "_" or "-", got "${prefix}"`);
  return found.shard ? `${prefix}-shard${found.shard.index}of${found.shard.count}` : prefix;
}
