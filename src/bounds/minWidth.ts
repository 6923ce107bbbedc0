/**
 * The empirical required width m*(ε): the smallest width m whose epoch-averaged training loss
 * (1/T) Σ_{t<T} R̂(W(t)) is ≤ ε in at least ⌈successFraction · seeds⌉ of `seeds` initialisations.
 *
 * Search: a geometric grid m = 1, 2, 4, …, mMax (mMax itself appended when not a power of two), stopped at the
 * first success, then integer bisection between the last failing and the first succeeding width. It costs
 * about log₂ m* grid widths plus log₂(m* / 2) bisection widths, each run for every seed.
 * What it assumes: success is monotone in m. Nothing guarantees that — losses at a fixed width are random
 * (init seeds), and GD at small widths can do better than at larger ones. What the result does guarantee:
 * m* succeeded, m* − 1 failed (when m* > 1), every evaluated width below m* failed and every evaluated width
 * above it succeeded. Unevaluated widths below m* may also succeed, and widths above it may fail. The same seeds are
 * used at every width (common random numbers), which makes the per-width outcomes less noisy to compare.
 * Source: the criterion is our reading of "width needed for the epoch-averaged loss ≤ ε" in
 * Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract [INFERRED]; the search is ours [INFERRED];
 * [CHECKED] against a brute-force scan in test/bounds/minWidth.test.ts.
 */
import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { deriveSeed } from '../rng.js';
import type { TeacherOptions } from '../teacher/teacher.js';
import { resolveOptimiser, resolveRadius } from '../train/defaults.js';
import { evaluateSequential, type JobEvaluator, type SyncJobEvaluator, type TrainJob, type TrainProblem } from '../train/job.js';
import type { TrainKernel } from '../train/kernel.js';
import { resolveTargets, type Regime, type Targets } from '../train/targets.js';

/** Default number of init seeds per width: 3 [INFERRED] (the smallest count where a majority is a fraction). */
export const DEFAULT_SEEDS = 3;
/** Default success fraction 2/3 [INFERRED]: with 3 seeds, 2 must reach ε (a majority, robust to one bad init). */
export const DEFAULT_SUCCESS_FRACTION = 2 / 3;
/**
 * Default search cap mMax = 512 [INFERRED]. Reasons: a search that finds nothing trains every grid width up to
 * mMax (≈ 2·mMax neuron-runs per seed), ≈ 5 s at n = 100, d = 20, T = 300 with the reference kernel; and on
 * our synthetic sets every m* found at the default T, η was ≤ 45, so 512 leaves a factor > 10 of headroom.
 */
export const DEFAULT_M_MAX = 512;
/**
 * Default bisection tolerance relTol = 0 [INFERRED]: bisect to the exact integer, as issue 2 asks. Near a
 * threshold where avgLoss hardly depends on m this costs log₂(m* / 2) extra widths at m ≈ m*; pass relTol = 1/8
 * to stop within 12.5 % (the result then brackets m* in (lastFailure, mStar]).
 */
export const DEFAULT_REL_TOL = 0;
/** Default base seed of the init seeds [INFERRED]; init seed k is deriveSeed(seed, 'init', k). */
export const DEFAULT_SEARCH_SEED = 0;

export interface MinWidthOptions {
  regime: Regime;
  /** Target epoch-averaged loss ε > 0 (nats). */
  eps: number;
  /** Init seeds per width. @defaultValue DEFAULT_SEEDS (3) */
  seeds?: number;
  /** Base seed of the init seeds. @defaultValue DEFAULT_SEARCH_SEED (0) */
  seed?: number | string;
  /** Fraction of seeds that must reach ε, in (0, 1]. @defaultValue DEFAULT_SUCCESS_FRACTION (2/3) */
  successFraction?: number;
  /** Largest width tried. @defaultValue DEFAULT_M_MAX (1024) */
  mMax?: number;
  /** Relative bisection tolerance, ≥ 0. @defaultValue DEFAULT_REL_TOL (0: exact integer) */
  relTol?: number;
  /** Epochs. @defaultValue DEFAULT_T */
  T?: number;
  /** Step size. @defaultValue DEFAULT_ETA */
  eta?: number;
  /** Projection radius, Infinity or 'auto'. @defaultValue regime default (src/train/defaults.ts) */
  radius?: number | 'auto';
  /** Teacher for the soft regime (when ds.p is absent). @defaultValue { kind: 'ntk' } */
  teacher?: TeacherOptions;
  /** Loss-and-gradient kernel of the sequential evaluator. @defaultValue referenceKernel */
  kernel?: TrainKernel;
  /**
   * Replaces the sequential evaluator of {@link minWidth} (e.g. the WebAssembly fast path of src/parallel/task.ts,
   * so that in-process and pooled searches give the same numbers). Same contract as {@link JobEvaluator}.
   * @defaultValue evaluateSequential with `kernel`
   */
  evaluateSync?: SyncJobEvaluator;
  /**
   * Cache of avgLoss by job (key: {@link jobKey}). Pass the same Map to searches on the SAME dataset, regime
   * and teacher (e.g. one per ε) and every (m, seed) trained once is reused. Never share across datasets.
   */
  memo?: Map<string, number>;
}

export interface WidthOutcome {
  m: number;
  /** Epoch-averaged loss per seed, in seed order. */
  avgLosses: number[];
  /** How many seeds reached avgLoss ≤ ε. */
  successes: number;
  /**
   * The `required`-th smallest avgLoss at this width: success ⟺ criterionLoss ≤ ε, so one outcome answers
   * every ε. When mStar is null, the smallest criterionLoss over the widths is the loss floor of the budget
   * (T, η): if it hardly moves with m, the optimisation budget, not the width, is what stops the search.
   */
  criterionLoss: number;
  /** The init seeds (replay: initNet(m, d, seed)). */
  seeds: string[];
  /** successes ≥ required. */
  success: boolean;
}

export interface MinWidthResult {
  /** The smallest width found (see module doc for what is and is not guaranteed); null if mMax fails. */
  mStar: number | null;
  /** Largest evaluated width that failed below mStar (0 if none): m* lies in (lastFailure, mStar]. */
  lastFailure: number;
  /** Every evaluated width, ascending. */
  perWidth: WidthOutcome[];
  /** Training runs requested (memo hits included; see trainings for runs actually performed). */
  evaluations: number;
  /** Training runs actually performed (memo misses). */
  trainings: number;
  /** Seeds that must succeed at a width: ⌈successFraction · seeds⌉. */
  required: number;
  eps: number;
  T: number;
  eta: number;
  /** Radius used (Infinity = plain GD) and how it was chosen. */
  radius: number;
  radiusRule: string;
  mMax: number;
  relTol: number;
  /** The resolved targets (teacher, source) — the soft labels the students were trained on. */
  targets: Targets;
}

/** Memo key of a job: everything but the problem. */
export function jobKey(job: TrainJob): string {
  return `${job.m}|${job.seed}|${job.T}|${job.eta}|${job.radius}`;
}

/**
 * The search order as a generator: yields the width to evaluate next, receives whether it succeeded, and
 * returns { mStar, lastFailure } (mStar null when mMax fails). Bisection stops when
 * hi − lo ≤ max(1, ⌊relTol · hi⌋), so relTol = 0 gives the exact integer m* and relTol = 1/8 stops within
 * 12.5 % of it. Shared by the sync and async drivers so the two cannot drift apart.
 */
export function* widthSearchPlan(
  mMax: number,
  relTol = 0,
): Generator<number, { mStar: number | null; lastFailure: number }, boolean> {
  let lo = 0; // largest width known to fail (0: none yet — width 0 cannot fit anything)
  let hi = 0; // smallest width known to succeed
  for (let m = 1; ; m *= 2) {
    const w = Math.min(m, mMax);
    if (yield w) {
      hi = w;
      break;
    }
    lo = w;
    if (w >= mMax) return { mStar: null, lastFailure: lo };
  }
  while (hi - lo > Math.max(1, Math.floor(relTol * hi))) {
    const mid = Math.floor((lo + hi) / 2);
    if (yield mid) hi = mid;
    else lo = mid;
  }
  return { mStar: hi, lastFailure: lo };
}

/** A search's resolved settings (reported as they are in MinWidthResult), its problem and its init seeds. */
type Prepared = Pick<MinWidthResult, 'targets' | 'required' | 'eps' | 'T' | 'eta' | 'radius' | 'radiusRule' | 'mMax' | 'relTol'> & {
  problem: TrainProblem;
  seeds: string[];
};

function prepare(ds: Dataset, opts: MinWidthOptions): Prepared {
  const { eps, seeds: nSeeds = DEFAULT_SEEDS, seed = DEFAULT_SEARCH_SEED } = opts;
  const { successFraction = DEFAULT_SUCCESS_FRACTION, mMax = DEFAULT_M_MAX } = opts;
  if (!(eps > 0) || !Number.isFinite(eps)) throw new InputError('eps', `minWidth: expected a positive finite loss target, got ${eps}`);
  if (!Number.isInteger(nSeeds) || nSeeds < 1) throw new InputError('seeds', `minWidth: expected a positive integer, got ${nSeeds}`);
  if (!(successFraction > 0 && successFraction <= 1)) {
    throw new InputError('successFraction', `minWidth: expected a fraction in (0, 1], got ${successFraction}`);
  }
  if (!Number.isInteger(mMax) || mMax < 1) throw new InputError('mMax', `minWidth: expected a positive integer, got ${mMax}`);
  const { relTol = DEFAULT_REL_TOL } = opts;
  if (!(relTol >= 0 && relTol < 1)) throw new InputError('relTol', `minWidth: expected a tolerance in [0, 1), got ${relTol}`);
  const { T, eta, radius: radiusOpt } = resolveOptimiser(opts);
  const targets = resolveTargets(ds, opts.regime, opts.teacher);
  const { radius, radiusRule } = resolveRadius(radiusOpt, opts.regime, targets);
  const seeds = Array.from({ length: nSeeds }, (_, k) => deriveSeed(seed, 'init', k));
  // ⌈f·s⌉ with a guard so that 2/3 · 3 = 2.0000000000000004 does not round up to 3.
  const required = Math.max(1, Math.ceil(successFraction * nSeeds - 1e-9));
  const problem = { X: ds.X, n: ds.n, d: ds.d, p: targets.p };
  return { problem, targets, seeds, required, eps, T, eta, radius, radiusRule, mMax, relTol };
}

function outcome(prep: Prepared, m: number, avgLosses: number[]): WidthOutcome {
  const successes = avgLosses.filter((l) => l <= prep.eps).length;
  const criterionLoss = [...avgLosses].sort((a, b) => a - b)[prep.required - 1];
  return { m, avgLosses, successes, criterionLoss, seeds: prep.seeds, success: successes >= prep.required };
}

/**
 * One search in progress: the plan, the memo and the bookkeeping shared by both drivers. A driver loops
 * `while (!search.done) search.advance(losses of search.pending)`; only how it gets the losses differs.
 */
class Search {
  private readonly plan: Generator<number, { mStar: number | null; lastFailure: number }, boolean>;
  private step: IteratorResult<number, { mStar: number | null; lastFailure: number }>;
  private jobs: TrainJob[] = [];
  private readonly perWidth: WidthOutcome[] = [];
  private evaluations = 0;
  private trainings = 0;
  /** The jobs of the current width that the memo does not have yet (may be empty). */
  pending: TrainJob[] = [];

  constructor(
    private readonly prep: Prepared,
    private readonly memo: Map<string, number>,
  ) {
    this.plan = widthSearchPlan(prep.mMax, prep.relTol);
    this.step = this.plan.next(false);
    this.load();
  }

  get done(): boolean {
    return this.step.done === true;
  }

  /** Record the losses of `pending` (in order) and move to the next width. */
  advance(fresh: readonly number[]): void {
    if (fresh.length !== this.pending.length) {
      throw new InputError('evaluate', `minWidth: evaluator returned ${fresh.length} losses for ${this.pending.length} jobs`);
    }
    this.pending.forEach((j, k) => this.memo.set(jobKey(j), fresh[k]));
    this.evaluations += this.jobs.length;
    this.trainings += this.pending.length;
    const m = this.step.value as number;
    const o = outcome(this.prep, m, this.jobs.map((j) => this.memo.get(jobKey(j)) as number));
    this.perWidth.push(o);
    this.step = this.plan.next(o.success);
    this.load();
  }

  result(): MinWidthResult {
    const { targets, required, eps, T, eta, radius, radiusRule, mMax, relTol } = this.prep;
    const found = this.step.value as { mStar: number | null; lastFailure: number };
    const perWidth = [...this.perWidth].sort((a, b) => a.m - b.m);
    const { evaluations, trainings } = this;
    return { ...found, perWidth, evaluations, trainings, required, eps, T, eta, radius, radiusRule, mMax, relTol, targets };
  }

  private load(): void {
    if (this.step.done) {
      this.jobs = [];
      this.pending = [];
      return;
    }
    const m = this.step.value;
    const { T, eta, radius } = this.prep;
    this.jobs = this.prep.seeds.map((seed) => ({ m, seed, T, eta, radius }));
    this.pending = this.jobs.filter((j) => !this.memo.has(jobKey(j)));
  }
}

/**
 * Search m* in-process (sequential training runs).
 * @param ds  training split; soft targets come from ds.p or the teacher (resolved once per search).
 * @throws    InputError naming the option ('eps', 'seeds', 'successFraction', 'mMax', 'relTol', 'T', 'eta',
 *            'radius', 'regime'); ShapeError/InputError for a malformed dataset; PreconditionError from the
 *            NTK teacher.
 */
export function minWidth(ds: Dataset, opts: MinWidthOptions): MinWidthResult {
  const prep = prepare(ds, opts);
  const search = new Search(prep, opts.memo ?? new Map());
  const evaluate = opts.evaluateSync ?? ((problem: TrainProblem, jobs: readonly TrainJob[]) => evaluateSequential(problem, jobs, opts.kernel));
  while (!search.done) search.advance(search.pending.length > 0 ? evaluate(prep.problem, search.pending) : []);
  return search.result();
}

/**
 * The same search with a pluggable evaluator (e.g. a worker-thread pool): `evaluate(problem, jobs)` must
 * return each job's avgLoss exactly as {@link evaluateSequential} would (same init, same loop), in job order.
 * All seeds of one width go out as one batch (never an empty batch).
 * @throws as {@link minWidth}; rejects with whatever `evaluate` rejects with, or InputError('evaluate') when
 *         it returns the wrong number of losses.
 */
export async function minWidthAsync(
  ds: Dataset,
  opts: MinWidthOptions & { evaluate?: JobEvaluator },
): Promise<MinWidthResult> {
  const prep = prepare(ds, opts);
  const evaluate: JobEvaluator = opts.evaluate ?? (async (problem, jobs) => evaluateSequential(problem, jobs, opts.kernel));
  const search = new Search(prep, opts.memo ?? new Map());
  while (!search.done) search.advance(search.pending.length > 0 ? await evaluate(prep.problem, search.pending) : []);
  return search.result();
}
