import { describe, expect, it } from 'vitest';
import { figureSpecsFor, renderSvg } from '../../src/report/plots.js';
import { MAX_POINTS_PER_GROUP, thin, widthSpec } from '../../src/report/plotSpecs.js';
import { fitSlopes } from '../../src/report/slopes.js';
import { powerLawCells } from './fixtures/records.js';

/** Number of drawn data elements in vega's SVG: children of the `role-mark` groups. */
function marks(svg: string, markType: string): number {
  const re = new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*>([\\s\\S]*?)</g>`, 'g');
  let n = 0;
  for (const m of svg.matchAll(re)) n += (m[1].match(/<path|<line/g) ?? []).length;
  return n;
}

/** What a reader sees in one rendered figure: title, axis titles, legend titles and labels (document order). */
function anatomy(svg: string) {
  const texts = (role: string) =>
    [...svg.matchAll(new RegExp(`<g class="mark-text role-${role}[^"]*"[^>]*>([\\s\\S]*?)</g>`, 'g'))].flatMap((m) =>
      [...m[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')),
    );
  return { title: texts('title-text'), axes: texts('axis-title'), legendTitles: texts('legend-title'), legendLabels: texts('legend-label') };
}

/** Every series the catalog's claims produce (names and group labels as in properties/claims/*), plus cells. */
function catalogLikeRecord() {
  const ms = [1024, 16, 256];
  return {
    id: 'all',
    cells: powerLawCells(true) as never,
    series: {
      'ntk-error': [16, 64, 256].flatMap((m) => [
        { x: m, y: 1 / Math.sqrt(m), group: 'max|K_m − K| (mean of 4 inits, n=5, d=3)' },
        { x: m, y: 3 / Math.sqrt(m), group: 'radius sqrt(2 ln(2n²/δ)/m), δ=0.05' },
      ]),
      'loss-curve': ms.flatMap((m) => [0, 1, 2].flatMap((t) => [
        { x: t, y: 1 / (t + 1), group: `m=${m}, hard` },
        { x: t, y: 0.5 / (t + 1), group: `m=${m}, soft` },
      ])),
      'margin-bracket': [0, 1, 2].flatMap((i) => [{ x: i, y: 0.1 * (i + 1), group: 'lower' }, { x: i, y: 0.1 * (i + 1) + 1e-4, group: 'upper' }]),
      'lazy-flipped-fraction-loglog': ms.flatMap((m) => ['linear', 'xor'].map((k) => ({ x: m, y: 1 / m, group: k }))),
      'lazy-scaled-movement-loglog': ms.flatMap((m) => [{ x: m, y: 1, group: 'linear √m·max movement' }, { x: m, y: 2, group: 'linear bound η Σ min(R̂,1)' }]),
      'soft-width-cells-loglog': [[100, 40], [400, 90], [1600, 30]].flatMap(([x, y]) => [{ x, y, group: 'm* (soft)' }, { x, y: Math.ceil(0.5 * x), group: 'fitted bound ⌈Ĉ·g⌉' }]),
      'hard-width-cells-loglog': [[100, 40], [400, 90]].flatMap(([x, y]) => [{ x, y, group: 'm* (hard)' }, { x, y: Math.ceil(0.5 * x), group: 'fitted bound ⌈Ĉ·g⌉' }]),
    },
  };
}

describe('every figure can be read by a researcher (rendered SVG)', () => {
  it('a title in words, two labelled axes, a legend in numeric order where there is more than one series, a caption', async () => {
    const specs = figureSpecsFor(catalogLikeRecord());
    expect(specs).toHaveLength(10);
    for (const s of specs) {
      const a = anatomy(await renderSvg(s.spec));
      // title: present, in words (not an internal id such as "lazy-flipped-fraction-loglog")
      expect(a.title.join(' '), s.name).toMatch(/^[A-Z]/);
      expect(a.title.join(' '), s.name).not.toMatch(/-loglog|[a-z]+-[a-z]+-[a-z]+/);
      expect(s.title, s.name).not.toMatch(/-loglog/);
      // axes: exactly two titles, neither a placeholder
      expect(a.axes, s.name).toHaveLength(2);
      for (const t of a.axes) expect(t.trim(), s.name).not.toMatch(/^(x|y|)$/);
      // legend: present wherever the data has more than one series, with a title, labels in numeric order
      // (every series of this record has ≥ 2 groups, except the margin brackets: one bracket per case)
      if (!s.name.endsWith('margin-bracket')) expect(a.legendLabels.length, s.name).toBeGreaterThan(1);
      for (const t of a.legendTitles) expect(t.trim(), s.name).not.toBe('');
      const widths = a.legendLabels.map((l) => /^m=(\d+)/.exec(l)?.[1]).filter((v): v is string => v !== undefined).map(Number);
      expect(widths, s.name).toEqual([...widths].sort((p, q) => p - q));
      expect(s.caption.length, s.name).toBeGreaterThan(40);
    }
  });

  it('loss curves: widths in numeric order, and soft vs hard named as different objectives', async () => {
    const s = figureSpecsFor(catalogLikeRecord()).find((f) => f.name === 'all-loss-curve')!;
    const a = anatomy(await renderSvg(s.spec));
    expect(a.legendLabels.filter((l) => l.startsWith('m='))).toEqual(['m=16, hard', 'm=16, soft', 'm=256, hard', 'm=256, soft', 'm=1024, hard', 'm=1024, soft']);
    expect(a.legendLabels).toEqual(expect.arrayContaining(['hard: logistic', 'soft: KL(p ‖ σ(f))']));
    expect(s.caption).toMatch(/different objectives/);
  });

  it('margin brackets say which γ they draw, and promise dots only where the series has estimates', async () => {
    const s = figureSpecsFor(catalogLikeRecord()).find((f) => f.name === 'all-margin-bracket')!;
    expect(s.caption).toMatch(/^γ_sup/);
    expect(s.caption).not.toMatch(/dot/);
    expect(marks(await renderSvg(s.spec), 'symbol')).toBe(0);
    const withDots = figureSpecsFor({ id: 'e', series: { 'margin-bracket': [{ x: 0, y: 0.1, group: 'lower' }, { x: 0, y: 0.2, group: 'upper' }, { x: 0, y: 0.15, group: 'estimate' }] } })[0];
    expect(withDots.caption).toMatch(/dot = estimate \(1 case\)/);
    expect(marks(await renderSvg(withDots.spec), 'symbol')).toBe(1);
  });

  it('width-cell plots draw each cell as a point (cells are unrelated datasets), the fitted bound as a line', async () => {
    const s = figureSpecsFor(catalogLikeRecord()).find((f) => f.name === 'all-soft-width-cells-loglog')!;
    const svg = await renderSvg(s.spec);
    expect(marks(svg, 'symbol')).toBe(3); // three m* cells
    expect(marks(svg, 'line')).toBe(1); // one bound line, without point symbols of its own
  });
});

describe('figures', () => {
  it('the conventional series and cells give the documented figures, in a fixed order', () => {
    const specs = figureSpecsFor({
      id: 'c',
      cells: powerLawCells(true) as never,
      series: {
        'ntk-error': [{ x: 16, y: 0.2 }, { x: 64, y: 0.1 }],
        'loss-curve': [{ x: 0, y: 1, group: 'm=8, soft' }],
        'margin-bracket': [{ x: 0, y: 0.1, group: 'lower' }, { x: 0, y: 0.2, group: 'upper' }],
        'other-loglog': [{ x: 1, y: 1 }],
      },
    });
    expect(specs.map((s) => s.name)).toEqual([
      'c-width-vs-inv-gamma',
      'c-width-vs-inv-eps',
      'c-hard-soft-ratio',
      'c-loss-curve',
      'c-margin-bracket',
      'c-ntk-error',
      'c-other-loglog',
    ]);
  });

  it('renders the width plot headless: one point per cell, fitted and theory lines; caption states the slopes', async () => {
    const cells = powerLawCells();
    const made = widthSpec(fitSlopes(cells), 'invGamma')!;
    expect(made.caption).toMatch(/soft: fitted slope 2\.00 \(theory slope 2\).*hard: fitted slope 4\.00 \(theory slope 4\)/);
    const svg = await renderSvg(made.spec);
    expect(svg.startsWith('<svg')).toBe(true);
    // 3 γ values per regime at the fixed ε → 6 points
    expect(marks(svg, 'symbol')).toBe(6);
    // lines: soft fit, soft theory, hard fit, hard theory
    expect(marks(svg, 'line')).toBe(4);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('NTK-error plot: data line plus a c/√m reference', async () => {
    const s = figureSpecsFor({ id: 'n', series: { 'ntk-error': [16, 64, 256].map((m) => ({ x: m, y: 1 / Math.sqrt(m) })) } })[0];
    expect(s.caption).toMatch(/c = 1\.00/); // exact 1/√m data → anchor c = 1
    const svg = await renderSvg(s.spec);
    expect(marks(svg, 'line')).toBe(2);
  });

  it('thin keeps at most MAX_POINTS_PER_GROUP per group, first and last included', () => {
    const pts = Array.from({ length: 1001 }, (_, t) => ({ x: t, y: 1, group: 'g' }));
    const out = thin(pts);
    expect(out).toHaveLength(MAX_POINTS_PER_GROUP);
    expect(out[0].x).toBe(0);
    expect(out[out.length - 1].x).toBe(1000);
  });
});
