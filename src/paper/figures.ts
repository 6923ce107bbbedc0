/**
 * The reproduction's figures as Vega-Lite specs, rendered to SVG by the report module's headless renderer
 * (src/report/plots.ts renderSvg: vega-lite compile → vega View, renderer 'none' → toSVG):
 *   accuracy-<model>  test accuracy against width: hard, soft from each teacher, and each teacher's own accuracy
 *                     (dashed), one panel per (pair, σ);
 *   loss-<model>      test loss (logistic, true labels) against width, same layout, no teachers;
 *   gap-width         the gap soft − hard against width, pooled over tasks: one dot per seed, mean with its
 *                     t-interval; one panel per (teacher, model);
 *   gap-sigma         small-width gap against σ per pair, dots = seeds, lines = means; panels teacher × model;
 *   gap-gamma         small-width gap against the NTK margin γ (log), one dot per (pair, σ, seed); same panels;
 *   teacher           each teacher's test accuracy and expected calibration error against σ, per pair;
 *   gamma             NTK margin γ_rkhs against σ, per pair (log scale).
 */
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../report/plots.js';
import { MODELS, pairLabel, smallWidths, studentPair, type TaskRow, type WidthRow, type WidthSummaryRow } from './aggregate.js';
import type { CellRecord } from './cell.js';
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

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const SERIES = ['hard', 'soft · ntk', 'soft · wide-net', 'teacher · ntk', 'teacher · wide-net'];
const SERIES_COLORS = { domain: SERIES, range: ['#d62728', '#1f77b4', '#2ca02c', '#1f77b4', '#2ca02c'] };
const SERIES_DASH = { domain: SERIES, range: [[1, 0], [1, 0], [1, 0], [4, 3], [4, 3]] };
const BASE = { $schema: SCHEMA, background: 'white', config: { font: 'sans-serif' } } as const;

function widthSpec(rows: readonly WidthRow[], tasks: readonly TaskRow[], model: string, what: 'acc' | 'loss'): TopLevelSpec {
  const values: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const r of rows.filter((x) => x.model === model)) {
    const at = { pair: r.pair, sigma: `σ = ${r.sigma}`, m: r.m };
    values.push({ ...at, series: `soft · ${r.teacher}`, y: what === 'acc' ? r.soft.accMean : r.soft.lossMean });
    const key = JSON.stringify(at);
    if (!seen.has(key)) {
      seen.add(key);
      values.push({ ...at, series: 'hard', y: what === 'acc' ? r.hard.accMean : r.hard.lossMean });
    }
    const t = tasks.find((x) => x.pair === r.pair && x.sigma === r.sigma)?.teachers[r.teacher];
    if (what === 'acc' && t && t.accMean !== null) values.push({ ...at, series: `teacher · ${r.teacher}`, y: t.accMean });
  }
  return {
    ...BASE,
    data: { values },
    facet: { row: { field: 'pair', type: 'nominal', title: null }, column: { field: 'sigma', type: 'nominal', title: null } },
    spec: {
      width: PANEL.width,
      height: PANEL.height,
      mark: { type: 'line', point: { size: 14 } },
      encoding: {
        x: { field: 'm', type: 'quantitative', scale: { type: 'log', base: 2 }, title: 'width m' },
        y: { field: 'y', type: 'quantitative', scale: { zero: false }, title: what === 'acc' ? 'test accuracy' : 'test loss (nats)' },
        color: { field: 'series', type: 'nominal', scale: SERIES_COLORS, title: '' },
        strokeDash: { field: 'series', type: 'nominal', scale: SERIES_DASH, title: '' },
      },
    },
  } as TopLevelSpec;
}

function gapWidthSpec(summary: readonly WidthSummaryRow[]): TopLevelSpec {
  const dots = summary.flatMap((r) => r.perSeed.map((g) => ({ panel: `${r.teacher} · ${r.model}`, m: r.m, gap: g })));
  const means = summary.filter((r) => r.gap).map((r) => ({ panel: `${r.teacher} · ${r.model}`, m: r.m, mean: r.gap!.mean, lo: r.gap!.lower, hi: r.gap!.upper }));
  const x = { field: 'm', type: 'quantitative', scale: { type: 'log', base: 2 }, title: 'width m' } as const;
  return {
    ...BASE,
    // Seed rows carry gap, mean rows carry mean/lo/hi: each layer drops the rows whose field is missing.
    data: { values: [...dots, ...means] },
    facet: { column: { field: 'panel', type: 'nominal', title: null } },
    spec: {
      width: PANEL.width * 1.3,
      height: PLOT.height * 0.8,
      layer: [
        { mark: { type: 'rule', color: '#999' }, encoding: { y: { datum: 0 } } },
        { mark: { type: 'point', size: 10, opacity: 0.4, color: '#555' }, encoding: { x, y: { field: 'gap', type: 'quantitative', title: 'soft − hard test accuracy' } } },
        { mark: { type: 'rule', color: '#1f77b4', strokeWidth: 2 }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
        { mark: { type: 'line', point: true, color: '#1f77b4' }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
      ],
    },
  } as TopLevelSpec;
}

interface GapPoint {
  panel: string;
  pair: string;
  sigma: number;
  seed: number;
  gamma: number;
  gap: number;
}

function gapPoints(c: PaperConfig, cells: readonly CellRecord[]): GapPoint[] {
  const out: GapPoint[] = [];
  for (const teacher of c.teachers) {
    for (const model of MODELS) {
      for (const cell of cells) {
        const d = smallWidths(c, model)
          .map((m) => studentPair(cell, model, m, teacher))
          .filter((p) => p.soft && p.hard)
          .map((p) => p.soft!.testAccuracy - p.hard!.testAccuracy);
        if (d.length) out.push({ panel: `${teacher} · ${model}`, pair: pairLabel(cell.pair), sigma: cell.sigma, seed: cell.seed, gamma: cell.gammaUpper, gap: meanOf(d) });
      }
    }
  }
  return out;
}

/** One panel per teacher × student of gap points, a zero rule under the given layers. */
function gapPanels(pts: GapPoint[], layers: object[]): TopLevelSpec {
  return {
    ...BASE,
    data: { values: pts },
    facet: { column: { field: 'panel', type: 'nominal', title: null } },
    spec: {
      width: PANEL.width * 1.3,
      height: PLOT.height * 0.8,
      layer: [{ mark: { type: 'rule', color: '#999' }, encoding: { y: { datum: 0 } } }, ...layers],
    },
  } as TopLevelSpec;
}

function gapSigmaSpec(c: PaperConfig, pts: GapPoint[]): TopLevelSpec {
  const y = { field: 'gap', type: 'quantitative', title: `soft − hard test accuracy (m ≤ ${c.smallWidthMax})` } as const;
  return gapPanels(pts, [
    { mark: { type: 'point', size: 10, opacity: 0.4 }, encoding: { x: { field: 'sigma', type: 'quantitative', title: 'pixel noise σ' }, y, color: { field: 'pair', type: 'nominal', title: 'pair' } } },
    { mark: { type: 'line', point: true }, encoding: { x: { field: 'sigma', type: 'quantitative' }, y: { ...y, aggregate: 'mean' }, color: { field: 'pair', type: 'nominal' } } },
  ]);
}

function gapGammaSpec(c: PaperConfig, pts: GapPoint[]): TopLevelSpec {
  return gapPanels(pts, [
    {
      mark: { type: 'point', size: 12, opacity: 0.5 },
      encoding: {
        x: { field: 'gamma', type: 'quantitative', scale: { type: 'log' }, title: 'NTK margin γ_rkhs (log)' },
        y: { field: 'gap', type: 'quantitative', title: `soft − hard test accuracy (m ≤ ${c.smallWidthMax})` },
        color: { field: 'pair', type: 'nominal', title: 'pair' },
        shape: { field: 'sigma', type: 'nominal', title: 'σ' },
      },
    },
  ]);
}

function teacherSpec(c: PaperConfig, cells: readonly CellRecord[]): TopLevelSpec {
  const values = cells.flatMap((cell) =>
    cell.teachers
      .filter((t) => t.testAccuracy !== null)
      .flatMap((t) => [
        { teacher: t.kind, measure: 'test accuracy', pair: pairLabel(cell.pair), sigma: cell.sigma, y: t.testAccuracy },
        { teacher: t.kind, measure: 'ECE', pair: pairLabel(cell.pair), sigma: cell.sigma, y: t.testEce },
      ]),
  );
  return {
    ...BASE,
    data: { values },
    facet: { row: { field: 'measure', type: 'nominal', title: null, sort: ['test accuracy', 'ECE'] }, column: { field: 'teacher', type: 'nominal', title: null, sort: [...c.teachers] } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: PANEL.width * 1.5,
      height: PANEL.height * 1.2,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'sigma', type: 'quantitative', title: 'pixel noise σ' },
        y: { aggregate: 'mean', field: 'y', type: 'quantitative', scale: { zero: false }, title: null },
        color: { field: 'pair', type: 'nominal', title: 'pair' },
      },
    },
  } as TopLevelSpec;
}

function gammaSpec(cells: readonly CellRecord[]): TopLevelSpec {
  const values = cells.map((cell) => ({ pair: pairLabel(cell.pair), sigma: cell.sigma, seed: cell.seed, gamma: cell.gammaUpper }));
  return {
    ...BASE,
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
  } as TopLevelSpec;
}

/** Names of the figures, in report order. */
export const FIGURE_NAMES = ['accuracy-two-layer', 'loss-two-layer', 'accuracy-mlp', 'loss-mlp', 'gap-width', 'gap-sigma', 'gap-gamma', 'teacher', 'gamma'] as const;

/** Render every figure (fixed order, FIGURE_NAMES). */
export async function paperFigures(c: PaperConfig, cells: readonly CellRecord[], rows: readonly WidthRow[], tasks: readonly TaskRow[], summary: readonly WidthSummaryRow[]): Promise<PaperFigure[]> {
  const seeds = `${c.seeds} seed${c.seeds === 1 ? '' : 's'}`;
  const pts = gapPoints(c, cells);
  const specs: { name: string; title: string; caption: string; spec: TopLevelSpec }[] = [];
  for (const model of MODELS) {
    const label = model === 'two-layer' ? 'two-layer student' : 'two-hidden-layer MLP';
    specs.push({
      name: `accuracy-${model}`,
      title: `Test accuracy against width: hard, soft from each teacher (${label})`,
      caption: `Mean over ${seeds}; rows: digit pairs, columns: noise σ; dashed: each teacher's own test accuracy.`,
      spec: widthSpec(rows, tasks, model, 'acc'),
    });
    specs.push({
      name: `loss-${model}`,
      title: `Test loss against width (${label})`,
      caption: `Mean logistic loss against the true test labels, over ${seeds}; rows: pairs, columns: σ.`,
      spec: widthSpec(rows, tasks, model, 'loss'),
    });
  }
  specs.push({
    name: 'gap-width',
    title: 'Gap soft − hard against width, pooled over pairs and σ',
    caption: `Grey dots: one seed each (its mean gap over every pair and σ); blue: mean with its ${(1 - c.alpha) * 100}% t-interval. Above 0: soft labels better.`,
    spec: gapWidthSpec(summary),
  });
  specs.push({
    name: 'gap-sigma',
    title: 'Small-width gap soft − hard against noise σ',
    caption: `Gap averaged over widths ≤ ${c.smallWidthMax}; dots: one seed each, lines: mean over seeds; one panel per teacher × student.`,
    spec: gapSigmaSpec(c, pts),
  });
  specs.push({
    name: 'gap-gamma',
    title: 'Small-width gap soft − hard against the NTK margin γ',
    caption: `One dot per (pair, σ, seed); smaller γ = harder on the theory's axis. The paper's observation would show as dots rising to the left.`,
    spec: gapGammaSpec(c, pts),
  });
  specs.push({
    name: 'teacher',
    title: "The teachers' test accuracy and calibration against σ",
    caption: `Means over ${seeds}; ECE = expected calibration error of σ(g_T/τ) on the test split (15 bins).`,
    spec: teacherSpec(c, cells),
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
