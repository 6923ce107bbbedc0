/**
 * What report.md and report.html both show, derived once from results.json (+ timings, environment,
 * figures): rows of the summary, power, counterexample, assumption and environment tables. The report's
 * blocks (verifyDocument.ts) only lay these out.
 */
import type { Environment } from '../run/environment.js';
import type { Figure } from './plots.js';
import type { Timings } from '../run/runFiles.js';
import type { ClaimRecord, Results } from '../run/schema.js';
import { meetsExpectation } from '../run/verdict.js';

export interface ReportInput {
  results: Results;
  timings: Timings[];
  environment: Environment[];
  /** claim id → its figures. */
  figures: Map<string, Figure[]>;
}

/** Largest inline counterexample dataset, in numbers (n·d): bigger ones are summarised by shape. */
export const INLINE_DATASET_MAX_NUMBERS = 240;

/** Compact number formatting for tables: integers as is, otherwise 4 significant digits. */
export function fmtNum(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

/**
 * Header and rows of a claim's width-cell table: m* per dataset, regime, γ, ε, epoch budget T, and where recorded the
 * cell data of src/verify/widthCells.ts (criterion, censoring, the four losses, lazy diagnostics at m*, trivial test).
 */
export const CELL_HEADER = [
  'dataset', 'regime', 'γ', 'ε', 'T', 'm*', 'bound', 'seeds', 'counted',
  'criterion', 'censoring', 'objective (avg) / logistic / 0-1 / relative', 'flips / movement at m (lazy?)', 'trivial', 'teacher (scale, τ: logistic, accuracy)',
];
export function cellRows(cells: NonNullable<ClaimRecord['cells']>): string[][] {
  const f = (v: number | null | undefined) => (v === null || v === undefined ? '—' : fmtNum(v));
  return cells.map((c) => {
    const x = c as typeof c & WidthCellData;
    const cens = x.censor ? `${x.censor.reason}: (${x.censor.lower}, ${x.censor.upper ?? '∞'}]${x.Ttheory !== undefined && x.T !== undefined && x.Ttheory > x.T ? `, T(γ,ε) = ${x.Ttheory}` : ''}` : '—';
    const losses = x.losses ? `${f(x.losses.objective)} / ${f(x.losses.logistic)} / ${f(x.losses.zeroOne)} / ${f(x.losses.relative)}` : '—';
    const lin = x.student === 'linearized';
    // a linearized student trains with frozen patterns: its flips say how a network with the same weights would fare
    const lazyWord = lin ? `linearized: lazy by construction; the network at these weights ${x.lazy?.lazy ? 'would be lazy' : 'would not be'}` : x.lazy?.lazy ? 'lazy' : 'not lazy';
    const lazy = x.lazy ? `${f(x.lazy.flipFraction)} / ${f(x.lazy.relMovement)} at ${x.lazy.m} (${lazyWord})` : '—';
    const triv = x.trivial ? (x.trivial.zeroPredictor ? 'yes: f ≡ 0' : x.trivial.singleSign ? 'yes: single sign' : 'no') : '—';
    const teacher = x.teacher ? `${x.teacher.scale}, ${x.teacher.tau}: ${f(x.teacher.logistic)}, ${f(x.teacher.accuracy)}` : '—';
    return [
      c.dataset, lin ? `${c.regime} (linearized)` : c.regime, fmtNum(c.gamma), fmtNum(c.eps), c.T === undefined ? '—' : String(c.T),
      c.mStar === null ? 'not reached' : fmtNum(c.mStar), c.bound === undefined ? '—' : fmtNum(c.bound), String(c.seeds),
      c.applicable === false ? `no: ${c.excluded ?? 'left out by the claim'}` : 'yes',
      x.criterion ?? '—', cens, losses, lazy, triv, teacher,
    ];
  });
}

/** The cell data fields beyond m* (src/verify/types.ts WidthCell), optional in records written before them. */
type WidthCellData = {
  criterion?: string;
  student?: string;
  Ttheory?: number;
  censor?: { lower: number; upper: number | null; reason: string };
  losses?: { objective: number; logistic: number; zeroOne: number; relative: number | null };
  lazy?: { m: number; flipFraction: number; relMovement: number | null; lazy: boolean };
  trivial?: { zeroPredictor: boolean; singleSign: boolean; trivial: boolean };
  teacher?: { scale: number; tau: number; logistic: number; accuracy: number };
};

export function fmtValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return fmtNum(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length <= 8 && v.every((x) => typeof x !== 'object') ? `[${v.map(fmtValue).join(', ')}]` : `[${v.length} values]`;
  return JSON.stringify(v);
}

/** Flatten nested JSON objects to "a.b" → primitive (arrays summarised by fmtValue). */
export function flatten(v: unknown, prefix = ''): [string, string][] {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return Object.keys(v as object)
      .sort()
      .flatMap((k) => flatten((v as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix || 'value', fmtValue(v)]];
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The headline under the title. */
export function headline(results: Results): string {
  const s = results.summary;
  const budget = results.quick ? 'quick budgets' : 'default budgets';
  const status =
    s.exitCode === 0
      ? 'PASS: every true claim verified (or not applicable where expected) and every mutant refuted'
      : `FAIL: ${s.problems.length} problem${s.problems.length === 1 ? '' : 's'}`;
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const counts = `${s.trueClaimsVerified} verified, ${s.trueClaimsNotApplicable} not applicable, ${s.trueClaimsInconclusive} inconclusive, ${s.trueClaimsRefuted} refuted`;
  const kinds = Object.entries(s.byKind)
    .map(([k, c]) => `${KIND_LABEL[k] ?? k}: ${c.verified}/${c.claims} verified`)
    .join(', ');
  return `Seed ${results.seed} · ${budget} · ${plural(s.trueClaims, 'true claim')}: ${counts}${kinds ? ` (${kinds})` : ''} · ${plural(s.mutants, 'mutant')} (${s.mutantsRefuted} refuted) · ${status}`;
}

/** How a claim kind is named in tables and the headline. */
export const KIND_LABEL: Record<string, string> = { theorem: 'theorems', lemma: 'lemmas', 'sanity-check': 'sanity checks', unlabelled: 'unlabelled' };

/**
 * The bound a claim's evidence puts on what it did not see: for a universal claim verified by search, the failure
 * mass of its case generator (< 1 − 0.05^{1/N} at 95%); for a "w.p. ≥ 1 − δ" claim, the worst case's
 * Clopper–Pearson upper bound on the failure rate; '—' for claims decided otherwise (fits, tests).
 */
export function failureBound(r: ClaimRecord): string {
  const m = r.metrics;
  if (typeof m.failureMassUpper95 === 'number') return `failure mass < ${fmtNum(m.failureMassUpper95)} (95%, ${m.cases ?? '?'} cases)`;
  if (typeof m.worstCaseCpUpper === 'number' && r.verdict !== 'refuted') return `failure rate ≤ ${fmtNum(m.worstCaseCpUpper)} per case (δ = ${fmtValue(m.delta)})`;
  return '—';
}

export function shardNote(results: Results): string | null {
  if (!results.shard) return null;
  return `Partial result: shard ${results.shard.index}/${results.shard.count} (${results.claims.length} of ${results.workList.length} work items). Combine shards with \`ntk-verify report merge <dirs…>\`.`;
}

export interface SummaryRow {
  id: string;
  title: string;
  /** 'theorem', 'lemma', 'sanity check' or 'mutant'. */
  kind: string;
  verdict: string;
  /** See {@link failureBound}. */
  bound: string;
  ok: boolean;
  mutant: boolean;
  evidence: string;
}

export function summaryRows(results: Results): SummaryRow[] {
  return results.claims.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.mutant ? 'mutant' : (r.kind ?? 'unlabelled').replace('-', ' '),
    verdict: r.verdict,
    bound: r.mutant ? '—' : failureBound(r),
    ok: meetsExpectation(r),
    mutant: r.mutant,
    evidence: oneLine(r.evidence),
  }));
}

export interface PowerRow {
  id: string;
  title: string;
  refuted: boolean;
  n: string;
  d: string;
  evidence: string;
}

export function powerRows(results: Results): PowerRow[] {
  return results.claims
    .filter((r) => r.mutant)
    .map((r) => ({
      id: r.id,
      title: r.title,
      refuted: r.verdict === 'refuted',
      n: r.counterexample?.n !== undefined ? String(r.counterexample.n) : r.counterexample?.dataset ? String(r.counterexample.dataset.x.length) : '—',
      d: r.counterexample?.d !== undefined ? String(r.counterexample.d) : r.counterexample?.dataset?.x[0] ? String(r.counterexample.dataset.x[0].length) : '—',
      evidence: oneLine(r.evidence),
    }));
}

/** The replay command of a counterexample (the claim's own, else the standard form). */
export function replayCommand(r: ClaimRecord): string | null {
  const c = r.counterexample;
  if (!c) return null;
  return c.replay || `npx ntk-verify replay --claim ${r.id} --seed ${c.seed} --path '${c.path}'`;
}

/** Is the counterexample's dataset small enough to inline? */
export function inlineDataset(r: ClaimRecord): boolean {
  const ds = r.counterexample?.dataset;
  if (!ds) return false;
  return ds.x.length * (ds.x[0]?.length ?? 0) <= INLINE_DATASET_MAX_NUMBERS;
}

/** Compact JSON of a small dataset: one row per line. */
export function datasetJson(ds: { x: number[][]; y: number[]; p?: number[] }): string {
  const rows = ds.x.map((row) => `    [${row.map((v) => fmtNum(v)).join(', ')}]`).join(',\n');
  const p = ds.p ? `,\n  "p": [${ds.p.map(fmtNum).join(', ')}]` : '';
  return `{\n  "x": [\n${rows}\n  ],\n  "y": [${ds.y.join(', ')}]${p}\n}`;
}

export function environmentRows(input: ReportInput): [string, string][] {
  const rows: [string, string][] = [];
  const { results } = input;
  rows.push(['seed', String(results.seed)]);
  rows.push(['budgets', results.quick ? 'quick (--quick)' : 'default']);
  rows.push(['run id', input.timings.map((t) => t.runId).join(', ') || '—']);
  const wall = input.timings.map((t) => `${t.wallSeconds.toFixed(1)} s`).join(' + ');
  rows.push(['wall time', input.timings.length > 1 ? `${wall} (per shard)` : wall || '—']);
  const reused = input.timings.reduce((s, t) => s + t.reusedItems, 0);
  if (reused) rows.push(['resumed', `${reused} work items and ${input.timings.reduce((s, t) => s + t.reusedCells, 0)} cells taken from the interrupted run`]);
  rows.push(['finished', input.timings.map((t) => t.finishedAt).join(', ') || '—']);
  const envs = input.environment;
  const uniq = (f: (e: Environment) => string) => [...new Set(envs.map(f))].join(' | ') || '—';
  rows.push(['node', uniq((e) => e.node)]);
  rows.push(['platform', uniq((e) => e.platform)]);
  rows.push(['machine', uniq((e) => `${e.hostname}: ${e.cpus}, ${e.memoryGiB} GiB`)]);
  rows.push(['commit', uniq((e) => e.commit ?? 'unknown')]);
  if (envs[0]) for (const [name, v] of Object.entries(envs[0].packages)) rows.push([name, v]);
  return rows;
}

/** One line on the real-data section for the summary: γ bracket and soft/hard accuracy, when present. */
export function realDataLine(results: Results): string | null {
  const rd = results.realData;
  if (!rd) return null;
  if (rd.error) return `Real data (${rd.title}): failed — ${oneLine(rd.error)}`;
  const num = (o: unknown, k: string) => (o && typeof o === 'object' && typeof (o as Record<string, unknown>)[k] === 'number' ? ((o as Record<string, number>)[k]) : null);
  const parts: string[] = [];
  const rkhs = rd.margin && typeof rd.margin === 'object' && 'rkhs' in rd.margin ? (rd.margin as Record<string, unknown>).rkhs : rd.margin;
  const lo = num(rkhs, 'lower');
  const hi = num(rkhs, 'upper');
  if (lo !== null && hi !== null) parts.push(`γ_rkhs ∈ [${fmtNum(lo)}, ${fmtNum(hi)}]`);
  for (const regime of ['soft', 'hard'] as const) {
    const r = rd[regime];
    const acc = num(r, 'testAccuracy') ?? num(r, 'trainAccuracy');
    const which = num(r, 'testAccuracy') !== null ? 'test' : 'train';
    if (acc !== null) parts.push(`${regime}: ${which} accuracy ${fmtNum(acc)}, avgLoss ${fmtValue(num(r, 'avgLoss'))}`);
  }
  return `Real data — ${rd.title}: ${parts.join('; ') || 'see the Real data section'}`;
}
