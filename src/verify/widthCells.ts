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
import { minWidth, minWidthAsync, type MinWidthResult } from '../bounds/minWidth.js';
import { FLOOR_FACTOR, FLOOR_REF_WIDTH, floorRunTLimited, floorSearch, lossFloor } from '../bounds/lossFloor.js';
import { TrainPool } from '../train/pool/pool.js';
import { evaluateFast } from '../train/pool/task.js';
import { DEFAULT_ETA, DEFAULT_T } from '../train/defaults.js';
import { theoryEpochs, THEORY_EPOCHS } from '../train/epochs.js';
import type { JobLoss } from '../train/job.js';
import type { Regime } from '../train/regime.js';
import type { RunContext, WidthCell } from './types.js';

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
  /** Reference width of the loss floor and the T-limit factor (src/bounds/lossFloor.ts). */
  mRef: FLOOR_REF_WIDTH,
  floorFactor: FLOOR_FACTOR,
} as const;

/** How a cell's epoch budget is set (see module doc). */
export type EpochRule = 'fixed' | 'theory';

/**
 * What a cell needs of its loss floor: 'test' — only whether it is T-limited (early exits may decide that without
 * the median's value), 'exact' — the median's value too (for claims that report it).
 */
export type FloorMode = 'test' | 'exact';

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
}

const dataMemo = new Map<string, Dataset>();
const marginMemo = new Map<string, MarginInfo>();
const cellMemo = new Map<string, WidthSearchCell>();
const jobMemo = new Map<string, Map<string, JobLoss>>();

/** Canonical key of a recipe. */
export function dataKey(ref: DataRef): string {
  if (ref.source === 'synthetic') {
    const s = ref.spec;
    return `syn:${s.kind}:n${s.n}:d${s.d}:diff${s.difficulty ?? 0}:seed${String(s.seed)}`;
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

/** The epoch budget of a cell under a rule. */
export function cellEpochs(ref: DataRef, eps: number, rule: EpochRule): number {
  return rule === 'fixed' ? WIDTH_SETTINGS.T : theoryEpochs(marginOf(ref).gammaUpper, eps, WIDTH_SETTINGS.eta, WIDTH_SETTINGS.schedule);
}

function settingsKey(T: number): string {
  const s = WIDTH_SETTINGS;
  return `T${T}:eta${s.eta}:seeds${s.seeds}:sf${s.successFraction.toFixed(4)}:mMax${s.mMax}:mRef${s.mRef}:ff${s.floorFactor}:wasm-f64`;
}

function cellKey(ref: DataRef, regime: Regime, eps: number, searchSeed: string, rule: EpochRule): string {
  return `width-cell/v3/${dataKey(ref)}/${regime}/eps${eps}/${rule}/${settingsKey(cellEpochs(ref, eps, rule))}/seed${searchSeed}`;
}

/** A cached cell that has what the request needs (a floor measured only as a test does not serve 'exact'). */
function cachedCell(ctx: Pick<RunContext, 'cells'> | undefined, key: string, floor: FloorMode = 'test'): WidthSearchCell | undefined {
  const hit = cellMemo.get(key) ?? (ctx?.cells?.get(key) as WidthSearchCell | undefined);
  if (!hit || (floor === 'exact' && hit.floorLoss === null)) return undefined;
  cellMemo.set(key, hit);
  return hit;
}

/** The two searches of a cell, as minWidth options: the floor (every width to m_ref, unreachable target) and m*. */
function cellSearches(ref: DataRef, regime: Regime, eps: number, searchSeed: string, T: number, earlyExit = true, floor: FloorMode = 'test') {
  const memoKey = `${dataKey(ref)}/${regime}/${searchSeed}`;
  let memo = jobMemo.get(memoKey);
  if (!memo) jobMemo.set(memoKey, (memo = new Map()));
  const s = WIDTH_SETTINGS;
  // The floor run shares its trainings with the m* search through memo.
  const common = { regime, seeds: s.seeds, seed: searchSeed, successFraction: s.successFraction, T, eta: s.eta, memo, earlyExit };
  const search = { ...common, eps, mMax: s.mMax };
  return { floor: floorSearch(search, floor === 'exact'), search };
}

function assembleCell(ctx: Pick<RunContext, 'cells'> | undefined, key: string, q: CellRequest, floorRun: MinWidthResult, r: MinWidthResult): WidthSearchCell {
  const { ref, regime, eps } = q;
  const ds = loadData(ref);
  const margin = marginOf(ref);
  const floorLoss = lossFloor(floorRun);
  if (floorLoss === Infinity) throw new Error(`widthCell: the floor run did not reach m_ref = ${FLOOR_REF_WIDTH} (a bug)`);
  const cell: WidthSearchCell = {
    dataset: ds.name ?? dataKey(ref),
    dataKey: dataKey(ref),
    n: ds.n,
    d: ds.d,
    regime,
    eps,
    epochRule: q.epochs ?? 'fixed',
    T: r.T,
    gamma: margin.gammaUpper,
    gammaLower: margin.gammaLower,
    mStar: r.mStar,
    floorLoss,
    applicable: !floorRunTLimited(floorRun, eps),
    perWidth: r.perWidth.map((w) => ({ m: w.m, success: w.success })),
    trainings: r.trainings + floorRun.trainings,
    epochsTrained: r.epochsTrained + floorRun.epochsTrained,
  };
  cellMemo.set(key, cell);
  ctx?.cells?.set(key, cell);
  return cell;
}

/**
 * Measure one cell (see module doc). `searchSeed` is the base of the init seeds (minWidth's `seed`).
 * @throws whatever minWidth/gammaRkhs/the data loaders throw for a bad recipe (InputError naming the field).
 */
export function widthCell(
  ctx: Pick<RunContext, 'cells' | 'earlyExit'> | undefined,
  ref: DataRef,
  regime: Regime,
  eps: number,
  searchSeed: string,
  epochs: EpochRule = 'fixed',
  floorMode: FloorMode = 'test',
): WidthSearchCell {
  const q: CellRequest = { ref, regime, eps, searchSeed, epochs, floor: floorMode };
  const key = cellKey(ref, regime, eps, searchSeed, epochs);
  const hit = cachedCell(ctx, key, floorMode);
  if (hit) return hit;
  const ds = loadData(ref);
  const { floor, search } = cellSearches(ref, regime, eps, searchSeed, cellEpochs(ref, eps, epochs), ctx?.earlyExit, floorMode);
  const floorRun = minWidth(ds, { ...floor, evaluateSync: evaluateFast });
  return assembleCell(ctx, key, q, floorRun, minWidth(ds, { ...search, evaluateSync: evaluateFast }));
}

export interface CellRequest {
  ref: DataRef;
  regime: Regime;
  eps: number;
  searchSeed: string;
  /** @defaultValue 'fixed' */
  epochs?: EpochRule;
  /** @defaultValue 'test' */
  floor?: FloorMode;
}

/**
 * Measure a known list of cells on all cores before a claim reads them with {@link widthCell} (which then hits the
 * memo). Trainings run in a TrainPool (src/train/pool/pool.ts; NTK_VERIFY_WORKERS workers) on the WebAssembly path (runTask),
 * which gives the same numbers as the in-process search bit for bit (both run runTask). Cells that share a training memo (same
 * dataset, regime and seed) run one after another in the order given, so memo hits, `trainings` counts and
 * results.json are exactly those of the sequential run; different groups run concurrently. Each finished cell is
 * reported to ctx.progress as it lands.
 */
export async function prefetchWidthCells(ctx: Pick<RunContext, 'cells' | 'earlyExit' | 'progress'> | undefined, requests: readonly CellRequest[]): Promise<void> {
  const groups = new Map<string, CellRequest[]>();
  for (const q of requests) {
    if (cachedCell(ctx, cellKey(q.ref, q.regime, q.eps, q.searchSeed, q.epochs ?? 'fixed'), q.floor)) continue;
    const g = `${dataKey(q.ref)}/${q.regime}/${q.searchSeed}`;
    groups.set(g, [...(groups.get(g) ?? []), q]);
  }
  if (groups.size === 0) return;
  const total = [...groups.values()].reduce((k, g) => k + g.length, 0);
  let done = 0;
  const pool = new TrainPool();
  try {
    const evaluate = pool.evaluator({ kernel: 'wasm' });
    await Promise.all(
      [...groups.values()].map(async (group) => {
        for (const q of group) {
          const rule = q.epochs ?? 'fixed';
          const key = cellKey(q.ref, q.regime, q.eps, q.searchSeed, rule);
          if (cachedCell(ctx, key, q.floor)) continue;
          const ds = loadData(q.ref);
          const { floor, search } = cellSearches(q.ref, q.regime, q.eps, q.searchSeed, cellEpochs(q.ref, q.eps, rule), ctx?.earlyExit, q.floor);
          const floorRun = await minWidthAsync(ds, { ...floor, evaluate });
          const cell = assembleCell(ctx, key, q, floorRun, await minWidthAsync(ds, { ...search, evaluate }));
          ctx?.progress?.(++done, total, `cells measured (last: ${cell.dataset}, ${q.regime}, ε = ${q.eps}, m* = ${cell.mStar ?? '—'})`);
        }
      }),
    );
  } finally {
    await pool.close();
  }
}

/**
 * The shared WidthCell of types.ts for a measured cell, with the bound at the fitted constant. A cell is counted
 * unless it is T-limited (this module's rule) or the claim gives another reason to leave it out (`leftOut`).
 */
export function toWidthCell(c: WidthSearchCell, bound?: number, leftOut?: string): WidthCell {
  const excluded = !c.applicable ? 'T-limited' : leftOut;
  const cell: WidthCell = { dataset: c.dataset, regime: c.regime, gamma: c.gamma, eps: c.eps, mStar: c.mStar, bound, seeds: WIDTH_SETTINGS.seeds, T: c.T, applicable: excluded === undefined };
  if (excluded !== undefined) cell.excluded = excluded;
  return cell;
}

/** The epoch rule of a claim's cells and the range of T it gave (for metrics). */
export function epochMetrics(cells: WidthSearchCell[]): Record<string, number | string> {
  const Ts = cells.map((c) => c.T);
  const rule = cells[0]?.epochRule ?? 'fixed';
  return rule === 'fixed'
    ? { epochRule: rule, T: WIDTH_SETTINGS.T }
    : { epochRule: rule, cT: WIDTH_SETTINGS.schedule.cT, Tmin: Math.min(...Ts), Tmax: Math.max(...Ts) };
}
