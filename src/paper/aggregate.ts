/**
 * Summaries of the paper sweep's cells over seeds: per (model, pair, σ, m) the mean and standard deviation
 * of the soft and hard students' test accuracy and test loss, and per (pair, σ) the margin γ and the
 * teacher's accuracy. Pure functions of the cell records (results.json holds both).
 */
import { sampleStandardDeviation } from 'simple-statistics';
import type { Regime } from '../train/regime.js';
import type { CellRecord, StudentModel } from './cell.js';
import { meanOf } from '../stats/pairedTests.js';

export const pairLabel = (p: readonly [number, number]) => `${p[0]} vs ${p[1]}`;

export interface RegimeSummary {
  accMean: number;
  accSd: number | null;
  lossMean: number;
  klMean: number;
  trainAccMean: number;
}

export interface WidthRow {
  model: StudentModel;
  pair: string;
  sigma: number;
  m: number;
  seeds: number;
  soft: RegimeSummary;
  hard: RegimeSummary;
  /** Mean over seeds of acc_soft − acc_hard (paired). */
  gapMean: number;
}

export interface TaskRow {
  pair: string;
  sigma: number;
  seeds: number;
  gammaMean: number;
  gammaMin: number;
  gammaMax: number;
  teacherAccMean: number | null;
  teacherConfidenceMean: number | null;
  failedCells: number;
}

const sd = (v: number[]) => (v.length >= 2 ? sampleStandardDeviation(v) : null);

/** Group key helper: insertion-ordered map of arrays. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const g = out.get(k);
    if (g) g.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/**
 * One row per (model, pair, σ, m), in sweep order (model, pair, σ, m as the cells list them).
 * Seeds whose cell failed are left out (the TaskRow counts them).
 */
export function widthRows(cells: readonly CellRecord[]): WidthRow[] {
  const flat = cells.flatMap((c) => c.students.map((s) => ({ ...s, pair: pairLabel(c.pair), sigma: c.sigma, seed: c.seed })));
  const rows: WidthRow[] = [];
  const models: StudentModel[] = ['two-layer', 'mlp'];
  for (const model of models) {
    const groups = groupBy(flat.filter((s) => s.model === model), (s) => JSON.stringify([s.pair, s.sigma, s.m]));
    for (const g of groups.values()) {
      const by = (r: Regime) => g.filter((s) => s.regime === r).sort((a, b) => a.seed - b.seed);
      const soft = by('soft');
      const hard = by('hard');
      const summ = (v: typeof soft): RegimeSummary => ({
        accMean: meanOf(v.map((s) => s.testAccuracy)),
        accSd: sd(v.map((s) => s.testAccuracy)),
        lossMean: meanOf(v.map((s) => s.testLoss)),
        klMean: meanOf(v.map((s) => s.testKl)),
        trainAccMean: meanOf(v.map((s) => s.trainAccuracy)),
      });
      rows.push({
        model,
        pair: g[0].pair,
        sigma: g[0].sigma,
        m: g[0].m,
        seeds: soft.length,
        soft: summ(soft),
        hard: summ(hard),
        gapMean: meanOf(soft.map((s, k) => s.testAccuracy - hard[k].testAccuracy)),
      });
    }
  }
  return rows;
}

/** One row per (pair, σ): γ over seeds and the teacher's test accuracy. */
export function taskRows(cells: readonly CellRecord[]): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const g of groupBy(cells, (c) => JSON.stringify([pairLabel(c.pair), c.sigma])).values()) {
    const gam = g.map((c) => c.gammaUpper);
    const ok = g.filter((c) => c.teacherTestAccuracy !== null);
    rows.push({
      pair: pairLabel(g[0].pair),
      sigma: g[0].sigma,
      seeds: g.length,
      gammaMean: meanOf(gam),
      gammaMin: Math.min(...gam),
      gammaMax: Math.max(...gam),
      teacherAccMean: ok.length ? meanOf(ok.map((c) => c.teacherTestAccuracy as number)) : null,
      teacherConfidenceMean: ok.length ? meanOf(ok.map((c) => c.teacherMeanConfidence as number)) : null,
      failedCells: g.length - ok.length,
    });
  }
  return rows;
}
