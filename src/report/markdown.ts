/**
 * report.md: the readable report in Markdown (figures linked as figures/<name>.svg beside it). Sections:
 * Summary, Claims, Counterexamples, Power, Real data, Assumptions, Environment.
 */
import type { ClaimRecord } from '../run/schema.js';
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

/** Width-cell tables longer than this are folded in a <details> block. */
const OPEN_TABLE_MAX_ROWS = 12;
const cell = (s: string) => oneLine(s).replace(/\|/g, '\\|');
/** Escape Markdown emphasis characters in running text (m*_hard would otherwise start italics). */
const mdText = (s: string) => oneLine(s).replace(/([*_])/g, '\\$1');

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function claimSection(r: ClaimRecord, input: ReportInput): string {
  const out: string[] = [`### ${r.id}: ${r.title}${r.mutant ? ' (mutant)' : ''}`, ''];
  out.push(`- **Verdict:** ${r.verdict}${r.mutant ? ' (a deliberately false claim: expected refuted)' : ''} — ${oneLine(r.evidence)}`);
  out.push(`- **Statement:** ${oneLine(r.statement)}`);
  out.push(`- **Source:** ${oneLine(r.source)}`);
  out.push(`- **Confidence:** ${oneLine(r.confidence)}`);
  out.push(`- **Data:** ${oneLine(r.data) || '—'}`);
  out.push(`- **Seed:** ${r.seed}`);
  if (r.error) out.push(`- **Error:** ${oneLine(r.error)}`);
  const metrics = Object.keys(r.metrics).sort();
  if (metrics.length) out.push('', table(['metric', 'value'], metrics.map((k) => [k, fmtValue(r.metrics[k])])));
  if (r.cells?.length) {
    const t = table(
      CELL_HEADER,
      cellRows(r.cells),
    );
    // GitHub-flavoured Markdown renders a <details> block around a table (blank lines required)
    out.push('', r.cells.length > OPEN_TABLE_MAX_ROWS ? `<details><summary>${r.cells.length} width cells</summary>\n\n${t}\n\n</details>` : t);
  }
  for (const f of input.figures.get(r.id) ?? []) out.push('', `![${mdText(f.title)}](figures/${f.name}.svg)`, '', `**${mdText(f.title)}.** ${mdText(f.caption)}`);
  return out.join('\n');
}

function counterexampleSection(r: ClaimRecord): string {
  const c = r.counterexample!;
  const out = [`### ${r.id}${r.mutant ? ' (mutant)' : ''}`, ''];
  out.push(`Replay: \`${replayCommand(r)}\` (fast-check seed ${c.seed}, path ${c.path || '—'})`, '');
  const vals = Object.keys(c.values).sort();
  if (vals.length) out.push(table(['value', ''], vals.map((k) => [k, fmtValue(c.values[k])])), '');
  if (c.dataset) {
    const n = c.dataset.x.length;
    const d = c.dataset.x[0]?.length ?? 0;
    out.push(inlineDataset(r) ? `Shrunk dataset (n = ${n}, d = ${d}):\n\n\`\`\`json\n${datasetJson(c.dataset)}\n\`\`\`` : `Shrunk dataset: n = ${n}, d = ${d} (too large to inline; see results.json or replay).`);
  } else if (c.n !== undefined) {
    out.push(`Counterexample size: n = ${c.n}, d = ${c.d ?? '—'}.`);
  }
  return out.join('\n');
}

/** The whole report.md text. */
export function renderMarkdown(input: ReportInput): string {
  const { results } = input;
  const out: string[] = [`# ntk-verify report — ${input.timings.map((t) => t.runId).join(' + ') || 'run'}`, '', headline(results)];
  const note = shardNote(results);
  if (note) out.push('', `> ${note}`);
  out.push('', '## Summary', '');
  out.push(table(['claim', 'kind', 'verdict', 'as expected', 'unseen-failure bound', 'evidence'], summaryRows(results).map((s) => [`${s.id}${s.mutant ? ' (mutant)' : ''}`, s.kind, s.verdict, s.ok ? 'yes' : 'NO', s.bound, s.evidence])));
  const rdl = realDataLine(results);
  if (rdl) out.push('', rdl);
  if (results.summary.problems.length) out.push('', '**Problems:**', '', ...results.summary.problems.map((p) => `- ${oneLine(p)}`));

  out.push('', '## Claims', '');
  for (const r of results.claims) out.push(claimSection(r, input), '');

  out.push('## Counterexamples', '');
  const withCx = results.claims.filter((r) => r.counterexample);
  if (withCx.length === 0) out.push('None recorded.', '');
  for (const r of withCx) out.push(counterexampleSection(r), '');

  out.push('## Power', '', 'Deliberately false claims (mutants) run through the same machinery; each must be refuted.', '');
  const power = powerRows(results);
  if (power.length) {
    out.push(table(['mutant', 'refuted', 'n', 'd', 'evidence'], power.map((p) => [p.id, p.refuted ? 'yes' : 'NO', p.n, p.d, p.evidence])));
    out.push('', `Mutation score: ${power.filter((p) => p.refuted).length}/${power.length}.`, '');
  } else out.push('No mutants in this run.', '');

  if (results.realData) {
    const rd = results.realData;
    out.push('## Real data', '', `${rd.title}. Data: ${oneLine(rd.data) || '—'}`, '');
    if (rd.error) out.push(`**Failed:** ${oneLine(rd.error)}`, '');
    out.push(table(['setting', 'value'], Object.keys(rd.settings).sort().map((k) => [k, fmtValue(rd.settings[k])])), '');
    if (rd.margin !== undefined) out.push('Margin γ of the NTK:', '', table(['quantity', 'value'], flatten(rd.margin)), '');
    if (rd.soft !== undefined || rd.hard !== undefined) {
      const soft = new Map(flatten(rd.soft ?? {}));
      const hard = new Map(flatten(rd.hard ?? {}));
      const keys = [...new Set([...soft.keys(), ...hard.keys()])];
      out.push('Soft vs hard labels at the same width:', '', table(['quantity', 'soft', 'hard'], keys.map((k) => [k, soft.get(k) ?? '—', hard.get(k) ?? '—'])), '');
    }
    for (const note of rd.notes ?? []) out.push(`- ${oneLine(note)}`);
    if (rd.notes?.length) out.push('');
  }

  out.push('## Assumptions', '', 'Every choice the paper leaves open, with the value this code uses (from the modules\' exported constants).', '');
  if (results.assumptions.length) out.push(table(['name', 'value', 'module', 'meaning and source'], results.assumptions.map((a) => [a.name, fmtValue(a.value), a.module, a.doc])), '');
  else out.push('None gathered.', '');

  out.push('## Environment', '', table(['', ''], environmentRows(input)), '');
  out.push('results.json holds everything above that the seed and code determine (byte-identical for a fresh, resumed or shard-merged run); wall times, dates and the machine are in timings.json and environment.json.', '');
  return out.join('\n');
}
