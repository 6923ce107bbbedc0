/**
 * Tests for src/paper/claims.ts on synthetic cell records whose generating model is known (the oracle):
 * a constant soft advantage must be verified, a constant hard advantage refuted, no difference inconclusive;
 * a gap linear in σ must be verified as growing, a γ falling with σ as falling; a gap that grows as γ falls
 * (pooled over pairs) verified, one that shrinks refuted; a teacher with no data not-applicable.
 */
import { describe, expect, it } from 'vitest';
import type { CellRecord, StudentRecord } from '../../src/paper/cell.js';
import { evaluateClaims, verdictOf } from '../../src/paper/claims.js';
import { PAPER_QUICK, type PaperConfig } from '../../src/paper/config.js';
import { makeRng } from '../../src/rng.js';

const config: PaperConfig = { ...PAPER_QUICK, pairs: [[0, 1], [4, 9]], sigmas: [0, 0.5, 1, 1.5], seeds: 6, widths: [2, 4, 8, 16, 32], mlp: { ...PAPER_QUICK.mlp, widths: [2, 4, 8] }, smallWidthMax: 8, teachers: ['ntk', 'wide-net'], permutations: 999 };

type Gen = (pair: [number, number], sigma: number, seed: number, m: number, gamma: number) => { soft: number; hard: number };

/** Cells with accuracies from gen (plus tiny seeded jitter shared by both regimes) and γ = 0.2/(1 + σ). */
function cells(gen: Gen, gamma = (sigma: number, seed: number, pair: [number, number]) => (pair[0] === 0 ? 0.2 : 0.08) / (1 + sigma) + 0.001 * seed, teachers = config.teachers): CellRecord[] {
  const rng = makeRng('synthetic');
  const out: CellRecord[] = [];
  for (const pair of config.pairs) {
    for (const sigma of config.sigmas) {
      for (let seed = 0; seed < config.seeds; seed++) {
        const students: StudentRecord[] = [];
        const gu = gamma(sigma, seed, pair);
        for (const [model, widths] of [['two-layer', config.widths], ['mlp', config.mlp.widths]] as const) {
          for (const m of widths) {
            const base = 0.7 + 0.01 * rng.normal();
            const g = gen(pair, sigma, seed, m, gu);
            const student = (regime: 'soft' | 'hard', teacher: PaperConfig['teachers'][number] | null): StudentRecord => {
              const acc = Math.min(1, Math.max(0, base + g[regime]));
              return { model, m, regime, teacher, testAccuracy: acc, testLoss: 1 - acc, testKl: regime === 'soft' ? 0.1 : null, trainAccuracy: acc, finalLoss: 0.3, avgLoss: 0.4, chance: false };
            };
            students.push(student('hard', null), ...teachers.map((t) => student('soft', t)));
          }
        }
        const teacherRecords = teachers.map((kind) => ({ kind, testAccuracy: 0.9, trainAccuracy: 1, testLoss: 0.3, testEce: 0.05, meanConfidence: 0.8, confidenceSd: 0.1, labelDisagreement: 0.05, radiusSoft: Infinity, summary: { kind } }));
        out.push({ pair, sigma, seed, dataSeed: `s${seed}`, gammaLower: gu * 0.999, gammaUpper: gu, gammaPool: gu, teachers: teacherRecords, students });
      }
    }
  }
  return out;
}

const byId = (claims: ReturnType<typeof evaluateClaims>) => Object.fromEntries(claims.map((c) => [c.id, c.verdict]));

describe('verdictOf', () => {
  it('needs a significant test and an effect size pointing the same way', () => {
    expect(verdictOf(0.01, 1, 0.05, 1)).toBe('verified');
    expect(verdictOf(0.05, 1, 0.05, 1)).toBe('verified');
    expect(verdictOf(0.5, 0.01, 0.05, -1)).toBe('refuted');
    expect(verdictOf(0.2, 0.3, 0.05, 1)).toBe('inconclusive');
    // rank test and effect size disagree (median vs mean): neither verdict
    expect(verdictOf(0.01, 1, 0.05, -1)).toBe('inconclusive');
    expect(verdictOf(1, 0.01, 0.05, 1)).toBe('inconclusive');
    expect(verdictOf(0.01, 1, 0.05, 0)).toBe('inconclusive');
  });
});

describe('evaluateClaims', () => {
  it('verifies a constant soft advantage and a falling γ; the loss claim follows accuracy here', () => {
    const v = byId(evaluateClaims(config, cells(() => ({ soft: 0.02, hard: 0 })), '1'));
    expect(v['soft-beats-hard/ntk/two-layer/0vs1']).toBe('verified');
    expect(v['soft-beats-hard/ntk/mlp/4vs9']).toBe('verified');
    expect(v['soft-lower-loss/ntk/two-layer/4vs9']).toBe('verified');
    expect(v['gamma-falls/0vs1']).toBe('verified');
    // A constant gap does not grow with σ.
    expect(v['gap-grows/ntk/two-layer/0vs1']).toBe('inconclusive');
  });

  it('is inconclusive when soft wins most pairs by a little but loses a few by a lot (mean < 0)', () => {
    // soft +0.005 except at seed 0, where it loses by 0.2: sign test favours soft, the mean does not.
    const v = byId(evaluateClaims(config, cells((_p, _s, seed) => ({ soft: seed === 0 ? -0.2 : 0.005, hard: 0 })), '1'));
    expect(v['soft-beats-hard/ntk/two-layer/0vs1']).toBe('inconclusive');
  });

  it('refutes soft ≥ hard when hard labels win everywhere', () => {
    const v = byId(evaluateClaims(config, cells(() => ({ soft: 0, hard: 0.02 })), '1'));
    expect(v['soft-beats-hard/ntk/two-layer/0vs1']).toBe('refuted');
    expect(v['soft-beats-hard/ntk/mlp/0vs1']).toBe('refuted');
  });

  it('is inconclusive when the regimes are identical (every pair tied)', () => {
    const claims = evaluateClaims(config, cells(() => ({ soft: 0, hard: 0 })), '1');
    const c = claims.find((x) => x.id === 'soft-beats-hard/ntk/two-layer/4vs9')!;
    expect(c.verdict).toBe('inconclusive');
    expect(c.metrics.ties).toBe(config.sigmas.length * config.seeds * 3); // widths 2, 4, 8 are ≤ smallWidthMax = 8
  });

  it('verifies a gap growing linearly in σ and refutes one shrinking in σ', () => {
    const up = byId(evaluateClaims(config, cells((_p, sigma) => ({ soft: 0.02 * sigma, hard: 0 })), '1'));
    expect(up['gap-grows/ntk/two-layer/0vs1']).toBe('verified');
    expect(up['gap-grows/ntk/mlp/4vs9']).toBe('verified');
    const down = byId(evaluateClaims(config, cells((_p, sigma) => ({ soft: -0.02 * sigma, hard: 0 })), '1'));
    expect(down['gap-grows/ntk/two-layer/4vs9']).toBe('refuted');
  });

  it('refutes "γ falls" when γ rises with σ, and is reproducible for a fixed seed', () => {
    const rising = cells(() => ({ soft: 0, hard: 0 }), (sigma, seed) => 0.05 * (1 + sigma) + 0.001 * seed);
    const a = evaluateClaims(config, rising, '7');
    expect(byId(a)['gamma-falls/4vs9']).toBe('refuted');
    expect(evaluateClaims(config, rising, '7')).toEqual(a);
  });

  it('verifies a gap that grows as γ falls (pooled over pairs), refutes one that shrinks, and states a conclusion', () => {
    const up = evaluateClaims(config, cells((_p, _s, _seed, _m, g) => ({ soft: -0.05 * Math.log(g), hard: 0 })), '1');
    expect(byId(up)['gap-vs-margin/ntk/two-layer']).toBe('verified');
    expect(byId(up)['gap-vs-margin/wide-net/mlp']).toBe('verified');
    const c = up.find((x) => x.id === 'gap-vs-margin/ntk/two-layer')!;
    expect(c.metrics.rho as number).toBeLessThan(-0.9);
    expect(c.metrics.rhoCiUpper as number).toBeLessThan(0);
    expect(c.metrics.slopePerLnGamma as number).toBeCloseTo(-0.05, 9); // the generating slope (gap exact: no clipping at 0.7 + 0.18)
    expect(c.conclusion).toMatch(/^verified under the kernel-limit NTK teacher/);
    const down = byId(evaluateClaims(config, cells((_p, _s, _seed, _m, g) => ({ soft: 0.05 * Math.log(g), hard: 0.2 })), '1'));
    expect(down['gap-vs-margin/wide-net/two-layer']).toBe('refuted');
  });

  it('is not applicable for a teacher with no soft students (its fits failed everywhere)', () => {
    const only = cells(() => ({ soft: 0.02, hard: 0 }), undefined, ['ntk']);
    const claims = evaluateClaims(config, only, '1');
    expect(byId(claims)['soft-beats-hard/wide-net/two-layer/0vs1']).toBe('not-applicable');
    expect(byId(claims)['gap-vs-margin/wide-net/mlp']).toBe('not-applicable');
    expect(byId(claims)['soft-beats-hard/ntk/two-layer/0vs1']).toBe('verified');
    for (const c of claims) expect(c.conclusion.length).toBeGreaterThan(20);
  });
});
