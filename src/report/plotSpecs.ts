/**
 * Vega-Lite specifications of the report's figures, built from a claim's cells and series (conventional
 * series names: src/verify/types.ts). Pure data → spec; rendering to SVG is in plots.ts.
 *
 * Reference lines are anchored at the geometric mean of the plotted points (they show the theory's shape,
 * not its constant): a power law c·x^t with c = exp(mean(ln y) − t·mean(ln x)); the hard regime's ln(1/ε)
 * with c = exp(mean(ln y − ln ln x)); the 1/√m NTK error line with c = exp(mean(ln y + ½ ln m)).
 */
import type { TopLevelSpec } from 'vega-lite';
import { BOUNDS_RATIO_SLOPE } from '../bounds/laws.js';
import type { WidthCell } from '../verify/types.js';
import { legendOrder } from './legendOrder.js';
import { SERIES_LABELS } from './seriesLabels.js';
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
/** Which γ the margin-bracket series draws (marginFiniteWidth: the exact d = 2 sup-norm margin). */
export const SERIES_LABELS_MARGIN = 'γ_sup (sup-norm, exact d = 2 solver)';
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

/** "soft and hard labels", "soft labels" or "hard labels", for figure titles. */
function regimesInWords(regimes: readonly string[]): string {
  const has = (r: string) => regimes.includes(r);
  return has('soft') && has('hard') ? 'soft and hard labels' : has('soft') ? 'soft labels' : 'hard labels';
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
    ...base(`Required width m* against ${xName}, ${regimesInWords(mine.map((f) => f.regime))} (log-log)`),
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
  const epsOrder = legendOrder(values.map((v) => v.eps));
  values.sort((a, b) => epsOrder.indexOf(a.eps) - epsOrder.indexOf(b.eps) || a.gamma - b.gamma);
  // The bounds' ratio at fixed ε is ∝ γ^-BOUNDS_RATIO_SLOPE: one dashed reference per ε through the geometric mean of its points.
  const theory = [...new Set(values.map((v) => v.eps))].flatMap((eps) => {
    const g = values.filter((v) => v.eps === eps);
    const c = Math.exp(mean(g.map((v) => Math.log(v.ratio) + BOUNDS_RATIO_SLOPE * Math.log(v.gamma))));
    const gs = g.map((v) => v.gamma);
    return geomspace(Math.min(...gs), Math.max(...gs)).map((gamma) => ({ gamma, ratio: c * gamma ** -BOUNDS_RATIO_SLOPE, eps }));
  });
  const x = { field: 'gamma', type: 'quantitative', scale: { type: 'log' }, title: 'γ' };
  const y = { field: 'ratio', type: 'quantitative', scale: { type: 'log' }, title: 'm*_hard / m*_soft' };
  const color = { field: 'eps', type: 'nominal', title: 'ε', scale: { domain: epsOrder } };
  const spec = {
    ...base('Hard over soft: m*_hard / m*_soft against the margin γ (log-log)'),
    layer: [
      { data: { values }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, color } },
      { data: { values: theory }, mark: { type: 'line', strokeDash: [5, 4] }, encoding: { x, y, color, detail: { field: 'eps' } } },
    ],
  } as TopLevelSpec;
  return {
    spec,
    caption: `${values.length} (γ, ε) cells with both regimes measured (points, colour = ε); dashed: the bounds' ratio ε·ln(1/ε)/γ² ∝ γ^-2 at each ε, through the points' geometric mean — the theory predicts the ratio grows as γ shrinks.`,
  };
}

/**
 * Per-epoch training loss against epochs, one line per group ("m=…, soft|hard"), legend in numeric order of m.
 * Soft and hard curves are different objectives (KL to the teacher's soft labels vs logistic loss on labels),
 * drawn dashed vs solid and said so in the caption.
 */
export function lossCurveSpec(points: readonly Point[]): { spec: TopLevelSpec; caption: string } {
  const values = thin(points).map((p) => ({ x: p.x, y: p.y, group: p.group ?? 'loss', objective: /\bsoft\b/.test(p.group ?? '') ? 'soft: KL(p ‖ σ(f))' : 'hard: logistic' }));
  const logY = values.every((v) => v.y > 0);
  const objectives = legendOrder(values.map((v) => v.objective)); // "hard: …" (solid) before "soft: …" (dashed)
  const spec = {
    ...base('Training loss against epochs, soft and hard labels'),
    data: { values },
    mark: { type: 'line' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: 'epoch t (one full-batch GD step)' },
      y: { field: 'y', type: 'quantitative', scale: logY ? { type: 'log' } : {}, title: 'training loss (nats; objective by regime)' },
      color: { field: 'group', type: 'nominal', title: 'width, regime', scale: { domain: legendOrder(values.map((v) => v.group)) } },
      strokeDash: { field: 'objective', type: 'nominal', title: 'objective', scale: { domain: objectives, range: objectives.map((o) => (o.startsWith('soft') ? [6, 3] : [1, 0])) } },
    },
  } as TopLevelSpec;
  const groups = new Set(values.map((v) => v.group)).size;
  return {
    spec,
    caption:
      `${groups} curve${groups === 1 ? '' : 's'}, one per width and regime${points.length > values.length ? ` (thinned to ≤ ${MAX_POINTS_PER_GROUP} points each for drawing)` : ''}. ` +
      'Solid: hard labels, mean logistic loss on ±1 labels. Dashed: soft labels, mean KL(p ‖ σ(f)) to the teacher\'s soft labels p. ' +
      'Both are in nats but are different objectives (the soft loss can reach 0 only if f matches the teacher), so compare shapes across regimes, not levels.',
  };
}

/** NTK error max|K_m − K| against m, log-log, with a c/√m reference line. */
export function ntkErrorSpec(points: readonly Point[]): { spec: TopLevelSpec; caption: string } | null {
  const pts = points.filter((p) => p.x > 0 && p.y > 0);
  if (pts.length === 0) return null;
  const c = Math.exp(mean(pts.map((p) => Math.log(p.y) + 0.5 * Math.log(p.x))));
  const xs = pts.map((p) => p.x);
  const ref = geomspace(Math.min(...xs), Math.max(...xs), 2).map((x) => ({ x, y: c / Math.sqrt(x), line: 'c/√m reference' }));
  // (drawn dashed in grey; named in the legend)
  const data = pts.map((p) => ({ x: p.x, y: p.y, line: p.group ?? 'measured' }));
  const measured = legendOrder(data.map((p) => p.line));
  const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b'];
  const color = {
    field: 'line',
    type: 'nominal',
    title: 'series',
    scale: { domain: [...measured, 'c/√m reference'], range: [...measured.map((_, i) => palette[i % palette.length]), 'gray'] },
  };
  const xEnc = { field: 'x', type: 'quantitative', scale: { type: 'log' }, title: 'width m (neurons)' };
  const yEnc = { field: 'y', type: 'quantitative', scale: { type: 'log' }, title: 'max_ij |K_m − K|_ij (kernel error)' };
  const spec = {
    ...base('NTK concentration: finite-width kernel error against width (log-log)'),
    layer: [
      { data: { values: data }, mark: { type: 'line', point: true }, encoding: { x: xEnc, y: yEnc, color } },
      {
        data: { values: ref },
        mark: { type: 'line', strokeDash: [6, 4] },
        encoding: { x: xEnc, y: yEnc, color },
      },
    ],
  } as TopLevelSpec;
  return { spec, caption: `Lines with dots: the measured series (legend). Dashed grey: c/√m with c = ${fmt(c)} (geometric-mean anchor); the concentration bound has this rate.` };
}

/**
 * Margin brackets: a vertical bar from lower to upper per generated case, and the estimate as a dot where the
 * series has one. `gammaName` says which γ is drawn (the producing claim's reading).
 */
export function marginBracketSpec(points: readonly Point[], gammaName = SERIES_LABELS_MARGIN): { spec: TopLevelSpec; caption: string } | null {
  const rows = new Map<number, { x: number; lower?: number; upper?: number; estimate?: number }>();
  for (const p of points) {
    const r = rows.get(p.x) ?? { x: p.x };
    const g = (p.group ?? 'estimate').toLowerCase();
    if (g === 'lower' || g === 'upper' || g === 'estimate') r[g] = p.y;
    rows.set(p.x, r);
  }
  const values = [...rows.values()].sort((a, b) => a.x - b.x);
  if (values.length === 0) return null;
  const brackets = values.filter((v) => v.lower !== undefined && v.upper !== undefined);
  const estimates = values.filter((v) => v.estimate !== undefined);
  const xEnc = { field: 'x', type: 'ordinal', title: 'generated case (index in the run)' };
  const what = { field: 'mark', type: 'nominal', title: 'mark', scale: { domain: ['certified bracket [lower, upper]', ...(estimates.length ? ['estimate'] : [])], range: ['#1f77b4', 'black'] } };
  const spec = {
    ...base(`Margin ${gammaName}: certified bracket per generated case`),
    layer: [
      {
        data: { values: brackets.map((v) => ({ ...v, mark: 'certified bracket [lower, upper]' })) },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x: xEnc, y: { field: 'lower', type: 'quantitative', title: gammaName }, y2: { field: 'upper' }, color: what },
      },
      // Certified brackets are often narrower than a pixel: ticks at both ends keep them visible.
      ...(['lower', 'upper'] as const).map((end) => ({
        data: { values: brackets.map((v) => ({ ...v, mark: 'certified bracket [lower, upper]' })) },
        mark: { type: 'tick', thickness: 2, size: 14 },
        encoding: { x: xEnc, y: { field: end, type: 'quantitative' }, color: what },
      })),
      ...(estimates.length
        ? [{ data: { values: estimates.map((v) => ({ ...v, mark: 'estimate' })) }, mark: { type: 'point', filled: true, size: 60 }, encoding: { x: xEnc, y: { field: 'estimate', type: 'quantitative' }, color: what } }]
        : []),
    ],
  } as TopLevelSpec;
  const dots = estimates.length ? `, dot = estimate (${estimates.length} case${estimates.length === 1 ? '' : 's'})` : '';
  return { spec, caption: `${gammaName}, ${values.length} generated case${values.length === 1 ? '' : 's'}: bar with end ticks = certified [lower, upper]${dots}.` };
}

/**
 * Any other series: lines per group (points only for the groups SERIES_LABELS marks as separate cells);
 * log-log when the name ends in "-loglog". Titles, axes, legend and caption come from SERIES_LABELS, or say
 * that the series is unlabelled.
 */
export function genericSpec(name: string, points: readonly Point[]): { spec: TopLevelSpec; caption: string } {
  const loglog = name.endsWith('-loglog');
  const labels = SERIES_LABELS[name];
  const values = thin(points).filter((p) => !loglog || (p.x > 0 && p.y > 0)).map((p) => ({ x: p.x, y: p.y, group: p.group ?? name }));
  const scale = loglog ? { type: 'log' } : {};
  const x = { field: 'x', type: 'quantitative', scale, title: labels?.x ?? `x of series "${name}"` };
  const y = { field: 'y', type: 'quantitative', scale, title: labels?.y ?? `y of series "${name}"` };
  const color = { field: 'group', type: 'nominal', title: labels?.legend ?? 'series', scale: { domain: legendOrder(values.map((v) => v.group)) } };
  const isPoint = (g: string) => labels?.pointGroups?.(g) ?? false;
  const pts = values.filter((v) => isPoint(v.group));
  const lines = values.filter((v) => !isPoint(v.group)).sort((a, b) => a.x - b.x);
  const title = labels?.title ?? `${name.replace(/-loglog$/, '').replace(/-/g, ' ')}${loglog ? ' (log-log)' : ''}`;
  const spec = {
    ...base(title),
    layer: [
      ...(lines.length ? [{ data: { values: lines }, mark: { type: 'line', point: lines.length <= 60 && pts.length === 0 }, encoding: { x, y, color } }] : []),
      ...(pts.length ? [{ data: { values: pts }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, color } }] : []),
    ],
  } as TopLevelSpec;
  return { spec, caption: labels?.caption ?? `Series "${name}" of a claim without figure labels (src/report/seriesLabels.ts)${loglog ? ', log-log' : ''}: one line per group.` };
}
