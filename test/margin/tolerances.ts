/**
 * Tolerances of the margin tests, each derived from a stated bound (never tuned until green).
 */
import { RKHS_REL_GAP } from '../../src/margin/constants.js';

/** The solver's own target gap: any value inside a certified bracket of relative width ≤ RKHS_REL_GAP is
 * within that relative distance of the truth. */
export const RKHS_TOL = RKHS_REL_GAP;

/** Closed forms are evaluated in double precision with a handful of operations: relative error ≤ 1e-14 is
 * ~50 ulps (generous for ~10 flops incl. cos/sqrt, each correctly rounded to ≤ 1 ulp). */
export const CLOSED_FORM_REL = 1e-14;
