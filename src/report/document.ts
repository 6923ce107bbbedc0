/**
 * The one document model of both reports (verify: ./verifyDocument.ts; paper: src/paper/document.ts): a report
 * is built once as a list of blocks — headings, paragraphs, lists, tables, label/value fields, code, folded
 * details, sections and figures — and rendered twice, to report.md (figures linked as figures/<name>.svg) and to
 * a self-contained report.html (./htmlPage.ts: one stylesheet, CSS inline, every figure an inline <svg> inside
 * <figure class="plot" data-plot="<name>">, no script, no external URL). What a report says is decided in its
 * builder; this file only decides how each kind of block looks in each format.
 */
import { esc, htmlPage } from './htmlPage.js';

/** A piece of running text: plain, or marked (a link target in HTML, a verdict badge, an alarm, inline code). */
export type Run = string | { text: string; href?: string; verdict?: boolean; mutant?: boolean; bad?: boolean; code?: boolean };
/** Text: one string, or runs laid end to end. */
export type Rich = string | readonly Run[];

/** A figure as both reports embed it: the SVG text, its file name (without .svg), a title and a caption. */
export interface DocFigure {
  name: string;
  title: string;
  caption: string;
  svg: string;
}

export type Block =
  | { kind: 'h1' | 'h2' | 'h3'; text: string; id?: string }
  /** cls 'note' renders as a quote in Markdown and bold for 'bad'; other classes only style the HTML. */
  | { kind: 'p'; text: Rich; cls?: string }
  | { kind: 'list'; items: readonly Rich[] }
  /** verdictColumn: that column's plain-string cells are drawn as verdict badges in HTML. */
  | { kind: 'table'; head: readonly string[]; rows: readonly (readonly Rich[])[]; verdictColumn?: number }
  /** Labelled values (a definition list in HTML, "- **label:** value" in Markdown). */
  | { kind: 'fields'; items: readonly (readonly [string, Rich])[] }
  /** Compact name/value pairs (a grid of KV_COLUMNS pairs per row in HTML, a two-column table in Markdown). */
  | { kind: 'kv'; head: readonly [string, string]; pairs: readonly (readonly [string, string])[] }
  | { kind: 'code'; text: string; lang?: string }
  /** Folded content (<details>; GitHub-flavoured Markdown renders the same element). */
  | { kind: 'details'; summary: string; blocks: readonly Block[] }
  /** A group with an anchor (a <section> in HTML; only its blocks in Markdown). */
  | { kind: 'section'; id: string; cls?: string; blocks: readonly Block[] }
  | { kind: 'figure'; figure: DocFigure };

const runs = (t: Rich): readonly Run[] => (typeof t === 'string' ? [t] : t);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Escape Markdown emphasis characters in running text (m*_hard would otherwise start italics). */
const mdEmphasis = (s: string) => s.replace(/([*_])/g, '\\$1');

function mdRich(t: Rich): string {
  return runs(t)
    .map((r) => (typeof r === 'string' ? r : r.code ? `\`${r.text}\`` : r.text))
    .join('');
}

const mdCell = (t: Rich) => collapse(mdRich(t)).replace(/\|/g, '\\|');

function mdTable(head: readonly string[], rows: readonly (readonly Rich[])[]): string {
  return [`| ${head.map(mdCell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

function mdBlock(b: Block): string {
  switch (b.kind) {
    case 'h1':
      return `# ${b.text}`;
    case 'h2':
      return `## ${b.text}`;
    case 'h3':
      return `### ${b.text}`;
    case 'p':
      return b.cls === 'note' ? `> ${mdRich(b.text)}` : b.cls === 'bad' ? `**${mdRich(b.text)}**` : mdRich(b.text);
    case 'list':
      return b.items.map((i) => `- ${collapse(mdRich(i))}`).join('\n');
    case 'table':
      return mdTable(b.head, b.rows);
    case 'fields':
      return b.items.map(([k, v]) => `- **${k}:** ${collapse(mdRich(v))}`).join('\n');
    case 'kv':
      return mdTable(b.head, b.pairs);
    case 'code':
      return `\`\`\`${b.lang ?? ''}\n${b.text}\n\`\`\``;
    case 'details':
      return `<details><summary>${b.summary}</summary>\n\n${renderBlocksMarkdown(b.blocks).trimEnd()}\n\n</details>`;
    case 'section':
      return renderBlocksMarkdown(b.blocks).trimEnd();
    case 'figure': {
      const { name, title, caption } = b.figure;
      return `![${mdEmphasis(collapse(title))}](figures/${name}.svg)\n\n**${mdEmphasis(collapse(title))}.** ${mdEmphasis(collapse(caption))}`;
    }
  }
}

/** report.md text of a block list: blocks separated by blank lines. */
export function renderBlocksMarkdown(blocks: readonly Block[]): string {
  return blocks.map((b) => `${mdBlock(b)}\n`).join('\n');
}

function htmlRun(r: Run): string {
  if (typeof r === 'string') return esc(r);
  let h = esc(r.text);
  if (r.code) h = `<code>${h}</code>`;
  if (r.verdict) h = `<span class="v ${esc(r.text)}">${h}</span>`;
  if (r.mutant) h = `<span class="mutant">${h}</span>`;
  if (r.bad) h = `<span class="bad">${h}</span>`;
  if (r.href) h = `<a href="${esc(r.href)}">${h}</a>`;
  return h;
}

const htmlRich = (t: Rich) => runs(t).map(htmlRun).join('');

/** Compact pairs per row of a 'kv' block in HTML. */
const KV_COLUMNS = 3;

/**
 * A table inside a horizontally scrolling container: cells wrap anywhere (long JSON values, module paths), and
 * what still does not fit scrolls inside the container instead of overflowing the page and clipping a column.
 */
function htmlTable(b: Extract<Block, { kind: 'table' }>): string {
  const td = (c: Rich, k: number) => `<td>${k === b.verdictColumn && typeof c === 'string' ? htmlRun({ text: c, verdict: true }) : htmlRich(c)}</td>`;
  const head = b.head.map((h) => `<th>${esc(h)}</th>`).join('');
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'h1':
    case 'h2':
    case 'h3':
      return `<${b.kind}${b.id ? ` id="${esc(b.id)}"` : ''}>${esc(b.text)}</${b.kind}>`;
    case 'p':
      return `<p${b.cls ? ` class="${esc(b.cls)}"` : ''}>${htmlRich(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${htmlRich(i)}</li>`).join('')}</ul>`;
    case 'table':
      return htmlTable(b);
    case 'fields':
      return `<dl>${b.items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${htmlRich(v)}</dd>`).join('')}</dl>`;
    case 'kv': {
      const rows: string[] = [];
      for (let i = 0; i < b.pairs.length; i += KV_COLUMNS) {
        rows.push(`<tr>${b.pairs.slice(i, i + KV_COLUMNS).map(([k, v]) => `<th>${esc(k)}</th><td>${esc(v)}</td>`).join('')}</tr>`);
      }
      return `<table class="kv">${rows.join('')}</table>`;
    }
    case 'code':
      return `<pre>${esc(b.text)}</pre>`;
    case 'details':
      return `<details><summary>${esc(b.summary)}</summary>${b.blocks.map(htmlBlock).join('\n')}</details>`;
    case 'section':
      return `<section${b.cls ? ` class="${esc(b.cls)}"` : ''} id="${esc(b.id)}">\n${b.blocks.map(htmlBlock).join('\n')}\n</section>`;
    case 'figure': {
      const { name, title, caption, svg } = b.figure;
      return `<figure class="plot" data-plot="${esc(name)}">${svg}<figcaption><b>${esc(title)}.</b> ${esc(caption)}</figcaption></figure>`;
    }
  }
}

/** report.html text of a block list: a self-contained page (./htmlPage.ts) titled `title`. */
export function renderBlocksHtml(blocks: readonly Block[], title: string): string {
  return htmlPage(title, blocks.map(htmlBlock));
}
