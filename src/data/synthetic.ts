/**
 * One entry point for the synthetic datasets on the unit sphere S^(d−1): {@link synthetic}(spec).
 *
 * Kinds (labels in {−1, +1}; sign(0) = +1):
 * - 'linear':  y = sign(<u, x>), u uniform on the sphere, angular margin α (./linearMargin.ts);
 * - 'teacher': y = sign(g(x) − median g), g a random ReLU net of width teacherWidth (./teacher.ts);
 * - 'xor':     y = sign(x_1 x_2);   'parity': y = sign(Π_{k ≤ parityOrder} x_k) (./xorParity.ts);
 * - 'harmonic': y = sign(Re((x_1 + i·x_2)^degree)), 2·degree alternating arcs in d = 2 (./circularHarmonic.ts).
 * Difficulty δ (./marginKnob.ts) shrinks the gap around the boundary; labelNoise then flips an exact
 * fraction of labels (making the population non-separable; a finite sample usually stays separable in the
 * NTK RKHS with a much smaller γ).
 *
 * Determinism: every random draw comes from seed through named sub-streams (deriveSeed(seed, 'synthetic',
 * kind, …): 'rule', 'train', 'test', 'flip-train', 'flip-test'; the teacher and the band pilot use
 * deriveSeed(seed, 'synthetic', kind) + '/teacher' and '/pilot'), so the same spec gives bit-identical
 * arrays and the train points do not depend on nTest.
 */
import { InputError } from '../errors.js';
import { deriveSeed, makeRng, type Rng } from '../rng.js';
import type { Dataset } from './dataset.js';
import { makeLinearRule, sampleLinearMargin, type LinearRule } from './linearMargin.js';
import {
  bandThreshold,
  checkDifficulty,
  difficultyToAngle,
  difficultyToBandMass,
  PILOT_SIZE,
  sampleOutsideBand,
  scoreLabel,
} from './marginKnob.js';
import { uniformSphere } from './sphere.js';
import { makeReluLabeller, TEACHER_WIDTH, teacherScore } from './reluNetLabels.js';
import { checkParityOrder, PARITY_ORDER, parityScore } from './xorParity.js';
import { checkHarmonicDegree, HARMONIC_DEGREE, harmonicScore } from './circularHarmonic.js';

export type SyntheticKind = 'teacher' | 'linear' | 'xor' | 'parity' | 'harmonic';
export const SYNTHETIC_KINDS: readonly SyntheticKind[] = ['linear', 'teacher', 'xor', 'parity', 'harmonic'];

/** Refuse datasets with more than this many stored numbers (n + nTest)·d: 2^26 doubles = 512 MiB. */
export const MAX_SYNTHETIC_ELEMENTS = 2 ** 26;
/** Largest accepted labelNoise: beyond 1/2 the flipped labels are the majority (the rule reversed). */
export const MAX_LABEL_NOISE = 0.5;

export interface SyntheticSpec {
  /** Labelling rule. */
  kind: SyntheticKind;
  /** Number of training points, integer ≥ 1. */
  n: number;
  /** Input dimension, integer ≥ 1 (≥ 2 for 'xor' and 'harmonic', ≥ parityOrder for 'parity'). */
  d: number;
  /** Seed (integer or string) of every random draw. */
  seed: number | string;
  /** Margin knob δ ∈ [0, 1]; 0 = widest gap (see ./marginKnob.ts). @defaultValue 0 */
  difficulty?: number;
  /** Held-out test points (same law, own stream), integer ≥ 0; 0 = no Dataset.test. @defaultValue 0 */
  nTest?: number;
  /** 'linear' only: angular margin α in radians, α ∈ [0, π/2); give this or difficulty, not both.
   * @defaultValue (1 − difficulty)·LINEAR_MAX_ANGLE */
  marginAngle?: number;
  /** 'parity' only: number of coordinates in the product. @defaultValue PARITY_ORDER = 4 */
  parityOrder?: number;
  /** 'harmonic' only: the degree k, an even integer ≥ 2 (2k arcs in d = 2). @defaultValue HARMONIC_DEGREE = 8 */
  degree?: number;
  /** 'teacher' only: teacher width m. @defaultValue TEACHER_WIDTH = 256 */
  teacherWidth?: number;
  /** Fraction of labels flipped (exactly round(labelNoise·n) of them, chosen by seed), in [0, 1/2].
   * @defaultValue 0 */
  labelNoise?: number;
}

/** The spec with every default filled in, plus the band actually used (for reports and replay). */
export interface ResolvedSyntheticSpec extends Required<Omit<SyntheticSpec, 'marginAngle' | 'parityOrder' | 'degree' | 'teacherWidth'>> {
  marginAngle?: number;
  parityOrder?: number;
  degree?: number;
  teacherWidth?: number;
  /** Score rules: the excluded sphere mass β and the band half-width b (|s(x)| ≥ b for every point). */
  bandMass?: number;
  band?: number;
}

function positiveInt(field: string, v: unknown, min = 1): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new InputError(field, `expected an integer ≥ ${min}, got ${JSON.stringify(v) ?? String(v)} (synthetic)`);
  }
  return v;
}

/**
 * Check a spec and fill defaults.
 * @throws InputError naming the field: kind, n, d, seed, difficulty, nTest, marginAngle, parityOrder, degree,
 *         teacherWidth, labelNoise (wrong type or range, option given for another kind, size over
 *         MAX_SYNTHETIC_ELEMENTS).
 */
export function resolveSyntheticSpec(spec: SyntheticSpec): ResolvedSyntheticSpec {
  if (spec === null || typeof spec !== 'object') throw new InputError('spec', `expected an object, got ${String(spec)} (synthetic)`);
  const { kind } = spec;
  if (!SYNTHETIC_KINDS.includes(kind)) {
    throw new InputError('kind', `expected one of ${SYNTHETIC_KINDS.join(', ')}, got ${JSON.stringify(kind)} (synthetic)`);
  }
  const n = positiveInt('n', spec.n);
  const d = positiveInt('d', spec.d);
  const nTest = positiveInt('nTest', spec.nTest ?? 0, 0);
  const { seed } = spec;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw new InputError('seed', `expected a finite number or a string, got ${String(seed)} (synthetic)`);
  }
  const difficulty = spec.difficulty ?? 0;
  checkDifficulty(difficulty);
  const labelNoise = spec.labelNoise ?? 0;
  if (!(labelNoise >= 0 && labelNoise <= MAX_LABEL_NOISE)) {
    throw new InputError('labelNoise', `expected a fraction in [0, ${MAX_LABEL_NOISE}], got ${labelNoise} (synthetic)`);
  }
  if ((n + nTest) * d > MAX_SYNTHETIC_ELEMENTS) {
    const mib = ((n + nTest) * d * 8) / 2 ** 20;
    throw new InputError('n', `(n + nTest)·d = ${(n + nTest) * d} numbers (${mib.toFixed(0)} MiB) exceeds the limit of ${MAX_SYNTHETIC_ELEMENTS} (synthetic)`);
  }
  for (const [field, only] of [['marginAngle', 'linear'], ['parityOrder', 'parity'], ['degree', 'harmonic'], ['teacherWidth', 'teacher']] as const) {
    if (spec[field] !== undefined && kind !== only) {
      throw new InputError(field, `applies to kind '${only}' only, got kind '${kind}' (synthetic)`);
    }
  }
  const out: ResolvedSyntheticSpec = { kind, n, d, seed, difficulty, nTest, labelNoise };
  if (kind === 'linear') {
    if (spec.marginAngle !== undefined && spec.difficulty !== undefined) {
      throw new InputError('marginAngle', 'give marginAngle or difficulty, not both (synthetic)');
    }
    const alpha = spec.marginAngle ?? difficultyToAngle(difficulty);
    if (!(alpha >= 0 && alpha < Math.PI / 2)) {
      throw new InputError('marginAngle', `expected an angle in [0, π/2) radians, got ${alpha} (synthetic)`);
    }
    out.marginAngle = alpha;
  } else if (kind === 'xor') {
    if (d < 2) throw new InputError('d', `kind 'xor' needs d ≥ 2, got ${d} (synthetic)`);
  } else if (kind === 'parity') {
    out.parityOrder = spec.parityOrder ?? PARITY_ORDER;
    checkParityOrder(out.parityOrder, d);
  } else if (kind === 'harmonic') {
    out.degree = spec.degree ?? HARMONIC_DEGREE;
    checkHarmonicDegree(out.degree, d);
  } else {
    out.teacherWidth = positiveInt('teacherWidth', spec.teacherWidth ?? TEACHER_WIDTH);
  }
  return out;
}

/** Flip exactly round(fraction·n) labels, chosen by a partial Fisher–Yates shuffle from rng. */
function flipLabels(y: Float64Array, fraction: number, rng: Rng): void {
  const n = y.length;
  const k = Math.round(fraction * n);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let j = 0; j < k; j++) {
    const r = j + rng.int(n - j);
    [idx[j], idx[r]] = [idx[r], idx[j]];
    y[idx[j]] = -y[idx[j]];
  }
}

function describe(r: ResolvedSyntheticSpec): string {
  const parts = [`synthetic ${r.kind}`, `n=${r.n}`, `d=${r.d}`, `seed=${r.seed}`];
  if (r.kind === 'linear') parts.push(`α=${r.marginAngle!.toFixed(4)} rad`);
  else parts.push(`difficulty=${r.difficulty}`);
  if (r.kind === 'parity') parts.push(`order ${r.parityOrder}`);
  if (r.kind === 'harmonic') parts.push(`degree ${r.degree}`);
  if (r.kind === 'teacher') parts.push(`width ${r.teacherWidth}`);
  if (r.labelNoise > 0) parts.push(`labelNoise=${r.labelNoise}`);
  return parts.join(' ');
}

/**
 * Build a synthetic dataset (see module doc). Rows of X are unit vectors (exactly the output of the
 * sampler, no further normalisation).
 * @returns Dataset {n, d, X (n×d), y (±1), test? (nTest×d, same rule and band), name}; also the resolved spec.
 * @throws InputError naming the bad field (see {@link resolveSyntheticSpec}).
 */
export function syntheticWithSpec(spec: SyntheticSpec): { ds: Dataset; resolved: ResolvedSyntheticSpec } {
  const r = resolveSyntheticSpec(spec);
  const base = deriveSeed(r.seed, 'synthetic', r.kind);
  let draw: (count: number, rng: Rng) => { X: Float64Array; y: Float64Array };
  if (r.kind === 'linear') {
    const rule: LinearRule = makeLinearRule(r.d, r.marginAngle!, makeRng(deriveSeed(base, 'rule')));
    draw = (count, rng) => sampleLinearMargin(rule, count, rng);
  } else {
    let score: (X: Float64Array, off: number) => number;
    let pilotScores: Float64Array;
    if (r.kind === 'teacher') {
      const t = makeReluLabeller(r.d, base, r.teacherWidth);
      score = (X, off) => teacherScore(t, X, off);
      pilotScores = t.pilotScores;
    } else {
      const order = r.kind === 'xor' ? 2 : r.parityOrder!;
      score = r.kind === 'harmonic' ? (X, off) => harmonicScore(X, off, r.degree!) : (X, off) => parityScore(X, off, order);
      const P = uniformSphere(PILOT_SIZE, r.d, makeRng(deriveSeed(base, 'pilot')));
      pilotScores = new Float64Array(PILOT_SIZE);
      for (let i = 0; i < PILOT_SIZE; i++) pilotScores[i] = score(P, i * r.d);
    }
    r.bandMass = difficultyToBandMass(r.difficulty);
    r.band = bandThreshold(pilotScores, r.bandMass);
    const b = r.band;
    draw = (count, rng) => {
      const { X, s } = sampleOutsideBand(score, count, r.d, b, rng);
      return { X, y: Float64Array.from(s, scoreLabel) };
    };
  }
  const make = (count: number, split: 'train' | 'test'): Dataset => {
    const { X, y } = draw(count, makeRng(deriveSeed(base, split)));
    if (r.labelNoise > 0) flipLabels(y, r.labelNoise, makeRng(deriveSeed(base, `flip-${split}`)));
    return { n: count, d: r.d, X, y, name: split === 'train' ? describe(r) : `${describe(r)} (test)` };
  };
  const ds = make(r.n, 'train');
  if (r.nTest > 0) ds.test = make(r.nTest, 'test');
  return { ds, resolved: r };
}

/**
 * Build a synthetic dataset on the unit sphere: `synthetic({ kind: 'linear', n: 200, d: 10, seed: 1 })`.
 * Same spec ⇒ bit-identical X, y (and test split). See {@link SyntheticSpec} for the fields and defaults.
 * @throws InputError naming the bad field.
 */
export function synthetic(spec: SyntheticSpec): Dataset {
  return syntheticWithSpec(spec).ds;
}

/** The linear rule (normal u, angle α) that synthetic(spec) uses for a 'linear' spec (for margin checks). */
export function syntheticLinearRule(spec: SyntheticSpec): LinearRule {
  const r = resolveSyntheticSpec(spec);
  if (r.kind !== 'linear') throw new InputError('kind', `syntheticLinearRule: expected 'linear', got '${r.kind}'`);
  return makeLinearRule(r.d, r.marginAngle!, makeRng(deriveSeed(deriveSeed(r.seed, 'synthetic', r.kind), 'rule')));
}
