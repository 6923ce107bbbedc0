/**
 * A tiny document model for the paper report — headings, paragraphs, lists, tables and figures — built once
 * (document.ts) and rendered twice: report.md (figures linked as figures/<name>.svg) and a self-contained
 * report.html (CSS inline, every figure an inline <svg> inside <figure class="plot" data-plot="<name>">, no
 * script, no external URL), the conventions of the verify report (src/report/html.ts).
 */
import { esc } from '../report/html.js';
import type { PaperFigure } from './figures.js';

export type Block =
  | { kind: 'h1' | 'h2' | 'h3'; text: string; id?: string }
  | { kind: 'p'; text: string; cls?: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; verdictColumn?: number }
  | { kind: 'figure'; figure: PaperFigure };

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#222}
h1{font-size:22px;margin:4px 0}h2{border-bottom:1px solid #ccc;margin-top:28px}h3{margin-top:20px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}code{font:12px ui-monospace,monospace;background:#f6f6f6}
.v{font-weight:600;padding:1px 6px;border-radius:3px;white-space:nowrap}
.verified{background:#d9f2dd}.refuted{background:#f8d7da}.inconclusive{background:#fff3cd}
.note{background:#eef4ff;padding:6px 10px;border-left:3px solid #4a7bd0}
figure.plot{display:inline-block;margin:8px 12px 8px 0;vertical-align:top}figure.plot figcaption{font-size:12px;color:#444;max-width:640px}
`;

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
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head>\n<body>\n${out.join('\n')}\n</body></html>\n`;
}
