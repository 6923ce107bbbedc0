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
import { INIT_SCHEMES, type InitScheme } from '../model/twoLayer.js';
import { InputError } from '../errors.js';
import { deriveSeed } from '../rng.js';
import type { TeacherOptions } from '../teacher/makeTeacher.js';
import { resolveOptimiser } from '../train/defaults.js';
import { evaluateSequential, type JobEvaluator, type JobLoss, type SyncJobEvaluator, type TrainJob, type TrainProblem } from '../train/job.js';
import type { TrainKernel } from '../train/kernel.js';
import { STUDENTS, type Student } from '../train/linearized.js';
import { resolveRadius, resolveTargets, type Targets } from '../regimes/targets.js';
import type { Regime } from '../train/regime.js';

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
 * Default bisection tolerance relTol = 0 [INFERRED]: bisect to the exact integer (m* as the smallest width, not a bracket). Near a
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
  /** Largest width tried. @defaultValue DEFAULT_M_MAX (512) */
  mMax?: number;
  /** Relative bisection tolerance, ≥ 0. @defaultValue DEFAULT_REL_TOL (0: exact integer) */
  relTol?: number;
  /**
   * Evaluate this one width instead of searching (e.g. the loss floor of ./lossFloor.ts); mStar is then null
   * and perWidth[0].success the k-of-s test at ε. @defaultValue undefined (search)
   */
  probe?: number;
  /**
   * Exact early exits (see module doc): a run stops once its epoch average can no longer be ≤ ε, and a width
   * stops training seeds once it is decided. m* and every success/failure are those of the full search;
   * false trains every seed of every width to the end (the naive search, for comparison). @defaultValue true
   */
  earlyExit?: boolean;
  /**
   * Initialisation of every student (src/model/twoLayer.ts InitScheme). With 'balanced' the search runs over even
   * widths only (pairs of neurons; an odd width would have one unpaired neuron and f(x; W(0)) ≠ 0), so m* is even.
   * @defaultValue 'iid'
   */
  init?: InitScheme;
  /** The model trained: the network, or its linearization at W(0) (src/train/linearized.ts). @defaultValue 'network' */
  student?: Student;
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
   * Replaces the sequential evaluator of {@link minWidth} (e.g. the WebAssembly fast path of src/train/pool/task.ts,
   * so that in-process and pooled searches give the same numbers). Same contract as {@link JobEvaluator}.
   * @defaultValue evaluateSequential with `kernel`
   */
  evaluateSync?: SyncJobEvaluator;
  /**
   * Cache of runs by job (key: {@link jobKey}). Pass the same Map to searches on the SAME dataset, regime
   * and teacher (e.g. one per ε) and every (m, seed) trained once is reused; a run that stopped early is reused
   * where its lower bound decides the new ε, retrained otherwise. Never share across datasets.
   */
  memo?: Map<string, JobLoss>;
  /** Called as each width is decided, in plan order (progress display; must not throw). */
  onWidth?: (outcome: WidthOutcome) => void;
}

export interface WidthOutcome {
  m: number;
  /**
   * Per seed, in seed order: the run as the search saw it ({avgLoss, epochs}: epochs < T is an early stop and
   * avgLoss its lower bound), or null when the width was decided without that seed.
   */
  runs: (JobLoss | null)[];
  /** Epoch-averaged loss per seed, in seed order; null for a seed not run to the end. */
  avgLosses: (number | null)[];
  /** How many of the seeds run reached avgLoss ≤ ε. */
  successes: number;
  /**
   * The `required`-th smallest avgLoss at this width when every seed ran to the end (success ⟺ criterionLoss
   * ≤ ε), else null. When mStar is null, the smallest criterionLoss over the widths is the loss floor of the
   * budget (T, η): if it hardly moves with m, the optimisation budget, not the width, is what stops the search.
   */
  criterionLoss: number | null;
  /** The init seeds (replay: initNet(m, d, seed)). */
  seeds: string[];
  /** At least `required` seeds reach ε (decided exactly, also when seeds were skipped). */
  success: boolean;
}

export interface MinWidthResult {
  /** The smallest width found (see module doc for what is and is not guaranteed); null if mMax fails. */
  mStar: number | null;
  /** Largest evaluated width that failed below mStar (0 if none): m* lies in (lastFailure, mStar]. */
  lastFailure: number;
  /** Every evaluated width, ascending. */
  perWidth: WidthOutcome[];
  /** Runs consulted (memo hits included; see trainings for runs actually performed). */
  evaluations: number;
  /** Training runs actually performed (memo misses). */
  trainings: number;
  /** Epochs trained over all trainings (the search's cost; T per run without early exits). */
  epochsTrained: number;
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
  earlyExit: boolean;
  /** Initialisation scheme of every student; 'balanced' searches even widths only. */
  init: InitScheme;
  /** The model trained at every width. */
  student: Student;
  /** The resolved targets (teacher, source) — the soft labels the students were trained on. */
  targets: Targets;
}

/** Memo key of a job: everything but the problem and the early-stop threshold. */
export function jobKey(job: TrainJob): string {
  const student = job.student === 'linearized' ? '|linearized' : '';
  return `${job.m}|${job.seed}|${job.init ?? 'iid'}|${job.T}|${job.eta}|${job.radius}${student}`;
}

type Found = { mStar: number | null; lastFailure: number };
type Plan = Generator<number, Found, boolean>;

/**
 * The search order as a generator: yields the width to evaluate next, receives whether it succeeded, and
 * returns { mStar, lastFailure } (mStar null when mMax fails). Bisection stops when
 * hi − lo ≤ max(1, ⌊relTol · hi⌋), so relTol = 0 gives the exact integer m* and relTol = 1/8 stops within
 * 12.5 % of it. Shared by the sync and async drivers so the two cannot drift apart.
 */
export function* widthSearchPlan(mMax: number, relTol = 0, unit = 1): Plan {
  // The search runs over multiples of `unit` (2 for paired neurons): u counts units, widths are u · unit.
  const uMax = Math.floor(mMax / unit);
  if (uMax < 1) return { mStar: null, lastFailure: 0 };
  let lo = 0; // largest width known to fail, in units (0: none yet — width 0 cannot fit anything)
  let hi = 0; // smallest width known to succeed, in units
  for (let u = 1; ; u *= 2) {
    const w = Math.min(u, uMax);
    if (yield w * unit) {
      hi = w;
      break;
    }
    lo = w;
    if (w >= uMax) return { mStar: null, lastFailure: lo * unit };
  }
  while (hi - lo > Math.max(1, Math.floor(relTol * hi))) {
    const mid = Math.floor((lo + hi) / 2);
    if (yield mid * unit) hi = mid;
    else lo = mid;
  }
  return { mStar: hi * unit, lastFailure: lo * unit };
}

/** The plan of a probe: one width, no search. */
function* probePlan(m: number): Plan {
  yield m;
  return { mStar: null, lastFailure: 0 };
}

/** A search's resolved settings (reported as they are in MinWidthResult), its problem and its init seeds. */
type Prepared = Pick<MinWidthResult, 'targets' | 'required' | 'eps' | 'T' | 'eta' | 'radius' | 'radiusRule' | 'mMax' | 'relTol' | 'earlyExit' | 'init' | 'student'> & {
  problem: TrainProblem;
  seeds: string[];
  probe?: number;
  onWidth?: (outcome: WidthOutcome) => void;
};

function prepare(ds: Dataset, opts: MinWidthOptions): Prepared {
  const { eps, seeds: nSeeds = DEFAULT_SEEDS, seed = DEFAULT_SEARCH_SEED, probe } = opts;
  const { successFraction = DEFAULT_SUCCESS_FRACTION, mMax = DEFAULT_M_MAX } = opts;
  if (!(eps > 0) || !Number.isFinite(eps)) throw new InputError('eps', `minWidth: expected a positive finite loss target, got ${eps}`);
  if (!Number.isInteger(nSeeds) || nSeeds < 1) throw new InputError('seeds', `minWidth: expected a positive integer, got ${nSeeds}`);
  if (!(successFraction > 0 && successFraction <= 1)) {
    throw new InputError('successFraction', `minWidth: expected a fraction in (0, 1], got ${successFraction}`);
  }
  if (!Number.isInteger(mMax) || mMax < 1) throw new InputError('mMax', `minWidth: expected a positive integer, got ${mMax}`);
  if (probe !== undefined && !(Number.isInteger(probe) && probe >= 1)) throw new InputError('probe', `minWidth: expected a positive integer width, got ${probe}`);
  const { relTol = DEFAULT_REL_TOL } = opts;
  if (!(relTol >= 0 && relTol < 1)) throw new InputError('relTol', `minWidth: expected a tolerance in [0, 1), got ${relTol}`);
  const { T, eta, radius: radiusOpt } = resolveOptimiser(opts);
  const targets = resolveTargets(ds, opts.regime, opts.teacher);
  const { radius, radiusRule } = resolveRadius(radiusOpt, opts.regime, targets);
  const seeds = Array.from({ length: nSeeds }, (_, k) => deriveSeed(seed, 'init', k));
  // ⌈f·s⌉ with a guard so that 2/3 · 3 = 2.0000000000000004 does not round up to 3.
  const required = Math.max(1, Math.ceil(successFraction * nSeeds - 1e-9));
  const earlyExit = opts.earlyExit ?? true;
  const init = opts.init ?? 'iid';
  if (!INIT_SCHEMES.includes(init)) throw new InputError('init', `minWidth: expected one of ${INIT_SCHEMES.join(', ')}, got ${String(init)}`);
  const student = opts.student ?? 'network';
  if (!STUDENTS.includes(student)) throw new InputError('student', `minWidth: expected one of ${STUDENTS.join(', ')}, got ${String(student)}`);
  const problem = { X: ds.X, n: ds.n, d: ds.d, p: targets.p };
  return { problem, targets, seeds, required, eps, T, eta, radius, radiusRule, mMax, relTol, earlyExit, init, student, probe, onWidth: opts.onWidth };
}

function outcome(prep: Prepared, m: number, runs: (JobLoss | null)[]): WidthOutcome {
  const ran = runs.filter((r): r is JobLoss => r !== null);
  const successes = ran.filter((r) => r.avgLoss <= prep.eps).length;
  const avgLosses = runs.map((r) => (r !== null && r.epochs === prep.T ? r.avgLoss : null));
  const exact = avgLosses.every((l) => l !== null) ? [...(avgLosses as number[])].sort((a, b) => a - b) : null;
  const criterionLoss = exact ? exact[prep.required - 1] : null;
  return { m, runs, avgLosses, successes, criterionLoss, seeds: prep.seeds, success: successes >= prep.required };
}

/**
 * One search in progress: the plan, the memo and the bookkeeping shared by both drivers. A driver loops
 * `while (!search.done) search.advance(runs of search.pending)`; only how it gets the runs differs.
 *
 * Seeds are consulted in seed order, as a sequential search would: with s seeds of which k must reach ε, a width
 * is decided once k succeeded or s − k + 1 failed, so after `succ` successes and `fail` failures at least
 * need = min(k − succ, s − k + 1 − fail) more seeds are consulted whatever they give. `pending` is exactly the
 * next `need` seeds not in the memo: independent runs for a pool, never one a sequential search would skip,
 * so which seeds ran (and every number) does not depend on the evaluator or the worker count.
 */
class Search {
  private readonly plan: Plan;
  private step: IteratorResult<number, Found>;
  private runs: (JobLoss | null)[];
  private batch: number[] = [];
  private readonly perWidth: WidthOutcome[] = [];
  private evaluations = 0;
  private trainings = 0;
  private epochsTrained = 0;
  /** The runs to train next (non-empty until done). */
  pending: TrainJob[] = [];

  constructor(
    private readonly prep: Prepared,
    private readonly memo: Map<string, JobLoss>,
  ) {
    this.plan = prep.probe !== undefined ? probePlan(prep.probe) : widthSearchPlan(prep.mMax, prep.relTol, prep.init === 'balanced' ? 2 : 1);
    this.step = this.plan.next(false);
    this.runs = prep.seeds.map(() => null);
    this.settle();
  }

  get done(): boolean {
    return this.step.done === true;
  }

  /** Record the runs of `pending` (in order) and move on. */
  advance(fresh: readonly JobLoss[]): void {
    if (fresh.length !== this.pending.length) {
      throw new InputError('evaluate', `minWidth: evaluator returned ${fresh.length} runs for ${this.pending.length} jobs`);
    }
    this.pending.forEach((j, i) => {
      const r = { avgLoss: fresh[i].avgLoss, epochs: fresh[i].epochs };
      this.memo.set(jobKey(j), r);
      this.runs[this.batch[i]] = r;
      this.epochsTrained += r.epochs;
    });
    this.trainings += fresh.length;
    this.evaluations += fresh.length;
    this.settle();
  }

  result(): MinWidthResult {
    const { targets, required, eps, T, eta, radius, radiusRule, mMax, relTol, earlyExit, init, student } = this.prep;
    const found = this.step.value as Found;
    const perWidth = [...this.perWidth].sort((a, b) => a.m - b.m);
    const { evaluations, trainings, epochsTrained } = this;
    return { ...found, perWidth, evaluations, trainings, epochsTrained, required, eps, T, eta, radius, radiusRule, mMax, relTol, earlyExit, init, student, targets };
  }

  private job(m: number, k: number): TrainJob {
    const { T, eta, radius, eps, earlyExit, init, student } = this.prep;
    const job: TrainJob = { m, seed: this.prep.seeds[k], T, eta, radius };
    if (init !== 'iid') job.init = init;
    if (student !== 'network') job.student = student;
    if (earlyExit) job.stopAbove = eps;
    return job;
  }

  /** A memo entry that decides this job at this ε: a full run, or an early stop whose lower bound is above ε. */
  private known(job: TrainJob): JobLoss | undefined {
    const r = this.memo.get(jobKey(job));
    if (r === undefined) return undefined;
    if (r.epochs === job.T) return r;
    return this.prep.earlyExit && r.avgLoss > this.prep.eps ? r : undefined;
  }

  /** Seeds still to consult before the current width is decided (see class doc). */
  private need(): number {
    const { required, eps, earlyExit, seeds } = this.prep;
    const open = this.runs.filter((r) => r === null).length;
    if (!earlyExit) return open;
    const succ = this.runs.filter((r) => r !== null && r.avgLoss <= eps).length;
    const fail = seeds.length - open - succ;
    return Math.max(0, Math.min(required - succ, seeds.length - required + 1 - fail));
  }

  /** Take memo hits and finished widths until a training is needed or the plan is done. */
  private settle(): void {
    this.pending = [];
    this.batch = [];
    while (!this.step.done) {
      const m = this.step.value;
      const need = this.need();
      if (need === 0) {
        const o = outcome(this.prep, m, this.runs);
        this.perWidth.push(o);
        this.prep.onWidth?.(o);
        this.runs = this.prep.seeds.map(() => null);
        this.step = this.plan.next(o.success);
        continue;
      }
      const next = this.runs.flatMap((r, k) => (r === null ? [k] : [])).slice(0, need);
      for (const k of next) {
        const hit = this.known(this.job(m, k));
        if (hit) {
          this.runs[k] = hit;
          this.evaluations++;
        } else {
          this.batch.push(k);
        }
      }
      if (this.batch.length > 0) {
        this.pending = this.batch.map((k) => this.job(m, k));
        return;
      }
    }
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
  while (!search.done) search.advance(evaluate(prep.problem, search.pending));
  return search.result();
}

/**
 * The same search with a pluggable evaluator (e.g. a worker-thread pool): `evaluate(problem, jobs)` must
 * return each job's {avgLoss, epochs} exactly as {@link evaluateSequential} would (same init, same loop, same
 * early stop), in job order. The runs of one batch are independent (never an empty batch): a pool trains them
 * at once.
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
  while (!search.done) search.advance(await evaluate(prep.problem, search.pending));
  return search.result();
}
