/**
 * The report's figures as SVG: Vega-Lite spec (plotSpecs.ts) → vega-lite compile → vega View with the
 * headless 'none' renderer → toSVG(). No canvas, no browser, no network.
 * Source: vega 6 API, `new vega.View(vega.parse(spec), {renderer: 'none'}).toSVG()` [VERIFIED in use].
 */
import type { DocFigure } from './document.js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ClaimRecord } from '../run/schema.js';
import { genericSpec, lossCurveSpec, marginBracketSpec, ntkErrorSpec, ratioSpec, SERIES_LABELS_MARGIN, widthSpec } from './plotSpecs.js';
import { SERIES_LABELS } from './seriesLabels.js';
import { fitSlopes } from './slopes.js';

/** A rendered figure (see DocFigure); name is file-safe and unique within a report: "<claim id>-<kind>". */
export type Figure = DocFigure;

/** Render a Vega-Lite spec to an SVG string (headless). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vg = compile(spec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/** The specs a claim record calls for, in a fixed order: width plots, ratio, then its series by name. */
export function figureSpecsFor(r: Pick<ClaimRecord, 'id' | 'cells' | 'series'>): { name: string; title: string; caption: string; spec: TopLevelSpec }[] {
  const out: { name: string; title: string; caption: string; spec: TopLevelSpec }[] = [];
  const add = (kind: string, title: string, made: { spec: TopLevelSpec; caption: string } | null) => {
    if (made) out.push({ name: `${safe(r.id)}-${safe(kind)}`, title, ...made });
  };
  if (r.cells && r.cells.length) {
    const fits = fitSlopes(r.cells);
    add('width-vs-inv-gamma', 'Required width m* against 1/γ', widthSpec(fits, 'invGamma'));
    add('width-vs-inv-eps', 'Required width m* against 1/ε', widthSpec(fits, 'invEps'));
    add('hard-soft-ratio', 'm*_hard / m*_soft against γ', ratioSpec(r.cells));
  }
  for (const name of Object.keys(r.series ?? {}).sort()) {
    const pts = r.series![name];
    if (pts.length === 0) continue;
    if (name === 'ntk-error') add(name, 'NTK error against width', ntkErrorSpec(pts));
    else if (name === 'loss-curve') add(name, 'Training loss against epochs (soft and hard labels)', lossCurveSpec(pts));
    else if (name === 'margin-bracket') add(name, `Margin brackets: ${SERIES_LABELS_MARGIN}`, marginBracketSpec(pts));
    else add(name, SERIES_LABELS[name]?.title ?? name, genericSpec(name, pts));
  }
  return out;
}

/** Render every figure of a claim record. */
export async function figuresFor(r: Pick<ClaimRecord, 'id' | 'cells' | 'series'>): Promise<Figure[]> {
  const specs = figureSpecsFor(r);
  const out: Figure[] = [];
  for (const s of specs) out.push({ name: s.name, title: s.title, caption: s.caption, svg: await renderSvg(s.spec) });
  return out;
}
