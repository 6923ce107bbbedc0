/**
 * Claim:      the phase diagram of the separation. On a (γ, ε) grid of n = 100 datasets reaching γ ≤ ε, soft labels
 *             need no more neurons than hard labels where γ ≤ ε: m*_soft ≤ m*_hard, read as the paper states the
 *             bounds (each regime's own epoch-averaged objective ≤ ε, or the run's --criterion). The same grid is
 *             reported under a commensurate reading for both regimes (the objective relative to the regime's trivial
 *             predictor f ≡ 0, src/verify/cellMeasures.ts), and where the two readings disagree that is reported. The figure draws
 *             m*_hard/m*_soft over (γ, ε), log-log, with the lines γ = ε and γ² = ε·ln(1/ε).
 * Source:     Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract: soft O(1/(γ²ε)) vs hard O(ln(1/ε)/γ⁴), soft labels
 *             winning on hard data, γ ≤ ε [RECALLED]; the grid, the yardstick and the decision rule are ours [INFERRED].
 *             Both for the network and for its linearization at W(0) (src/train/linearized.ts), the lazy model the
 *             theorems describe: the network's m* is set by feature learning (a few neurons fit), the linearized
 *             student's by how many random NTK features the data need, the quantity the width bounds control.
 * Confidence: an ordering counts only where the censoring intervals decide it (m*_soft's upper end ≤ m*_hard's lower
 *             end, or m*_soft's lower end > m*_hard's upper end): a cell above the search cap still orders against a
 *             smaller exact m*; T-limited
 *             cells and trivial cells (f ≡ 0 or a one-neuron single-sign student meets the criterion) are never
 *             evidence; T-capped cells give only an upper end. Verified iff at least one γ ≤ ε pair is decided and
 *             every decided γ ≤ ε pair has m*_soft ≤ m*_hard, for either student, under the paper's reading; refuted
 *             iff a decided γ ≤ ε pair of either student has m*_soft > m*_hard; inconclusive otherwise. m* from 3 inits (2 must reach ε), balanced pairs.
 * Design:     MNIST 0 vs 1 (PCA 10, σ = 0), 2 vs 7 (PCA 5, σ = 0), 4 vs 9 (PCA 10, σ = 1), 3 vs 5 (PCA 5, σ = 0.5) and
 *             synthetic linear, teacher, xor (d = 5, difficulty 0.9), n = 100, γ ≈ 0.23 … 0.04; ε ∈ {0.1, 0.05}; both
 *             regimes at the theory epoch
 *             budget T(γ, ε) = ⌈40/(η γ² ε)⌉ ≤ 100000 (src/train/epochs.ts). Teacher robustness: the soft cells of the
 *             γ ≤ ε datasets at ε = 0.05 again with teacher scale ∈ {1, 2, 4} × τ ∈ {1, 2}. `verify --profile full`
 *             adds ε = 0.02, seven more datasets (down to γ ≈ 0.03, T-capped) and every ε to the teacher grid;
 *             `verify --quick` keeps 0 vs 1, linear, xor and 4 vs 9 at ε = 0.1 and teacher scale ∈ {1, 4}.
 *             Linearized students: circular harmonics (PHASE.harmonicDegrees) at PHASE.linearizedEps, searched up to
 *             m = 2048, hard runs projected onto 2·ln(1/ε)/γ; the γ-exponent of their m* is fitted with every cell as
 *             its censoring interval (src/verify/widthExponents.ts censoredSlope) and reported beside the bounds' 2 and 4.
 */
import { softFavouredBoundaryEps } from '../../src/bounds/laws.js';
import { NTK_TEACHER_SCALE, NTK_TEACHER_TAU } from '../../src/teacher/ntkTeacher.js';
import { aggregateClaim } from '../../src/verify/aggregateClaim.js';
import { fmt } from '../../src/verify/propertyClaim.js';
import type { ClaimResult, RunContext } from '../../src/verify/types.js';
import type { Criterion } from '../../src/verify/cellMeasures.js';
import type { Student } from '../../src/train/linearized.js';
import { censoredSlope, fmtInterval, widthInterval } from '../../src/verify/widthExponents.js';
import {
  cellExclusion, cellOf, marginOf, prefetchWidthCells, toWidthCell, WIDTH_SETTINGS,
  type CellRequest, type DataRef, type TeacherSetting, type WidthSearchCell,
} from '../../src/verify/widthCells.js';

/** 'quick' is `verify --quick` (CI-sized), 'default' the default verify, 'full' `verify --profile full`. */
type Profile = 'quick' | 'default' | 'full';

/** The grid of the claim (see Design). */
export const PHASE = {
  n: 100,
  eps: { quick: [0.1], default: [0.1, 0.05], full: [0.1, 0.05, 0.02] } as Record<Profile, number[]>,
  teacherScales: [1, 2, 4],
  /** Teacher scales of the quick grid (both ends). */
  teacherScalesQuick: [1, 4],
  teacherTaus: [1, 2],
  /** ε of the teacher grid in the default profile (every ε in the full one, 0.1 in the quick one). */
  teacherEps: 0.05,
  /**
   * The commensurate reading beside the paper's: the objective relative to each regime's trivial predictor f ≡ 0
   * (one fraction of each regime's do-nothing loss; exact early exits). The logistic loss on the true labels is the
   * other one-yardstick reading (`--criterion logistic`); it is not the default here because a soft student
   * inherits its teacher's logistic loss (0.27–0.57 nats at scale 1, measured), so under it m*_soft is above any cap
   * at ε ≤ 0.2 and each such search trains every width to the end.
   */
  yardstick: 'relative' as Criterion,
  /**
   * The linearized students' grid (src/train/linearized.ts: the network with its activation patterns frozen at W(0),
   * the lazy model the theorems describe): circular harmonics of degree k (n = 100, d = 2, difficulty 0.5;
   * src/data/circularHarmonic.ts), whose γ falls about as 1/k (0.17, 0.073, 0.037, 0.020, 0.012 for k = 2 … 32 on
   * the default seed), at the ε below. Hard students are projected onto ‖W − W(0)‖_F ≤ 2·ln(1/ε)/γ, soft ones onto
   * twice their teacher's norm (WIDTH_SETTINGS.hardBallFactor, RADIUS_FACTOR_SOFT); the theory budget is capped at
   * WIDTH_SETTINGS.TmaxLinearized = 10⁶ epochs instead of 10⁵ (their epochs cost O(n²) whatever m).
   */
  harmonicDegrees: { quick: [2, 8], default: [2, 4, 8, 16], full: [2, 4, 8, 16, 32] } as Record<Profile, number[]>,
  linearizedEps: { quick: [0.1], default: [0.1], full: [0.1, 0.05] } as Record<Profile, number[]>,
};

/** The linearized students' datasets (see PHASE.harmonicDegrees). */
export function harmonicData(seed: number, profile: Profile): DataRef[] {
  return PHASE.harmonicDegrees[profile].map((degree) => ({ source: 'synthetic', spec: { kind: 'harmonic', degree, n: PHASE.n, d: 2, difficulty: 0.5, seed: `phase-${seed}-harmonic` } }));
}

/** The datasets of a run (seeds derive from the run seed). */
export function phaseData(seed: number, profile: Profile): DataRef[] {
  const n = PHASE.n;
  const syn = (kind: 'linear' | 'xor' | 'teacher', difficulty: number): DataRef => ({ source: 'synthetic', spec: { kind, n, d: 5, difficulty, seed: `phase-${seed}-${kind}` } });
  const mnist = (digits: [number, number], dim: number, noise: number): DataRef => ({ source: 'mnist', opts: { digits, n, dim, noise, seed: `phase-${seed}` } });
  // γ ≈ 0.23 (0v1) … 0.04 (4v9 PCA 10, σ = 1; 3v5 PCA 5, σ = 0.5; xor δ = 0.9) on the default seed: γ ≤ ε/2 at ε = 0.1
  // with T(γ, ε) under its cap; the smallest γ that keeps T ≤ 100000 at ε = 0.05 is 0.045
  if (profile === 'quick') return [mnist([0, 1], 10, 0), syn('linear', 0.9), syn('xor', 0.9), mnist([4, 9], 10, 1)];
  const compact = [mnist([0, 1], 10, 0), mnist([2, 7], 5, 0), syn('linear', 0.9), syn('teacher', 0.9), syn('xor', 0.9), mnist([4, 9], 10, 1), mnist([3, 5], 5, 0.5)];
  if (profile === 'default') return compact;
  return [...compact, syn('linear', 0), syn('linear', 0.6), syn('xor', 0.6), syn('xor', 1), mnist([4, 9], 5, 0), mnist([3, 5], 10, 1), mnist([4, 9], 5, 1)];
}

const searchSeed = (seed: number) => `phase-${seed}`;

interface Pair {
  ref: DataRef;
  eps: number;
  soft: WidthSearchCell;
  hard: WidthSearchCell;
}

/**
 * The widths m* can take given a cell's censoring, [lo, hi], or null when the cell is no evidence (T-limited or
 * trivial): exact → [m*, m*]; T-capped → [1, m*] (a longer run could only lower it); above the cap → (mMax, ∞).
 */
function interval(c: WidthSearchCell): { lo: number; hi: number } | null {
  if (c.censor.reason === 'T-limited' || c.trivial.trivial) return null;
  if (c.censor.reason === 'above-cap') return { lo: c.censor.lower + 1, hi: Infinity };
  return { lo: c.censor.reason === 'T-capped' ? 1 : (c.mStar as number), hi: c.mStar as number };
}

/** The order the censoring intervals decide: 'soft<=hard', 'soft>hard', or null (undecided, or no evidence). */
export function decidedOrder(soft: WidthSearchCell, hard: WidthSearchCell): 'soft<=hard' | 'soft>hard' | null {
  const s = interval(soft);
  const h = interval(hard);
  if (!s || !h) return null;
  if (s.hi <= h.lo) return 'soft<=hard';
  if (s.lo > h.hi) return 'soft>hard';
  return null;
}

/** The cell requests of a run, in the order the claim reads them. */
function plan(ctx: RunContext) {
  const profile: Profile = ctx.profile === 'full' ? 'full' : ctx.quick ? 'quick' : 'default';
  const data = phaseData(ctx.seed, profile);
  const s = searchSeed(ctx.seed);
  const base = (ref: DataRef, regime: 'soft' | 'hard', eps: number, criterion?: Criterion, teacher?: TeacherSetting, student?: Student): CellRequest => {
    const q: CellRequest = { ref, regime, eps, searchSeed: s, epochs: 'theory' };
    if (criterion) q.criterion = criterion;
    if (teacher) q.teacher = teacher;
    if (student) q.student = student;
    return q;
  };
  const pairsOf = (g: { ref: DataRef; eps: number }[], criterion?: Criterion, student?: Student) =>
    g.map(({ ref, eps }) => ({ ref, eps, soft: base(ref, 'soft', eps, criterion, undefined, student), hard: base(ref, 'hard', eps, criterion, undefined, student) }));
  const grid = data.flatMap((ref) => PHASE.eps[profile].map((eps) => ({ ref, eps })));
  const paper = pairsOf(grid);
  const yard = pairsOf(grid, PHASE.yardstick);
  const linGrid = harmonicData(ctx.seed, profile).flatMap((ref) => PHASE.linearizedEps[profile].map((eps) => ({ ref, eps })));
  const linPaper = pairsOf(linGrid, undefined, 'linearized');
  const linYard = pairsOf(linGrid, PHASE.yardstick, 'linearized');
  const teacherEps = profile === 'full' ? PHASE.eps.full : profile === 'quick' ? PHASE.eps.quick : [PHASE.teacherEps];
  // the default teacher (scale 1, τ = 1) is the paper reading's own soft cell: requested without a setting, so it is shared
  const teachers = (profile === 'quick' ? PHASE.teacherScalesQuick : PHASE.teacherScales).flatMap((scale) => PHASE.teacherTaus.map((tau) => (scale === NTK_TEACHER_SCALE && tau === NTK_TEACHER_TAU ? undefined : { scale, tau })));
  return { data, grid, paper, yard, linPaper, linYard, teacherEps, teachers, base };
}

const pairOf = (ctx: RunContext, p: { ref: DataRef; eps: number; soft: CellRequest; hard: CellRequest }): Pair => ({
  ref: p.ref, eps: p.eps, soft: cellOf(ctx, p.soft), hard: cellOf(ctx, p.hard),
});

function tally(pairs: Pair[]) {
  const inRegime = pairs.filter((p) => p.soft.gamma <= p.eps);
  const order = (p: Pair) => decidedOrder(p.soft, p.hard);
  return {
    inRegime,
    decided: inRegime.filter((p) => order(p) !== null),
    softFewerOrTie: inRegime.filter((p) => order(p) === 'soft<=hard'),
    violations: inRegime.filter((p) => order(p) === 'soft>hard'),
  };
}

const ratioText = (p: Pair) => `${p.hard.mStar ?? `>${p.hard.censor.lower}`}/${p.soft.mStar ?? `>${p.soft.censor.lower}`}`;

/** Points of the phase figure: each decided pair by its ratio class, undecided pairs apart, and the two lines. */
function phaseSeries(pairs: Pair[]): { x: number; y: number; group: string }[] {
  const pts = pairs.map((p) => {
    const o = decidedOrder(p.soft, p.hard);
    const exact = p.soft.mStar !== null && p.hard.mStar !== null;
    const group = o === null ? 'undecided (censored or trivial)'
      : o === 'soft>hard' ? 'soft needs more (m*_hard/m*_soft < 1)'
      : exact && p.soft.mStar === p.hard.mStar ? 'tie (ratio 1)'
      : 'soft needs fewer (m*_hard/m*_soft > 1)';
    return { x: p.soft.gamma, y: p.eps, group };
  });
  const gs = pairs.map((p) => p.soft.gamma);
  const lo = Math.min(...gs, ...pairs.map((p) => p.eps)) / 1.5;
  const hi = Math.max(...gs) * 1.5;
  const xs = Array.from({ length: 25 }, (_, k) => lo * (hi / lo) ** (k / 24));
  const diag = xs.map((g) => ({ x: g, y: g, group: 'γ = ε' }));
  const boundary = xs.flatMap((g) => {
    const e = softFavouredBoundaryEps(g);
    return e === null ? [] : [{ x: g, y: e, group: 'γ² = ε·ln(1/ε)' }];
  });
  return [...pts, ...diag, ...boundary];
}

/** log10 of the largest over the smallest exact m* among counted cells (the decades the sweep spans). */
function spanDecades(cells: WidthSearchCell[]): { min: number | null; max: number | null; decades: number | null } {
  const ms = cells.filter((c) => cellExclusion(c) === undefined && c.censor.reason === 'exact' && c.mStar !== null).map((c) => c.mStar as number);
  if (ms.length === 0) return { min: null, max: null, decades: null };
  const min = Math.min(...ms);
  const max = Math.max(...ms);
  return { min, max, decades: Math.log10(max / min) };
}

/** One student's grid under both readings, tallied. */
interface Readings {
  paper: Pair[];
  yard: Pair[];
  A: ReturnType<typeof tally>;
  B: ReturnType<typeof tally>;
  /** γ ≤ ε pairs both readings decide, differently. */
  disagree: Pair[];
  /** The paper reading's cells (soft, hard per pair) and the relative reading's. */
  cells: WidthSearchCell[];
  yardCells: WidthSearchCell[];
  span: ReturnType<typeof spanDecades>;
}

function readings(paper: Pair[], yard: Pair[]): Readings {
  const disagree = paper.filter((x, k) => {
    const a = decidedOrder(x.soft, x.hard);
    const b = decidedOrder(yard[k].soft, yard[k].hard);
    return x.soft.gamma <= x.eps && a !== null && b !== null && a !== b;
  });
  const cells = paper.flatMap((x) => [x.soft, x.hard]);
  return { paper, yard, A: tally(paper), B: tally(yard), disagree, cells, yardCells: yard.flatMap((x) => [x.soft, x.hard]), span: spanDecades(cells) };
}

function spanMetrics(cells: WidthSearchCell[], prefix: string): ClaimResult['metrics'] {
  const s = spanDecades(cells);
  return { [`${prefix}mStarMin`]: s.min, [`${prefix}mStarMax`]: s.max, [`${prefix}mStarSpanDecades`]: s.decades };
}

/** The counts of one student's grid (metric names prefixed; the network's keep their unprefixed names). */
function readingMetrics(r: Readings, prefix: string): ClaimResult['metrics'] {
  if (r.paper.length === 0) return {};
  const counted = r.cells.filter((c) => cellExclusion(c) === undefined);
  return {
    [`${prefix}pairs`]: r.paper.length,
    [`${prefix}pairsGammaLeEps`]: r.A.inRegime.length,
    [`${prefix}pairsGammaLeHalfEps`]: r.paper.filter((x) => x.soft.gamma <= x.eps / 2).length,
    [`${prefix}decidedGammaLeEps`]: r.A.decided.length,
    [`${prefix}softNoMoreGammaLeEps`]: r.A.softFewerOrTie.length,
    [`${prefix}violationsGammaLeEps`]: r.A.violations.length,
    [`${prefix}yardstickDecidedGammaLeEps`]: r.B.decided.length,
    [`${prefix}yardstickSoftNoMoreGammaLeEps`]: r.B.softFewerOrTie.length,
    [`${prefix}yardstickViolationsGammaLeEps`]: r.B.violations.length,
    [`${prefix}readingsDisagree`]: r.disagree.length,
    [`${prefix}countedCellsGammaLeEps`]: counted.filter((c) => c.gamma <= c.eps).length,
    [`${prefix}censoredCells`]: r.cells.filter((c) => c.censor.reason !== 'exact').length,
    [`${prefix}trivialCells`]: r.cells.filter((c) => c.trivial.trivial).length,
    [`${prefix}lazyCells`]: r.cells.filter((c) => c.lazy.lazy).length,
    [`${prefix}cells`]: r.cells.length,
    ...spanMetrics(r.cells, prefix),
    [`${prefix}gammaMin`]: Math.min(...r.paper.map((x) => x.soft.gamma)),
    [`${prefix}gammaMax`]: Math.max(...r.paper.map((x) => x.soft.gamma)),
    [`${prefix}Tmax`]: Math.max(...r.cells.map((c) => c.T)),
  };
}

/** The table of m*_hard/m*_soft over one student's grid, one metric row per (dataset, ε). */
function tableRows(metrics: ClaimResult['metrics'], r: Readings, prefix: string): void {
  const flag = (c: WidthSearchCell) => cellExclusion(c) ?? (c.censor.reason === 'above-cap' ? 'above cap' : 'counted');
  for (const [k, x] of r.paper.entries()) {
    const y = r.yard[k];
    metrics[`phase${prefix ? ` (${prefix.trim()})` : ''}: γ=${fmt(x.soft.gamma)} ε=${x.eps} ${x.soft.dataset}`] =
      `objective ${ratioText(x)} [soft ${flag(x.soft)}, hard ${flag(x.hard)}]; relative ${ratioText(y)} [soft ${flag(y.soft)}, hard ${flag(y.hard)}]; T=${x.soft.T}`;
  }
}

/** m* against γ for the linearized students: one point per cell, by regime and reading, censored cells apart. */
function mStarSeries(r: Readings): { x: number; y: number; group: string }[] {
  const pts = (pairs: Pair[], reading: string) => pairs.flatMap((x) => (['soft', 'hard'] as const).flatMap((regime) => {
    const c = x[regime];
    const m = c.mStar ?? c.censor.lower;
    if (!(m > 0)) return [];
    const how = cellExclusion(c) ?? (c.censor.reason === 'exact' ? '' : c.censor.reason);
    return [{ x: c.gamma, y: m, group: `${regime}, ${reading}, ε = ${x.eps}${how ? ` (${how})` : ''}` }];
  }));
  return [...pts(r.paper, 'objective'), ...pts(r.yard, 'relative')];
}

export const phaseDiagramClaim = aggregateClaim({
  id: 'phase-diagram',
  title: 'Phase diagram: where γ ≤ ε soft labels need no more neurons than hard labels, under both readings of "loss ≤ ε"',
  statement: 'γ ≤ ε ⇒ m*_soft ≤ m*_hard on every pair the censoring decides (the paper\'s reading: each regime\'s own objective ≤ ε); the same grid under a commensurate reading (objective relative to f ≡ 0) is reported beside it',
  source: 'Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract, soft labels win on hard data (γ ≤ ε) [RECALLED]; grid, yardstick and decision rule ours [INFERRED]',
  confidence: 'orderings decided by censoring intervals only; T-limited and trivial cells never count; verified iff ≥ 1 decided γ ≤ ε pair and none with m*_soft > m*_hard',
  mutant: false,
  kind: 'theorem',
  data: `n = ${PHASE.n}: network students on MNIST 0v1 (PCA 10), 2v7 (PCA 5), 4v9 (PCA 10, σ = 1), 3v5 (PCA 5, σ = 0.5), synthetic linear/teacher/xor (d = 5, difficulty 0.9), ε ∈ {${PHASE.eps.default.join(', ')}} (full profile: more datasets, ε = 0.02), soft teacher scale ∈ {${PHASE.teacherScales.join(', ')}} × τ ∈ {${PHASE.teacherTaus.join(', ')}}; linearized students on circular harmonics of degree ${PHASE.harmonicDegrees.default.join(', ')} (d = 2), ε ∈ {${PHASE.linearizedEps.default.join(', ')}} (full profile: degree 32 and ε = 0.05); both regimes, theory epoch budget`,
  async evaluate(ctx) {
    const p = plan(ctx);
    // teacher robustness only where the regime is reached (γ ≤ ε; γ is known before any training)
    const teacherReqs = p.grid
      .filter(({ ref, eps }) => p.teacherEps.includes(eps) && marginOf(ref).gammaUpper <= eps)
      .flatMap(({ ref, eps }) => p.teachers.map((t) => p.base(ref, 'soft', eps, undefined, t)));
    const both = (xs: { soft: CellRequest; hard: CellRequest }[]) => xs.flatMap((x) => [x.soft, x.hard]);
    await prefetchWidthCells(ctx, [...both(p.paper), ...both(p.yard), ...teacherReqs, ...both(p.linPaper), ...both(p.linYard)]);
    const net = readings(p.paper.map((x) => pairOf(ctx, x)), p.yard.map((x) => pairOf(ctx, x)));
    const lin = readings(p.linPaper.map((x) => pairOf(ctx, x)), p.linYard.map((x) => pairOf(ctx, x)));
    const teacherCells = teacherReqs.map((q) => cellOf(ctx, q));
    const metrics: ClaimResult['metrics'] = {
      criterion: net.paper[0]?.soft.criterion ?? 'objective',
      yardstick: PHASE.yardstick,
      init: net.paper[0]?.soft.init ?? WIDTH_SETTINGS.init,
      profile: ctx.profile === 'full' ? 'full' : ctx.quick ? 'quick' : 'default',
      ...readingMetrics(net, ''),
      ...readingMetrics(lin, 'linearized '),
      ...spanMetrics([...net.cells, ...lin.cells], 'all students '),
      eta: WIDTH_SETTINGS.eta,
      mMax: WIDTH_SETTINGS.mMax,
      'linearized mMax': WIDTH_SETTINGS.mMaxLinearized,
      'linearized hard ball': `‖W − W(0)‖_F ≤ ${WIDTH_SETTINGS.hardBallFactor}·ln(1/ε)/γ`,
    };
    for (const regime of ['soft', 'hard'] as const) {
      const cs = lin.paper.map((x) => x[regime]);
      const fit = censoredSlope(cs.map(widthInterval), 'invGamma', cs.map((c) => String(c.eps)));
      metrics[`linearized ${regime}: γ-exponent of m* (censored fit, 99 %)`] = fit ? `${fmtInterval(fit, fmt)} (the bound's ${regime === 'soft' ? 2 : 4})` : 'too few distinct γ';
    }
    tableRows(metrics, net, '');
    tableRows(metrics, lin, 'linearized ');
    for (const c of teacherCells) {
      const t = c.teacher!;
      metrics[`teacher: ${c.dataset} ε=${c.eps} scale=${t.scale} τ=${t.tau}`] =
        `m*_soft ${c.mStar ?? `>${c.censor.lower}`} (${cellExclusion(c) ?? 'counted'}); teacher logistic ${fmt(t.logistic)}, accuracy ${fmt(t.accuracy)}; R̂(f≡0) ${fmt(c.losses.trivialObjective)}`;
    }
    const beside = (why: string) => (c: WidthSearchCell) => toWidthCell(c, undefined, why);
    const cells = [
      ...net.cells.map((c) => toWidthCell(c)),
      ...lin.cells.map((c) => toWidthCell(c)),
      // the other reading and the teacher grid are listed with their own data but kept out of the paper reading's fits
      ...net.yardCells.map(beside('commensurate reading (relative), reported beside')),
      ...lin.yardCells.map(beside('commensurate reading (relative), linearized students, reported beside')),
      ...teacherCells.map((c) => toWidthCell(c, undefined, `teacher grid (scale ${c.teacher?.scale}, τ = ${c.teacher?.tau}), reported beside`)),
    ];
    const series = {
      'phase-diagram-loglog': phaseSeries(net.paper),
      'phase-diagram-yardstick-loglog': phaseSeries(net.yard),
      'phase-diagram-linearized-loglog': phaseSeries(lin.paper),
      'linearized-mstar-vs-gamma-loglog': mStarSeries(lin),
    };
    const say = (r: Readings) => `γ ≤ ε on ${r.A.inRegime.length} of ${r.paper.length} (dataset, ε) pairs; objective reading: ${r.A.softFewerOrTie.length} decided m*_soft ≤ m*_hard, ${r.A.violations.length} the reverse, ${r.A.inRegime.length - r.A.decided.length} undecided; relative reading: ${r.B.softFewerOrTie.length} / ${r.B.violations.length} / ${r.B.inRegime.length - r.B.decided.length}; readings disagree on ${r.disagree.length}; counted m* span ${r.span.min ?? '—'}…${r.span.max ?? '—'}`;
    const text = `network students: ${say(net)}. Linearized students (harmonic datasets): ${say(lin)}`;
    const violation = net.A.violations[0] ?? lin.A.violations[0];
    if (violation) {
      const v = violation;
      return { verdict: 'refuted', evidence: `${text}; e.g. ${v.soft.dataset} (${v.soft.student}), γ = ${fmt(v.soft.gamma)}, ε = ${v.eps}: m*_soft = ${v.soft.mStar} > m*_hard = ${v.hard.mStar}`, metrics, cells, series };
    }
    if (net.A.decided.length + lin.A.decided.length === 0) return { verdict: 'inconclusive', evidence: `${text}; no γ ≤ ε pair decided`, metrics, cells, series };
    return { verdict: 'verified', evidence: text, metrics, cells, series };
  },
});
