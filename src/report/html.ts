/**
 * report.html: the same report as report.md, self-contained — CSS inline, every figure an inline <svg>
 * inside <figure class="plot" data-plot="<name>">, no script, no external URL — so it opens offline and
 * scripts/check-html.mjs can count the rendered plots in a headless browser.
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
import { esc, htmlPage } from './htmlPage.js';

/**
 * A table inside a horizontally scrolling container: cells wrap anywhere (long JSON values, module paths), and
 * what still does not fit scrolls inside the container instead of overflowing the page and clipping a column.
 */
function table(head: string[], rows: string[][], raw = false): string {
  const td = (c: string) => `<td>${raw ? c : esc(c)}</td>`;
  return `<div class="table-wrap"><table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/** Width-cell tables longer than this are collapsed (<details>) so the figures stay near their claim. */
const OPEN_TABLE_MAX_ROWS = 12;

/** Key/value pairs laid out KV_COLUMNS pairs per row (compact metrics). */
const KV_COLUMNS = 3;
function kvGrid(pairs: [string, string][]): string {
  const rows: string[] = [];
  for (let i = 0; i < pairs.length; i += KV_COLUMNS) {
    rows.push(`<tr>${pairs.slice(i, i + KV_COLUMNS).map(([k, v]) => `<th>${esc(k)}</th><td>${esc(v)}</td>`).join('')}</tr>`);
  }
  return `<table class="kv">${rows.join('')}</table>`;
}

const badge = (verdict: string) => `<span class="v ${esc(verdict)}">${esc(verdict)}</span>`;

function claimSection(r: ClaimRecord, input: ReportInput): string {
  const parts: string[] = [`<section class="claim${r.mutant ? ' mutant' : ''}" id="claim-${esc(r.id)}">`];
  parts.push(`<h3>${esc(r.id)}: ${esc(r.title)}${r.mutant ? ' (mutant)' : ''}</h3>`);
  const dl: [string, string][] = [
    ['Verdict', `${badge(r.verdict)} ${r.mutant ? '(deliberately false claim: expected refuted) ' : ''}${esc(oneLine(r.evidence))}`],
    ['Statement', esc(oneLine(r.statement))],
    ['Source', esc(oneLine(r.source))],
    ['Confidence', esc(oneLine(r.confidence))],
    ['Data', esc(oneLine(r.data) || '—')],
    ['Seed', String(r.seed)],
  ];
  if (r.error) dl.push(['Error', `<span class="bad">${esc(oneLine(r.error))}</span>`]);
  parts.push(`<dl>${dl.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`);
  const metrics = Object.keys(r.metrics).sort();
  if (metrics.length) parts.push(kvGrid(metrics.map((k) => [k, fmtValue(r.metrics[k])])));
  if (r.cells?.length) {
    const t = table(
      CELL_HEADER,
      cellRows(r.cells),
    );
    const capped = r.cells.filter((c) => c.mStar === null).length;
    parts.push(r.cells.length > OPEN_TABLE_MAX_ROWS ? `<details><summary>${r.cells.length} width cells (m* per dataset, regime, γ, ε${capped ? `; ${capped} not reached` : ''})</summary>${t}</details>` : t);
  }
  for (const f of input.figures.get(r.id) ?? []) {
    parts.push(`<figure class="plot" data-plot="${esc(f.name)}">${f.svg}<figcaption><b>${esc(f.title)}.</b> ${esc(f.caption)}</figcaption></figure>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function counterexampleSection(r: ClaimRecord): string {
  const c = r.counterexample!;
  const parts = [`<h3>${esc(r.id)}${r.mutant ? ' (mutant)' : ''}</h3>`];
  parts.push(`<p>Replay: <code>${esc(replayCommand(r) ?? '')}</code> (fast-check seed ${c.seed}, path ${esc(c.path || '—')})</p>`);
  const vals = Object.keys(c.values).sort();
  if (vals.length) parts.push(table(['value', ''], vals.map((k) => [k, fmtValue(c.values[k])])));
  if (c.dataset) {
    const n = c.dataset.x.length;
    const d = c.dataset.x[0]?.length ?? 0;
    parts.push(inlineDataset(r) ? `<p>Shrunk dataset (n = ${n}, d = ${d}):</p><pre>${esc(datasetJson(c.dataset))}</pre>` : `<p>Shrunk dataset: n = ${n}, d = ${d} (too large to inline; see results.json or replay).</p>`);
  } else if (c.n !== undefined) parts.push(`<p>Counterexample size: n = ${c.n}, d = ${c.d ?? '—'}.</p>`);
  return parts.join('\n');
}

/** The whole report.html text. */
export function renderHtml(input: ReportInput): string {
  const { results } = input;
  const title = `ntk-verify report — ${input.timings.map((t) => t.runId).join(' + ') || 'run'}`;
  const s = results.summary;
  const b: string[] = [`<h1>${esc(title)}</h1>`, `<p class="head ${s.exitCode === 0 ? 'pass' : 'fail'}">${esc(headline(results))}</p>`];
  const note = shardNote(results);
  if (note) b.push(`<p class="note">${esc(note)}</p>`);
  b.push('<h2 id="summary">Summary</h2>');
  b.push(table(['claim', 'kind', 'verdict', 'as expected', 'unseen-failure bound', 'evidence'], summaryRows(results).map((r) => [
    `<a href="#claim-${esc(r.id)}">${esc(r.id)}</a>${r.mutant ? ' (mutant)' : ''}`,
    esc(r.kind),
    `<span class="${r.mutant ? 'mutant' : ''}">${badge(r.verdict)}</span>`,
    r.ok ? 'yes' : '<span class="bad">NO</span>',
    esc(r.bound),
    esc(r.evidence),
  ]), true));
  const rdl = realDataLine(results);
  if (rdl) b.push(`<p><a href="#real-data">${esc(rdl)}</a></p>`);
  if (s.problems.length) b.push(`<p class="bad">Problems:</p><ul>${s.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`);

  b.push('<h2 id="claims">Claims</h2>', ...results.claims.map((r) => claimSection(r, input)));

  b.push('<h2 id="counterexamples">Counterexamples</h2>');
  const withCx = results.claims.filter((r) => r.counterexample);
  b.push(withCx.length ? withCx.map(counterexampleSection).join('\n') : '<p>None recorded.</p>');

  b.push('<h2 id="power">Power</h2><p>Deliberately false claims (mutants) run through the same machinery; each must be refuted.</p>');
  const power = powerRows(results);
  if (power.length) {
    b.push(table(['mutant', 'refuted', 'n', 'd', 'evidence'], power.map((p) => [esc(p.id), p.refuted ? 'yes' : '<span class="bad">NO</span>', p.n, p.d, esc(p.evidence)]), true));
    b.push(`<p>Mutation score: ${power.filter((p) => p.refuted).length}/${power.length}.</p>`);
  } else b.push('<p>No mutants in this run.</p>');

  if (results.realData) {
    const rd = results.realData;
    b.push('<h2 id="real-data">Real data</h2>', `<p>${esc(rd.title)}. Data: ${esc(oneLine(rd.data) || '—')}</p>`);
    if (rd.error) b.push(`<p class="bad">Failed: ${esc(oneLine(rd.error))}</p>`);
    b.push(table(['setting', 'value'], Object.keys(rd.settings).sort().map((k) => [k, fmtValue(rd.settings[k])])));
    if (rd.margin !== undefined) b.push('<p>Margin γ of the NTK:</p>', table(['quantity', 'value'], flatten(rd.margin)));
    if (rd.soft !== undefined || rd.hard !== undefined) {
      const soft = new Map(flatten(rd.soft ?? {}));
      const hard = new Map(flatten(rd.hard ?? {}));
      const keys = [...new Set([...soft.keys(), ...hard.keys()])];
      b.push('<p>Soft vs hard labels at the same width:</p>', table(['quantity', 'soft', 'hard'], keys.map((k) => [k, soft.get(k) ?? '—', hard.get(k) ?? '—'])));
    }
    if (rd.notes?.length) b.push(`<ul>${rd.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  }

  b.push('<h2 id="assumptions">Assumptions</h2><p>Every choice the paper leaves open, with the value this code uses (from the modules\' exported constants).</p>');
  b.push(results.assumptions.length ? table(['name', 'value', 'module', 'meaning and source'], results.assumptions.map((a) => [a.name, fmtValue(a.value), a.module, a.doc])) : '<p>None gathered.</p>');

  b.push('<h2 id="environment">Environment</h2>', table(['', ''], environmentRows(input)));
  b.push('<p>results.json holds everything above that the seed and code determine (byte-identical for a fresh, resumed or shard-merged run); wall times, dates and the machine are in timings.json and environment.json.</p>');
  return htmlPage(title, b);
}
