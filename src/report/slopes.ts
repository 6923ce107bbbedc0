/**
 * Log-log slopes of the required width m* from a claim's WidthCells, for the plots and `report diff`:
 *   log m* = b + slope · log(1/γ)  at the ε with the most distinct γ values, and
 *   log m* = b + slope · log(1/ε)  at the γ with the most distinct ε values,
 * per regime, by ordinary least squares (simple-statistics linearRegression). Cells whose search hit its cap
 * (mStar null) and cells the claim marked applicable: false (e.g. T-limited) are left out and counted. The theory's
 * exponents beside each fit are THEORY_SLOPE of src/bounds/laws.ts.
 * Bootstrap intervals are the scaling claim's job (properties/), not the report's; these are point fits.
 */
import { THEORY_SLOPE, type Against, type TheorySlope } from '../bounds/laws.js';
import type { Regime } from '../train/regime.js';
import { logLogFit } from '../stats/inference.js';
import type { WidthCell } from '../verify/types.js';

export interface SlopeFit {
  regime: Regime;
  against: Against;
  /** The variable held fixed and its value (eps for invGamma fits, gamma for invEps fits). */
  fixedName: 'eps' | 'gamma';
  fixedValue: number;
  slope: number;
  /** Intercept b in natural logs: m* ≈ e^b (1/γ)^slope. */
  intercept: number;
  /** Points used (≥ 2 distinct x). */
  points: { x: number; y: number }[];
  /** Cells at the fixed value left out because mStar is null (search cap). */
  capped: number;
  /** Cells at the fixed value the claim marked not applicable (applicable: false), drawn but not fitted. */
  excluded: { x: number; y: number }[];
  theory: TheorySlope;
}

type Cell = Pick<WidthCell, 'regime' | 'gamma' | 'eps' | 'mStar' | 'applicable'>;

function fitOne(cells: readonly Cell[], regime: Regime, against: Against): SlopeFit | null {
  const all = cells.filter((c) => c.regime === regime);
  const mine = all.filter((c) => c.applicable !== false);
  const fixedName = against === 'invGamma' ? 'eps' : 'gamma';
  const varName = against === 'invGamma' ? 'gamma' : 'eps';
  // group by the fixed variable; pick the group with the most distinct values of the varied one
  const groups = new Map<number, Cell[]>();
  for (const c of mine) groups.set(c[fixedName], [...(groups.get(c[fixedName]) ?? []), c]);
  let best: [number, Cell[]] | null = null;
  let bestCount = 0;
  for (const [v, g] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const distinct = new Set(g.filter((c) => c.mStar !== null).map((c) => c[varName])).size;
    if (distinct > bestCount) {
      best = [v, g];
      bestCount = distinct;
    }
  }
  if (!best || bestCount < 2) return null;
  const [fixedValue, group] = best;
  const points = group.filter((c) => c.mStar !== null).map((c) => ({ x: 1 / c[varName], y: c.mStar as number }));
  const good = points.filter((p) => p.x > 0 && p.y > 0);
  if (new Set(good.map((p) => p.x)).size < 2) return null;
  const { slope, intercept } = logLogFit(good.map((p) => p.x), good.map((p) => p.y));
  return {
    regime,
    against,
    fixedName,
    fixedValue,
    slope,
    intercept,
    points,
    capped: group.length - points.length,
    excluded: all
      .filter((c) => c.applicable === false && c[fixedName] === fixedValue && c.mStar !== null)
      .map((c) => ({ x: 1 / c[varName], y: c.mStar as number })),
    theory: THEORY_SLOPE[regime][against],
  };
}

/** All fits available from the cells (up to 4: soft/hard × 1/γ, 1/ε), in a fixed order. */
export function fitSlopes(cells: readonly Cell[]): SlopeFit[] {
  const out: SlopeFit[] = [];
  for (const against of ['invGamma', 'invEps'] as const) {
    for (const regime of ['soft', 'hard'] as const) {
      const f = fitOne(cells, regime, against);
      if (f) out.push(f);
    }
  }
  return out;
}
