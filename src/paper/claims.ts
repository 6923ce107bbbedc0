/**
 * The reproduction's claims, each checked per teacher of the ablation, per student model and per digit pair
 * (or pooled over pairs), with a stated test:
 *   soft-beats-hard   test accuracy, soft ≥ hard at small widths (paired sign test over σ × m × seeds);
 *   soft-lower-loss   test loss (logistic, true labels), soft ≤ hard at small widths (same test) — ours, extra;
 *   gap-grows         the small-width accuracy gap soft − hard grows with σ (Spearman, permutations in seeds);
 *   gap-vs-margin     pooled over pairs: the gap is larger where the measured NTK margin γ is smaller — the
 *                     theory's own difficulty axis, which also carries the pairs' natural difficulty (Spearman
 *                     ρ(γ, gap) over every (pair, σ, seed), permutations within seeds; effect size ρ and the OLS
 *                     slope of the gap per unit ln γ, each with a seed-cluster bootstrap interval);
 *   gamma-falls       the NTK margin γ of the training split falls as σ grows (same trend test; teacher-free).
 * Verdicts (the verify suite's Verdict type, src/verify/types.ts), after Holm's correction over the claims of one
 * family (one kind × teacher × model, over pairs; gap-vs-margin over teachers × models):
 *   verified if the adjusted one-sided p in the claim's direction is ≤ α AND the effect size (mean paired
 *   difference, OLS slope) points the same way; refuted if the adjusted p in the opposite direction is ≤ α and
 *   the effect size points that way; inconclusive otherwise (no significant difference, or the rank test and
 *   the effect size disagree); not-applicable when there are no data (the teacher could not be fitted).
 * Each claim ends with a conclusion: what was found, under which teacher, and — when the paper's observation
 * does not show — the measured reason (the teacher's lead over the hard-label students, which bounds what its
 * soft labels can add).
 * Source of the claims: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract [VERIFIED]: "soft-label training
 * consistently outperforms hard-label training in accuracy, with the performance gap becoming more
 * pronounced as the dataset becomes increasingly difficult to classify"; γ as the measure of difficulty is the
 * abstract's "when γ ≤ ε, i.e. when the dataset is challenging" [VERIFIED]; the operationalisation (noise σ
 * and digit pairs as difficulty, small = m ≤ smallWidthMax, teachers, tests) is ours [INFERRED].
 */
import { linearRegression, sampleRankCorrelation } from 'simple-statistics';
import { deriveSeed, makeRng } from '../rng.js';
import type { Verdict } from '../verify/types.js';
import { bootstrapCI } from '../stats/inference.js';
import { bootstrapMeanCi, holm, meanOf, signTest, spearmanTrend } from '../stats/pairedTests.js';
import type { CellRecord, StudentModel } from './cell.js';
import { MODELS, pairLabel, smallWidths, studentPair } from './aggregate.js';
import type { PaperConfig, TeacherKind } from './config.js';

export type PaperVerdict = Verdict;
export type ClaimKind = 'soft-beats-hard' | 'soft-lower-loss' | 'gap-grows' | 'gap-vs-margin' | 'gamma-falls';
export const CLAIM_KINDS: readonly ClaimKind[] = ['soft-beats-hard', 'soft-lower-loss', 'gap-grows', 'gap-vs-margin', 'gamma-falls'];

export interface PaperClaim {
  id: string;
  kind: ClaimKind;
  teacher: TeacherKind | null;
  model: StudentModel | null;
  /** Digit pair, or "pooled" for claims over every pair. */
  pair: string;
  title: string;
  statement: string;
  source: string;
  /** The test, its level and the correction, in words. */
  test: string;
  verdict: PaperVerdict;
  evidence: string;
  /** What was found, under which teacher, and what would have to differ for the paper's observation to show. */
  conclusion: string;
  metrics: Record<string, number | string | null>;
}

/** Bootstrap resamples for the effect-size intervals (reported, not used for verdicts). */
export const BOOTSTRAP_RESAMPLES = 2000;
/** Coverage of the reported bootstrap intervals. */
export const CI_LEVEL = 0.95;

const SOURCE =
  'Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract [VERIFIED]; operationalisation (σ = pixel noise and digit pairs as difficulty, small widths, teachers, tests) ours [INFERRED]';

const f3 = (v: number) => (Number.isFinite(v) ? (v >= 0 ? '+' : '') + v.toFixed(3) : '—');
const a2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const fp = (p: number) => (p < 1e-4 ? p.toExponential(1) : p.toPrecision(2));

interface Raw {
  id: string;
  kind: ClaimKind;
  teacher: TeacherKind | null;
  model: StudentModel | null;
  pair: string;
  pFor: number;
  pAgainst: number;
  /** Sign of the effect size in the claim's direction: +1 for it, −1 against, 0 none/undefined. */
  effect: number;
  /** No data at all: the verdict is not-applicable. */
  empty: boolean;
  build: (adjFor: number, adjAgainst: number, verdict: Verdict) => Omit<PaperClaim, 'id' | 'kind' | 'teacher' | 'model' | 'pair' | 'verdict'>;
}

const modelName = (m: StudentModel) => (m === 'two-layer' ? 'two-layer student (first layer trained)' : 'two-hidden-layer MLP');
export const teacherName = (t: TeacherKind) => (t === 'ntk' ? 'kernel-limit NTK teacher' : 'wide-network teacher');
const idPart = (s: string) => s.replace(/ /g, '');

/** One point per cell where the teacher was fitted: the paired small-width differences and their mean. */
interface CellGap {
  pair: string;
  sigma: number;
  seed: number;
  gamma: number;
  d: number[];
  mean: number;
}

/** Paired differences (soft − hard of `value`, signed so that > 0 favours soft) at the small widths, per cell. */
function cellGaps(c: PaperConfig, cells: readonly CellRecord[], teacher: TeacherKind, model: StudentModel, value: 'acc' | 'loss'): CellGap[] {
  const out: CellGap[] = [];
  for (const cell of cells) {
    const d: number[] = [];
    for (const m of smallWidths(c, model)) {
      const { soft, hard } = studentPair(cell, model, m, teacher);
      if (soft && hard) d.push(value === 'acc' ? soft.testAccuracy - hard.testAccuracy : hard.testLoss - soft.testLoss);
    }
    if (d.length) out.push({ pair: pairLabel(cell.pair), sigma: cell.sigma, seed: cell.seed, gamma: cell.gammaUpper, d, mean: meanOf(d) });
  }
  return out;
}

/**
 * Per σ: the teacher's mean test accuracy, the hard students' mean small-width test accuracy and the mean gap —
 * the numbers a conclusion needs (the teacher's lead over the hard students bounds what soft labels can add).
 */
function profile(c: PaperConfig, cells: readonly CellRecord[], teacher: TeacherKind, model: StudentModel) {
  return c.sigmas.map((sigma) => {
    const here = cells.filter((x) => x.sigma === sigma);
    const recs = here.map((x) => x.teachers.find((t) => t.kind === teacher)).filter((t) => t !== undefined && t.testAccuracy !== null);
    const tAcc = recs.map((t) => t!.testAccuracy as number);
    const num = (v: (number | null | undefined)[]) => (v.every((x) => typeof x === 'number') && v.length ? meanOf(v as number[]) : NaN);
    const hard = here.flatMap((x) => smallWidths(c, model).map((m) => studentPair(x, model, m, teacher).hard?.testAccuracy)).filter((v): v is number => typeof v === 'number');
    const gaps = cellGaps(c, here, teacher, model, 'acc').map((g) => g.mean);
    const teacherAcc = tAcc.length ? meanOf(tAcc) : NaN;
    const hardAcc = hard.length ? meanOf(hard) : NaN;
    return {
      sigma,
      teacherAcc,
      hardAcc,
      lead: teacherAcc - hardAcc,
      gap: gaps.length ? meanOf(gaps) : NaN,
      confidenceSd: num(recs.map((t) => t!.confidenceSd)),
      disagreement: num(recs.map((t) => t!.labelDisagreement)),
    };
  });
}

type Profile = ReturnType<typeof profile>;

function profileText(p: Profile): string {
  return p.map((r) => `σ = ${r.sigma}: teacher ${a2(r.teacherAcc)}, hard students ${a2(r.hardAcc)}, gap ${f3(r.gap)}`).join('; ');
}

/** Why the observation did or did not show, from the teacher's lead over the hard students by σ. */
function whyText(p: Profile, verdict: Verdict, what: 'advantage' | 'growth'): string {
  const first = p[0];
  const last = p[p.length - 1];
  if (!first || !last || !Number.isFinite(first.lead) || !Number.isFinite(last.lead)) return 'No teacher data: nothing can be concluded.';
  const leadText = `the teacher's lead over the hard-label students goes from ${f3(first.lead)} (σ = ${first.sigma}) to ${f3(last.lead)} (σ = ${last.sigma})`;
  if (verdict === 'verified') return `Consistent with the paper: ${leadText}. ${labelText(last)}`;
  if (what === 'growth' && last.lead < first.lead)
    return `Not the paper's observation: ${leadText}. Soft labels can only pass on what the teacher knows beyond the hard labels; here that shrinks as the data get harder, so for the gap to grow the teacher would have to keep (or widen) its lead at high noise — e.g. a teacher fitted on more or cleaner images.`;
  if (Math.max(...p.map((r) => r.lead)) <= 0.01)
    return `Not the paper's observation: ${leadText} — the teacher is hardly better than the students it teaches, so its soft labels carry little beyond the hard labels. A more accurate teacher would have to be used for soft labels to help.`;
  return `Not the paper's observation, although ${leadText}: the students at these widths do not turn the teacher's lead into accuracy. ${labelText(last)}`;
}

/** What the soft labels carry beyond the hard labels at one σ: confidence spread and label corrections. */
function labelText(r: Profile[number]): string {
  if (!Number.isFinite(r.confidenceSd) || !Number.isFinite(r.disagreement)) return '';
  const flat = r.confidenceSd < 0.05;
  return `At σ = ${r.sigma} the soft labels' confidence varies by sd ${r.confidenceSd.toFixed(3)} over the training points and they contradict ${(100 * r.disagreement).toFixed(1)} % of the noisy training labels${flat ? ': close to uniform label smoothing, they pass on the sign of each label and little else — a teacher with graded confidence, one that does not interpolate the noisy labels, would be needed' : ''}.`;
}

function pairedRaw(c: PaperConfig, cells: readonly CellRecord[], teacher: TeacherKind, model: StudentModel, pair: string, kind: 'soft-beats-hard' | 'soft-lower-loss', runSeed: string): Raw {
  const widths = smallWidths(c, model);
  const d = cellGaps(c, cells, teacher, model, kind === 'soft-beats-hard' ? 'acc' : 'loss').flatMap((g) => g.d);
  const id = `${kind}/${teacher}/${model}/${idPart(pair)}`;
  const st = signTest(d);
  const ci = d.length ? bootstrapMeanCi(d, BOOTSTRAP_RESAMPLES, CI_LEVEL, makeRng(deriveSeed(runSeed, 'paper', 'bootstrap', id))) : [NaN, NaN];
  const meanD = d.length ? meanOf(d) : NaN;
  const what = kind === 'soft-beats-hard' ? 'acc_soft − acc_hard' : 'loss_hard − loss_soft (nats)';
  const prof = profile(c, cells, teacher, model);
  return {
    id,
    kind,
    teacher,
    model,
    pair,
    pFor: st.pGreater,
    pAgainst: st.pLess,
    effect: Number.isFinite(meanD) ? Math.sign(meanD) : 0,
    empty: d.length === 0,
    build: (adjFor, adjAgainst, verdict) => ({
      title: kind === 'soft-beats-hard' ? `Soft ≥ hard test accuracy at small widths, ${pair} (${teacher}, ${model})` : `Soft ≤ hard test loss at small widths, ${pair} (${teacher}, ${model})`,
      statement:
        kind === 'soft-beats-hard'
          ? `On MNIST ${pair}, the ${modelName(model)} of width m ∈ {${widths.join(', ')}} trained on the ${teacherName(teacher)}'s soft labels reaches at least the test accuracy of the same network trained on hard labels (same data, noise and initialisation).`
          : `On MNIST ${pair}, the ${modelName(model)} of width m ∈ {${widths.join(', ')}} trained on the ${teacherName(teacher)}'s soft labels has at most the test loss (logistic loss against the true labels) of the one trained on hard labels. Not in the abstract: added because test loss is measured.`,
      source: kind === 'soft-beats-hard' ? SOURCE : `ours [INFERRED], companion of the accuracy claim; ${SOURCE}`,
      test: `exact one-sided sign tests (binomial tails via jStat's incomplete beta) on the ${d.length} paired differences ${what} over σ × m ≤ ${c.smallWidthMax} × seeds, ties dropped; Holm over the ${c.pairs.length} pairs; α = ${c.alpha} per direction; a verdict also needs the mean difference to point its way`,
      evidence: `mean ${what} = ${f3(meanD)} [${CI_LEVEL * 100}% bootstrap CI ${f3(ci[0])}, ${f3(ci[1])}]; soft better in ${st.wins}, worse in ${st.losses}, tied in ${st.ties}; p(soft better) = ${fp(st.pGreater)} (Holm ${fp(adjFor)}), p(hard better) = ${fp(st.pLess)} (Holm ${fp(adjAgainst)})`,
      conclusion: `${verdict} under the ${teacherName(teacher)} (${modelName(model)}, ${pair}): mean ${what} ${f3(meanD)} [${f3(ci[0])}, ${f3(ci[1])}]. By σ — ${profileText(prof)}. ${whyText(prof, verdict, 'advantage')}`,
      metrics: {
        pairs: d.length,
        meanDifference: meanD,
        ciLower: ci[0],
        ciUpper: ci[1],
        softBetter: st.wins,
        hardBetter: st.losses,
        ties: st.ties,
        pSoftBetter: st.pGreater,
        pHardBetter: st.pLess,
        pSoftBetterHolm: adjFor,
        pHardBetterHolm: adjAgainst,
      },
    }),
  };
}

function trendRaw(c: PaperConfig, cells: readonly CellRecord[], teacher: TeacherKind | null, model: StudentModel | null, pair: string, kind: 'gap-grows' | 'gamma-falls', runSeed: string): Raw {
  const id = teacher && model ? `${kind}/${teacher}/${model}/${idPart(pair)}` : `${kind}/${idPart(pair)}`;
  const up = kind === 'gap-grows';
  const pts = up
    ? cellGaps(c, cells, teacher!, model!, 'acc').map((g) => ({ sigma: g.sigma, seed: g.seed, y: g.mean }))
    : cells.map((cell) => ({ sigma: cell.sigma, seed: cell.seed, y: cell.gammaUpper }));
  const x = pts.map((p) => p.sigma);
  const y = pts.map((p) => p.y);
  const rng = makeRng(deriveSeed(runSeed, 'paper', 'permutation', id));
  const tr = pts.length >= 3 ? spearmanTrend(x, y, c.permutations, rng, pts.map((p) => p.seed)) : { rho: null, pIncreasing: 1, pDecreasing: 1, permutations: c.permutations };
  const slope = pts.length >= 2 && new Set(x).size >= 2 ? linearRegression(pts.map((p) => [p.sigma, p.y])).m : NaN;
  const bySigma = c.sigmas.map((s) => {
    const v = pts.filter((p) => p.sigma === s).map((p) => p.y);
    return v.length ? meanOf(v) : NaN;
  });
  const pFor = up ? tr.pIncreasing : tr.pDecreasing;
  const pAgainst = up ? tr.pDecreasing : tr.pIncreasing;
  const label = up ? 'gap (soft − hard accuracy, mean over small widths)' : 'γ_rkhs (upper end of the certified bracket)';
  const prof = up ? profile(c, cells, teacher!, model!) : [];
  return {
    id,
    kind,
    teacher,
    model,
    pair,
    pFor,
    pAgainst,
    effect: Number.isFinite(slope) ? Math.sign(up ? slope : -slope) : 0,
    empty: pts.length === 0,
    build: (adjFor, adjAgainst, verdict) => ({
      title: up ? `Gap soft − hard grows with noise σ, ${pair} (${teacher}, ${model})` : `Margin γ falls as noise σ grows, ${pair}`,
      statement: up
        ? `On MNIST ${pair}, the test-accuracy gap soft − hard of the ${modelName(model!)} at widths ≤ ${c.smallWidthMax}, soft labels from the ${teacherName(teacher!)}, increases with the pixel noise σ ∈ {${c.sigmas.join(', ')}}.`
        : `On MNIST ${pair}, the NTK margin γ_rkhs of the students' training split (n = ${c.n}) decreases as the pixel noise σ ∈ {${c.sigmas.join(', ')}} grows.`,
      source: SOURCE,
      test: `Spearman ρ(σ, ${up ? 'gap' : 'γ'}) over ${pts.length} (σ, seed) points, one-sided permutation p-value with ${c.permutations} permutations of σ within each seed (the seed fixes the images and the noise pattern), (1 + b)/(B + 1); Holm over the ${c.pairs.length} pairs; α = ${c.alpha} per direction; a verdict also needs the OLS slope over σ (effect size) to point its way`,
      evidence: `ρ = ${tr.rho === null ? 'undefined (no variance)' : tr.rho.toFixed(3)}, OLS slope ${Number.isFinite(slope) ? slope.toPrecision(3) : '—'} per unit σ; mean ${up ? 'gap' : 'γ'} by σ: ${c.sigmas.map((s, k) => `${s}: ${up ? f3(bySigma[k]) : Number.isFinite(bySigma[k]) ? bySigma[k].toPrecision(3) : '—'}`).join(', ')}; p(${up ? 'increasing' : 'decreasing'}) = ${fp(pFor)} (Holm ${fp(adjFor)}), p(${up ? 'decreasing' : 'increasing'}) = ${fp(pAgainst)} (Holm ${fp(adjAgainst)})`,
      conclusion: up
        ? `${verdict} under the ${teacherName(teacher!)} (${modelName(model!)}, ${pair}). By σ — ${profileText(prof)}. ${whyText(prof, verdict, 'growth')}`
        : `${verdict}: γ by σ ${c.sigmas.map((s, k) => `${s}: ${Number.isFinite(bySigma[k]) ? bySigma[k].toPrecision(3) : '—'}`).join(', ')}. ${verdict === 'verified' ? 'Pixel noise makes the task harder on the theory\'s own axis, so σ is a fair difficulty knob.' : 'Pixel noise does not lower the margin here: σ would not be a difficulty knob on the theory\'s axis.'}`,
      metrics: {
        points: pts.length,
        rho: tr.rho,
        slope: Number.isFinite(slope) ? slope : null,
        pClaimDirection: pFor,
        pOppositeDirection: pAgainst,
        pClaimDirectionHolm: adjFor,
        pOppositeDirectionHolm: adjAgainst,
        ...Object.fromEntries(c.sigmas.map((s, k) => [`mean@sigma=${s}`, Number.isFinite(bySigma[k]) ? bySigma[k] : null])),
        quantity: label,
      },
    }),
  };
}

/** Spearman ρ and OLS slope of gap on ln γ over points (NaN when undefined). */
function marginEffect(pts: readonly CellGap[]): { rho: number; slope: number } {
  const x = pts.map((p) => Math.log(p.gamma));
  const y = pts.map((p) => p.mean);
  if (pts.length < 3 || new Set(x).size < 2) return { rho: NaN, slope: NaN };
  return { rho: sampleRankCorrelation(x, y), slope: linearRegression(pts.map((p, k) => [x[k], p.mean])).m };
}

function marginRaw(c: PaperConfig, cells: readonly CellRecord[], teacher: TeacherKind, model: StudentModel, runSeed: string): Raw {
  const id = `gap-vs-margin/${teacher}/${model}`;
  const pts = cellGaps(c, cells, teacher, model, 'acc');
  const rng = makeRng(deriveSeed(runSeed, 'paper', 'permutation', id));
  const tr = pts.length >= 3 ? spearmanTrend(pts.map((p) => Math.log(p.gamma)), pts.map((p) => p.mean), c.permutations, rng, pts.map((p) => p.seed)) : { rho: null, pIncreasing: 1, pDecreasing: 1 };
  const eff = marginEffect(pts);
  // Seed-cluster bootstrap: the seed fixes the initialisations shared by every (pair, σ), so seeds are the units.
  const clusters = [...new Set(pts.map((p) => p.seed))].map((s) => pts.filter((p) => p.seed === s));
  const boot = (stat: (v: CellGap[]) => number, what: string) =>
    clusters.length >= 2 ? bootstrapCI(clusters, (sample) => stat(sample.flat()), { resamples: BOOTSTRAP_RESAMPLES, alpha: 1 - CI_LEVEL, seed: deriveSeed(runSeed, 'paper', 'bootstrap', id, what) }) : { lower: NaN, upper: NaN };
  const rhoCi = boot((v) => marginEffect(v).rho, 'rho');
  const slopeCi = boot((v) => marginEffect(v).slope, 'slope');
  const byPair = c.pairs.map((p) => {
    const v = pts.filter((q) => q.pair === pairLabel(p));
    return { pair: pairLabel(p), gamma: v.length ? meanOf(v.map((q) => q.gamma)) : NaN, gap: v.length ? meanOf(v.map((q) => q.mean)) : NaN };
  });
  const pairText = byPair.map((b) => `${b.pair}: γ ${b.gamma.toPrecision(2)}, gap ${f3(b.gap)}`).join('; ');
  // Where the teacher stands: its mean lead over the hard students in the hardest and easiest third of γ.
  const sorted = pts.slice().sort((a, b) => a.gamma - b.gamma);
  const third = Math.max(1, Math.floor(sorted.length / 3));
  const leadOf = (v: CellGap[]) => {
    const leads = v.map((p) => {
      const cell = cells.find((x) => pairLabel(x.pair) === p.pair && x.sigma === p.sigma && x.seed === p.seed)!;
      const t = cell.teachers.find((r) => r.kind === teacher)?.testAccuracy ?? NaN;
      const hard = smallWidths(c, model).map((m) => studentPair(cell, model, m, teacher).hard?.testAccuracy ?? NaN);
      return t - meanOf(hard);
    });
    return leads.length ? meanOf(leads) : NaN;
  };
  const hardLead = leadOf(sorted.slice(0, third));
  const easyLead = leadOf(sorted.slice(-third));
  const gapHard = sorted.length ? meanOf(sorted.slice(0, third).map((p) => p.mean)) : NaN;
  const gapEasy = sorted.length ? meanOf(sorted.slice(-third).map((p) => p.mean)) : NaN;
  return {
    id,
    kind: 'gap-vs-margin',
    teacher,
    model,
    pair: 'pooled',
    pFor: tr.pDecreasing,
    pAgainst: tr.pIncreasing,
    effect: Number.isFinite(eff.slope) ? -Math.sign(eff.slope) : 0,
    empty: pts.length === 0,
    build: (adjFor, adjAgainst, verdict) => ({
      title: `Gap soft − hard is larger where the NTK margin γ is smaller, pooled over pairs (${teacher}, ${model})`,
      statement: `Over every MNIST pair and noise level, the test-accuracy gap soft − hard of the ${modelName(model)} at widths ≤ ${c.smallWidthMax}, soft labels from the ${teacherName(teacher)}, is larger on datasets with a smaller NTK margin γ_rkhs (the theory's measure of difficulty).`,
      source: SOURCE,
      test: `Spearman ρ(ln γ, gap) over ${pts.length} (pair, σ, seed) datasets, one-sided permutation p-value for ρ < 0 with ${c.permutations} permutations of the gaps within each seed (a seed's initialisations are shared by every pair and σ), (1 + b)/(B + 1); Holm over the ${c.teachers.length * MODELS.length} teacher × model claims; α = ${c.alpha} per direction; a verdict also needs the OLS slope of the gap per unit ln γ to point its way. Effect sizes ρ and slope with ${CI_LEVEL * 100}% percentile intervals from a bootstrap over seeds (${BOOTSTRAP_RESAMPLES} resamples)`,
      evidence: `ρ = ${Number.isFinite(eff.rho) ? eff.rho.toFixed(3) : '—'} [${a2(rhoCi.lower)}, ${a2(rhoCi.upper)}], slope ${Number.isFinite(eff.slope) ? f3(eff.slope) : '—'} [${f3(slopeCi.lower)}, ${f3(slopeCi.upper)}] accuracy per unit ln γ; p(gap larger at small γ) = ${fp(tr.pDecreasing)} (Holm ${fp(adjFor)}), p(smaller) = ${fp(tr.pIncreasing)} (Holm ${fp(adjAgainst)})`,
      conclusion: `${verdict} under the ${teacherName(teacher)} (${modelName(model)}): mean gap ${f3(gapHard)} on the hardest third of the datasets by γ vs ${f3(gapEasy)} on the easiest third; the teacher's lead over the hard students is ${f3(hardLead)} and ${f3(easyLead)} there. Per pair — ${pairText}. ${verdict === 'verified' ? 'Consistent with the paper on the theory\'s own axis.' : hardLead < easyLead ? 'Not the paper\'s observation: on the hard datasets the teacher\'s lead is smaller, so its soft labels carry less beyond the hard labels; a teacher that stays ahead on the hard datasets would be needed.' : 'Not the paper\'s observation although the teacher\'s lead is larger on the hard datasets: the small students do not turn it into accuracy.'}`,
      metrics: {
        points: pts.length,
        rho: Number.isFinite(eff.rho) ? eff.rho : null,
        rhoCiLower: Number.isFinite(rhoCi.lower) ? rhoCi.lower : null,
        rhoCiUpper: Number.isFinite(rhoCi.upper) ? rhoCi.upper : null,
        slopePerLnGamma: Number.isFinite(eff.slope) ? eff.slope : null,
        slopeCiLower: Number.isFinite(slopeCi.lower) ? slopeCi.lower : null,
        slopeCiUpper: Number.isFinite(slopeCi.upper) ? slopeCi.upper : null,
        pClaimDirection: tr.pDecreasing,
        pOppositeDirection: tr.pIncreasing,
        pClaimDirectionHolm: adjFor,
        pOppositeDirectionHolm: adjAgainst,
        gapHardestThird: gapHard,
        gapEasiestThird: gapEasy,
        teacherLeadHardestThird: hardLead,
        teacherLeadEasiestThird: easyLead,
      },
    }),
  };
}

/**
 * Verdict from Holm-adjusted one-sided p-values in the claim's direction and against it, and the sign of the
 * effect size in the claim's direction (+1 for, −1 against, 0 none): see the module doc.
 */
export function verdictOf(adjFor: number, adjAgainst: number, alpha: number, effect: number): PaperVerdict {
  if (adjFor <= alpha && effect > 0) return 'verified';
  if (adjAgainst <= alpha && effect < 0) return 'refuted';
  return 'inconclusive';
}

/**
 * Every claim of the reproduction, in a fixed order (kind, teacher, model, pair).
 * @param runSeed  seeds the permutations and bootstrap resamples (reproducible).
 */
export function evaluateClaims(c: PaperConfig, cells: readonly CellRecord[], runSeed: string): PaperClaim[] {
  const byPair = c.pairs.map((p) => ({ pair: pairLabel(p), cells: cells.filter((x) => x.pair[0] === p[0] && x.pair[1] === p[1]) }));
  const families: Raw[][] = [];
  for (const kind of ['soft-beats-hard', 'soft-lower-loss'] as const) {
    for (const teacher of c.teachers) for (const model of MODELS) families.push(byPair.map((g) => pairedRaw(c, g.cells, teacher, model, g.pair, kind, runSeed)));
  }
  for (const teacher of c.teachers) for (const model of MODELS) families.push(byPair.map((g) => trendRaw(c, g.cells, teacher, model, g.pair, 'gap-grows', runSeed)));
  families.push(c.teachers.flatMap((teacher) => MODELS.map((model) => marginRaw(c, cells, teacher, model, runSeed))));
  families.push(byPair.map((g) => trendRaw(c, g.cells, null, null, g.pair, 'gamma-falls', runSeed)));
  const out: PaperClaim[] = [];
  for (const fam of families) {
    const adjFor = holm(fam.map((r) => r.pFor));
    const adjAgainst = holm(fam.map((r) => r.pAgainst));
    fam.forEach((r, k) => {
      const verdict: Verdict = r.empty ? 'not-applicable' : verdictOf(adjFor[k], adjAgainst[k], c.alpha, r.effect);
      out.push({ id: r.id, kind: r.kind, teacher: r.teacher, model: r.model, pair: r.pair, verdict, ...r.build(adjFor[k], adjAgainst[k], verdict) });
    });
  }
  return out;
}
