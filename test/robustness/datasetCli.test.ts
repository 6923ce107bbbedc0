/**
 * Malformed dataset files through the CLI (in-process main(), src/cli/main.ts): every malformed dataset file given to
 * `margin`, `train` and `width` is refused with exit code 2 and one line naming the field (and row/column),
 * before any work; a dataset that is not NTK-separable gets a verdict, or for --regime soft (whose NTK
 * teacher needs γ > 0) one line naming --data with the ways out. The parser itself is unit-tested in
 * test/data/datasetFile.test.ts; this file checks that every command routes the errors the same way.
 * Oracles: the defect each file was built with; for the non-separable set, x and 2x normalise to the same
 * point with opposite labels, so γ = 0 exactly, f(x) = f(2x) for every network, and the pair's mean logistic
 * loss is ≥ ln 2 (ℓ(f) + ℓ(−f) ≥ 2 ln 2 by convexity, equality at f = 0).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsage, runCli, tempDir, writeData } from './cliCase.js';

const dir = tempDir('data');
const ok = { x: [[1, 0], [0, 1], [0.6, 0.8]], y: [1, -1, 1] };

/** [case, file text or JSON (null: no file), the field the line must name, what it must say]. */
const cases: [string, unknown, string, RegExp][] = [
  ['missing file', null, 'file', /cannot read: no such file/],
  ['not JSON (trailing comma)', '{"x": [[1, 0]], "y": [1,]}', 'file', /not valid JSON/],
  ['not JSON (bare NaN literal)', '{"x": [[1, 0], [0, NaN]], "y": [1, -1]}', 'file', /not valid JSON/],
  ['empty file', '', 'file', /not valid JSON/],
  ['top level an array', [[1, 0]], '<root>', /expected an object/],
  ['x a string', { ...ok, x: 'abc' }, 'x', /expected an array of rows/],
  ['x a flat array of numbers', { ...ok, x: [1, 0, 1] }, 'x[0]', /expected a row \(an array of numbers\), got 1/],
  ['string "NaN"', { ...ok, x: [[1, 0], [0, 'NaN'], [1, 1]] }, 'x[1][1]', /expected a finite number, got string "NaN"/],
  ['string "Infinity"', { ...ok, x: [[1, 0], [0, 1], ['Infinity', 1]] }, 'x[2][0]', /got string "Infinity"/],
  ['+Infinity (1e999)', '{"x": [[1, 0], [0, 1e999], [1, 1]], "y": [1, -1, 1]}', 'x[1][1]', /expected a finite number, got Infinity/],
  ['-Infinity (-1e999)', '{"x": [[1, 0], [0, 1], [-1e999, 1]], "y": [1, -1, 1]}', 'x[2][0]', /got -Infinity/],
  ['null', { ...ok, x: [[1, null], [0, 1], [1, 1]] }, 'x[0][1]', /got null/],
  ['boolean', { ...ok, x: [[1, 0], [true, 1], [1, 1]] }, 'x[1][0]', /got boolean true/],
  ['nested array', { ...ok, x: [[1, 0], [[0], 1], [1, 1]] }, 'x[1][0]', /got an array of length 1/],
  ['labels 0/1', { ...ok, y: [1, 0, 1] }, 'y[1]', /expected -1 or 1, got 0; the labels look like 0\/1: use y = 2·label − 1/],
  ['label 2', { ...ok, y: [1, 2, -1] }, 'y[1]', /expected -1 or 1, got 2/],
  ['label a probability', { ...ok, y: [1, -1, 0.7] }, 'y[2]', /soft labels \(probabilities\) go in p/],
  ['y wrong length', { ...ok, y: [1, -1] }, 'y', /has 2 labels, expected n = 3/],
  ['y missing', { x: ok.x }, 'y', /missing; expected 3 labels/],
  ['p above 1', { ...ok, p: [0.5, 1.5, 0] }, 'p[1]', /expected a probability in \[0, 1\], got 1\.5/],
  ['p below 0', { ...ok, p: [-0.25, 0.5, 0] }, 'p[0]', /got -0\.25/],
  ['p a string', { ...ok, p: [0.5, 0.5, '0.5'] }, 'p[2]', /got string "0\.5"/],
  ['p wrong length', { ...ok, p: [0.5] }, 'p', /has 1 values, expected n = 3/],
  ['n = 0', { x: [], y: [] }, 'x', /is empty \(n = 0\)/],
  ['d = 0', { x: [[], []], y: [1, -1] }, 'x[0]', /is an empty row \(d = 0\)/],
  ['zero vector', { ...ok, x: [[1, 0], [0, 0], [1, 1]] }, 'x[1]', /is a zero vector; it cannot be put on the unit sphere/],
  ['rows of different dimension', { ...ok, x: [[1, 0], [0, 1], [1, 1, 1]] }, 'x[2]', /has 3 coordinates, expected d = 2 like x\[0\]/],
  ['unknown key', { ...ok, labels: [1, -1, 1] }, 'labels', /unknown field/],
];

const commands: [string, string[]][] = [
  ['margin', ['margin']],
  ['train --regime soft', ['train', '--regime', 'soft', '--width', '4', '--epochs', '3']],
  ['train --regime hard', ['train', '--regime', 'hard', '--width', '4', '--epochs', '3']],
  ['width --regime hard', ['width', '--regime', 'hard', '--eps', '0.3', '--m-max', '4', '--epochs', '3']],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('malformed dataset files: exit 2, one line naming the field, for every command', () => {
  const files = cases.map(([name, content], k) => (content === null ? join(dir, `absent-${k}.json`) : writeData(dir, `case-${k}.json`, content)));
  it.each(cases.map((c, k) => [c[0], k] as const))('%s', async (_name, k) => {
    const [, , field, what] = cases[k];
    for (const [, argv] of commands) {
      const content = cases[k][1];
      const inputNaN = JSON.stringify(content ?? '').includes('NaN'); // the line may quote what the file says
      const line = expectUsage(await runCli([...argv, '--data', files[k]]), new RegExp(`^ntk-verify: ${escape(field)}: `), inputNaN);
      expect(line).toMatch(what);
      expect(line).toContain(files[k]); // the file is named too
    }
  });

  it('a --data file over the size limit: one line naming the file and the limit, for every command', async () => {
    const huge = join(dir, 'huge.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 300 * 1024 * 1024); // sparse: no disk blocks
    closeSync(fd);
    for (const [, argv] of commands) {
      const line = expectUsage(await runCli([...argv, '--data', huge]), /^ntk-verify: file: is 300\.0 MiB /);
      expect(line).toMatch(/at most 256\.0 MiB \(MAX_DATASET_FILE_BYTES\)/);
    }
    rmSync(huge);
  });

  it('every command that reads data says that rows were scaled to unit length, with the raw norms; so does --help', async () => {
    const raw = writeData(dir, 'raw.json', { x: [[2, 0], [0, 0.5], [0.6, 0.8]], y: [1, -1, 1] });
    for (const [name, argv] of commands) {
      const r = await runCli([...argv, '--data', raw]);
      expect(r.code, name).toBe(0);
      const input = (JSON.parse(r.out) as { input: { file: string; rowScaling: { note: string; train: unknown } } }).input;
      expect(input.file).toBe(raw);
      expect(input.rowScaling.note).toMatch(/scaled to unit Euclidean norm on read/);
      expect(input.rowScaling.train).toEqual({ rawNormMin: 0.5, rawNormMax: 2, rowsScaled: 2, rows: 3 }); // hand-computed
      const help = await runCli([argv[0], '--help']);
      expect(help.out.replace(/\s+/g, ' ')).toMatch(/--data <file> dataset JSON file .*rows of x are scaled to unit length on read/);
    }
  });

  it('a folder given as --data names the file', async () => {
    expectUsage(await runCli(['margin', '--data', dir]), /^ntk-verify: file: cannot read: is a directory/);
  });

  it('the real executable (subprocess) prints the same single line and exits 2', () => {
    const bin = resolve(import.meta.dirname, '../../bin/ntk-verify.mjs');
    const k = cases.findIndex((c) => c[0] === 'labels 0/1');
    const r = spawnSync(process.execPath, [bin, 'train', '--data', files[k], '--regime', 'hard', '--width', '4'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^ntk-verify: y\[1\]: .*use y = 2·label − 1/)]);
  });
});

describe('one separability verdict, stated, for every command (src/margin/separability.ts)', () => {
  // The file: separable (certified γ_rkhs > 0), although the Monte Carlo γ_sup lower end is 0.
  const close = writeData(dir, 'close.json', { x: [[1, 0], [1, 1e-8], [0, 1]], y: [1, -1, 1] });
  const parallel = writeData(dir, 'parallel-sep.json', { x: [[1, 0], [2, 0], [0, 1]], y: [1, -1, 1] });
  const verdicts = async (file: string) => {
    const m = JSON.parse((await runCli(['margin', '--data', file])).out);
    const t = JSON.parse((await runCli(['train', '--data', file, '--regime', 'hard', '--width', '4', '--epochs', '3'])).out);
    const w = JSON.parse((await runCli(['width', '--data', file, '--regime', 'hard', '--eps', '0.3', '--m-max', '4', '--epochs', '3'])).out);
    return [
      { separable: m.separable, by: m.separableBy, rule: m.separableRule },
      { separable: t.separability.separable, by: t.separability.decidedBy, rule: t.separability.rule },
      { separable: w.separability.separable, by: w.separability.decidedBy, rule: w.separability.rule },
    ];
  };

  it.each([
    ['close points, opposite labels', close, true],
    ['x and 2x, opposite labels', parallel, false],
  ])('%s: margin, train and width agree and print the rule', async (_name, file, expected) => {
    const v = await verdicts(file as string);
    for (const x of v) {
      expect(x.separable).toBe(expected);
      expect(x.rule).toMatch(/^separable iff a certified lower bound on the NTK margin is > 0/);
    }
    expect(new Set(v.map((x) => x.by)).size).toBe(1); // the same evidence decided
  });

  it('train --regime soft accepts the separable file and its teacher sees the same certified γ_rkhs', async () => {
    const r = await runCli(['train', '--data', close, '--regime', 'soft', '--width', '4', '--epochs', '3']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.separability.separable).toBe(true);
    expect(t.teacher.gammaLower).toBeGreaterThan(0);
  });
});

describe('a dataset that is not NTK-separable (x and 2x with opposite labels): a verdict, or one clear line', () => {
  const flat = writeData(dir, 'parallel.json', { x: [[1, 0], [2, 0], [0, 1]], y: [1, -1, 1] });
  const withP = writeData(dir, 'parallel-p.json', { x: [[1, 0], [2, 0], [0, 1]], y: [1, -1, 1], p: [0.5, 0.5, 0.9] });

  it('margin: verdict separable = false, γ lower bound 0, status not-separable (exit 0)', async () => {
    const r = await runCli(['margin', '--data', flat, '--kind', 'rkhs']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out);
    expect(m.separable).toBe(false);
    expect(m.gammaRkhs.lower).toBe(0);
    expect(m.gammaRkhs.status).toBe('not-separable');
    expect(m.notes.join(' ')).toMatch(/NOT SEPARABLE/);
    expect(r.out).not.toMatch(/NaN/);
  });

  it('train --regime hard: trains to a finite loss that stays ≥ 2·ln 2/3 (the pair cannot both be fit)', async () => {
    const r = await runCli(['train', '--data', flat, '--regime', 'hard', '--width', '8', '--epochs', '50']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(Number.isFinite(t.avgLoss) && Number.isFinite(t.finalLoss)).toBe(true);
    expect(t.finalLoss).toBeGreaterThanOrEqual((2 * Math.LN2) / 3);
    expect(t.trainAccuracy).toBeLessThanOrEqual(2 / 3);
  });

  it('width --regime hard: verdict mStar = null (ε = 0.3 < 2·ln 2/3 is unreachable), bound not computed', async () => {
    const r = await runCli(['width', '--data', flat, '--regime', 'hard', '--eps', '0.3', '--m-max', '8', '--epochs', '20']);
    expect(r.code).toBe(0);
    const w = JSON.parse(r.out);
    expect(w.mStar).toBeNull();
    expect(w.gamma.status).toBe('not-separable');
    expect(w.bound.value).toBeNull();
    expect(w.bound.note).toMatch(/not NTK-separable/);
  });

  it.each([
    ['train', ['train', '--regime', 'soft', '--width', '4', '--epochs', '3']],
    ['width', ['width', '--regime', 'soft', '--eps', '0.3', '--m-max', '4', '--epochs', '3']],
  ])('%s --regime soft (NTK teacher needs γ > 0): exit 2, one line naming --data and the ways out', async (_c, argv) => {
    // the separability rule's wording (src/margin/separability.ts), the same for train and width
    const line = expectUsage(await runCli([...argv, '--data', flat]), /^ntk-verify: --data: not NTK-separable \(no certified lower bound > 0 \(gamma_rkhs\.lower = 0, exact d = 2 gamma_sup\.lower = 0\)\)/);
    expect(line).toMatch(/give soft labels "p" in the file, or use --regime hard/);
    expect(line).toContain(flat);
  });

  it('train --regime soft with soft labels p in the file needs no teacher: trains (exit 0)', async () => {
    const r = await runCli(['train', '--data', withP, '--regime', 'soft', '--width', '4', '--epochs', '5']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).targets).toBe('dataset');
  });
});
