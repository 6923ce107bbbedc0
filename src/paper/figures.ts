/**
 * The reproduction's figures as Vega-Lite specs, rendered to SVG by the report module's headless renderer
 * (src/report/plots.ts renderSvg: vega-lite compile → vega View, renderer 'none' → toSVG):
 *   accuracy-<model>   test accuracy against width, soft vs hard (and the teacher), one panel per (pair, σ);
 *   loss-<model>       test loss (logistic, true labels) against width, same layout;
 *   gap                small-width accuracy gap soft − hard against σ, per pair, one panel per model;
 *   gamma              NTK margin γ_rkhs against σ, per pair (log scale).
 * Points are means over seeds; the gap and γ figures also show each seed as a small dot.
 */
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../report/plots.js';
import { pairLabel, type TaskRow, type WidthRow } from './aggregate.js';
import type { CellRecord, StudentModel } from './cell.js';
import type { PaperConfig } from './config.js';
import { meanOf } from '../stats/pairedTests.js';

export interface PaperFigure {
  name: string;
  title: string;
  caption: string;
  svg: string;
}

/** Panel size in CSS pixels (faceted figures) and single-plot size. */
export const PANEL = { width: 130, height: 95 } as const;
export const PLOT = { width: 360, height: 240 } as const;

const REGIME_COLORS = { domain: ['soft', 'hard', 'teacher'], range: ['#1f77b4', '#d62728', '#7f7f7f'] };
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function widthSpec(rows: readonly WidthRow[], tasks: readonly TaskRow[], model: StudentModel, what: 'acc' | 'loss'): TopLevelSpec {
  const values: Record<string, unknown>[] = [];
  for (const r of rows.filter((x) => x.model === model)) {
    for (const regime of ['soft', 'hard'] as const) {
      const s = r[regime];
      values.push({ pair: r.pair, sigma: `σ = ${r.sigma}`, m: r.m, regime, y: what === 'acc' ? s.accMean : s.lossMean });
    }
    const t = tasks.find((x) => x.pair === r.pair && x.sigma === r.sigma);
    if (what === 'acc' && t && t.teacherAccMean !== null) values.push({ pair: r.pair, sigma: `σ = ${r.sigma}`, m: r.m, regime: 'teacher', y: t.teacherAccMean });
  }
  return {
    $schema: SCHEMA,
    background: 'white',
    data: { values },
    facet: { row: { field: 'pair', type: 'nominal', title: null }, column: { field: 'sigma', type: 'nominal', title: null } },
    spec: {
      width: PANEL.width,
      height: PANEL.height,
      mark: { type: 'line', point: { size: 18 } },
      encoding: {
        x: { field: 'm', type: 'quantitative', scale: { type: 'log', base: 2 }, title: 'width m', axis: { values: [1, 4, 16, 64] } },
        y: { field: 'y', type: 'quantitative', scale: { zero: false }, title: what === 'acc' ? 'test accuracy' : 'test loss (nats)' },
        color: { field: 'regime', type: 'nominal', scale: REGIME_COLORS, title: '' },
        strokeDash: { field: 'regime', type: 'nominal', scale: { domain: ['soft', 'hard', 'teacher'], range: [[1, 0], [1, 0], [4, 3]] }, title: '' },
      },
    },
    config: { font: 'sans-serif' },
  } as TopLevelSpec;
}

function smallGapPoints(c: PaperConfig, cells: readonly CellRecord[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const cell of cells) {
    if (cell.error) continue;
    for (const model of ['two-layer', 'mlp'] as const) {
      const widths = (model === 'two-layer' ? c.widths : c.mlp.widths).filter((m) => m <= c.smallWidthMax);
      const d = widths.map((m) => {
        const get = (r: string) => cell.students.find((s) => s.model === model && s.m === m && s.regime === r)!.testAccuracy;
        return get('soft') - get('hard');
      });
      out.push({ model, pair: pairLabel(cell.pair), sigma: cell.sigma, seed: cell.seed, gap: meanOf(d) });
    }
  }
  return out;
}

function gapSpec(c: PaperConfig, cells: readonly CellRecord[]): TopLevelSpec {
  return {
    $schema: SCHEMA,
    background: 'white',
    data: { values: smallGapPoints(c, cells) },
    facet: { column: { field: 'model', type: 'nominal', title: null, sort: ['two-layer', 'mlp'] } },
    spec: {
      width: PLOT.width * 0.75,
      height: PLOT.height,
      layer: [
        { mark: { type: 'rule', color: '#999' }, encoding: { y: { datum: 0 } } },
        { mark: { type: 'point', size: 12, opacity: 0.45 }, encoding: { x: { field: 'sigma', type: 'quantitative', title: 'pixel noise σ' }, y: { field: 'gap', type: 'quantitative' }, color: { field: 'pair', type: 'nominal', title: 'pair' } } },
        {
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'sigma', type: 'quantitative' },
            y: { aggregate: 'mean', field: 'gap', type: 'quantitative', title: `soft − hard test accuracy (m ≤ ${c.smallWidthMax})` },
            color: { field: 'pair', type: 'nominal' },
          },
        },
      ],
    },
    config: { font: 'sans-serif' },
  } as TopLevelSpec;
}

function gammaSpec(cells: readonly CellRecord[]): TopLevelSpec {
  const values = cells.map((cell) => ({ pair: pairLabel(cell.pair), sigma: cell.sigma, seed: cell.seed, gamma: cell.gammaUpper }));
  return {
    $schema: SCHEMA,
    background: 'white',
    width: PLOT.width,
    height: PLOT.height,
    data: { values },
    layer: [
      { mark: { type: 'point', size: 12, opacity: 0.45 }, encoding: { x: { field: 'sigma', type: 'quantitative', title: 'pixel noise σ' }, y: { field: 'gamma', type: 'quantitative', scale: { type: 'log' } }, color: { field: 'pair', type: 'nominal', title: 'pair' } } },
      {
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'sigma', type: 'quantitative' },
          y: { aggregate: 'mean', field: 'gamma', type: 'quantitative', scale: { type: 'log' }, title: 'NTK margin γ_rkhs (log scale)' },
          color: { field: 'pair', type: 'nominal' },
        },
      },
    ],
    config: { font: 'sans-serif' },
  } as TopLevelSpec;
}

/** Render every figure (fixed order). */
export async function paperFigures(c: PaperConfig, cells: readonly CellRecord[], rows: readonly WidthRow[], tasks: readonly TaskRow[]): Promise<PaperFigure[]> {
  const seeds = `${c.seeds} seed${c.seeds === 1 ? '' : 's'}`;
  const specs: { name: string; title: string; caption: string; spec: TopLevelSpec }[] = [];
  for (const model of ['two-layer', 'mlp'] as const) {
    const label = model === 'two-layer' ? 'two-layer student' : 'two-hidden-layer MLP';
    specs.push({
      name: `accuracy-${model}`,
      title: `Test accuracy against width, soft vs hard (${label})`,
      caption: `Mean over ${seeds}; rows: digit pairs, columns: noise σ; dashed grey: the teacher's test accuracy.`,
      spec: widthSpec(rows, tasks, model, 'acc'),
    });
    specs.push({
      name: `loss-${model}`,
      title: `Test loss against width, soft vs hard (${label})`,
      caption: `Mean logistic loss against the true test labels, over ${seeds}; rows: pairs, columns: σ.`,
      spec: widthSpec(rows, tasks, model, 'loss'),
    });
  }
  specs.push({
    name: 'gap',
    title: `Small-width accuracy gap soft − hard against noise σ`,
    caption: `Gap averaged over widths ≤ ${c.smallWidthMax}; dots: one seed each, lines: mean over seeds. Above 0: soft labels better.`,
    spec: gapSpec(c, cells),
  });
  specs.push({
    name: 'gamma',
    title: 'NTK margin γ against noise σ',
    caption: `γ_rkhs of the students' training split (n = ${c.n}), upper end of the certified bracket; dots: seeds, lines: means.`,
    spec: gammaSpec(cells),
  });
  const out: PaperFigure[] = [];
  for (const s of specs) out.push({ name: s.name, title: s.title, caption: s.caption, svg: await renderSvg(s.spec) });
  return out;
}
