/**
 * Tests for the document model (src/report/document.ts) as the paper report uses it (src/paper/render.ts): the Markdown and HTML renderings of a small block list, against
 * hand-written expected text (escaping of | in Markdown cells and of < & " in HTML; verdict badges;
 * figures inline in HTML and linked in Markdown).
 */
import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown, type Block } from '../../src/paper/render.js';

const blocks: Block[] = [
  { kind: 'h2', text: 'Summary', id: 'summary' },
  { kind: 'p', text: 'a < b & "c"' },
  { kind: 'table', head: ['claim', 'verdict'], rows: [['x|y', 'refuted']], verdictColumn: 1 },
  { kind: 'figure', figure: { name: 'gap', title: 'Gap', caption: 'mean', svg: '<svg width="1"></svg>' } },
];

describe('renderMarkdown', () => {
  it('writes headings, escaped table cells and linked figures', () => {
    expect(renderMarkdown(blocks)).toBe(
      ['## Summary', '', 'a < b & "c"', '', '| claim | verdict |', '|---|---|', '| x\\|y | refuted |', '', '![Gap](figures/gap.svg)', '', '**Gap.** mean', ''].join('\n'),
    );
  });
});

describe('renderHtml', () => {
  it('escapes text, badges the verdict column and inlines the svg', () => {
    const html = renderHtml(blocks, 'T <1>');
    expect(html).toContain('<title>T &lt;1&gt;</title>');
    expect(html).toContain('<h2 id="summary">Summary</h2>');
    expect(html).toContain('<p>a &lt; b &amp; &quot;c&quot;</p>');
    expect(html).toContain('<td>x|y</td><td><span class="v refuted">refuted</span></td>');
    expect(html).toContain('<figure class="plot" data-plot="gap"><svg width="1"></svg><figcaption><b>Gap.</b> mean</figcaption></figure>');
    expect(html).not.toMatch(/<script|<link/);
  });
});
