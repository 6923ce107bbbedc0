/**
 * Tests for src/paper/cell.ts and src/paper/pool.ts on a tiny real MNIST cell. Oracles: the balanced split by
 * hand; the NTK teacher's guarantee y_i g_T(x_i) ≥ scale > 0 on its pool (src/teacher/ntkTeacher.ts), so its
 * accuracy on the students' split (a subset of the pool) is exactly 1; the logistic loss at f ≡ 0 is ln 2;
 * determinism (same task → identical record, in this thread and in a worker thread).
 */
import { describe, expect, it } from 'vitest';
import { runCell, softRadius, studentIndices } from '../../src/paper/cell.js';
import { PAPER_QUICK, type PaperConfig } from '../../src/paper/config.js';
import { runTasks } from '../../src/paper/pool.js';

const tiny: PaperConfig = {
  ...PAPER_QUICK,
  pairs: [[4, 9]],
  sigmas: [0, 0.5],
  widths: [1, 2],
  seeds: 1,
  n: 20,
  nTest: 30,
  teacherN: 40,
  dim: 5,
  T: 20,
  mlp: { widths: [1, 2], T: 20, eta: 0.01, optimizer: 'adam' },
};

describe('studentIndices', () => {
  it('takes the first ⌈n/2⌉ positives and ⌊n/2⌋ negatives in pool order', () => {
    const y = Float64Array.from([1, 1, -1, 1, -1, -1, 1]);
    expect(studentIndices(y, 3)).toEqual([0, 1, 2]);
    expect(studentIndices(y, 4)).toEqual([0, 1, 2, 4]);
    expect(studentIndices(y, 5)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('runCell', () => {
  const rec = runCell(tiny, [4, 9], 0.5, 0, 'cell-test');

  it('trains every (model, width, regime) once and measures on the test split', () => {
    const keys = rec.students.map((s) => `${s.model}/${s.m}/${s.regime}`);
    expect(keys).toEqual(['two-layer/1/soft', 'two-layer/1/hard', 'two-layer/2/soft', 'two-layer/2/hard', 'mlp/1/soft', 'mlp/1/hard', 'mlp/2/soft', 'mlp/2/hard']);
    for (const s of rec.students) {
      expect(s.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(s.testAccuracy).toBeLessThanOrEqual(1);
      expect(Number.isInteger(s.testAccuracy * tiny.nTest)).toBe(true);
      expect(s.testLoss).toBeGreaterThan(0);
      expect(s.testKl).toBeGreaterThanOrEqual(0);
    }
    expect(rec.error).toBeUndefined();
  });

  it("has a teacher that classifies the students' split perfectly (margin ≥ scale on its pool)", () => {
    expect(rec.teacherTrainAccuracy).toBe(1);
    expect(rec.gammaLower).toBeGreaterThan(0);
    expect(rec.gammaLower).toBeLessThanOrEqual(rec.gammaUpper);
    expect(rec.teacherMeanConfidence).toBeGreaterThanOrEqual(1 / (1 + Math.exp(-1 / tiny.tau)) - 1e-12);
  });

  it('gives the width-1 MLP with a dead unit the test loss ln 2 when its output is the constant 0', () => {
    // Not guaranteed in general; checked only when the measured accuracy shows f ≡ 0 (every point wrong).
    for (const s of rec.students.filter((x) => x.model === 'mlp' && x.m === 1 && x.testAccuracy === 0)) {
      expect(s.testLoss).toBeCloseTo(Math.LN2, 6);
    }
  });

  it('is deterministic, in this thread and in worker threads', async () => {
    expect(runCell(tiny, [4, 9], 0.5, 0, 'cell-test')).toEqual(rec);
    const tasks = [0, 0.5].map((sigma, k) => ({ k, config: tiny, pair: [4, 9] as [number, number], sigma, seed: 0, runSeed: 'cell-test' }));
    const viaWorkers = await runTasks(tasks, 2);
    expect(viaWorkers[1]).toEqual(rec);
    expect(viaWorkers[0].sigma).toBe(0);
  });

  it('runs with the wide-net teacher option (plain GD for soft students: no known RKHS norm)', () => {
    const w = runCell({ ...tiny, teacher: 'wide-net', widths: [2], mlp: { ...tiny.mlp, widths: [2] } }, [4, 9], 0, 0, 'cell-test');
    expect(w.teacher.kind).toBe('wide-net');
    expect(w.radiusSoft).toBe(Infinity);
    expect(w.students.map((s) => s.regime)).toEqual(['soft', 'hard', 'soft', 'hard']);
    // hard students never see the teacher: same data and init ⇒ the same hard record as with the NTK teacher,
    // except testKl, which is measured against the (different) teacher
    const n = runCell({ ...tiny, widths: [2], mlp: { ...tiny.mlp, widths: [2] } }, [4, 9], 0, 0, 'cell-test');
    expect({ ...w.students[1], testKl: 0 }).toEqual({ ...n.students[1], testKl: 0 });
    expect(w.students[1].testKl).not.toBe(n.students[1].testKl);
  });

  it("uses 2 × the NTK teacher's RKHS norm as the soft radius under 'auto', and a given number as is", () => {
    const fake = { kind: 'ntk', summary: { rkhsNorm: 7 } } as never;
    expect(softRadius(tiny, fake)).toBe(14);
    expect(softRadius({ ...tiny, radiusSoft: 3 }, fake)).toBe(3);
    expect(softRadius(tiny, { kind: 'wide-net', summary: {} } as never)).toBe(Infinity);
  });
});
