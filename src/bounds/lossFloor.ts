/**
 * Is an m* search limited by its epoch budget rather than by width? At a fixed T the epoch-averaged loss saturates
 * in m (by m ≈ 16–64 on our data) at a floor set by optimisation time; for ε near that floor m* measures T, not
 * width. Our rule [INFERRED]: the floor L_ref is the median over the search's init seeds of the epoch-averaged
 * loss at m_ref = FLOOR_REF_WIDTH, and the search is T-LIMITED when L_ref > ε / FLOOR_FACTOR (less than half of the
 * ε budget is left to the width effect). The floor run is a probe of m_ref, and it shares its trainings with the
 * m* search through a common memo.
 * Used by the width claims (src/verify/widthCells.ts) and `ntk-verify width` (./widthReport.ts).
 */
import { DEFAULT_SEEDS, type MinWidthOptions, type MinWidthResult } from './minWidth.js';

/** Reference width of the loss floor, m_ref = 64 [INFERRED]: a power of two, so the search's grid runs are reused. */
export const FLOOR_REF_WIDTH = 64;
/** T-limited iff floor > ε / FLOOR_FACTOR, FLOOR_FACTOR = 2 [INFERRED]. */
export const FLOOR_FACTOR = 2;

/**
 * The floor run's options: the m* search's, probing m_ref alone at the target ε/FLOOR_FACTOR. With an odd number
 * of seeds s the median is the ((s+1)/2)-th smallest loss, so "median ≤ ε/FLOOR_FACTOR" is the search's k-of-s
 * test with k = (s+1)/2 and early exits decide it exactly; `exact` (or an even s) runs every seed to the end
 * so that {@link lossFloor} has the median's value.
 */
export function floorSearch(search: MinWidthOptions, exact = true): MinWidthOptions {
  const s = search.seeds ?? DEFAULT_SEEDS;
  const test = !exact && s % 2 === 1 && (search.earlyExit ?? true);
  return { ...search, probe: FLOOR_REF_WIDTH, eps: search.eps / FLOOR_FACTOR, successFraction: (s + 1) / (2 * s), earlyExit: test };
}

/**
 * L_ref of a finished floor run: the median avg loss over seeds at its probed width (m_ref, or the larger width a
 * caller probed with `probe`); null when early exits decided the T-limit test without it; Infinity when nothing ran.
 */
export function lossFloor(floorRun: MinWidthResult): number | null {
  const ref = floorRun.perWidth.length === 1 ? floorRun.perWidth[0] : floorRun.perWidth.find((w) => w.m === FLOOR_REF_WIDTH);
  if (!ref) return Infinity;
  if (ref.avgLosses.some((l) => l === null)) return null;
  const s = (ref.avgLosses as number[]).slice().sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** Is the search T-limited (module doc)? From the floor run: its median, or its k-of-s test when the median was not needed. */
export function floorRunTLimited(floorRun: MinWidthResult, eps: number): boolean {
  const floor = lossFloor(floorRun);
  return floor === null ? !floorRun.perWidth[0].success : isTLimited(floor, eps);
}

/** The rule of the module doc. */
export const isTLimited = (floor: number, eps: number): boolean => !(floor <= eps / FLOOR_FACTOR);
