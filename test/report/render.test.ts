import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffResults, diffText } from '../../src/report/diff.js';
import { buildResults } from '../../src/run/runVerify.js';
import type { Results } from '../../src/run/schema.js';
import { writeReport } from '../../src/report/writeReport.js';
import { powerLawCells, record } from './fixtures/records.js';

const env = { node: 'v20', platform: 'linux', cpus: '2 × cpu', memoryGiB: 23, hostname: 'h', commit: 'abc', packages: { vega: '6.4.0' } };
const timings = [{ runId: 'r1', finishedAt: '2025-01-01T00:00:00Z', wallSeconds: 12.5, items: {}, reusedItems: 0, reusedCells: 0 }];

function results(over: { mStar?: number; verdict?: 'verified' | 'refuted'; seed?: number; tagCell?: boolean } = {}): Results {
  const cells: ReturnType<typeof powerLawCells> & { T?: number; applicable?: boolean; excluded?: string }[] = powerLawCells(true);
  if (over.mStar !== undefined) cells[0].mStar = over.mStar;
  if (over.tagCell) Object.assign(cells[1], { T: 4000, applicable: false, excluded: 'T-limited' });
  return buildResults({
    seed: over.seed ?? 1,
    quick: false,
    workList: ['w', 'm', 'real-data'],
    shard: null,
    claims: [
      record({ id: 'w', verdict: over.verdict ?? 'verified', cells, evidence: 'm* ≤ bound | all', metrics: { slopeSoft: 2 } }),
      record({
        id: 'm',
        mutant: true,
        verdict: 'refuted',
        evidence: 'KL > bound',
        counterexample: { seed: 9, path: '2:1', dataset: { x: [[1, 0], [0, 1]], y: [1, -1] }, n: 2, d: 2, values: { lhs: 0.2, rhs: 0.1 }, replay: 'npx ntk-verify replay --claim m --seed 9 --path 2:1' },
      }),
    ],
    realData: { id: 'real-data', title: 'MNIST 4 vs 9', data: 'mnist', settings: { n: 100 }, margin: { lower: 0.09, upper: 0.09 }, soft: { avgLoss: 0.03 }, hard: { avgLoss: 0.2 } },
    assumptions: [{ name: 'C_SOFT', module: 'src/bounds/constants.ts', value: 1, doc: 'C_soft [INFERRED]' }],
  });
}

describe('report.md / report.html', () => {
  it('has the sections in order, the summary table first, counterexample inline with its replay command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-'));
    const figs = await writeReport(dir, results({ tagCell: true }), { timings, environment: [env] });
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    const heads = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(heads).toEqual(['Summary', 'Claims', 'Counterexamples', 'Power', 'Real data', 'Assumptions', 'Environment']);
    expect(md).toContain('| w | unlabelled | verified | yes | — | m* ≤ bound \\| all |');
    expect(md).toContain('`npx ntk-verify replay --claim m --seed 9 --path 2:1`');
    expect(md).toContain('[1, 0],\n    [0, 1]');
    expect(md).toContain('| m | yes | 2 | 2 | KL > bound |');
    // width cells: the epoch budget T and whether the claim counted the cell (cells[1]: soft, γ = 0.1, ε = 0.1)
    expect(md).toContain('| dataset | regime | γ | ε | T | m* | bound | seeds | counted |');
    expect(md).toContain('| ds-0.1 | soft | 0.1 | 0.1 | 4000 | 2000 | — | 3 | no: T-limited |');
    expect(md).toContain('Mutation score: 1/1.');
    expect(md).toContain('| wall time | 12.5 s |');
    expect(readdirSync(join(dir, 'figures')).sort()).toEqual(figs.map((f) => `${f.name}.svg`).sort());
    for (const f of figs) expect(md).toContain(`(figures/${f.name}.svg)`);

    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect((html.match(/<figure class="plot"/g) ?? []).length).toBe(figs.length);
    expect((html.match(/<svg/g) ?? []).length).toBe(figs.length);
    // self-contained: no script, no external resource
    expect(html).not.toMatch(/<script|<link|\ssrc=|href="https?:/i);
    const order = ['id="summary"', 'id="claims"', 'id="counterexamples"', 'id="power"', 'id="real-data"', 'id="assumptions"', 'id="environment"'].map((s) => html.indexOf(s));
    expect(order.every((v, i) => v > 0 && (i === 0 || v > order[i - 1]))).toBe(true);
  });

  it('the Assumptions table cannot overflow the page: cells wrap anywhere, the table scrolls inside its container', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-'));
    const r = results();
    // an unbreakable 400-character value, wider than the 1100 px body on its own
    r.assumptions = [{ name: 'LONG', module: 'src/a/very/long/module/path/that/goes/on.ts', value: 'x'.repeat(400), doc: 'doc' }];
    await writeReport(dir, r, { timings, environment: [env] });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/td,th\{[^}]*overflow-wrap:anywhere/);
    expect(html).toMatch(/\.table-wrap\{max-width:100%;overflow-x:auto\}/);
    const section = html.slice(html.indexOf('id="assumptions"'), html.indexOf('id="environment"'));
    expect(section).toMatch(/<div class="table-wrap"><table><thead><tr><th>name<\/th>/);
  });

  it('escapes HTML in claim text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-'));
    const r = results();
    r.claims[0].statement = '<img src=x onerror=alert(1)> & a<b';
    await writeReport(dir, r, { timings, environment: [env] });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; a&lt;b');
  });
});

describe('report diff', () => {
  it('no differences between a run and itself', () => {
    expect(diffResults(results(), results())).toEqual([]);
    expect(diffText('a', 'b', [])).toMatch(/no differences/);
  });

  it('reports the changed verdict, the changed m* cell and the slope it moves (oracle: the edits made)', () => {
    const a = results();
    const b = results({ verdict: 'refuted', mStar: 5000, seed: 2 });
    expect(a.claims[0].cells![0]).toMatchObject({ regime: 'soft', gamma: 0.1, eps: 0.05, mStar: 4000 }); // round(2/(0.1²·0.05))
    const d = diffResults(a, b);
    expect(d.filter((e) => e.section === 'settings')).toEqual([{ section: 'settings', key: 'seed', a: 1, b: 2 }]);
    expect(d.filter((e) => e.section === 'verdicts')).toEqual([{ section: 'verdicts', key: 'w', a: 'verified', b: 'refuted' }]);
    const cell = d.filter((e) => e.section === 'cells');
    expect(cell).toEqual([{ section: 'cells', key: 'w · ds-0.1 soft γ=0.1 ε=0.05', a: 4000, b: 5000 }]);
    // both soft fits (1/γ at ε = 0.05, 1/ε at γ = 0.1) contain the changed cell; no hard fit does
    const slopes = d.filter((e) => e.section === 'slopes').map((e) => e.key);
    expect(slopes).toEqual(['w · soft m* vs 1/γ (fit at eps = 0.05)', 'w · soft m* vs 1/ε (fit at gamma = 0.1)']);
    expect(slopes.some((k) => k.includes('hard'))).toBe(false);
    const text = diffText('runA', 'runB', d);
    expect(text).toMatch(/verdicts \(1 changed\):\n {2}w: verified → refuted/);
    expect(text).toMatch(/m\* per cell \(1 changed\):\n {2}w · ds-0\.1 soft γ=0\.1 ε=0\.05: 4000 → 5000/);
  });
});
