/**
 * The measured width cells behind the claims width-soft, width-hard, scaling-slopes and separation and the width mutants: for a dataset, a regime, a target ε and an
 * epoch rule, the empirical m* of src/bounds/minWidth.ts, the NTK margin γ_rkhs of src/margin/gammaRkhs.ts, and
 * whether the cell is in the theory's regime at its epoch budget T.
 *
 * Epoch rules (stated in every claim that uses them): 'fixed' — T = DEFAULT_T = 300 for every cell; 'theory' —
 * T(γ, ε) = ⌈c_T/(η γ² ε)⌉ clamped (src/train/epochs.ts), the order of the budget in the width theorems, so that
 * small γ or ε get the optimisation time the theorems presuppose.
 * Applicability: the width theorems presuppose enough epochs. A cell is APPLICABLE unless its search is T-limited
 * (src/bounds/lossFloor.ts: the median avg loss at m_ref = 64 is above ε/2, so m* would measure T, not width);
 * the median's value is measured only where a claim reports it (FloorMode).
 * Inapplicable cells are reported, never counted as passes or failures.
 * Trainings run on the WebAssembly f64 path (src/train/pool/task.ts runTask, kernel 'wasm'; the TypeScript reference
 * when SIMD is missing), in-process or on a TrainPool: the same numbers either way, so results.json does not
 * depend on the worker count. (Across machines, the fused multiply-add of relaxed SIMD may change the last bits.)
 * Every cell is computed once per process (module memo) and once per run (ctx.cells, for `verify --resume`),
 * keyed by every input it depends on.
 */
import type { Dataset } from '../data/dataset.js';
import { synthetic, type SyntheticSpec } from '../data/synthetic.js';
import { loadMnistPair, type MnistPairOptions } from '../data/mnist.js';
import { datasetGammaRkhs } from '../margin/datasetMargin.js';
import { minWidth, minWidthAsync, type MinWidthOptions, type MinWidthResult } from '../bounds/minWidth.js';
import { FLOOR_FACTOR, FLOOR_REF_WIDTH, floorRunTLimited, floorSearch, lossFloor } from '../bounds/lossFloor.js';
import { initNet, type InitScheme } from '../model/twoLayer.js';
import type { TeacherOptions } from '../teacher/makeTeacher.js';
import { TrainPool } from '../train/pool/pool.js';
import { evaluateFast, runTask, type TaskResult, type TrainTask } from '../train/pool/task.js';
import { DEFAULT_ETA, DEFAULT_T } from '../train/defaults.js';
import { theoryEpochs, THEORY_EPOCHS } from '../train/epochs.js';
import type { JobLoss, TrainJob, TrainProblem } from '../train/job.js';
import type { Regime } from '../train/regime.js';
import type { RunContext, WidthCell } from './types.js';
import type { Student } from '../train/linearized.js';
import { resolveTargets } from '../regimes/targets.js';
import {
  cellLosses, DEFAULT_CRITERION, lazyStatus, meanLogistic, searchEps, zeroMeets, zeroOneError,
  type CellLosses, type Censoring, type Criterion, type LazyStatus, type TrivialStatus,
} from './cellMeasures.js';

/**
 * Search settings of every width cell [INFERRED]: 3 init seeds per width, 2 must reach ε; widths to 256; epochs
 * fixed (T) or by the theory schedule; a cell is T-limited when its loss floor at m_ref = 64 exceeds ε/floorFactor.
 */
export const WIDTH_SETTINGS = {
  /** Epochs of the 'fixed' rule (full-batch: one epoch = one step). */
  T: DEFAULT_T,
  /** The 'theory' rule's schedule T(γ, ε) (src/train/epochs.ts). */
  schedule: THEORY_EPOCHS,
  eta: DEFAULT_ETA,
  /** Init seeds per width and the fraction that must reach ε (minWidth defaults). */
  seeds: 3,
  successFraction: 2 / 3,
  /** Search cap. */
  mMax: 256,
  /**
   * Reference width of the loss floor and the T-limit factor (src/bounds/lossFloor.ts); the floor is probed at
   * max(mRef, 2·m*), so a cell whose m* is large is not called T-limited merely because m_ref < m*.
   */
  mRef: FLOOR_REF_WIDTH,
  floorFactor: FLOOR_FACTOR,
  /**
   * Initialisation of every student of the width claims: 'balanced' (pairs with shared w and opposite signs,
   * f(x; W(0)) = 0; src/model/twoLayer.ts), so m* is never set by a draw of equal output signs; m* is searched
   * over even widths (pairs). `verify --init iid` restores i.i.d. signs (odd widths searched too).
   */
  init: 'balanced' as InitScheme,
  /**
   * Search cap of the linearized student (src/train/linearized.ts), whose epochs cost O(n²) whatever m is: its m*
   * grows like the width bounds (hundreds at γ ≈ 0.02), so the network's cap of 256 would censor it.
   */
  mMaxLinearized: 2048,
  /** The linearized student's epoch cap (its epochs cost O(n²) whatever m, so the theory budget fits further). */
  TmaxLinearized: 1_000_000,
  /**
   * The linearized student's ball in the hard regime: ‖W − W(0)‖_F ≤ hardBallFactor·ln(1/ε)/γ, i.e. this factor
   * times the RKHS norm of the max-margin predictor scaled to margin ln(1/ε) (the margin at which its logistic
   * loss is about ε), as the soft ball is RADIUS_FACTOR_SOFT = 2 times its teacher's norm [INFERRED]. Without a
   * ball a linear model of m·d ≥ n features interpolates any labels, and m* would measure T alone.
   */
  hardBallFactor: 2,
} as const;

/** How a cell's epoch budget is set (see module doc). */
export type EpochRule = 'fixed' | 'theory';

/**
 * What a cell needs of its loss floor: 'test' — only whether it is T-limited (early exits may decide that without
 * the median's value), 'exact' — the median's value too (for claims that report it).
 */
export type FloorMode = 'test' | 'exact';

/** Soft-label teacher of a cell (the NTK max-margin teacher at this scale and temperature; src/teacher/ntkTeacher.ts). */
export interface TeacherSetting {
  scale: number;
  tau: number;
}

/** Per-cell choices beside the recipe: each defaults to the run's (RunContext) and then to WIDTH_SETTINGS. */
export interface CellChoice {
  /** m* criterion (src/verify/cellMeasures.ts). @defaultValue ctx.criterion ?? 'objective' */
  criterion?: Criterion;
  /** @defaultValue ctx.init ?? WIDTH_SETTINGS.init */
  init?: InitScheme;
  /** Soft regime only. @defaultValue the NTK teacher's defaults (scale 1, τ = 1) */
  teacher?: TeacherSetting;
  /** The network, or its linearization at W(0) (src/train/linearized.ts). @defaultValue 'network' */
  student?: Student;
}

/** The teacher of a soft cell as measured: its setting, its own logistic loss on the true labels and its accuracy. */
export interface TeacherInfo extends TeacherSetting {
  logistic: number;
  accuracy: number;
}

/** A dataset by recipe, so cells can be keyed, cached and rebuilt. */
export type DataRef = { source: 'synthetic'; spec: SyntheticSpec } | { source: 'mnist'; opts: MnistPairOptions };

export interface MarginInfo {
  gammaLower: number;
  gammaUpper: number;
}

/** One measured cell (JSON-safe). */
export interface WidthSearchCell {
  dataset: string;
  dataKey: string;
  n: number;
  d: number;
  regime: Regime;
  eps: number;
  /** The epoch rule and the budget T it gave. */
  epochRule: EpochRule;
  T: number;
  /** γ_rkhs certified bracket (gammaRkhs relGap 1e-6); `gamma` = the upper end. */
  gamma: number;
  gammaLower: number;
  /** m* (null: no width ≤ mMax reached ε). */
  mStar: number | null;
  /**
   * Median epoch-averaged loss at m_ref (the T-limited floor); null when early exits decided the T-limit test
   * without its value (requests with floor 'test', the default: see {@link FloorMode}).
   */
  floorLoss: number | null;
  applicable: boolean;
  /** The outcome of every evaluated width (m* search; the floor probe is not listed). */
  perWidth: { m: number; success: boolean }[];
  /** Training runs and epochs they took (cost only: early exits lower both, never the results). */
  trainings: number;
  epochsTrained: number;
  /** The m* criterion and the students' initialisation. */
  criterion: Criterion;
  init: InitScheme;
  /** The model trained: the network, or its linearization at W(0) (lazy by construction; `lazy` then tells how far
   * its weights would move a network's activation patterns). */
  student: Student;
  /** The projection radius of every run of the search (null: plain GD). */
  radius: number | null;
  /** The uncapped theory budget ⌈c_T/(η γ² ε)⌉ ('theory' rule; equals T unless T was clamped). */
  Ttheory: number;
  /** Where m* lies and why it is censored (src/verify/cellMeasures.ts Censoring). */
  censor: Censoring;
  /** The four losses of one trained student at lazy.m (m*, or mMax when not reached), full T, seed {@link measuredSeed}. */
  losses: CellLosses;
  /** Flip fraction, relative movement and the lazy rule's verdict, same student. */
  lazy: LazyStatus;
  /** The init seed of that student (the first, in seed order, that met the criterion at lazy.m; else the first). */
  measuredSeed: string;
  /** Whether f ≡ 0 or a one-neuron single-sign student already meets the criterion (then: no evidence). */
  trivial: TrivialStatus;
  /** Soft cells: the teacher. */
  teacher?: TeacherInfo;
}

const dataMemo = new Map<string, Dataset>();
const marginMemo = new Map<string, MarginInfo>();
const cellMemo = new Map<string, WidthSearchCell>();
const jobMemo = new Map<string, Map<string, JobLoss>>();

/** Forget every memoised cell and training run of this process (tests comparing two ways of computing a cell). */
export function resetWidthCellMemo(): void {
  cellMemo.clear();
  jobMemo.clear();
}

/** The optional synthetic fields, named in a recipe's key only when given (so keys without them stay as they were). */
const OPTIONAL_SPEC_FIELDS = ['marginAngle', 'parityOrder', 'degree', 'teacherWidth', 'labelNoise', 'nTest'] as const;

/** Canonical key of a recipe: every field the dataset depends on. */
export function dataKey(ref: DataRef): string {
  if (ref.source === 'synthetic') {
    const s = ref.spec;
    const extra = OPTIONAL_SPEC_FIELDS.filter((f) => s[f] !== undefined).map((f) => `:${f}${s[f]}`).join('');
    return `syn:${s.kind}:n${s.n}:d${s.d}:diff${s.difficulty ?? 0}:seed${String(s.seed)}${extra}`;
  }
  const o = ref.opts;
  return `mnist:${o.digits.join('v')}:n${o.n}:dim${o.dim ?? 'default'}:noise${o.noise ?? 0}:seed${String(o.seed)}`;
}

/** Build (once per process) the dataset of a recipe. */
export function loadData(ref: DataRef): Dataset {
  const key = dataKey(ref);
  let ds = dataMemo.get(key);
  if (!ds) {
    ds = ref.source === 'synthetic' ? synthetic(ref.spec) : loadMnistPair({ nTest: 0, ...ref.opts });
    dataMemo.set(key, ds);
  }
  return ds;
}

/** γ_rkhs bracket of a dataset (once per process). */
export function marginOf(ref: DataRef): MarginInfo {
  const key = dataKey(ref);
  let g = marginMemo.get(key);
  if (!g) {
    const r = datasetGammaRkhs(loadData(ref));
    g = { gammaLower: r.lower, gammaUpper: r.upper };
    marginMemo.set(key, g);
  }
  return g;
}

/** The theory schedule of a student: the network's, or with the linearized student's larger cap. */
const scheduleOf = (student: Student) => (student === 'linearized' ? { ...WIDTH_SETTINGS.schedule, Tmax: WIDTH_SETTINGS.TmaxLinearized } : WIDTH_SETTINGS.schedule);

/** The epoch budget of a cell under a rule. */
export function cellEpochs(ref: DataRef, eps: number, rule: EpochRule, student: Student = 'network'): number {
  return rule === 'fixed' ? WIDTH_SETTINGS.T : theoryEpochs(marginOf(ref).gammaUpper, eps, WIDTH_SETTINGS.eta, scheduleOf(student));
}

/** The search cap of a student. */
const mMaxOf = (student: Student) => (student === 'linearized' ? WIDTH_SETTINGS.mMaxLinearized : WIDTH_SETTINGS.mMax);

function settingsKey(T: number, student: Student): string {
  const s = WIDTH_SETTINGS;
  const model = student === 'linearized' ? `linearized:ball${s.hardBallFactor}` : 'wasm-f64';
  return `T${T}:eta${s.eta}:seeds${s.seeds}:sf${s.successFraction.toFixed(4)}:mMax${mMaxOf(student)}:mRef${s.mRef}:ff${s.floorFactor}:${model}`;
}

/** The uncapped theory budget of a cell (T itself under the 'fixed' rule). */
function uncappedEpochs(ref: DataRef, eps: number, rule: EpochRule): number {
  if (rule === 'fixed') return WIDTH_SETTINGS.T;
  const unclamped = { ...WIDTH_SETTINGS.schedule, Tmax: Number.MAX_SAFE_INTEGER };
  return theoryEpochs(marginOf(ref).gammaUpper, eps, WIDTH_SETTINGS.eta, unclamped);
}

type CellCtx = Pick<RunContext, 'cells' | 'earlyExit' | 'criterion' | 'init'>;

/** A request with every choice resolved and its cache key. */
interface Resolved {
  q: CellRequest;
  rule: EpochRule;
  T: number;
  criterion: Criterion;
  init: InitScheme;
  student: Student;
  teacher?: TeacherSetting;
  earlyExit: boolean;
  key: string;
  /** Training-memo group: cells sharing it run in order (same dataset, regime, teacher, seed, init, reading). */
  group: string;
}

const teacherKey = (t: TeacherSetting | undefined) => (t ? `:teacher-s${t.scale}-tau${t.tau}` : '');

function resolveRequest(ctx: CellCtx | undefined, q: CellRequest): Resolved {
  const rule = q.epochs ?? 'fixed';
  const student = q.student ?? 'network';
  const T = cellEpochs(q.ref, q.eps, rule, student);
  const criterion = q.criterion ?? ctx?.criterion ?? DEFAULT_CRITERION;
  const init = q.init ?? ctx?.init ?? WIDTH_SETTINGS.init;
  const teacher = q.regime === 'soft' ? q.teacher : undefined;
  const who = `${dataKey(q.ref)}/${q.regime}${teacherKey(teacher)}`;
  const key = `width-cell/v4/${who}/eps${q.eps}/${rule}/${settingsKey(T, student)}/${criterion}/${init}/seed${q.searchSeed}`;
  // objective and relative share their runs (both read the epoch-averaged objective); logistic runs differ; the
  // linearized student's hard ball depends on ε, so its runs are shared only within one ε
  const lin = student === 'linearized' ? `/linearized${q.regime === 'hard' ? `-eps${q.eps}` : ''}` : '';
  const group = `${who}/${q.searchSeed}/${init}${criterion === 'logistic' ? '/logistic' : ''}${lin}`;
  return { q, rule, T, criterion, init, student, teacher, earlyExit: ctx?.earlyExit ?? true, key, group };
}

/** A cached cell that has what the request needs (a floor measured only as a test does not serve 'exact'). */
function cachedCell(ctx: Pick<RunContext, 'cells'> | undefined, key: string, floor: FloorMode = 'test'): WidthSearchCell | undefined {
  const hit = cellMemo.get(key) ?? (ctx?.cells?.get(key) as WidthSearchCell | undefined);
  if (!hit || (floor === 'exact' && hit.floorLoss === null)) return undefined;
  cellMemo.set(key, hit);
  return hit;
}

/**
 * One step of a cell's computation, for a driver to run: an m* search (or floor probe), with the true labels when
 * the criterion is 'logistic' (its evaluator then scores each run's final outputs), or a batch of plain trainings.
 */
type CellStep = { kind: 'search'; opts: MinWidthOptions; logisticOn?: Float64Array } | { kind: 'tasks'; tasks: TrainTask[] };

/**
 * A cell as a sequence of steps (so the in-process and the pooled drivers cannot drift apart): the m* search, the
 * loss-floor probe at max(m_ref, 2·m*), then one full training at m* (the four losses and the lazy diagnostics)
 * beside two one-neuron single-sign students (+1, and −1 as +1 on the flipped targets 1 − p).
 */
function* cellFlow(r: Resolved): Generator<CellStep, WidthSearchCell, unknown> {
  const { q, T, criterion, init, student, teacher } = r;
  const ds = loadData(q.ref);
  const s = WIDTH_SETTINGS;
  let memo = jobMemo.get(r.group);
  if (!memo) jobMemo.set(r.group, (memo = new Map()));
  const teacherOpts: TeacherOptions | undefined = teacher ? { kind: 'ntk', scale: teacher.scale, tau: teacher.tau } : undefined;
  const targets = resolveTargets(ds, q.regime, teacherOpts);
  const epsS = searchEps(criterion, q.eps, targets.p);
  const logisticOn = criterion === 'logistic' ? ds.y : undefined;
  const ball = student === 'linearized' && q.regime === 'hard' ? { radius: (s.hardBallFactor * Math.log(1 / q.eps)) / marginOf(q.ref).gammaUpper } : {};
  const common = { regime: q.regime, seeds: s.seeds, seed: q.searchSeed, successFraction: s.successFraction, T, eta: s.eta, memo, earlyExit: r.earlyExit, init, student, teacher: teacherOpts, ...ball };
  const search = { ...common, eps: epsS, mMax: mMaxOf(student) };
  const res = (yield { kind: 'search', opts: search, logisticOn }) as MinWidthResult;
  const mRef = res.mStar !== null && 2 * res.mStar > s.mRef ? 2 * res.mStar : s.mRef;
  const floorRun = (yield { kind: 'search', opts: { ...floorSearch(search, q.floor === 'exact'), probe: mRef }, logisticOn }) as MinWidthResult;
  const floorLoss = lossFloor(floorRun);
  if (floorLoss === Infinity) throw new Error(`widthCell: the floor run did not reach m_ref = ${mRef} (a bug)`);
  const tLimited = floorRunTLimited(floorRun, epsS);

  // the student measured: at m* (or the cap), the first seed in seed order that met the criterion there
  const mMeas = res.mStar ?? res.lastFailure;
  const at = res.perWidth.find((w) => w.m === mMeas);
  const k = at ? at.runs.findIndex((x) => x !== null && x.avgLoss <= epsS) : -1;
  const measuredSeed = res.perWidth[0].seeds[Math.max(k, 0)];
  const problem: TrainProblem = { X: ds.X, n: ds.n, d: ds.d, p: targets.p };
  const job = (m: number, seed: string, p: Float64Array, stop: boolean): TrainTask => ({
    ...problem, p, m, seed, init, student, T, eta: s.eta, radius: res.radius, kernel: 'wasm', returnOutputs: true, ...(stop ? { stopAbove: epsS } : {}),
  });
  const flipped = targets.p.map((v) => 1 - v);
  const stop = criterion !== 'logistic' && r.earlyExit;
  const oneSeed = `${q.searchSeed}/single-sign`;
  const [main, plus, minus] = (yield {
    kind: 'tasks',
    tasks: [job(mMeas, measuredSeed, targets.p, false), { ...job(1, oneSeed, targets.p, stop), init: 'balanced' }, { ...job(1, oneSeed, flipped, stop), init: 'balanced' }],
  }) as TaskResult[];
  const net0 = initNet(mMeas, ds.d, measuredSeed, init);
  const lazy = lazyStatus({ ...net0, W: main.W as Float64Array }, net0, ds.X, ds.n);
  const losses = cellLosses(main.avgLoss, main.f as Float64Array, targets.p, ds.y);
  const negY = ds.y.map((v) => -v);
  // a one-neuron student with sign −1 on p is the sign +1 student on 1 − p with its output negated
  const meets = (t: TaskResult, y: Float64Array) => (criterion === 'logistic' ? meanLogistic(t.f as Float64Array, y) <= epsS : t.epochs === T && t.avgLoss <= epsS);
  const zeroPredictor = zeroMeets(criterion, q.eps, targets.p);
  const singleSign = meets(plus, ds.y) || meets(minus, negY);
  const trivial: TrivialStatus = { zeroPredictor, singleSign, trivial: zeroPredictor || singleSign };

  const Ttheory = uncappedEpochs(q.ref, q.eps, r.rule);
  const censor: Censoring =
    tLimited ? { lower: res.lastFailure, upper: res.mStar, reason: 'T-limited' }
    : res.mStar === null ? { lower: res.lastFailure, upper: null, reason: 'above-cap' }
    : Ttheory > T ? { lower: 0, upper: res.mStar, reason: 'T-capped' }
    : { lower: res.lastFailure, upper: res.mStar, reason: 'exact' };
  const margin = marginOf(q.ref);
  const cell: WidthSearchCell = {
    dataset: ds.name ?? dataKey(q.ref),
    dataKey: dataKey(q.ref),
    n: ds.n,
    d: ds.d,
    regime: q.regime,
    eps: q.eps,
    epochRule: r.rule,
    T,
    gamma: margin.gammaUpper,
    gammaLower: margin.gammaLower,
    mStar: res.mStar,
    floorLoss,
    applicable: !tLimited && censor.reason !== 'T-capped' && !trivial.trivial,
    perWidth: res.perWidth.map((w) => ({ m: w.m, success: w.success })),
    trainings: res.trainings + floorRun.trainings + 3,
    epochsTrained: res.epochsTrained + floorRun.epochsTrained + main.epochs + plus.epochs + minus.epochs,
    criterion,
    init,
    student,
    radius: Number.isFinite(res.radius) ? res.radius : null,
    Ttheory,
    censor,
    losses,
    lazy,
    measuredSeed,
    trivial,
  };
  const tl = targets.teacher;
  if (teacher || (q.regime === 'soft' && tl)) {
    const sum = tl?.summary ?? {};
    cell.teacher = {
      scale: Number(sum.scale ?? teacher?.scale),
      tau: Number(sum.tau ?? teacher?.tau),
      logistic: tl ? meanLogistic(tl.logits, ds.y) : NaN,
      accuracy: tl ? 1 - zeroOneError(tl.logits, ds.y) : NaN,
    };
  }
  return cell;
}

/** An evaluator scoring each run by the logistic loss of its final outputs on labels y (criterion 'logistic'). */
function logisticTasks(problem: TrainProblem, jobs: readonly TrainJob[]): TrainTask[] {
  // no early stop: the running objective says nothing about the final logistic loss
  return jobs.map((j) => ({ ...problem, ...j, stopAbove: undefined, kernel: 'wasm', returnOutputs: true }));
}
const scoreLogistic = (y: Float64Array) => (r: TaskResult): JobLoss => ({ avgLoss: meanLogistic(r.f as Float64Array, y), epochs: r.epochs });

/** Run a cell's steps in this thread. */
function runCellSync(r: Resolved): WidthSearchCell {
  const flow = cellFlow(r);
  let step = flow.next();
  while (!step.done) {
    const st = step.value;
    if (st.kind === 'tasks') step = flow.next(st.tasks.map((t) => runTask(t)));
    else {
      const y = st.logisticOn;
      const evaluateSync = y ? (pr: TrainProblem, jobs: readonly TrainJob[]) => logisticTasks(pr, jobs).map((t) => scoreLogistic(y)(runTask(t))) : evaluateFast;
      step = flow.next(minWidth(loadData(r.q.ref), { ...st.opts, evaluateSync }));
    }
  }
  return step.value;
}

/** Run a cell's steps on a pool. */
async function runCellPooled(r: Resolved, pool: TrainPool): Promise<WidthSearchCell> {
  const flow = cellFlow(r);
  const plain = pool.evaluator({ kernel: 'wasm' });
  let step = flow.next();
  while (!step.done) {
    const st = step.value;
    if (st.kind === 'tasks') step = flow.next(await pool.runJobs(st.tasks));
    else {
      const y = st.logisticOn;
      const evaluate = y ? async (pr: TrainProblem, jobs: readonly TrainJob[]) => (await pool.runJobs(logisticTasks(pr, jobs))).map(scoreLogistic(y)) : plain;
      step = flow.next(await minWidthAsync(loadData(r.q.ref), { ...st.opts, evaluate }));
    }
  }
  return step.value;
}

function store(ctx: Pick<RunContext, 'cells'> | undefined, key: string, cell: WidthSearchCell): WidthSearchCell {
  cellMemo.set(key, cell);
  ctx?.cells?.set(key, cell);
  return cell;
}

/**
 * Measure one cell (see module doc). `searchSeed` is the base of the init seeds (minWidth's `seed`); `choice` sets
 * the criterion, the initialisation and the soft teacher (each defaulting to the run's, see {@link CellChoice}).
 * @throws whatever minWidth/gammaRkhs/the data loaders throw for a bad recipe (InputError naming the field).
 */
export function widthCell(
  ctx: CellCtx | undefined,
  ref: DataRef,
  regime: Regime,
  eps: number,
  searchSeed: string,
  epochs: EpochRule = 'fixed',
  floorMode: FloorMode = 'test',
  choice: CellChoice = {},
): WidthSearchCell {
  const r = resolveRequest(ctx, { ref, regime, eps, searchSeed, epochs, floor: floorMode, ...choice });
  return cachedCell(ctx, r.key, floorMode) ?? store(ctx, r.key, runCellSync(r));
}

export interface CellRequest extends CellChoice {
  ref: DataRef;
  regime: Regime;
  eps: number;
  searchSeed: string;
  /** @defaultValue 'fixed' */
  epochs?: EpochRule;
  /** @defaultValue 'test' */
  floor?: FloorMode;
}

/** Read a prefetched (or compute a missing) cell of a request. */
export function cellOf(ctx: CellCtx | undefined, q: CellRequest): WidthSearchCell {
  const { criterion, init, teacher, student } = q;
  return widthCell(ctx, q.ref, q.regime, q.eps, q.searchSeed, q.epochs, q.floor, { criterion, init, teacher, student });
}

/**
 * Measure a known list of cells on all cores before a claim reads them with {@link widthCell} (which then hits the
 * memo). Trainings run in a TrainPool (src/train/pool/pool.ts; NTK_VERIFY_WORKERS workers) on the WebAssembly path (runTask),
 * which gives the same numbers as the in-process search bit for bit (both run runTask). Cells that share a training memo (same
 * dataset, regime, teacher, seed, initialisation and reading) run one after another in the order given, so memo
 * hits, `trainings` counts and results.json are exactly those of the sequential run; different groups run
 * concurrently. Each finished cell is reported to ctx.progress as it lands.
 */
export async function prefetchWidthCells(ctx: (CellCtx & Pick<RunContext, 'progress'>) | undefined, requests: readonly CellRequest[]): Promise<void> {
  const groups = new Map<string, Resolved[]>();
  for (const q of requests) {
    const r = resolveRequest(ctx, q);
    if (cachedCell(ctx, r.key, q.floor)) continue;
    groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  }
  if (groups.size === 0) return;
  const total = [...groups.values()].reduce((k, g) => k + g.length, 0);
  let done = 0;
  const pool = new TrainPool();
  try {
    await Promise.all(
      [...groups.values()].map(async (group) => {
        for (const r of group) {
          if (cachedCell(ctx, r.key, r.q.floor)) continue;
          const cell = store(ctx, r.key, await runCellPooled(r, pool));
          ctx?.progress?.(++done, total, `cells measured (last: ${cell.dataset}, ${r.q.regime}, ε = ${r.q.eps}, m* = ${cell.mStar ?? '—'})`);
        }
      }),
    );
  } finally {
    await pool.close();
  }
}

/**
 * The search itself is not T-limited (the mutants' test of the machinery: they read m* as measured, trivial or not).
 */
export const notTLimited = (c: WidthSearchCell): boolean => c.censor.reason !== 'T-limited';

/** Why a measured cell is not evidence by itself (null: it is), in words for reports. */
export function cellExclusion(c: WidthSearchCell): string | undefined {
  if (c.censor?.reason === 'T-limited' || (!c.censor && !c.applicable)) return 'T-limited';
  if (c.censor?.reason === 'T-capped') return `T-capped: theory budget ${c.Ttheory} above the cap ${c.T}`;
  if (c.trivial?.trivial) return c.trivial.zeroPredictor ? 'trivial: f ≡ 0 meets the criterion' : 'trivial: a one-neuron single-sign student meets the criterion';
  return undefined;
}

/**
 * The shared WidthCell of types.ts for a measured cell, with the bound at the fitted constant. A cell is counted
 * unless it is T-limited or T-capped (censored), trivial (this module's rules), or the claim gives another reason
 * to leave it out (`leftOut`). The cell data (losses, censoring, lazy diagnostics, trivial test) travel with it.
 */
export function toWidthCell(c: WidthSearchCell, bound?: number, leftOut?: string): WidthCell {
  const excluded = cellExclusion(c) ?? leftOut;
  const cell: WidthCell = { dataset: c.dataset, regime: c.regime, gamma: c.gamma, eps: c.eps, mStar: c.mStar, bound, seeds: WIDTH_SETTINGS.seeds, T: c.T, applicable: excluded === undefined };
  if (excluded !== undefined) cell.excluded = excluded;
  Object.assign(cell, cellData(c));
  return cell;
}

/** The typed per-cell data other claims and reports read (results.json `cells[]` fields beyond m*). */
export function cellData(c: WidthSearchCell): Pick<WidthCell, 'n' | 'criterion' | 'init' | 'student' | 'radius' | 'Ttheory' | 'censor' | 'losses' | 'lazy' | 'trivial' | 'teacher'> {
  const out: ReturnType<typeof cellData> = { n: c.n, criterion: c.criterion, init: c.init, Ttheory: c.Ttheory, censor: c.censor, losses: c.losses, lazy: c.lazy, trivial: c.trivial };
  if (c.student === 'linearized') out.student = c.student;
  if (c.radius !== null && c.radius !== undefined && Number.isFinite(c.radius)) out.radius = c.radius;
  if (c.teacher) out.teacher = c.teacher;
  return out;
}

/** The epoch rule of a claim's cells and the range of T it gave (for metrics). */
export function epochMetrics(cells: WidthSearchCell[]): Record<string, number | string> {
  const Ts = cells.map((c) => c.T);
  const rule = cells[0]?.epochRule ?? 'fixed';
  return rule === 'fixed'
    ? { epochRule: rule, T: WIDTH_SETTINGS.T }
    : { epochRule: rule, cT: WIDTH_SETTINGS.schedule.cT, Tmin: Math.min(...Ts), Tmax: Math.max(...Ts) };
}
