import { chmodSync, closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDataset, MAX_DATASET_FILE_BYTES, parseDataset, parseDatasetWithNorms, readDatasetFile, writeDatasetFile } from '../../src/data/datasetFile.js';
import { synthetic } from '../../src/data/synthetic.js';
import { InputError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'ntk-datafile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${String(e)}`);
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('normalisation on read is reported', () => {
  it('raw row norms (min, max) and the count of scaled rows, per split (oracle: hand-computed norms)', () => {
    // Arrange: norms 2, 0.5 and 1 (3-4-5 triangle) in x; 5 and 1 in test.x
    const json = { x: [[2, 0], [0, 0.5], [0.6, 0.8]], y: [1, -1, 1], test: { x: [[3, 4], [0, 1]], y: [1, -1] } };
    // Act
    const r = parseDatasetWithNorms(json);
    // Assert
    expect(r.rowNorms).toEqual({ rawNormMin: 0.5, rawNormMax: 2, rowsScaled: 2, rows: 3 });
    expect(r.testRowNorms).toEqual({ rawNormMin: 1, rawNormMax: 5, rowsScaled: 1, rows: 2 });
    expect(Array.from(r.ds.X)).toEqual([1, 0, 0, 1, 0.6, 0.8]);
    expect(Array.from(r.ds.test!.X)).toEqual([0.6, 0.8, 0, 1]);
    // normalize: false keeps the rows and scales none, but still reports their norms
    expect(parseDatasetWithNorms(json, '<input>', { normalize: false }).rowNorms).toEqual({ rawNormMin: 0.5, rawNormMax: 2, rowsScaled: 0, rows: 3 });
  });
});

describe('round trip', () => {
  it('write → read reproduces X, y, p, test and name bit for bit (sphere rows are not re-normalised)', () => {
    const ds = synthetic({ kind: 'teacher', n: 25, d: 7, seed: 3, nTest: 9, teacherWidth: 32 });
    ds.p = Float64Array.from({ length: 25 }, (_, i) => (i + 1) / 27); // non-terminating binary fractions
    const path = join(dir, 'rt.json');
    writeDatasetFile(path, ds);
    const back = readDatasetFile(path);
    expect([back.n, back.d, back.test!.n, back.name]).toEqual([25, 7, 9, ds.name]);
    expect(bytes(back.X).equals(bytes(ds.X))).toBe(true);
    expect(bytes(back.y).equals(bytes(ds.y))).toBe(true);
    expect(bytes(back.p!).equals(bytes(ds.p))).toBe(true);
    expect(bytes(back.test!.X).equals(bytes(ds.test!.X))).toBe(true);
    // One row of x per line (readable, diff-friendly).
    expect(readFileSync(path, 'utf8').split('\n').length).toBeGreaterThan(25 + 9);
    expect(JSON.parse(formatDataset(ds)).x.length).toBe(25);
  });

  it('normalises rows to the unit sphere on read (hand value: (3, 4) → (0.6, 0.8)); normalize: false keeps them', () => {
    const json = { x: [[3, 4], [0, -2]], y: [1, -1] };
    const ds = parseDataset(json);
    expect(Array.from(ds.X)).toEqual([0.6, 0.8, 0, -1]);
    expect(Array.from(parseDataset(json, 'raw', { normalize: false }).X)).toEqual([3, 4, 0, -2]);
  });
});

describe('every malformed input is one InputError line naming the field', () => {
  const ok = { x: [[1, 0], [0, 1], [1, 1]], y: [1, -1, 1] };
  const cases: [string, unknown, string, RegExp][] = [
    ['top level not an object', [1, 2], '<root>', /expected an object/],
    ['x missing', { y: [1] }, 'x', /missing/],
    ['x not an array', { ...ok, x: 'abc' }, 'x', /expected an array of rows/],
    ['n = 0', { x: [], y: [] }, 'x', /n = 0/],
    ['row not an array', { ...ok, x: [[1, 0], 5, [1, 1]] }, 'x[1]', /expected a row/],
    ['d = 0', { ...ok, x: [[], [], []] }, 'x[0]', /d = 0/],
    ['ragged rows', { ...ok, x: [[1, 0], [0, 1, 2], [1, 1]] }, 'x[1]', /has 3 coordinates, expected d = 2/],
    ['string "NaN"', { ...ok, x: [[1, 0], [0, 1], [1, 'NaN']] }, 'x[2][1]', /finite number, got string "NaN"/],
    ['null entry', { ...ok, x: [[1, null], [0, 1], [1, 1]] }, 'x[0][1]', /got null/],
    ['NaN number (programmatic input)', { ...ok, x: [[1, 0], [Number.NaN, 1], [1, 1]] }, 'x[1][0]', /got NaN/],
    ['Infinity (1e999 in a file)', { ...ok, x: [[1, 0], [0, 1], [1, Number.POSITIVE_INFINITY]] }, 'x[2][1]', /too large/],
    ['zero vector', { ...ok, x: [[1, 0], [0, 0], [1, 1]] }, 'x[1]', /zero vector/],
    ['y missing', { x: ok.x }, 'y', /missing; expected 3 labels/],
    ['y wrong length', { ...ok, y: [1, -1] }, 'y', /has 2 labels, expected n = 3/],
    ['y is 0/1', { ...ok, y: [1, 0, 1] }, 'y[1]', /use y = 2·label − 1/],
    ['y is a probability', { ...ok, y: [1, 0.3, -1] }, 'y[1]', /soft labels .* go in p/],
    ['y is a string', { ...ok, y: [1, '-1', -1] }, 'y[1]', /expected -1 or 1, got string "-1"/],
    ['p wrong length', { ...ok, p: [0.5] }, 'p', /has 1 values, expected n = 3/],
    ['p above 1', { ...ok, p: [0.5, 1.2, 0] }, 'p[1]', /probability in \[0, 1\], got 1.2/],
    ['p negative', { ...ok, p: [-0.1, 0.5, 0] }, 'p[0]', /got -0.1/],
    ['p not an array', { ...ok, p: 0.5 }, 'p', /expected an array of 3 probabilities/],
    ['unknown key (typo)', { ...ok, X: [[1]] }, 'X', /unknown field/],
    ['name not a string', { ...ok, name: 3 }, 'name', /expected a string/],
    ['test of another dimension', { ...ok, test: { x: [[1, 2, 3]], y: [1] } }, 'test.x[0]', /expected d = 2 \(the training dimension\)/],
    ['test label bad', { ...ok, test: { x: [[1, 2]], y: [2] } }, 'test.y[0]', /expected -1 or 1, got 2/],
    ['test not an object', { ...ok, test: [1] }, 'test', /expected an object/],
  ];
  it.each(cases)('%s', (_, json, field, message) => {
    const e = inputError(() => parseDataset(json, 'd.json'));
    expect(e.field).toBe(field);
    expect(e.message.startsWith(`${field}: `)).toBe(true);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/\(d\.json\)$/);
    expect(e.message).not.toMatch(/\n/);
  });

  it('missing file, directory, not JSON, empty file → field "file"', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"x": [[1, 2]], "y": [1,]}\n');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const overflow = join(dir, 'overflow.json');
    writeFileSync(overflow, '{"x": [[1e999, 1]], "y": [1]}');
    for (const [path, msg] of [
      [join(dir, 'nope.json'), /no such file/],
      [dir, /is a directory/],
      [bad, /not valid JSON/],
      [empty, /not valid JSON/],
    ] as const) {
      const e = inputError(() => readDatasetFile(path));
      expect(e.field).toBe('file');
      expect(e.message).toMatch(msg);
      expect(e.message).not.toMatch(/\n/);
    }
    expect(inputError(() => readDatasetFile(overflow)).field).toBe('x[0][0]');
  });

  it('a file larger than MAX_DATASET_FILE_BYTES is refused by its size, before it is read', () => {
    // Arrange: a sparse file one byte over the limit (no disk blocks written); oracle: the constant's doc
    expect(MAX_DATASET_FILE_BYTES).toBe(256 * 1024 * 1024);
    const huge = join(dir, 'huge.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, MAX_DATASET_FILE_BYTES + 1);
    closeSync(fd);
    // Act
    const e = inputError(() => readDatasetFile(huge));
    // Assert: the field, the size found, the limit; not a JSON error (the file was not parsed)
    expect(e.field).toBe('file');
    expect(e.message).toBe(`file: is 256.0 MiB (${MAX_DATASET_FILE_BYTES + 1} bytes); expected a dataset file of at most 256.0 MiB (MAX_DATASET_FILE_BYTES) (${huge})`);
    rmSync(huge);
  });

  it('unwritable output → field "out", and an existing file stays intact', () => {
    expect(inputError(() => writeDatasetFile(join(dir, 'no-such-dir', 'd.json'), synthetic({ kind: 'xor', n: 2, d: 2, seed: 1 }))).field).toBe('out');
    if (process.getuid?.() === 0) return; // root ignores permissions
    const ro = mkdtempSync(join(dir, 'ro-'));
    const path = join(ro, 'd.json');
    writeFileSync(path, 'old');
    chmodSync(ro, 0o500);
    expect(inputError(() => writeDatasetFile(path, synthetic({ kind: 'xor', n: 2, d: 2, seed: 1 }))).field).toBe('out');
    chmodSync(ro, 0o700);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });
});

describe('fuzz: arbitrary JSON never crashes the parser', () => {
  // Property: for any JSON value (and for mutations of a valid file), parseDataset either returns a dataset
  // with unit rows and ±1 labels, or throws an InputError with a one-line message — never another error or NaN.
  const valid = fc.record({
    x: fc.array(fc.array(fc.double({ noNaN: true, min: -1e3, max: 1e3 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
    y: fc.array(fc.constantFrom(-1, 1, 0, 2, '1', null), { minLength: 1, maxLength: 4 }),
    p: fc.option(fc.array(fc.oneof(fc.double(), fc.constant(0.5)), { maxLength: 4 }), { nil: undefined }),
  });
  it('holds for 300 random documents', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), valid), (json) => {
        try {
          const ds = parseDataset(JSON.parse(JSON.stringify(json ?? null)));
          for (const v of ds.X) if (!Number.isFinite(v)) return false;
          return ds.y.every((v) => v === 1 || v === -1);
        } catch (e) {
          return e instanceof InputError && !e.message.includes('\n');
        }
      }),
      { numRuns: 300 },
    );
  });
});
