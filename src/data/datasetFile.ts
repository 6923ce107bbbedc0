/**
 * The JSON dataset file read and written by the CLI:
 *   {"x": number[][], "y": (-1|1)[], "p"?: number[], "test"?: {"x", "y", "p"?}, "name"?: string}
 * x holds n ≥ 1 rows of d ≥ 1 finite numbers, y one label ±1 per row, p (optional) one soft label in [0, 1]
 * per row (P(y = +1 | x)), test (optional) a held-out split with the same d. No other keys are accepted
 * (a typo such as "X" is refused rather than ignored).
 *
 * Validation: every defect is an InputError whose message is one line naming the field,
 * the row (and column) index where relevant, what was expected and what was found, e.g.
 *   `x[3][2]: expected a finite number, got string "NaN" (d.json)`.
 * The checks are hand-written rather than a zod schema: they must name x[i][j], hint "use y = 2·label − 1"
 * for 0/1 labels, and run in one pass over n·d numbers.
 *
 * Normalisation on read (option normalize, default true): each row x_i is scaled to unit norm, because the
 * theory lives on the sphere. Rows already within UNIT_NORM_TOL of norm 1 are kept bit-for-bit, so a file
 * written from sphere data reads back identical (write → read is exact). Zero rows are refused either way.
 * The scaling is not silent: {@link readDatasetFileWithNorms} also returns the raw row norms (min, max) and
 * how many rows were scaled, which every CLI command that reads data prints (RowNormSummary).
 */
import { readFileSync, statSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { InputError } from '../errors.js';
import type { Dataset } from './dataset.js';

/** Rows whose Euclidean norm is within this of 1 count as already on the sphere (kept unchanged). */
export const UNIT_NORM_TOL = 1e-12;

/**
 * Largest dataset file read, in bytes: 256 MiB [INFERRED]. The file is read whole into one string, and V8
 * (Node 20) caps a string at 2^29 − 24 UTF-16 units, about 512 MiB, failing past that with the cryptic
 * ERR_STRING_TOO_LONG after reading everything; half of that keeps the text, its parse tree (several times
 * the text) and X within a few GiB. 256 MiB of JSON is about 13 million numbers at ~20 characters each,
 * e.g. n = 16000 rows at d = 784, whose n×n NTK Gram (2 GiB) is already at the edge of what the CLI holds.
 * Checked with fs.statSync before reading.
 */
export const MAX_DATASET_FILE_BYTES = 256 * 1024 * 1024;

const KEYS = ['x', 'y', 'p', 'test', 'name'] as const;

/**
 * What normalisation on read did to one split's rows: the Euclidean norms of the rows as written in the file
 * (before scaling) and how many rows were scaled (norm not within UNIT_NORM_TOL of 1).
 */
export interface RowNormSummary {
  /** Smallest raw row norm ‖x_i‖₂ in the file (> 0: zero rows are refused). */
  rawNormMin: number;
  /** Largest raw row norm ‖x_i‖₂ in the file. */
  rawNormMax: number;
  /** Rows scaled to unit norm on read (0 when every row was already on the sphere, or normalize is false). */
  rowsScaled: number;
  /** Rows in the split. */
  rows: number;
}

/** The one-line statement every data-reading command prints beside RowNormSummary. */
export const ROW_SCALING_NOTE =
  'rows of x (and of test.x) are scaled to unit Euclidean norm on read, because the theory lives on the unit sphere; every γ, kernel and loss is of the scaled rows (raw row norms: rawNormMin, rawNormMax)';

export interface ParseOptions {
  /** Scale rows to the unit sphere. @defaultValue true */
  normalize?: boolean;
}

/** A one-line description of a JSON value for messages: `string "NaN"`, `null`, `array`, `number 1.5`. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    return Number.isFinite(v) ? `${v}` : `${v} (a number too large for double precision, e.g. 1e999)`;
  }
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function fail(field: string, what: string, source: string): never {
  throw new InputError(field, `${what} (${source})`.replace(/\s*\n\s*/g, ' '));
}

/** Scaled 2-norm max|x|·sqrt(Σ(x/max)²): no overflow or underflow for finite rows. */
function rowNorm(row: Float64Array): number {
  let M = 0;
  for (const v of row) M = Math.max(M, Math.abs(v));
  if (M === 0) return 0;
  let s = 0;
  for (const v of row) s += (v / M) ** 2;
  return M * Math.sqrt(s);
}

function parseSplit(obj: unknown, prefix: string, source: string, dExpected: number | null, normalize: boolean, norms: RowNormSummary): Dataset {
  const f = (name: string) => `${prefix}${name}`;
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    fail(prefix ? prefix.slice(0, -1) : '<root>', `expected an object {"x": [[...]], "y": [...]}, got ${describe(obj)}`, source);
  }
  const o = obj as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    const allowed: readonly string[] = prefix ? ['x', 'y', 'p', 'name'] : KEYS;
    if (!allowed.includes(key)) fail(f(key), `unknown field; expected only ${allowed.join(', ')}`, source);
  }
  // x: n ≥ 1 rows, each an array of d ≥ 1 finite numbers, all of the same length.
  const x = o.x;
  if (x === undefined) fail(f('x'), 'missing; expected an array of n ≥ 1 rows of d ≥ 1 numbers', source);
  if (!Array.isArray(x)) fail(f('x'), `expected an array of rows (arrays of numbers), got ${describe(x)}`, source);
  const n = x.length;
  if (n === 0) fail(f('x'), 'is empty (n = 0); expected at least one row', source);
  let d = -1;
  for (let i = 0; i < n; i++) {
    const r = x[i];
    if (!Array.isArray(r)) fail(f(`x[${i}]`), `expected a row (an array of numbers), got ${describe(r)}`, source);
    if (r.length === 0) fail(f(`x[${i}]`), 'is an empty row (d = 0); expected at least one coordinate', source);
    if (d < 0) {
      d = r.length;
      if (dExpected !== null && d !== dExpected) {
        fail(f(`x[${i}]`), `has ${d} coordinates, expected d = ${dExpected} (the training dimension)`, source);
      }
    } else if (r.length !== d) {
      fail(f(`x[${i}]`), `has ${r.length} coordinates, expected d = ${d} like ${prefix}x[0] (all rows must have the same dimension)`, source);
    }
  }
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = x[i] as unknown[];
    for (let c = 0; c < d; c++) {
      const v = r[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(f(`x[${i}][${c}]`), `expected a finite number, got ${describe(v)}`, source);
      X[i * d + c] = v;
    }
    const row = X.subarray(i * d, (i + 1) * d);
    const norm = rowNorm(row);
    if (norm === 0) fail(f(`x[${i}]`), 'is a zero vector; it cannot be put on the unit sphere (expected a nonzero row)', source);
    norms.rawNormMin = Math.min(norms.rawNormMin, norm);
    norms.rawNormMax = Math.max(norms.rawNormMax, norm);
    if (normalize && Math.abs(norm - 1) > UNIT_NORM_TOL) {
      for (let c = 0; c < d; c++) row[c] /= norm;
      norms.rowsScaled++;
    }
  }
  norms.rows = n;
  // y: n labels in {−1, +1}.
  const y = o.y;
  if (y === undefined) fail(f('y'), `missing; expected ${n} labels in {-1, 1}, one per row of x`, source);
  if (!Array.isArray(y)) fail(f('y'), `expected an array of ${n} labels in {-1, 1}, got ${describe(y)}`, source);
  if (y.length !== n) fail(f('y'), `has ${y.length} labels, expected n = ${n} (one per row of x)`, source);
  const zeroOne = y.every((v) => v === 0 || v === 1);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v === 1 || v === -1) continue;
    const hint = zeroOne
      ? '; the labels look like 0/1: use y = 2·label − 1'
      : typeof v === 'number' && v > 0 && v < 1
        ? '; soft labels (probabilities) go in p'
        : '';
    fail(f(`y[${i}]`), `expected -1 or 1, got ${describe(v)}${hint}`, source);
  }
  const ds: Dataset = { n, d, X, y: Float64Array.from(y as number[]) };
  // p: optional, n probabilities in [0, 1].
  if (o.p !== undefined) {
    const p = o.p;
    if (!Array.isArray(p)) fail(f('p'), `expected an array of ${n} probabilities in [0, 1], got ${describe(p)}`, source);
    if (p.length !== n) fail(f('p'), `has ${p.length} values, expected n = ${n} (one per row of x)`, source);
    for (let i = 0; i < n; i++) {
      const v = p[i];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(f(`p[${i}]`), `expected a probability in [0, 1], got ${describe(v)}`, source);
    }
    ds.p = Float64Array.from(p as number[]);
  }
  if (o.name !== undefined) {
    if (typeof o.name !== 'string') fail(f('name'), `expected a string, got ${describe(o.name)}`, source);
    ds.name = o.name;
  }
  return ds;
}

/**
 * Validate a parsed JSON value as a dataset (see module doc) and build the Dataset.
 * @param json    the value of JSON.parse(file text) (or any object).
 * @param source  file name shown in messages. @defaultValue '<input>'
 * @throws InputError (one line: field, row/column, expected, found, source) for every defect listed above.
 */
export function parseDataset(json: unknown, source = '<input>', opts: ParseOptions = {}): Dataset {
  return parseDatasetWithNorms(json, source, opts).ds;
}

/** A dataset as read, with what normalisation did to its rows (test: the held-out split's rows, if any). */
export interface DatasetWithNorms {
  ds: Dataset;
  rowNorms: RowNormSummary;
  testRowNorms?: RowNormSummary;
}

const emptyTally = (): RowNormSummary => ({ rawNormMin: Infinity, rawNormMax: 0, rowsScaled: 0, rows: 0 });

/**
 * As {@link parseDataset}, also returning the raw row norms and how many rows were scaled.
 * @throws InputError as parseDataset.
 */
export function parseDatasetWithNorms(json: unknown, source = '<input>', opts: ParseOptions = {}): DatasetWithNorms {
  const normalize = opts.normalize ?? true;
  const rowNorms = emptyTally();
  const ds = parseSplit(json, '', source, null, normalize, rowNorms);
  const test = (json as Record<string, unknown>).test;
  if (test === undefined) return { ds, rowNorms };
  const testRowNorms = emptyTally();
  ds.test = parseSplit(test, 'test.', source, ds.d, normalize, testRowNorms);
  return { ds, rowNorms, testRowNorms };
}

function cannotRead(e: unknown, path: string): never {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : (err.code ?? err.message);
  fail('file', `cannot read: ${why}; expected a JSON dataset file`, path);
}

/** Bytes as "2.00 GiB" / "300.0 MiB" / "12 bytes" for messages. */
function fmtBytes(b: number): string {
  if (b >= 1024 ** 3) return `${(b / 1024 ** 3).toFixed(2)} GiB`;
  if (b >= 1024 ** 2) return `${(b / 1024 ** 2).toFixed(1)} MiB`;
  return `${b} bytes`;
}

/**
 * Read and validate a dataset file. Its size is checked (fs.statSync) before any byte is read.
 * @throws InputError('file', …) when the file cannot be read (missing, a directory, no permission), is larger
 *         than MAX_DATASET_FILE_BYTES, or is not JSON; otherwise as {@link parseDataset}.
 */
export function readDatasetFile(path: string, opts: ParseOptions = {}): Dataset {
  return readDatasetFileWithNorms(path, opts).ds;
}

/**
 * As {@link readDatasetFile}, also returning the raw row norms (min, max) and how many rows normalisation on
 * read scaled, so that a command can say so (ROW_SCALING_NOTE).
 * @throws InputError as readDatasetFile.
 */
export function readDatasetFileWithNorms(path: string, opts: ParseOptions = {}): DatasetWithNorms {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    cannotRead(e, path);
  }
  if (size > MAX_DATASET_FILE_BYTES) {
    fail('file', `is ${fmtBytes(size)} (${size} bytes); expected a dataset file of at most ${fmtBytes(MAX_DATASET_FILE_BYTES)} (MAX_DATASET_FILE_BYTES)`, path);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    cannotRead(e, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = (e as Error).message.replace(/\s+/g, ' ').slice(0, 120);
    fail('file', `not valid JSON (${why}); expected {"x": [[...]], "y": [...]}`, path);
  }
  return parseDatasetWithNorms(json, path, opts);
}

function splitToJson(ds: Dataset): Record<string, unknown> {
  const x: number[][] = [];
  for (let i = 0; i < ds.n; i++) x.push(Array.from(ds.X.subarray(i * ds.d, (i + 1) * ds.d)));
  const out: Record<string, unknown> = {};
  if (ds.name !== undefined) out.name = ds.name;
  out.x = x;
  out.y = Array.from(ds.y);
  if (ds.p) out.p = Array.from(ds.p);
  return out;
}

/**
 * The file text of a dataset: one row of x per line, numbers in shortest round-trip form (JSON.stringify),
 * so that parse(format(ds)) reproduces X, y, p bit for bit.
 */
export function formatDataset(ds: Dataset): string {
  const part = (o: Record<string, unknown>, indent: string): string => {
    const lines = Object.entries(o).map(([k, v]) => {
      if (k === 'x') return `${indent}"x": [\n${(v as number[][]).map((r) => `${indent}  ${JSON.stringify(r)}`).join(',\n')}\n${indent}]`;
      return `${indent}${JSON.stringify(k)}: ${JSON.stringify(v)}`;
    });
    return lines.join(',\n');
  };
  const top = part(splitToJson(ds), '  ');
  const test = ds.test ? `,\n  "test": {\n${part(splitToJson(ds.test), '    ')}\n  }` : '';
  return `{\n${top}${test}\n}\n`;
}

/**
 * Write a dataset file atomically (write-file-atomic: temp file + rename, so a crash never leaves a half
 * file and an earlier file stays intact on failure).
 * @throws InputError('out', …) when the file cannot be written (missing folder, no permission, disk full).
 */
export function writeDatasetFile(path: string, ds: Dataset): void {
  try {
    writeFileAtomic.sync(path, formatDataset(ds));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    fail('out', `cannot write: ${err.code ?? err.message.replace(/\s+/g, ' ')}`, path);
  }
}
