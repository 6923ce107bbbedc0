/**
 * The one crossing between hot row-major Float64Arrays and ml-matrix (used only at the edges: EVD, CHO, SVD).
 * Each crossing copies (ml-matrix stores one Float64Array per row), so cross once per Gram, never per step.
 */
import { Matrix } from 'ml-matrix';
import { ShapeError } from '../errors.js';

/**
 * Copy a row-major rows×cols Float64Array into an ml-matrix Matrix.
 * @throws ShapeError if A.length ≠ rows·cols.
 */
export function toMatrix(A: Float64Array, rows: number, cols: number): Matrix {
  if (A.length !== rows * cols) throw new ShapeError(`toMatrix: array has length ${A.length}, expected rows·cols = ${rows}·${cols}`);
  if (rows === 0) return new Matrix(0, cols);
  // The array-of-rows constructor copies each row with Float64Array.from (one copy, no per-element set).
  return new Matrix(Array.from({ length: rows }, (_, i) => A.subarray(i * cols, (i + 1) * cols)));
}

/** Copy an ml-matrix Matrix back to a row-major Float64Array. */
export function fromMatrix(M: Matrix): { A: Float64Array; rows: number; cols: number } {
  const rows = M.rows;
  const cols = M.columns;
  const A = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) A.set(M.getRow(i), i * cols);
  return { A, rows, cols };
}
