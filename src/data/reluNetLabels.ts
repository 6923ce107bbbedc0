/**
 * Random wide ReLU teacher: g(x) = m^{-1/2} Σ_s a_s relu(<w_s, x>), w_s ~ N(0, I_d), a_s = ±1 (the student's
 * own initialisation law, src/model/twoLayer.ts), centred by its median c over uniform pilot points of the
 * sphere, so that the score s(x) = g(x) − c splits the sphere into halves of mass 1/2 ± O(PILOT_SIZE^{-1/2}).
 * Labels y = sign(s). Without the centring the labels would be very unbalanced: E_w relu(<w,x>) = 1/√(2π) > 0
 * on the sphere, so g carries a random constant of order Σ_s a_s/√m ~ 1. Source: [INFERRED] (teacher–student
 * setup, e.g. Ji & Telgarsky 2020 §5 [RECALLED]).
 */
import { InputError } from '../errors.js';
import { forward, initNet, type TwoLayerNet } from '../model/twoLayer.js';
import { deriveSeed, makeRng } from '../rng.js';
import { PILOT_SIZE, scoreLabel } from './marginKnob.js';
import { uniformSphere } from './sphere.js';

/** Default teacher width m. */
export const TEACHER_WIDTH = 256;

/**
 * A drawn random ReLU labeller of the 'teacher' data family. Not the soft-label teacher of the training regimes
 * (src/teacher/teacher.ts), which is fitted to a dataset.
 */
export interface ReluLabeller {
  /** The teacher network (width m = net.m, input dimension net.d). */
  net: TwoLayerNet;
  /** Median of g over the pilot points; the score is g(x) − offset. */
  offset: number;
  /** Scores s = g − offset of the PILOT_SIZE pilot points (for band quantiles). */
  pilotScores: Float64Array;
}

/** Teachers kept in memory (the pilot costs PILOT_SIZE·m·d; fast-check replays the same seed while shrinking). */
const TEACHER_CACHE_SIZE = 32;
const cache = new Map<string, ReluLabeller>();

/**
 * Draw a labeller: net from stream deriveSeed(seed, 'teacher'), pilot points from deriveSeed(seed, 'pilot').
 * Deterministic, so results are memoised (last TEACHER_CACHE_SIZE): treat the returned object as read-only.
 * @throws InputError when width or d is not a positive integer.
 */
export function makeReluLabeller(d: number, seed: number | string, width = TEACHER_WIDTH): ReluLabeller {
  if (!Number.isInteger(width) || width < 1) throw new InputError('teacherWidth', `expected a positive integer, got ${width}`);
  if (!Number.isInteger(d) || d < 1) throw new InputError('d', `makeReluLabeller: expected a positive integer, got ${d}`);
  const key = `${d}|${width}|${String(seed)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const t = drawReluLabeller(d, seed, width);
  if (cache.size >= TEACHER_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, t);
  return t;
}

function drawReluLabeller(d: number, seed: number | string, width: number): ReluLabeller {
  const net = initNet(width, d, deriveSeed(seed, 'teacher'));
  const P = uniformSphere(PILOT_SIZE, d, makeRng(deriveSeed(seed, 'pilot')));
  const g = forward(net, P, PILOT_SIZE);
  const sorted = g.slice().sort();
  const h = PILOT_SIZE >> 1;
  const offset = PILOT_SIZE % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
  for (let i = 0; i < PILOT_SIZE; i++) g[i] -= offset;
  return { net, offset, pilotScores: g };
}

/** Score s(x) = g(x) − offset of the point X[off .. off+d) (O(m·d)). */
export function teacherScore(t: ReluLabeller, X: Float64Array, off: number): number {
  const { net } = t;
  return forward(net, X.subarray(off, off + net.d), 1)[0] - t.offset;
}

/**
 * Labels of a random wide ReLU teacher (see module doc): y_i = sign(g(x_i) − c), sign(0) = +1.
 * @param X  n×d row-major (unit rows expected; any rows accepted).  @param seed  teacher seed.
 * @param width  teacher width m. @defaultValue TEACHER_WIDTH = 256
 * @returns n labels in {−1, +1}.
 * @throws InputError for a bad width or d.
 */
export function teacherNetLabels(
  X: Float64Array,
  n: number,
  d: number,
  seed: number | string,
  width = TEACHER_WIDTH,
): Float64Array {
  const t = makeReluLabeller(d, seed, width);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = scoreLabel(teacherScore(t, X, i * d));
  return y;
}
