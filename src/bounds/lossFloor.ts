/**
 * Is an m* search limited by its epoch budget rather than by width? At a fixed T the epoch-averaged loss saturates
 * in m (by m ≈ 16–64 on our data) at a floor set by optimisation time; for ε near that floor m* measures T, not
 * width. Our rule [INFERRED]: the floor L_ref is the median over the search's init seeds of the epoch-averaged
 * loss at m_ref = FLOOR_REF_WIDTH, and the search is T-LIMITED when L_ref > ε / FLOOR_FACTOR (less than half of the
 * ε budget is left to the width effect). The floor run is a probe of m_ref (every seed run to the end, no early
 * exit), and it shares its trainings with the m* search through a common memo.
 * Used by the width claims (src/verify/widthCells.ts) and `ntk-verify width` (./widthReport.ts).
 */
import type { MinWidthOptions, MinWidthResult } from './minWidth.js';

/** Reference width of the loss floor, m_ref = 64 [INFERRED]: a power of two, so the search's grid runs are reused. */
export const FLOOR_REF_WIDTH = 64;
/** T-limited iff floor > ε / FLOOR_FACTOR, FLOOR_FACTOR = 2 [INFERRED]. */
export const FLOOR_FACTOR = 2;

/** The floor run's options: the m* search's, probing m_ref alone, every seed to the end. */
export function floorSearch(search: MinWidthOptions): MinWidthOptions {
  return { ...search, probe: FLOOR_REF_WIDTH };
}

/** L_ref of a finished floor run: the median avg loss over seeds at m_ref (Infinity when m_ref was not run to the end). */
export function lossFloor(floorRun: MinWidthResult): number {
  const ref = floorRun.perWidth.find((w) => w.m === FLOOR_REF_WIDTH);
  if (!ref || ref.avgLosses.some((l) => l === null)) return Infinity;
  const s = (ref.avgLosses as number[]).slice().sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** The rule of the module doc. */
export const isTLimited = (floor: number, eps: number): boolean => !(floor <= eps / FLOOR_FACTOR);
