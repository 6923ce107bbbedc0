/**
 * Vega-Lite specifications of the report's figures, built from a claim's cells and series (conventional
 * series names: src/verify/types.ts). Pure data → spec; rendering to SVG is in plots.ts.
 *
 * Reference lines are anchored at the geometric mean of the plotted points (they show the theory's shape,
 * not its constant): a power law c·x^t with c = exp(mean(ln y) − t·mean(ln x)); the hard regime's ln(1/ε)
 * with c = exp(mean(ln y − ln ln x)); the 1/√m NTK error line with c = exp(mean(ln y + ½ ln m)).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { WidthCell } from '../verify/types.js';
import type { SlopeFit } from './slopes.js';

export type Point = { x: number; y: number; group?: string };

/** Plot size in CSS pixels. */
export const PLOT_WIDTH = 420;
export const PLOT_HEIGHT = 260;
/** Series longer than this (per group) are thinned to evenly spaced points for drawing (first and last kept). */
export const MAX_POINTS_PER_GROUP = 300;
/**
 * Legend label width before truncation, px; 0 = no limit. Headless rendering estimates text width without
 * a canvas (over-estimating), so any finite limit cuts the claims' long series names.
 */
export const LEGEND_LABEL_LIMIT = 0;
/** Points on a drawn reference curve. */
const CURVE_POINTS = 24;

const REGIME_COLORS = { domain: ['soft', 'hard'], range: ['#1f77b4', '#d62728'] };

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));

function base(title: string): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    title,
    background: 'white',
    config: { font: 'sans-serif', legend: { orient: 'bottom', direction: 'vertical', labelLimit: LEGEND_LABEL_LIMIT, titleLimit: LEGEND_LABEL_LIMIT } },
  };
}

/** x-values spaced geometrically over [lo, hi]. */
function geomspace(lo: number, hi: number, k = CURVE_POINTS): number[] {
  if (lo === hi) return [lo];
  return Array.from({ length: k }, (_, i) => lo * (hi / lo) ** (i / (k - 1)));
}

/** Thin each group of a series to at most MAX_POINTS_PER_GROUP evenly spaced points. */
export function thin(points: readonly Point[]): Point[] {
  const groups = new Map<string, Point[]>();
  for (const p of points) groups.set(p.group ?? '', [...(groups.get(p.group ?? '') ?? []), p]);
  const out: Point[] = [];
  for (const g of groups.values()) {
    if (g.length <= MAX_POINTS_PER_GROUP) {
      out.push(...g);
      continue;
    }
    const step = (g.length - 1) / (MAX_POINTS_PER_GROUP - 1);
    for (let i = 0; i < MAX_POINTS_PER_GROUP; i++) out.push(g[Math.round(i * step)]);
  }
  return out;
}

/**
 * m* against 1/γ (against = 'invGamma') or 1/ε ('invEps'), log-log, soft and hard, with each regime's
 * OLS fit (solid) and theory reference (dashed).
 */
export function widthSpec(fits: readonly SlopeFit[], against: 'invGamma' | 'invEps'): { spec: TopLevelSpec; caption: string } | null {
  const mine = fits.filter((f) => f.against === against);
  if (mine.length === 0) return null;
  const xName = against === 'invGamma' ? '1/γ' : '1/ε';
  const points = mine.flatMap((f) => [
    ...f.points.map((p) => ({ x: p.x, y: p.y, regime: f.regime, cell: 'fitted' })),
    ...f.excluded.map((p) => ({ x: p.x, y: p.y, regime: f.regime, cell: 'not applicable (not fitted)' })),
  ]);
  const lines: { x: number; y: number; regime: string; line: string }[] = [];
  const parts: string[] = [];
  for (const f of mine) {
    const xs = f.points.map((p) => p.x);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    for (const x of [lo, hi]) lines.push({ x, y: Math.exp(f.intercept + f.slope * Math.log(x)), regime: f.regime, line: 'OLS fit' });
    const lx = f.points.map((p) => Math.log(p.x));
    const ly = f.points.map((p) => Math.log(p.y));
    if (f.theory === 'ln') {
      const lnLo = Math.max(lo, Math.E ** 0.05);
      const c = Math.exp(mean(f.points.map((p) => Math.log(p.y) - Math.log(Math.log(Math.max(p.x, lnLo))))));
      for (const x of geomspace(lnLo, Math.max(hi, lnLo))) lines.push({ x, y: c * Math.log(x), regime: f.regime, line: 'theory' });
    } else {
      const c = Math.exp(mean(ly) - f.theory * mean(lx));
      for (const x of [lo, hi]) lines.push({ x, y: c * x ** f.theory, regime: f.regime, line: 'theory' });
    }
    const theory = f.theory === 'ln' ? 'ln(1/ε)' : `slope ${f.theory}`;
    const capped =
      (f.capped ? `, ${f.capped} capped cell${f.capped === 1 ? '' : 's'} left out` : '') +
      (f.excluded.length ? `, ${f.excluded.length} not-applicable cell${f.excluded.length === 1 ? '' : 's'} drawn as crosses, not fitted` : '');
    parts.push(`${f.regime}: fitted slope ${fmt(f.slope)} (theory ${theory}) at ${f.fixedName === 'eps' ? 'ε' : 'γ'} = ${fmt(f.fixedValue)}, ${f.points.length} points${capped}`);
  }
  const xEnc = { field: 'x', type: 'quantitative' as const, scale: { type: 'log' as const }, title: xName };
  const yEnc = { field: 'y', type: 'quantitative' as const, scale: { type: 'log' as const }, title: 'm* (required width)' };
  const color = { field: 'regime', type: 'nominal' as const, scale: REGIME_COLORS, title: 'regime' };
  const spec = {
    ...base(`m* against ${xName} (log-log)`),
    layer: [
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x: xEnc,
          y: yEnc,
          color,
          shape: { field: 'cell', type: 'nominal', scale: { domain: ['fitted', 'not applicable (not fitted)'], range: ['circle', 'cross'] }, title: 'cell' },
        },
      },
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x: xEnc,
          y: yEnc,
          color,
          detail: { field: 'line', type: 'nominal' },
          strokeDash: { field: 'line', type: 'nominal', scale: { domain: ['OLS fit', 'theory'], range: [[1, 0], [6, 4]] }, title: 'line' },
        },
      },
    ],
  } as TopLevelSpec;
  return {
    spec,
    caption:
      parts.join('; ') +
      ". These are the report's point fits (OLS) over the plotted cells at that fixed value, for the picture; a claim's own fits follow its design" +
      ' (e.g. pooling several datasets) and carry bootstrap intervals in its evidence and metrics, so the numbers can differ.' +
      ' Theory lines are anchored at the geometric mean of the fitted points.',
  };
}

/** m*_hard/m*_soft against γ (log-log), one line per ε, from applicable cells with both regimes measured. */
export function ratioSpec(cells: readonly WidthCell[]): { spec: TopLevelSpec; caption: string } | null {
  const key = (c: WidthCell) => `${c.dataset}|${c.gamma}|${c.eps}`;
  const soft = new Map<string, WidthCell>();
  const fitted = cells.filter((c) => c.applicable !== false);
  for (const c of fitted) if (c.regime === 'soft' && c.mStar) soft.set(key(c), c);
  const values: { gamma: number; ratio: number; eps: string }[] = [];
  for (const c of fitted) {
    const s = soft.get(key(c));
    if (c.regime === 'hard' && c.mStar && s?.mStar) values.push({ gamma: c.gamma, ratio: c.mStar / s.mStar, eps: `ε = ${fmt(c.eps)}` });
  }
  if (new Set(values.map((v) => v.gamma)).size < 2) return null;
  values.sort((a, b) => a.eps.localeCompare(b.eps) || a.gamma - b.gamma);
  // The bounds' ratio at fixed ε is ∝ γ^-2: one dashed reference per ε through the geometric mean of its points.
  const theory = [...new Set(values.map((v) => v.eps))].flatMap((eps) => {
    const g = values.filter((v) => v.eps === eps);
    const c = Math.exp(mean(g.map((v) => Math.log(v.ratio) + 2 * Math.log(v.gamma))));
    const gs = g.map((v) => v.gamma);
    return geomspace(Math.min(...gs), Math.max(...gs)).map((gamma) => ({ gamma, ratio: c * gamma ** -2, eps }));
  });
  const x = { field: 'gamma', type: 'quantitative', scale: { type: 'log' }, title: 'γ' };
  const y = { field: 'ratio', type: 'quantitative', scale: { type: 'log' }, title: 'm*_hard / m*_soft' };
  const color = { field: 'eps', type: 'nominal', title: 'ε' };
  const spec = {
    ...base('m*_hard / m*_soft against γ'),
    layer: [
      { data: { values }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, color } },
      { data: { values: theory }, mark: { type: 'line', strokeDash: [5, 4] }, encoding: { x, y, color, detail: { field: 'eps' } } },
    ],
  } as TopLevelSpec;
  return {
    spec,
    caption: `${values.length} (γ, ε) cells with both regimes measured (points); dashed: the bounds' ratio ε·ln(1/ε)/γ² ∝ γ^-2 at each ε, through the points' geometric mean — the theory predicts the ratio grows as γ shrinks.`,
  };
}

/** Epoch-averaged / per-epoch loss against epochs, one line per group ("m=…, soft|hard"). */
export function lossCurveSpec(points: readonly Point[]): { spec: TopLevelSpec; caption: string } {
  const values = thin(points).map((p) => ({ x: p.x, y: p.y, group: p.group ?? 'loss' }));
  const logY = values.every((v) => v.y > 0);
  const spec = {
    ...base('loss against epochs'),
    data: { values },
    mark: { type: 'line' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'epoch (one full-batch GD step)' },
      y: { field: 'y', type: 'quantitative', scale: logY ? { type: 'log' } : {}, title: 'loss (nats)' },
      color: { field: 'group', type: 'nominal', title: 'width, regime' },
    },
  } as TopLevelSpec;
  const groups = new Set(values.map((v) => v.group)).size;
  return { spec, caption: `${groups} curve${groups === 1 ? '' : 's'}${points.length > values.length ? ` (thinned to ≤ ${MAX_POINTS_PER_GROUP} points each for drawing)` : ''}.` };
}

/** NTK error max|K_m − K| against m, log-log, with a c/√m reference line. */
export function ntkErrorSpec(points: readonly Point[]): { spec: TopLevelSpec; caption: string } | null {
  const pts = points.filter((p) => p.x > 0 && p.y > 0);
  if (pts.length === 0) return null;
  const c = Math.exp(mean(pts.map((p) => Math.log(p.y) + 0.5 * Math.log(p.x))));
  const xs = pts.map((p) => p.x);
  const ref = geomspace(Math.min(...xs), Math.max(...xs), 2).map((x) => ({ x, y: c / Math.sqrt(x), line: 'c/√m reference' }));
  const data = pts.map((p) => ({ x: p.x, y: p.y, line: p.group ?? 'measured' }));
  const xEnc = { field: 'x', type: 'quantitative', scale: { type: 'log' }, title: 'width m' };
  const yEnc = { field: 'y', type: 'quantitative', scale: { type: 'log' }, title: 'max |K_m − K|' };
  const spec = {
    ...base('NTK error against width (log-log)'),
    layer: [
      { data: { values: data }, mark: { type: 'line', point: true }, encoding: { x: xEnc, y: yEnc, color: { field: 'line', type: 'nominal', title: '' } } },
      {
        data: { values: ref },
        mark: { type: 'line', strokeDash: [6, 4], color: 'gray' },
        encoding: { x: xEnc, y: yEnc },
      },
    ],
  } as TopLevelSpec;
  return { spec, caption: `Dashed: c/√m with c = ${fmt(c)} (geometric-mean anchor); the concentration bound has this rate.` };
}

/** Margin brackets: a vertical bar from lower to upper per dataset, the estimate as a dot. */
export function marginBracketSpec(points: readonly Point[]): { spec: TopLevelSpec; caption: string } | null {
  const rows = new Map<number, { x: number; lower?: number; upper?: number; estimate?: number }>();
  for (const p of points) {
    const r = rows.get(p.x) ?? { x: p.x };
    const g = (p.group ?? 'estimate').toLowerCase();
    if (g === 'lower' || g === 'upper' || g === 'estimate') r[g] = p.y;
    rows.set(p.x, r);
  }
  const values = [...rows.values()].sort((a, b) => a.x - b.x);
  if (values.length === 0) return null;
  const xEnc = { field: 'x', type: 'ordinal', title: 'dataset' };
  const spec = {
    ...base('margin brackets'),
    layer: [
      {
        data: { values: values.filter((v) => v.lower !== undefined && v.upper !== undefined) },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x: xEnc, y: { field: 'lower', type: 'quantitative', title: 'γ' }, y2: { field: 'upper' } },
      },
      // Certified brackets are often narrower than a pixel: ticks at both ends keep them visible.
      ...(['lower', 'upper'] as const).map((end) => ({
        data: { values: values.filter((v) => v.lower !== undefined && v.upper !== undefined) },
        mark: { type: 'tick', thickness: 2, size: 14 },
        encoding: { x: xEnc, y: { field: end, type: 'quantitative' } },
      })),
      {
        data: { values: values.filter((v) => v.estimate !== undefined) },
        mark: { type: 'point', filled: true, size: 60, color: 'black' },
        encoding: { x: xEnc, y: { field: 'estimate', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
  return { spec, caption: `${values.length} dataset${values.length === 1 ? '' : 's'}: bar = certified [lower, upper], dot = estimate.` };
}

/** Any other series: lines per group; log-log when the name ends in "-loglog". */
export function genericSpec(name: string, points: readonly Point[]): { spec: TopLevelSpec; caption: string } {
  const loglog = name.endsWith('-loglog');
  const values = thin(points).filter((p) => !loglog || (p.x > 0 && p.y > 0)).map((p) => ({ x: p.x, y: p.y, group: p.group ?? name }));
  const scale = loglog ? { type: 'log' } : {};
  const spec = {
    ...base(name),
    data: { values },
    mark: { type: 'line', point: values.length <= 60 },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale, title: 'x' },
      y: { field: 'y', type: 'quantitative', scale, title: 'y' },
      color: { field: 'group', type: 'nominal', title: '' },
    },
  } as TopLevelSpec;
  return { spec, caption: `series "${name}"${loglog ? ' (log-log)' : ''}.` };
}
