/**
 * Tests for src/report/document.ts: each block kind rendered to Markdown and HTML, against hand-written text
 * (escaping, runs with links, badges, alarms and code; folded details; sections; the kv grid).
 */
import { describe, expect, it } from 'vitest';
import { renderBlocksHtml, renderBlocksMarkdown, type Block } from '../../src/report/document.js';

const blocks: Block[] = [
  { kind: 'section', id: 'claim-a', cls: 'claim mutant', blocks: [{ kind: 'h3', text: 'a: title' }] },
  { kind: 'fields', items: [['Verdict', [{ text: 'refuted', verdict: true, mutant: true }, ' — m*_hard > 2']]] },
  { kind: 'kv', head: ['metric', 'value'], pairs: [['x', '1'], ['y', '2'], ['z', '3'], ['w', '4']] },
  { kind: 'p', text: ['Replay: ', { text: 'npx ntk-verify replay', code: true }] },
  { kind: 'table', head: ['claim', 'ok'], rows: [[[{ text: 'a', href: '#claim-a' }], [{ text: 'NO', bad: true }]]] },
  { kind: 'details', summary: '2 cells', blocks: [{ kind: 'code', lang: 'json', text: '{"x": 1}' }] },
  { kind: 'p', text: 'Problems:', cls: 'bad' },
];

describe('renderBlocksMarkdown', () => {
  it('writes every kind as Markdown', () => {
    expect(renderBlocksMarkdown(blocks)).toBe(
      [
        '### a: title',
        '',
        '- **Verdict:** refuted — m*_hard > 2',
        '',
        '| metric | value |\n|---|---|\n| x | 1 |\n| y | 2 |\n| z | 3 |\n| w | 4 |',
        '',
        'Replay: `npx ntk-verify replay`',
        '',
        '| claim | ok |\n|---|---|\n| a | NO |',
        '',
        '<details><summary>2 cells</summary>\n\n```json\n{"x": 1}\n```\n\n</details>',
        '',
        '**Problems:**',
        '',
      ].join('\n'),
    );
  });
});

describe('renderBlocksHtml', () => {
  it('writes every kind as HTML, escaped, in one self-contained page', () => {
    const html = renderBlocksHtml(blocks, 'R');
    expect(html).toContain('<section class="claim mutant" id="claim-a">\n<h3>a: title</h3>\n</section>');
    expect(html).toContain('<dl><dt>Verdict</dt><dd><span class="mutant"><span class="v refuted">refuted</span></span> — m*_hard &gt; 2</dd></dl>');
    expect(html).toContain('<table class="kv"><tr><th>x</th><td>1</td><th>y</th><td>2</td><th>z</th><td>3</td></tr><tr><th>w</th><td>4</td></tr></table>');
    expect(html).toContain('<p>Replay: <code>npx ntk-verify replay</code></p>');
    expect(html).toContain('<td><a href="#claim-a">a</a></td><td><span class="bad">NO</span></td>');
    expect(html).toContain('<details><summary>2 cells</summary><pre>{&quot;x&quot;: 1}</pre></details>');
    expect(html).toContain('<p class="bad">Problems:</p>');
    expect(html).not.toMatch(/<script|<link/);
  });
});
