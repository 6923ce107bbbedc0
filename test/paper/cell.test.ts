/**
 * Tests for src/paper/cell.ts and src/paper/pool.ts on a tiny real MNIST cell. Oracles: the balanced split by
 * hand; the NTK teacher's guarantee y_i g_T(x_i) ≥ scale > 0 on its pool (src/teacher/ntkTeacher.ts), so its
 * accuracy on the students' split (a subset of the pool) is exactly 1; the balanced initialisation's
 * f(x; W(0)) = 0, so an untrained two-layer student has test loss ln 2 and accuracy 0 (f = 0 counts as wrong);
 * binomial tails by hand (11/1024, 56/1024) for the chance flag; determinism (same task → identical record, in
 * this thread and in a worker thread).
 */
import { describe, expect, it } from 'vitest';
import { isChance, runCell, softRadius, studentIndices } from '../../src/paper/cell.js';
import { PAPER_QUICK, type PaperConfig } from '../../src/paper/config.js';
import { runTasks } from '../../src/paper/pool.js';

const tiny: PaperConfig = {
  ...PAPER_QUICK,
  pairs: [[4, 9]],
  sigmas: [0, 0.5],
  widths: [2, 4],
  seeds: 1,
  n: 20,
  nTest: 30,
  teacherN: 40,
  dim: 5,
  T: 20,
  wideNet: { m: 32, T: 20, eta: 4 },
  mlp: { widths: [2], T: 20, eta: 0.01, optimizer: 'adam' },
};

describe('studentIndices', () => {
  it('takes the first ⌈n/2⌉ positives and ⌊n/2⌋ negatives in pool order', () => {
    const y = Float64Array.from([1, 1, -1, 1, -1, -1, 1]);
    expect(studentIndices(y, 3)).toEqual([0, 1, 2]);
    expect(studentIndices(y, 4)).toEqual([0, 1, 2, 4]);
    expect(studentIndices(y, 5)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('isChance', () => {
  it('flags k of n unless P(Bin(n, ½) ≥ k) ≤ α', () => {
    expect(isChance(9, 10, 0.05)).toBe(false); // 11/1024 = 0.0107
    expect(isChance(8, 10, 0.05)).toBe(true); // 56/1024 = 0.0547
    expect(isChance(8, 10, 0.06)).toBe(false);
    expect(isChance(0, 10, 0.05)).toBe(true);
  });
});

describe('runCell', () => {
  const rec = runCell(tiny, [4, 9], 0.5, 0, 'cell-test');

  it('trains, per (model, width), one hard student and one soft student per teacher, measured on the test split', () => {
    const keys = rec.students.map((s) => `${s.model}/${s.m}/${s.regime}/${s.teacher}`);
    expect(keys).toEqual([
      'two-layer/2/hard/null', 'two-layer/2/soft/ntk', 'two-layer/2/soft/wide-net',
      'two-layer/4/hard/null', 'two-layer/4/soft/ntk', 'two-layer/4/soft/wide-net',
      'mlp/2/hard/null', 'mlp/2/soft/ntk', 'mlp/2/soft/wide-net',
    ]);
    for (const s of rec.students) {
      expect(Number.isInteger(s.testAccuracy * tiny.nTest)).toBe(true);
      expect(s.testLoss).toBeGreaterThan(0);
      expect(s.chance).toBe(isChance(Math.round(s.testAccuracy * tiny.nTest), tiny.nTest, tiny.alpha));
      if (s.regime === 'hard') expect(s.testKl).toBeNull();
      else expect(s.testKl).toBeGreaterThanOrEqual(0);
    }
  });

  it('records each teacher: the NTK teacher classifies its pool perfectly; accuracy, loss and ECE in range', () => {
    expect(rec.teachers.map((t) => t.kind)).toEqual(['ntk', 'wide-net']);
    const [ntk, wide] = rec.teachers;
    expect(ntk.trainAccuracy).toBe(1);
    expect(ntk.labelDisagreement).toBe(0); // y_i g_T(x_i) ≥ scale > 0 on the pool: never against a label
    expect(ntk.confidenceSd).toBeGreaterThanOrEqual(0);
    expect(ntk.meanConfidence).toBeGreaterThanOrEqual(1 / (1 + Math.exp(-1 / tiny.tau)) - 1e-12);
    expect(ntk.radiusSoft).toBeCloseTo(2 * Number(ntk.summary.rkhsNorm), 12);
    expect(wide.radiusSoft).toBe(Infinity);
    expect(wide.summary).toMatchObject({ kind: 'wide-net', m: 32, T: 20, eta: 4 });
    for (const t of rec.teachers) {
      expect(t.error).toBeUndefined();
      expect(t.testAccuracy! * tiny.nTest).toBeCloseTo(Math.round(t.testAccuracy! * tiny.nTest), 9);
      expect(t.testEce).toBeGreaterThanOrEqual(0);
      expect(t.testEce).toBeLessThanOrEqual(1);
      expect(t.testLoss).toBeGreaterThan(0);
    }
    expect(rec.gammaLower).toBeGreaterThan(0);
    expect(rec.gammaLower).toBeLessThanOrEqual(rec.gammaUpper);
  });

  it('starts the two-layer students balanced: untrained (T = 0) they output 0, test loss ln 2, accuracy 0, chance', () => {
    const r = runCell({ ...tiny, T: 0, teachers: ['ntk'] }, [4, 9], 0, 0, 'cell-test');
    for (const s of r.students.filter((x) => x.model === 'two-layer')) {
      expect(s.testLoss).toBeCloseTo(Math.LN2, 12);
      expect(s.testAccuracy).toBe(0);
      expect(s.chance).toBe(true);
    }
    // i.i.d. signs: f(x; W(0)) ≠ 0 in general
    const iid = runCell({ ...tiny, T: 0, teachers: ['ntk'], init: 'iid' }, [4, 9], 0, 0, 'cell-test');
    expect(iid.students.some((s) => s.model === 'two-layer' && Math.abs(s.testLoss - Math.LN2) > 1e-6)).toBe(true);
  });

  it('is deterministic, in this thread and in worker threads', async () => {
    expect(runCell(tiny, [4, 9], 0.5, 0, 'cell-test')).toEqual(rec);
    const tasks = [0, 0.5].map((sigma, k) => ({ k, config: tiny, pair: [4, 9] as [number, number], sigma, seed: 0, runSeed: 'cell-test' }));
    const viaWorkers = await runTasks(tasks, 2);
    expect(viaWorkers[1]).toEqual(rec);
    expect(viaWorkers[0].sigma).toBe(0);
  });

  it('gives the hard students the same records whichever teachers run (they never see a teacher)', () => {
    const hard = (teachers: PaperConfig['teachers']) => runCell({ ...tiny, teachers }, [4, 9], 0, 0, 'cell-test').students.filter((s) => s.regime === 'hard');
    expect(hard(['wide-net'])).toEqual(hard(['ntk']));
  });

  it("uses 2 × the NTK teacher's RKHS norm as the soft radius under 'auto', and a given number as is", () => {
    const fake = { kind: 'ntk', summary: { rkhsNorm: 7 } } as never;
    expect(softRadius(tiny, fake)).toBe(14);
    expect(softRadius({ ...tiny, radiusSoft: 3 }, fake)).toBe(3);
    expect(softRadius(tiny, { kind: 'wide-net', summary: {} } as never)).toBe(Infinity);
  });
});
