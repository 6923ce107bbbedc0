/**
 * The one runner for claims that are fast-check properties: fc.check with a recorded seed (never assert, so a
 * failure is data, not an exception), the case outcomes of the generation phase for statistics, and — when the
 * property fails — the shrunk case as a {@link Counterexample} with its seed, path and a one-line replay command.
 * Replay: the same spec with { seed, path, endOnFailure: true } re-runs exactly that case (fast-check's
 * documented replay knobs, Parameters.seed/path) [VERIFIED in fast-check 4.10 Parameters docs].
 * A check that *throws* (other than fc.pre) is a bug in the suite, not a refutation: runProperty rethrows it
 * with the replay command.
 */
import fc from 'fast-check';
import { InputError } from '../errors.js';
import type { Counterexample } from './types.js';

/** Numbers behind one case (e.g. lhs, rhs, failures, trials). */
export type CaseValues = Record<string, number | string | boolean | null>;

/** The verdict of one generated case. `record` carries claim-specific data for aggregate statistics. */
export interface CaseOutcome<R = unknown> {
  holds: boolean;
  values: CaseValues;
  record?: R;
}

/** A claim as a property over generated cases. Everything must be a deterministic function of the value. */
export interface PropertySpec<T, R = unknown> {
  /** Cases built from small knobs (n, d, seeds, …) so shrinking moves toward fewer points, lower dimension. */
  arb: fc.Arbitrary<T>;
  /** Evaluate one case; may call fc.pre(cond) to skip cases outside the claim's hypotheses. */
  check(value: T): CaseOutcome<R>;
  /** The case for the report: the (small) dataset and its n, d when the case is a dataset. */
  describe(value: T): Pick<Counterexample, 'dataset' | 'n' | 'd'>;
}

export interface PropertyOutcome<T, R = unknown> {
  /** passed: no counterexample in numRuns cases; too-many-skips: fc.pre rejected too many cases. */
  status: 'passed' | 'failed' | 'too-many-skips';
  /** Cases evaluated before the first failure (inclusive), or all of them on success. */
  numRuns: number;
  numSkips: number;
  numShrinks: number;
  seed: number;
  /** fast-check path of the counterexample (null unless failed). */
  path: string | null;
  /** Outcomes of the generation phase, in order (shrinking evaluations excluded). */
  cases: CaseOutcome<R>[];
  /** The last evaluated case (the shrunk counterexample when failed). */
  value?: T;
  lastOutcome?: CaseOutcome<R>;
  counterexample?: Counterexample;
}

export interface RunPropertyOptions {
  /** fast-check seed (32-bit integer). */
  seed: number;
  /** Number of generated cases. */
  numRuns: number;
  /** Replay this path only (with endOnFailure). */
  path?: string;
}

/** `npx ntk-verify replay --claim <id> --seed S --path P`: the one-line command printed with every failure. */
export function replayCommand(claimId: string, seed: number, path: string): string {
  return `npx ntk-verify replay --claim ${claimId} --seed ${seed} --path ${path}`;
}

/**
 * A replay command for a claim loaded from a --catalog module: the claim builds its line without knowing its
 * module, so the caller that loaded it appends `--catalog <module>` (single-quoted unless a plain shell word).
 */
export function withCatalog(replay: string, catalog: string): string {
  const word = /^[\w./:@%+=-]+$/.test(catalog) ? catalog : `'${catalog.replace(/'/g, `'\\''`)}'`;
  return `${replay} --catalog ${word}`;
}

/**
 * The cases fc.check draws first for `arb` at `seed` — those {@link runProperty} checks before any shrinking —
 * by a dry run whose predicate always holds. For warming caches ahead of a synchronous property (e.g. measuring
 * its width cells on all cores); the property itself is unchanged.
 */
export function plannedCases<T>(arb: fc.Arbitrary<T>, opts: { seed: number; numRuns: number }): T[] {
  const cases: T[] = [];
  fc.check(
    fc.property(arb, (value: T) => {
      cases.push(value);
      return true;
    }),
    { seed: opts.seed, numRuns: opts.numRuns },
  );
  return cases;
}

/**
 * The user's path names no case of this claim and seed: fast-check's walk of the shrink tree ran out of
 * candidates ("Unable to replay, got wrong path"), or the last segment skipped past every candidate, so no
 * case ran at all. Our reading of fast-check 4.10's PathWalker (lib/fast-check.js, pathWalk).
 */
function noSuchPath(claimId: string, seed: number, path: string): InputError {
  return new InputError(
    '--path',
    `no case at path "${path}" for claim ${claimId} with seed ${seed}; expected the path printed with a counterexample of this claim and seed (e.g. in the report's replay command)`,
  );
}

/**
 * Run a property with fc.check and collect what the report needs.
 * @throws Error naming the claim and the replay command when spec.check throws (a suite bug, not a verdict).
 * @throws InputError('--path') when opts.path names no case of this claim and seed (a user's mistake).
 */
export function runProperty<T, R>(claimId: string, spec: PropertySpec<T, R>, opts: RunPropertyOptions): PropertyOutcome<T, R> {
  const log: CaseOutcome<R>[] = [];
  const byValue = new WeakMap<object, CaseOutcome<R>>();
  const crashes = new WeakSet<object>();
  let last: { value: T; outcome: CaseOutcome<R> } | undefined;
  const property = fc.property(spec.arb, (value: T) => {
    let outcome: CaseOutcome<R>;
    try {
      outcome = spec.check(value);
    } catch (e) {
      if (!fc.PreconditionFailure.isFailure(e) && typeof e === 'object' && e !== null) crashes.add(e);
      throw e;
    }
    log.push(outcome);
    if (typeof value === 'object' && value !== null) byValue.set(value, outcome);
    last = { value, outcome };
    return outcome.holds;
  });
  let details: fc.RunDetails<[T]>;
  try {
    details = fc.check(property, {
      seed: opts.seed,
      numRuns: opts.numRuns,
      ...(opts.path !== undefined ? { path: opts.path, endOnFailure: true } : {}),
    });
  } catch (e) {
    if (opts.path !== undefined && e instanceof Error && e.message.startsWith('Unable to replay')) throw noSuchPath(claimId, opts.seed, opts.path);
    throw e;
  }
  if (opts.path !== undefined && details.numRuns + details.numSkips === 0 && !details.failed) throw noSuchPath(claimId, opts.seed, opts.path);
  const base = {
    numRuns: details.numRuns,
    numSkips: details.numSkips,
    numShrinks: details.numShrinks,
    seed: details.seed,
    cases: log.slice(0, details.numRuns),
  };
  if (!details.failed) return { ...base, status: 'passed', path: null, value: last?.value, lastOutcome: last?.outcome };
  if (details.counterexample === null) return { ...base, status: 'too-many-skips', path: null };
  const path = details.counterexamplePath ?? '';
  if (typeof details.errorInstance === 'object' && details.errorInstance !== null && crashes.has(details.errorInstance)) {
    const msg = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`runProperty(${claimId}): the check threw "${msg}"; replay: ${replayCommand(claimId, details.seed, path)}`);
  }
  const [value] = details.counterexample;
  const outcome =
    (typeof value === 'object' && value !== null ? byValue.get(value) : undefined) ?? spec.check(value);
  return {
    ...base,
    status: 'failed',
    path,
    value,
    lastOutcome: outcome,
    counterexample: {
      seed: details.seed,
      path,
      ...spec.describe(value),
      values: outcome.values,
      replay: replayCommand(claimId, details.seed, path),
    },
  };
}

/**
 * A claim's fast-check seed for a run seed: FNV-1a (32-bit) of "runSeed/claimId", as a signed integer, so
 * claims draw independent cases from one run seed and a claim's cases do not change when others are added.
 * Source: Fowler–Noll–Vo hash, http://www.isthe.com/chongo/tech/comp/fnv/ [RECALLED].
 */
export function claimSeed(runSeed: number, claimId: string): number {
  const text = `${runSeed}/${claimId}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
