/**
 * Summaries of the paper sweep's cells over seeds (pure functions of the cell records; results.json holds both):
 *   width rows   per (teacher, model, pair, σ, m): soft and hard test accuracy and loss, the paired gap
 *                soft − hard with its Student-t interval over seeds, its per-seed range, whether the interval
 *                decides (excludes 0, or lies inside ±δ), and the chance-level students;
 *   width summary per (teacher, model, m): the gap pooled over tasks — one value per seed, the mean over every
 *                (pair, σ) — with its t-interval: the gap against width;
 *   task rows    per (pair, σ): γ over seeds, and per teacher its test accuracy, loss and calibration (ECE).
 */
import type { Regime } from '../train/regime.js';
import { tMeanInterval, type MeanInterval } from '../stats/meanInterval.js';
import type { CellRecord, StudentModel, StudentRecord } from './cell.js';
import type { PaperConfig, TeacherKind } from './config.js';
import { meanOf } from '../stats/pairedTests.js';

export const pairLabel = (p: readonly [number, number]) => `${p[0]} vs ${p[1]}`;
export const MODELS: readonly StudentModel[] = ['two-layer', 'mlp'];

export interface RegimeSummary {
  accMean: number;
  accMin: number;
  accMax: number;
  lossMean: number;
  trainAccMean: number;
  /** Students flagged chance-level (accuracy not above ½ at level α). */
  chance: number;
}

/** How a gap interval decides: excludes 0 (one side better), inside ±δ (equivalent), or neither. */
export type GapDecision = 'soft better' | 'hard better' | 'equivalent' | 'undecided';

export interface GapSummary extends MeanInterval {
  min: number;
  max: number;
  decision: GapDecision;
  /** The whole interval lies inside [−δ, δ]: whatever the decision, the gap is below the practical margin. */
  withinDelta: boolean;
}

export interface WidthRow {
  teacher: TeacherKind;
  model: StudentModel;
  pair: string;
  sigma: number;
  m: number;
  seeds: number;
  soft: RegimeSummary;
  hard: RegimeSummary;
  /** Paired gap acc_soft − acc_hard over seeds; null with fewer than 2 seeds. */
  gap: GapSummary | null;
}

export interface WidthSummaryRow {
  teacher: TeacherKind;
  model: StudentModel;
  m: number;
  /** Per seed: the mean gap over every (pair, σ) where the teacher was fitted. */
  perSeed: number[];
  gap: GapSummary | null;
}

export interface TeacherTaskSummary {
  accMean: number | null;
  accMin: number | null;
  accMax: number | null;
  lossMean: number | null;
  eceMean: number | null;
  confidenceMean: number | null;
  confidenceSdMean: number | null;
  labelDisagreementMean: number | null;
  /** Cells where the teacher could not be fitted. */
  failed: number;
}

export interface TaskRow {
  pair: string;
  sigma: number;
  seeds: number;
  gammaMean: number;
  gammaMin: number;
  gammaMax: number;
  teachers: Record<string, TeacherTaskSummary>;
  /** Mean test accuracy of the hard two-layer students at the small widths (what a teacher must beat). */
  hardSmallAccMean: number;
}

/** Group key helper: insertion-ordered map of arrays. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const g = out.get(k);
    if (g) g.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Classify a gap interval against 0 and the equivalence margin δ. */
export function gapDecision(iv: Pick<MeanInterval, 'lower' | 'upper'>, delta: number): GapDecision {
  if (iv.lower > 0) return 'soft better';
  if (iv.upper < 0) return 'hard better';
  if (iv.lower >= -delta && iv.upper <= delta) return 'equivalent';
  return 'undecided';
}

function gapSummary(d: number[], c: PaperConfig): GapSummary | null {
  if (d.length < 2) return null;
  const iv = tMeanInterval(d, c.alpha);
  const delta = c.equivalenceMargin;
  return { ...iv, min: Math.min(...d), max: Math.max(...d), decision: gapDecision(iv, delta), withinDelta: iv.lower >= -delta && iv.upper <= delta };
}

/** The students of one cell for (model, m): the hard one and the soft one of `teacher` (undefined if absent). */
export function studentPair(cell: CellRecord, model: StudentModel, m: number, teacher: TeacherKind): { soft?: StudentRecord; hard?: StudentRecord } {
  const at = cell.students.filter((s) => s.model === model && s.m === m);
  return { soft: at.find((s) => s.regime === 'soft' && s.teacher === teacher), hard: at.find((s) => s.regime === 'hard') };
}

function regimeSummary(v: StudentRecord[]): RegimeSummary {
  const acc = v.map((s) => s.testAccuracy);
  return {
    accMean: meanOf(acc),
    accMin: Math.min(...acc),
    accMax: Math.max(...acc),
    lossMean: meanOf(v.map((s) => s.testLoss)),
    trainAccMean: meanOf(v.map((s) => s.trainAccuracy)),
    chance: v.filter((s) => s.chance).length,
  };
}

export const widthsOf = (c: PaperConfig, model: StudentModel) => (model === 'two-layer' ? c.widths : c.mlp.widths);
export const smallWidths = (c: PaperConfig, model: StudentModel) => widthsOf(c, model).filter((m) => m <= c.smallWidthMax);

/**
 * One row per (teacher, model, pair, σ, m) in sweep order; seeds where the teacher failed are left out (the
 * task rows count them).
 */
export function widthRows(c: PaperConfig, cells: readonly CellRecord[]): WidthRow[] {
  const rows: WidthRow[] = [];
  const tasks = groupBy(cells, (x) => JSON.stringify([x.pair, x.sigma]));
  for (const teacher of c.teachers) {
    for (const model of MODELS) {
      for (const g of tasks.values()) {
        for (const m of widthsOf(c, model)) {
          const pairs = g
            .slice()
            .sort((a, b) => a.seed - b.seed)
            .map((cell) => studentPair(cell, model, m, teacher))
            .filter((p): p is { soft: StudentRecord; hard: StudentRecord } => Boolean(p.soft && p.hard));
          if (pairs.length === 0) continue;
          const by = (r: Regime) => pairs.map((p) => p[r]);
          rows.push({
            teacher,
            model,
            pair: pairLabel(g[0].pair),
            sigma: g[0].sigma,
            m,
            seeds: pairs.length,
            soft: regimeSummary(by('soft')),
            hard: regimeSummary(by('hard')),
            gap: gapSummary(
              pairs.map((p) => p.soft.testAccuracy - p.hard.testAccuracy),
              c,
            ),
          });
        }
      }
    }
  }
  return rows;
}

/** Gap against width, pooled over tasks: one value per seed (its mean gap over every pair and σ). */
export function widthSummary(c: PaperConfig, cells: readonly CellRecord[]): WidthSummaryRow[] {
  const out: WidthSummaryRow[] = [];
  const bySeed = groupBy(cells, (x) => String(x.seed));
  for (const teacher of c.teachers) {
    for (const model of MODELS) {
      for (const m of widthsOf(c, model)) {
        const perSeed: number[] = [];
        for (const g of bySeed.values()) {
          const d = g.map((cell) => studentPair(cell, model, m, teacher)).filter((p) => p.soft && p.hard).map((p) => p.soft!.testAccuracy - p.hard!.testAccuracy);
          if (d.length) perSeed.push(meanOf(d));
        }
        out.push({ teacher, model, m, perSeed, gap: gapSummary(perSeed, c) });
      }
    }
  }
  return out;
}

const meanOrNull = (v: number[]) => (v.length ? meanOf(v) : null);

/** One row per (pair, σ): γ over seeds, each teacher's accuracy, loss and calibration. */
export function taskRows(c: PaperConfig, cells: readonly CellRecord[]): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const g of groupBy(cells, (x) => JSON.stringify([pairLabel(x.pair), x.sigma])).values()) {
    const gam = g.map((x) => x.gammaUpper);
    const teachers: Record<string, TeacherTaskSummary> = {};
    for (const kind of c.teachers) {
      const recs = g.map((x) => x.teachers.find((t) => t.kind === kind)).filter((t) => t !== undefined);
      const ok = recs.filter((t) => t.testAccuracy !== null);
      const acc = ok.map((t) => t.testAccuracy as number);
      teachers[kind] = {
        accMean: meanOrNull(acc),
        accMin: acc.length ? Math.min(...acc) : null,
        accMax: acc.length ? Math.max(...acc) : null,
        lossMean: meanOrNull(ok.map((t) => t.testLoss as number)),
        eceMean: meanOrNull(ok.map((t) => t.testEce as number)),
        confidenceMean: meanOrNull(ok.map((t) => t.meanConfidence as number)),
        confidenceSdMean: meanOrNull(ok.map((t) => t.confidenceSd as number)),
        labelDisagreementMean: meanOrNull(ok.map((t) => t.labelDisagreement as number)),
        failed: recs.length - ok.length,
      };
    }
    const small = new Set(smallWidths(c, 'two-layer'));
    const hard = g.flatMap((x) => x.students.filter((s) => s.model === 'two-layer' && s.regime === 'hard' && small.has(s.m)).map((s) => s.testAccuracy));
    rows.push({
      pair: pairLabel(g[0].pair),
      sigma: g[0].sigma,
      seeds: g.length,
      gammaMean: meanOf(gam),
      gammaMin: Math.min(...gam),
      gammaMax: Math.max(...gam),
      teachers,
      hardSmallAccMean: hard.length ? meanOf(hard) : NaN,
    });
  }
  return rows;
}
