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
