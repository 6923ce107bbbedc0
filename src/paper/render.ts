/**
 * A tiny document model for the paper report — headings, paragraphs, lists, tables and figures — built once
 * (document.ts) and rendered twice: report.md (figures linked as figures/<name>.svg) and a self-contained
 * report.html (CSS inline, every figure an inline <svg> inside <figure class="plot" data-plot="<name>">, no
 * script, no external URL), in the verify report's page and stylesheet (src/report/htmlPage.ts).
 */
import { esc, htmlPage } from '../report/htmlPage.js';
import type { PaperFigure } from './figures.js';

export type Block =
  | { kind: 'h1' | 'h2' | 'h3'; text: string; id?: string }
  | { kind: 'p'; text: string; cls?: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; verdictColumn?: number }
  | { kind: 'figure'; figure: PaperFigure };

const mdCell = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

/** report.md text. */
export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'h1') out.push(`# ${b.text}`);
    else if (b.kind === 'h2') out.push(`## ${b.text}`);
    else if (b.kind === 'h3') out.push(`### ${b.text}`);
    else if (b.kind === 'p') out.push(b.cls === 'note' ? `> ${b.text}` : b.text);
    else if (b.kind === 'list') out.push(b.items.map((i) => `- ${i}`).join('\n'));
    else if (b.kind === 'table') {
      out.push([`| ${b.head.map(mdCell).join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n'));
    } else if (b.kind === 'figure') out.push(`![${b.figure.title}](figures/${b.figure.name}.svg)\n\n*${b.figure.title}.* ${b.figure.caption}`);
    out.push('');
  }
  return out.join('\n');
}

/** report.html text (self-contained). */
export function renderHtml(blocks: readonly Block[], title: string): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'h1' || b.kind === 'h2' || b.kind === 'h3') out.push(`<${b.kind}${b.id ? ` id="${esc(b.id)}"` : ''}>${esc(b.text)}</${b.kind}>`);
    else if (b.kind === 'p') out.push(`<p${b.cls ? ` class="${esc(b.cls)}"` : ''}>${esc(b.text)}</p>`);
    else if (b.kind === 'list') out.push(`<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);
    else if (b.kind === 'table') {
      const td = (c: string, k: number) => (k === b.verdictColumn ? `<td><span class="v ${esc(c)}">${esc(c)}</span></td>` : `<td>${esc(c)}</td>`);
      out.push(`<table><thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table>`);
    } else if (b.kind === 'figure') out.push(`<figure class="plot" data-plot="${esc(b.figure.name)}">${b.figure.svg}<figcaption><b>${esc(b.figure.title)}.</b> ${esc(b.figure.caption)}</figcaption></figure>`);
  }
  return htmlPage(title, out);
}
