/**
 * The verify report as blocks (./document.ts renders them to report.md and report.html). Sections: Summary,
 * Claims, Counterexamples, Power, Real data, Assumptions, Environment. The rows come from ./reportModel.ts;
 * this file only lays them out.
 */
import type { ClaimRecord } from '../run/schema.js';
import type { Block, Rich, Run } from './document.js';
import {
  CELL_HEADER,
  cellRows,
  datasetJson,
  environmentRows,
  flatten,
  fmtValue,
  headline,
  inlineDataset,
  oneLine,
  realDataLine,
  powerRows,
  replayCommand,
  shardNote,
  summaryRows,
  type ReportInput,
} from './reportModel.js';

/** Width-cell tables longer than this are folded (<details>) so the figures stay near their claim. */
const OPEN_TABLE_MAX_ROWS = 12;

const verdictRun = (verdict: string, mutant: boolean): Run => ({ text: verdict, verdict: true, mutant });
const alarm = (ok: boolean): Rich => (ok ? 'yes' : [{ text: 'NO', bad: true }]);

function cellTable(r: ClaimRecord): Block[] {
  if (!r.cells?.length) return [];
  const table: Block = { kind: 'table', head: CELL_HEADER, rows: cellRows(r.cells) };
  if (r.cells.length <= OPEN_TABLE_MAX_ROWS) return [table];
  const capped = r.cells.filter((c) => c.mStar === null).length;
  return [{ kind: 'details', summary: `${r.cells.length} width cells (m* per dataset, regime, γ, ε${capped ? `; ${capped} not reached` : ''})`, blocks: [table] }];
}

function claimSection(r: ClaimRecord, input: ReportInput): Block {
  const fields: [string, Rich][] = [
    ['Verdict', [verdictRun(r.verdict, false), r.mutant ? ' (a deliberately false claim: expected refuted)' : '', ` — ${oneLine(r.evidence)}`]],
    ['Statement', oneLine(r.statement)],
    ['Source', oneLine(r.source)],
    ['Confidence', oneLine(r.confidence)],
    ['Data', oneLine(r.data) || '—'],
    ['Seed', String(r.seed)],
  ];
  if (r.error) fields.push(['Error', [{ text: oneLine(r.error), bad: true }]]);
  const metrics = Object.keys(r.metrics).sort();
  const blocks: Block[] = [{ kind: 'h3', text: `${r.id}: ${r.title}${r.mutant ? ' (mutant)' : ''}` }, { kind: 'fields', items: fields }];
  if (metrics.length) blocks.push({ kind: 'kv', head: ['metric', 'value'], pairs: metrics.map((k) => [k, fmtValue(r.metrics[k])] as const) });
  blocks.push(...cellTable(r));
  for (const f of input.figures.get(r.id) ?? []) blocks.push({ kind: 'figure', figure: f });
  return { kind: 'section', id: `claim-${r.id}`, cls: r.mutant ? 'claim mutant' : 'claim', blocks };
}

function counterexampleSection(r: ClaimRecord): Block[] {
  const c = r.counterexample!;
  const out: Block[] = [{ kind: 'h3', text: `${r.id}${r.mutant ? ' (mutant)' : ''}` }];
  out.push({ kind: 'p', text: ['Replay: ', { text: replayCommand(r) ?? '', code: true }, ` (fast-check seed ${c.seed}, path ${c.path || '—'})`] });
  const vals = Object.keys(c.values).sort();
  if (vals.length) out.push({ kind: 'table', head: ['value', ''], rows: vals.map((k) => [k, fmtValue(c.values[k])]) });
  if (c.dataset) {
    const n = c.dataset.x.length;
    const d = c.dataset.x[0]?.length ?? 0;
    if (inlineDataset(r)) out.push({ kind: 'p', text: `Shrunk dataset (n = ${n}, d = ${d}):` }, { kind: 'code', lang: 'json', text: datasetJson(c.dataset) });
    else out.push({ kind: 'p', text: `Shrunk dataset: n = ${n}, d = ${d} (too large to inline; see results.json or replay).` });
  } else if (c.n !== undefined) out.push({ kind: 'p', text: `Counterexample size: n = ${c.n}, d = ${c.d ?? '—'}.` });
  return out;
}

function summary(input: ReportInput): Block[] {
  const { results } = input;
  const rows = summaryRows(results).map((s) => [
    [{ text: s.id, href: `#claim-${s.id}` }, s.mutant ? ' (mutant)' : ''],
    s.kind,
    [verdictRun(s.verdict, s.mutant)],
    alarm(s.ok),
    s.bound,
    s.evidence,
  ]);
  const head = ['claim', 'kind', 'verdict', 'as expected', 'unseen-failure bound', 'evidence'];
  const out: Block[] = [{ kind: 'h2', text: 'Summary', id: 'summary' }, { kind: 'table', head, rows }];
  const rdl = realDataLine(results);
  if (rdl) out.push({ kind: 'p', text: [{ text: rdl, href: '#real-data' }] });
  if (results.summary.problems.length) out.push({ kind: 'p', text: 'Problems:', cls: 'bad' }, { kind: 'list', items: results.summary.problems.map(oneLine) });
  return out;
}

function power(input: ReportInput): Block[] {
  const out: Block[] = [{ kind: 'h2', text: 'Power', id: 'power' }, { kind: 'p', text: 'Deliberately false claims (mutants) run through the same machinery; each must be refuted.' }];
  const rows = powerRows(input.results);
  if (!rows.length) return [...out, { kind: 'p', text: 'No mutants in this run.' }];
  out.push({ kind: 'table', head: ['mutant', 'refuted', 'n', 'd', 'evidence'], rows: rows.map((p) => [p.id, alarm(p.refuted), p.n, p.d, p.evidence]) });
  out.push({ kind: 'p', text: `Mutation score: ${rows.filter((p) => p.refuted).length}/${rows.length}.` });
  return out;
}

function realData(input: ReportInput): Block[] {
  const rd = input.results.realData;
  if (!rd) return [];
  const out: Block[] = [{ kind: 'h2', text: 'Real data', id: 'real-data' }, { kind: 'p', text: `${rd.title}. Data: ${oneLine(rd.data) || '—'}` }];
  if (rd.error) out.push({ kind: 'p', text: `Failed: ${oneLine(rd.error)}`, cls: 'bad' });
  out.push({ kind: 'table', head: ['setting', 'value'], rows: Object.keys(rd.settings).sort().map((k) => [k, fmtValue(rd.settings[k])]) });
  if (rd.margin !== undefined) out.push({ kind: 'p', text: 'Margin γ of the NTK:' }, { kind: 'table', head: ['quantity', 'value'], rows: flatten(rd.margin) });
  if (rd.soft !== undefined || rd.hard !== undefined) {
    const soft = new Map(flatten(rd.soft ?? {}));
    const hard = new Map(flatten(rd.hard ?? {}));
    const keys = [...new Set([...soft.keys(), ...hard.keys()])];
    out.push({ kind: 'p', text: 'Soft vs hard labels at the same width:' }, { kind: 'table', head: ['quantity', 'soft', 'hard'], rows: keys.map((k) => [k, soft.get(k) ?? '—', hard.get(k) ?? '—']) });
  }
  if (rd.notes?.length) out.push({ kind: 'list', items: rd.notes.map(oneLine) });
  return out;
}

/** The report's title (the run ids it covers). */
export function verifyTitle(input: ReportInput): string {
  return `ntk-verify report — ${input.timings.map((t) => t.runId).join(' + ') || 'run'}`;
}

/** The whole verify report as blocks. */
export function verifyDocument(input: ReportInput): Block[] {
  const { results } = input;
  const b: Block[] = [{ kind: 'h1', text: verifyTitle(input) }, { kind: 'p', text: headline(results), cls: `head ${results.summary.exitCode === 0 ? 'pass' : 'fail'}` }];
  const note = shardNote(results);
  if (note) b.push({ kind: 'p', text: note, cls: 'note' });
  b.push(...summary(input));
  b.push({ kind: 'h2', text: 'Claims', id: 'claims' }, ...results.claims.map((r) => claimSection(r, input)));
  const withCx = results.claims.filter((r) => r.counterexample);
  b.push({ kind: 'h2', text: 'Counterexamples', id: 'counterexamples' });
  b.push(...(withCx.length ? withCx.flatMap(counterexampleSection) : [{ kind: 'p', text: 'None recorded.' } as const]));
  b.push(...power(input), ...realData(input));
  b.push(
    { kind: 'h2', text: 'Assumptions', id: 'assumptions' },
    { kind: 'p', text: "Every choice the paper leaves open, with the value this code uses (from the modules' exported constants)." },
    results.assumptions.length
      ? { kind: 'table', head: ['name', 'value', 'module', 'meaning and source'], rows: results.assumptions.map((a) => [a.name, fmtValue(a.value), a.module, a.doc]) }
      : { kind: 'p', text: 'None gathered.' },
  );
  b.push(
    { kind: 'h2', text: 'Environment', id: 'environment' },
    { kind: 'table', head: ['', ''], rows: environmentRows(input) },
    { kind: 'p', text: 'results.json holds everything above that the seed and code determine (byte-identical for a fresh, resumed or shard-merged run); wall times, dates and the machine are in timings.json and environment.json.' },
  );
  return b;
}
