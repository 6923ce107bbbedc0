/**
 * `ntk-verify width`: the m* search on one dataset, with the theory's bound at the dataset's margin, as a
 * JSON-ready object. The margin is the RKHS reading γ_rkhs of the infinite-width NTK (src/margin/gammaRkhs.ts),
 * a certified bracket [lower, upper]; the bound is evaluated at γ = lower, which can only make the bound larger
 * (the claim "m* ≤ bound" is then tested at its most lenient certified value) — the value at `upper` is shown too.
 * Source: bounds src/bounds/laws.ts; search src/bounds/minWidth.ts [INFERRED, see there].
 */
import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { type RkhsMargin } from '../margin/gammaRkhs.js';
import { separabilityOf, type Separability } from '../margin/separability.js';
import type { JobEvaluator, JobLoss } from '../train/job.js';
import { DEFAULT_ETA, DEFAULT_T } from '../train/defaults.js';
import { theoryEpochs, THEORY_EPOCHS } from '../train/epochs.js';
import { C_HARD, C_SOFT } from './constants.js';
import { FLOOR_FACTOR, FLOOR_REF_WIDTH, floorRunTLimited, floorSearch, lossFloor } from './lossFloor.js';
import { DEFAULT_SUCCESS_FRACTION, minWidth, minWidthAsync, type MinWidthOptions, type MinWidthResult, type WidthOutcome } from './minWidth.js';
import { widthHard, widthSoft } from './laws.js';

export interface WidthReportOptions extends Omit<MinWidthOptions, 'T'> {
  /** Epochs, or 'theory' for T(γ, ε) = theoryEpochs(γ_rkhs upper, ε, η) (src/train/epochs.ts). @defaultValue DEFAULT_T */
  T?: number | 'theory';
  /** Constant of the bound. @defaultValue C_SOFT or C_HARD by regime (src/bounds/constants.ts) */
  C?: number;
  /** A precomputed γ_rkhs of ds (skips the solve; must belong to ds). */
  margin?: RkhsMargin;
  /** Called when the loss-floor probe at m_ref is decided (progress display). */
  onFloor?: (outcome: WidthOutcome) => void;
}

/**
 * Run the search and assemble the report.
 * @returns JSON-ready: { dataset, regime, eps, mStar, bound, gamma, separability (the one rule of
 *          src/margin/separability.ts: separable, decidedBy, rule), lossFloor (T-limit check, ./lossFloor.ts), criterion, settings, seeds, perWidth,
 *          evaluations, trainings, assumptions, wallSeconds } (Infinity written as null).
 * @throws  as minWidth; the bound is null (with a reason) rather than an error when γ cannot be certified > 0
 *          or ε is out of the hard bound's range (ε ≥ 1).
 */
export function widthReport(ds: Dataset, opts: WidthReportOptions): Record<string, unknown> {
  const t0 = performance.now();
  const { margin, sep, searchOpts } = prepare(ds, opts);
  const floorRun = minWidth(ds, { ...floorSearch(searchOpts, searchOpts.earlyExit === false), onWidth: opts.onFloor });
  const result = minWidth(ds, searchOpts);
  return assemble(ds, opts, margin, sep, result, floorRun, (performance.now() - t0) / 1000);
}

/** {@link widthReport} with a pluggable evaluator (worker pool); same output. */
export async function widthReportAsync(
  ds: Dataset,
  opts: WidthReportOptions & { evaluate?: JobEvaluator },
): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const { margin, sep, searchOpts } = prepare(ds, opts);
  const floorRun = await minWidthAsync(ds, { ...floorSearch(searchOpts, searchOpts.earlyExit === false), onWidth: opts.onFloor, evaluate: opts.evaluate });
  const result = await minWidthAsync(ds, { ...searchOpts, evaluate: opts.evaluate });
  return assemble(ds, opts, margin, sep, result, floorRun, (performance.now() - t0) / 1000);
}

function prepare(ds: Dataset, opts: WidthReportOptions): { margin: RkhsMargin; sep: Separability; searchOpts: MinWidthOptions } {
  const { margin, gram: K, ...sep } = separabilityOf(ds, { margin: opts.margin });
  const teacher = opts.teacher ?? {};
  const T = opts.T === 'theory' ? theoryEpochs(theoryGamma(margin, sep), opts.eps, opts.eta ?? DEFAULT_ETA) : opts.T;
  // The loss-floor run (T-limit check) reuses the search's trainings through a shared memo.
  const memo = opts.memo ?? new Map<string, JobLoss>();
  // Hand the Gram and margin to the NTK teacher so the soft regime does not solve the same problem twice.
  const searchOpts: MinWidthOptions =
    opts.regime === 'soft' && !ds.p && (teacher.kind ?? 'ntk') === 'ntk'
      ? { ...opts, T, memo, teacher: { ...teacher, kind: 'ntk', gram: K, margin } }
      : { ...opts, T, memo };
  return { margin, sep, searchOpts };
}

/**
 * γ for the theory schedule: the certified upper end (as the verify claims use). Data that the separability
 * rule (src/margin/separability.ts) does not call separable are refused.
 */
function theoryGamma(margin: RkhsMargin, sep: Separability): number {
  if (!sep.separable || !(margin.upper > 0)) {
    throw new InputError('--epochs', `"theory" needs NTK-separable data (γ > 0), but ${sep.decidedBy}; give an integer --epochs`);
  }
  return margin.upper;
}

function boundAt(regime: 'soft' | 'hard', gamma: number, eps: number, C: number): number | string {
  if (!(gamma > 0)) return 'not computed: gamma could not be certified > 0 (data not NTK-separable at solver precision)';
  if (regime === 'hard' && !(eps < 1)) return 'not computed: the hard bound needs eps < 1 (ln(1/eps) > 0)';
  return regime === 'soft' ? widthSoft(gamma, eps, C) : widthHard(gamma, eps, C);
}

function assemble(
  ds: Dataset,
  opts: WidthReportOptions,
  margin: RkhsMargin,
  sep: Separability,
  r: MinWidthResult,
  floorRun: MinWidthResult,
  wallSeconds: number,
): Record<string, unknown> {
  const floor = lossFloor(floorRun);
  const tLimited = floorRunTLimited(floorRun, r.eps);
  const C = opts.C ?? (opts.regime === 'soft' ? C_SOFT : C_HARD);
  const atLower = boundAt(opts.regime, margin.lower, r.eps, C);
  const atUpper = boundAt(opts.regime, margin.upper, r.eps, C);
  const formula = opts.regime === 'soft' ? 'C_soft / (gamma^2 eps)' : 'C_hard ln(1/eps) / gamma^4';
  const seeds = r.perWidth[0]?.seeds ?? [];
  return {
    dataset: { name: ds.name ?? null, n: ds.n, d: ds.d },
    regime: opts.regime,
    eps: r.eps,
    mStar: r.mStar,
    lastFailure: r.lastFailure,
    bound: {
      formula,
      C,
      gamma: margin.lower,
      value: typeof atLower === 'number' ? atLower : null,
      valueAtGammaUpper: typeof atUpper === 'number' ? atUpper : null,
      note: typeof atLower === 'string' ? atLower : undefined,
      mStarWithinBound: r.mStar !== null && typeof atLower === 'number' ? r.mStar <= atLower : null,
    },
    gamma: { kind: 'rkhs', lower: margin.lower, upper: margin.upper, status: margin.status },
    separability: { separable: sep.separable, decidedBy: sep.decidedBy, rule: sep.rule },
    lossFloor: {
      rule: `median epoch-averaged loss over the seeds at m = ${FLOOR_REF_WIDTH}; T-limited when above eps/${FLOOR_FACTOR}`,
      value: floor !== null && Number.isFinite(floor) ? floor : null,
      measured:
        floor === null
          ? `as a test only: with early exits, "median <= eps/${FLOOR_FACTOR}" was decided without the median's value (--no-early-exit measures it)`
          : 'value of the median',
      tLimited,
      note: tLimited
        ? `T-limited: at T = ${r.T} the loss at m = ${FLOOR_REF_WIDTH} stays above eps/${FLOOR_FACTOR}, so m* (if any) measures the epoch budget rather than width${opts.T === 'theory' ? '; raise --epochs' : '; try --epochs theory or a larger --epochs'}`
        : undefined,
    },
    criterion: {
      statement: `avgLoss <= eps in at least ${r.required} of ${seeds.length} seeds`,
      seeds: seeds.length,
      successFraction: opts.successFraction ?? DEFAULT_SUCCESS_FRACTION,
      required: r.required,
    },
    settings: {
      T: r.T,
      epochRule:
        opts.T === 'theory' ? `theory: ⌈${THEORY_EPOCHS.cT}/(η γ² ε)⌉ clamped to [${THEORY_EPOCHS.Tmin}, ${THEORY_EPOCHS.Tmax}], γ = γ_rkhs upper`
        : opts.T === undefined ? `fixed default T = ${DEFAULT_T}, the same for every γ and ε (--epochs theory scales T with the margin, as the width claims do)`
        : 'given (--epochs)',
      eta: r.eta,
      radius: Number.isFinite(r.radius) ? r.radius : null,
      radiusRule: r.radiusRule,
      mMax: r.mMax,
      relTol: r.relTol,
      init: r.init,
      student: r.student,
      targets: r.targets.source,
      teacher: r.targets.teacher?.summary ?? null,
    },
    seeds,
    perWidth: r.perWidth.map(({ m, runs, avgLosses, successes, criterionLoss, success }) => ({
      m,
      avgLosses,
      epochsRun: runs.map((run) => run?.epochs ?? 0),
      successes,
      criterionLoss,
      success,
    })),
    evaluations: r.evaluations + floorRun.evaluations,
    trainings: r.trainings + floorRun.trainings,
    epochsTrained: r.epochsTrained + floorRun.epochsTrained,
    earlyExit: r.earlyExit,
    assumptions: [
      r.mStar === null
        ? `m* search: geometric grid 1, 2, 4, … up to mMax = ${r.mMax}: no width reached eps (lastFailure = ${r.lastFailure}).`
        : `m* search: geometric grid 1, 2, 4, … up to mMax = ${r.mMax}, then bisection (relTol ${r.relTol}); assumes success is monotone in m (not guaranteed): m* = ${r.mStar} succeeded, lastFailure = ${r.lastFailure} failed.`,
      `success at a width: epoch-averaged training loss (1/T) Σ_{t<T} R(W(t)) <= eps in >= ${r.required} of ${seeds.length} init seeds (same seeds at every width).`,
      r.earlyExit
        ? `exact early exits: a run stops at the epoch where its running loss sum exceeds eps·T (its average can no longer reach eps; avgLosses null, epochsRun < T), and a width stops training seeds once ${r.required} succeeded or ${seeds.length - r.required + 1} failed (epochsRun 0); m* and every success are those of the full search (--no-early-exit).`
        : 'no early exits: every seed of every width trained for all T epochs.',
      'gamma: RKHS margin of the infinite-width NTK, certified bracket; the bound uses the lower end.',
      `bound constant C = ${C} is ours (order from the paper's abstract); see src/bounds/constants.ts.`,
      opts.regime === 'soft'
        ? `soft targets from ${r.targets.source}; projected GD, radius rule: ${r.radiusRule}.`
        : `hard targets p = (1+y)/2; GD on the logistic loss, radius rule: ${r.radiusRule}.`,
      r.student === 'linearized'
        ? 'student: the network linearized at W(0) (activation patterns frozen; GD in function space with the width-m empirical NTK, src/train/linearized.ts).'
        : 'student: the two-layer network itself.',
    ],
    wallSeconds,
  };
}
