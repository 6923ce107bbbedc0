/**
 * Tests for src/paper/aggregate.ts. Oracles: gap decisions by hand against 0 and ±δ; on synthetic cells with
 * known accuracies, the width row's gap equals the Student-t interval of the per-seed differences computed
 * here directly, the pooled per-seed values are the means over tasks, and chance counts and teacher means are
 * the hand counts.
 */
import { describe, expect, it } from 'vitest';
import { gapDecision, taskRows, widthRows, widthSummary } from '../../src/paper/aggregate.js';
import type { CellRecord, StudentRecord } from '../../src/paper/cell.js';
import { PAPER_QUICK, type PaperConfig } from '../../src/paper/config.js';
import { tMeanInterval } from '../../src/stats/meanInterval.js';

const c: PaperConfig = { ...PAPER_QUICK, pairs: [[4, 9]], sigmas: [0, 1], seeds: 3, widths: [2], mlp: { ...PAPER_QUICK.mlp, widths: [4] }, smallWidthMax: 4, teachers: ['ntk'] };

const soft = (sigma: number, seed: number) => 0.8 + 0.01 * seed + 0.02 * sigma;
const hard = (_sigma: number, seed: number) => 0.79 + 0.002 * seed * seed;

function cells(): CellRecord[] {
  const out: CellRecord[] = [];
  for (const sigma of c.sigmas) {
    for (let seed = 0; seed < c.seeds; seed++) {
      const st = (model: 'two-layer' | 'mlp', m: number, regime: 'soft' | 'hard', acc: number): StudentRecord => ({ model, m, regime, teacher: regime === 'soft' ? 'ntk' : null, testAccuracy: acc, testLoss: 0.5, testKl: regime === 'soft' ? 0.1 : null, trainAccuracy: 1, finalLoss: 0.1, avgLoss: 0.2, chance: seed === 0 && regime === 'hard' });
      const students = [st('two-layer', 2, 'hard', hard(sigma, seed)), st('two-layer', 2, 'soft', soft(sigma, seed)), st('mlp', 4, 'hard', 0.7), st('mlp', 4, 'soft', 0.7)];
      const teachers = [{ kind: 'ntk' as const, testAccuracy: 0.9 - 0.1 * sigma, trainAccuracy: 1, testLoss: 0.3, testEce: 0.05 * (1 + seed), meanConfidence: 0.8, confidenceSd: 0.1, labelDisagreement: 0.05, radiusSoft: 3, summary: {} }];
      out.push({ pair: [4, 9], sigma, seed, dataSeed: 's', gammaLower: 0.1, gammaUpper: 0.1 / (1 + sigma), gammaPool: 0.1, teachers, students });
    }
  }
  return out;
}

describe('gapDecision', () => {
  it('decides by 0 and ±δ', () => {
    expect(gapDecision({ lower: 0.001, upper: 0.02 }, 0.01)).toBe('soft better');
    expect(gapDecision({ lower: -0.02, upper: -0.001 }, 0.01)).toBe('hard better');
    expect(gapDecision({ lower: -0.005, upper: 0.009 }, 0.01)).toBe('equivalent');
    expect(gapDecision({ lower: -0.005, upper: 0.02 }, 0.01)).toBe('undecided');
  });
});

describe('widthRows, widthSummary, taskRows', () => {
  const data = cells();

  it('gives each (teacher, model, pair, σ, m) the t-interval of its paired per-seed gaps', () => {
    const rows = widthRows(c, data);
    expect(rows.map((r) => `${r.model}/${r.sigma}/${r.m}`)).toEqual(['two-layer/0/2', 'two-layer/1/2', 'mlp/0/4', 'mlp/1/4']);
    const r = rows[1];
    const d = [0, 1, 2].map((seed) => soft(1, seed) - hard(1, seed));
    const iv = tMeanInterval(d, c.alpha);
    expect(r.gap!.mean).toBeCloseTo(iv.mean, 12);
    expect(r.gap!.lower).toBeCloseTo(iv.lower, 12);
    expect(r.gap!.min).toBeCloseTo(Math.min(...d), 12);
    expect(r.gap!.max).toBeCloseTo(Math.max(...d), 12);
    expect(r.hard.chance).toBe(1);
    expect(r.soft.chance).toBe(0);
    expect(rows[2].gap!.decision).toBe('equivalent'); // identical regimes: interval [0, 0]
    expect(rows[2].gap!.withinDelta).toBe(true);
  });

  it('pools each seed over tasks for the gap against width', () => {
    const s = widthSummary(c, data).find((r) => r.model === 'two-layer')!;
    const perSeed = [0, 1, 2].map((seed) => ((soft(0, seed) - hard(0, seed)) + (soft(1, seed) - hard(1, seed))) / 2);
    s.perSeed.forEach((v, k) => expect(v).toBeCloseTo(perSeed[k], 12));
  });

  it('summarises each teacher per (pair, σ)', () => {
    const t = taskRows(c, data);
    expect(t[1].teachers.ntk.accMean).toBeCloseTo(0.8, 12);
    expect(t[1].teachers.ntk.eceMean).toBeCloseTo(0.1, 12);
    expect(t[1].hardSmallAccMean).toBeCloseTo((hard(1, 0) + hard(1, 1) + hard(1, 2)) / 3, 12);
    expect(t[0].gammaMean).toBeCloseTo(0.1, 12);
  });
});
