/**
 * A fast-check property over malformed dataset files AND option sets for `margin`, `train` and
 * `width`, run in-process through main() (src/cli/main.ts). Each case carries at least one defect; the CLI must
 * answer with exit code 2 and one stderr line that names a field actually at fault — no stack trace, no "NaN"
 * unless the input itself spells it, nothing on stdout — within a per-case time limit.
 *
 * Oracle (which field is named), by the order the CLI checks things:
 *   1. options (commander, at parse time): a malformed value, an unknown option or a missing required option —
 *      the line names one of the option defects present;
 *   2. otherwise the dataset file (src/data/datasetFile.ts): exactly the field of the one injected defect;
 *   3. otherwise the command's own checks: --tau given with --regime hard.
 * Hang: a case is a failure past CASE_MS (every defect is caught before any training or margin solve, which
 * take milliseconds here; a synchronous infinite loop would stall the run itself, which then fails on time).
 * Budget: numRuns = 400, ≈ 2–4 s. Seeded by FC_SEED (CI: 42); a failure prints seed and path for replay.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, usageViolation } from './cliCase.js';

const seed = Number(process.env.FC_SEED ?? 42);
const dir = tempDir('fuzz');
/** Per-case wall-clock limit (the slowest valid-looking path, the first import of a command's modules, is < 1 s). */
const CASE_MS = 5_000;

// ---------------------------------------------------------------------------------------------- dataset files

type Doc = { x: unknown[]; y: unknown[]; p?: unknown[]; [k: string]: unknown };

const nonzero = fc.double({ min: 0.05, max: 1, noNaN: true }).chain((v) => fc.constantFrom(v, -v));
const baseDoc = fc
  .record({ n: fc.integer({ min: 2, max: 5 }), d: fc.integer({ min: 1, max: 4 }), withP: fc.boolean() })
  .chain(({ n, d, withP }) =>
    fc.record({
      x: fc.array(fc.array(nonzero, { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
      y: fc.array(fc.constantFrom(-1, 1), { minLength: n, maxLength: n }),
      p: withP ? fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }) : fc.constant(undefined),
    }),
  );

/** One injected defect: the file text (null = no file) and the field the parser must name. */
interface FileCase {
  text: string | null;
  field: string | null; // null: a valid file
  what: string;
}

const INF = '__INFINITY__';
const badEntry = fc.constantFrom<unknown>('NaN', null, true, '1', [], {}, 'Infinity', INF, '-0.5');
const badLabel = fc.constantFrom<unknown>(0, 2, -2, 0.5, '1', null, true, 'NaN');
const badProb = fc.constantFrom<unknown>(-0.1, 1.5, '0.5', null, INF, 'NaN');

const fileCase: fc.Arbitrary<FileCase> = fc
  .record({
    doc: baseDoc,
    kind: fc.constantFrom(
      'valid', 'x-entry', 'row-length', 'row-not-array', 'zero-row', 'empty-row', 'label', 'y-length', 'y-missing',
      'p-entry', 'p-length', 'n0', 'unknown-key', 'root', 'not-json', 'missing-file',
    ),
    i: fc.nat(10),
    j: fc.nat(10),
    entry: badEntry,
    label: badLabel,
    prob: badProb,
    root: fc.constantFrom('[1, 2]', '"x"', 'null', '3'),
    key: fc.constantFrom('X', 'labels', 'P', 'x '),
  })
  .map(({ doc, kind, i: i0, j: j0, entry, label, prob, root, key }): FileCase => {
    const d0: Doc = JSON.parse(JSON.stringify(doc));
    if (d0.p === undefined) delete d0.p;
    const n = d0.x.length;
    const d = (d0.x[0] as unknown[]).length;
    const i = i0 % n;
    const j = j0 % d;
    const i1 = 1 + (i0 % (n - 1)); // rows ≥ 1: row 0 sets d, so a length defect is reported at the other row
    const text = (o: unknown) => JSON.stringify(o).replaceAll(JSON.stringify(INF), '1e999');
    switch (kind) {
      case 'valid':
        return { text: text(d0), field: null, what: kind };
      case 'x-entry':
        (d0.x[i] as unknown[])[j] = entry;
        return { text: text(d0), field: `x[${i}][${j}]`, what: `${kind} ${JSON.stringify(entry)}` };
      case 'row-length':
        d0.x[i1] = j0 % 2 === 0 ? [...(d0.x[i1] as unknown[]), 0.5] : (d0.x[i1] as unknown[]).slice(0, -1);
        return { text: text(d0), field: `x[${i1}]`, what: kind };
      case 'row-not-array':
        d0.x[i] = [5, 'r', null, {}][j0 % 4];
        return { text: text(d0), field: `x[${i}]`, what: kind };
      case 'zero-row':
        d0.x[i] = (d0.x[i] as unknown[]).map(() => 0);
        return { text: text(d0), field: `x[${i}]`, what: kind };
      case 'empty-row':
        d0.x[i] = [];
        return { text: text(d0), field: `x[${i}]`, what: kind };
      case 'label':
        d0.y[i] = label;
        return { text: text(d0), field: `y[${i}]`, what: `${kind} ${JSON.stringify(label)}` };
      case 'y-length':
        d0.y = j0 % 2 === 0 ? d0.y.slice(0, -1) : [...d0.y, 1];
        return { text: text(d0), field: 'y', what: kind };
      case 'y-missing':
        delete (d0 as Partial<Doc>).y;
        return { text: text(d0), field: 'y', what: kind };
      case 'p-entry':
        d0.p = d0.p ?? d0.y.map(() => 0.5);
        d0.p[i] = prob;
        return { text: text(d0), field: `p[${i}]`, what: `${kind} ${JSON.stringify(prob)}` };
      case 'p-length':
        d0.p = (d0.p ?? d0.y.map(() => 0.5)).slice(0, -1);
        return { text: text(d0), field: 'p', what: kind };
      case 'n0':
        return { text: text({ x: [], y: [] }), field: 'x', what: kind };
      case 'unknown-key':
        d0[key] = 1;
        return { text: text(d0), field: key, what: kind };
      case 'root':
        return { text: root, field: '<root>', what: kind };
      case 'not-json':
        return { text: text(d0).slice(0, -1 - (j0 % 3)), field: 'file', what: kind };
      default: // 'missing-file'
        return { text: null, field: 'file', what: kind };
    }
  });

// ---------------------------------------------------------------------------------------------------- options

/** An option: its flag, a valid value, and malformed values (each refused at parse time). */
interface OptionSpec {
  flag: string;
  valid: fc.Arbitrary<string>;
  bad: string[];
  required?: boolean;
}

const BAD_INT = ['0', '-1', '2.5', 'abc', '', 'Infinity', 'NaN', '1e400', '9007199254740993'];
const BAD_UNIT = ['0', '1', '-0.1', '1.5', 'NaN', 'abc', ''];
const BAD_REAL = ['0', '-1', 'abc', '', 'Infinity', 'NaN', '1e400', '1e-400'];
const small = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map(String);
const regime: OptionSpec = { flag: '--regime', valid: fc.constantFrom('soft', 'hard'), bad: ['medium', 'Soft', ''], required: true };
const common: OptionSpec[] = [
  { flag: '--epochs', valid: small(1, 5), bad: BAD_INT },
  { flag: '--lr', valid: fc.constantFrom('0.5', '1', '8'), bad: BAD_REAL },
  { flag: '--seed', valid: small(-5, 5), bad: ['1.5', 'x', '99999999999', ''] },
  { flag: '--radius', valid: fc.constantFrom('1', 'inf', 'auto'), bad: ['0', '-1', 'abc', ''] },
  { flag: '--tau', valid: fc.constantFrom('0.5', '2'), bad: BAD_REAL },
];
const OPTIONS: Record<'margin' | 'train' | 'width', OptionSpec[]> = {
  margin: [
    { flag: '--kind', valid: fc.constantFrom('rkhs', 'sup', 'both'), bad: ['l2', ''] },
    { flag: '--samples', valid: small(1, 50), bad: BAD_INT },
    { flag: '--seed', valid: small(0, 5), bad: ['1.5', 'x', '99999999999'] },
  ],
  train: [regime, { flag: '--width', valid: small(1, 8), bad: BAD_INT, required: true }, ...common],
  width: [
    regime,
    { flag: '--eps', valid: fc.constantFrom('0.1', '0.5'), bad: BAD_UNIT, required: true },
    { flag: '--seeds', valid: small(1, 3), bad: BAD_INT },
    { flag: '--success', valid: fc.constantFrom('0.5', '0.9'), bad: BAD_UNIT },
    { flag: '--m-max', valid: small(1, 8), bad: BAD_INT },
    { flag: '--C', valid: fc.constantFrom('1', '3'), bad: BAD_REAL },
    ...common,
  ],
};

/** A choice per option: omitted, valid or malformed; plus, sometimes, an unknown option and a missing --data. */
interface OptionChoice {
  flag: string;
  state: 'omit' | 'valid' | 'bad';
  value: string;
}

/** Half the cases have clean options (so that the dataset stage is reached): bad → valid, required never omitted. */
function cleaned(specs: OptionSpec[], choices: (OptionChoice & { fallback: string })[]): OptionChoice[] {
  return choices.map((c, k) =>
    c.state === 'bad' || (c.state === 'omit' && specs[k].required) ? { flag: c.flag, state: 'valid', value: c.fallback } : { flag: c.flag, state: c.state, value: c.value },
  );
}

const optionSet = (cmd: keyof typeof OPTIONS) =>
  fc
    .record({
      cmd: fc.constant(cmd),
      clean: fc.boolean(),
      choices: fc.tuple(
        ...OPTIONS[cmd].map((o) =>
          fc.tuple(
            fc.oneof(
              { weight: o.required ? 1 : 3, arbitrary: fc.constant<OptionChoice>({ flag: o.flag, state: 'omit', value: '' }) },
              { weight: 6, arbitrary: o.valid.map((value): OptionChoice => ({ flag: o.flag, state: 'valid', value })) },
              { weight: 2, arbitrary: fc.constantFrom(...o.bad).map((value): OptionChoice => ({ flag: o.flag, state: 'bad', value })) },
            ),
            o.valid,
          ).map(([c, fallback]) => ({ ...c, fallback })),
        ),
      ),
      unknown: fc.option(fc.constantFrom('--widht', '--epoch', '--learning-rate', '--x'), { freq: 8, nil: undefined }),
      dataMissing: fc.integer({ min: 0, max: 19 }).map((k) => k === 0),
      order: fc.integer({ min: 0, max: 1000 }),
    })
    .map(({ cmd: c, clean, choices, unknown, dataMissing, order }) =>
      clean
        ? { cmd: c, choices: cleaned(OPTIONS[c], choices), unknown: undefined, dataMissing: false, order }
        : { cmd: c, choices: choices.map(({ flag, state, value }): OptionChoice => ({ flag, state, value })), unknown, dataMissing, order },
    );

const caseArb = fc.record({
  file: fileCase,
  opts: fc.constantFrom('margin' as const, 'train' as const, 'width' as const).chain(optionSet),
});

let counter = 0;

describe('fuzz: malformed dataset files and option sets → exit 2, one line naming a field at fault', () => {
  it('holds for 400 generated cases (margin, train, width)', async () => {
    let checked = 0;
    const byStage = { options: 0, dataset: 0, action: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ file, opts }) => {
        const path = join(dir, `case-${counter++}.json`);
        if (file.text !== null) writeFileSync(path, file.text);
        // argv: --data first (unless left out), then the options in a generated rotation
        const chosen = opts.choices.filter((c) => c.state !== 'omit');
        const rot = chosen.length ? opts.order % chosen.length : 0;
        const ordered = [...chosen.slice(rot), ...chosen.slice(0, rot)];
        const argv = [opts.cmd, ...(opts.dataMissing ? [] : ['--data', path])];
        for (const c of ordered) argv.push(c.flag, c.value);
        if (opts.unknown) argv.push(opts.unknown, '3');

        // Expected field(s), by stage.
        const specs = OPTIONS[opts.cmd];
        const optionFaults = [
          ...ordered.filter((c) => c.state === 'bad').map((c) => c.flag),
          ...specs.filter((s) => s.required && opts.choices.find((c) => c.flag === s.flag)!.state === 'omit').map((s) => s.flag),
          ...(opts.unknown ? [opts.unknown] : []),
          ...(opts.dataMissing ? ['--data'] : []),
        ];
        const regimeChoice = opts.choices.find((c) => c.flag === '--regime');
        const tauChoice = opts.choices.find((c) => c.flag === '--tau');
        const actionFault = regimeChoice?.value === 'hard' && tauChoice?.state === 'valid' ? '--tau' : null;
        let field: RegExp;
        if (optionFaults.length > 0) {
          field = new RegExp(optionFaults.map((f) => `'${f.replace(/[-]/g, '\\-')}[ ']`).join('|'));
          byStage.options++;
        } else if (file.field !== null) {
          field = new RegExp(`^ntk-verify: ${file.field.replace(/[[\]<>.*+?^$()|\\]/g, '\\$&')}: `);
          byStage.dataset++;
        } else if (actionFault) {
          field = /^ntk-verify: --tau: applies to --regime soft only$/;
          byStage.action++;
        } else {
          fc.pre(false); // a fully valid case would train: not this property's business
          return true;
        }

        const t0 = performance.now();
        const r = await runCli(argv);
        const ms = performance.now() - t0;
        const inputNaN = argv.some((a) => a.includes('NaN')) || (file.text ?? '').includes('NaN');
        const why = usageViolation(r, field, inputNaN) ?? (ms > CASE_MS ? `took ${ms.toFixed(0)} ms` : null);
        if (why !== null) throw new Error(`${why}\n  argv: ${JSON.stringify(argv)}\n  file (${file.what}): ${file.text?.slice(0, 300) ?? '<none>'}`);
        checked++;
        return true;
      }),
      { seed, numRuns: 400 },
    );
    // every stage was exercised (the generator is not degenerate)
    expect(checked).toBeGreaterThanOrEqual(340);
    expect(byStage.options).toBeGreaterThan(20);
    expect(byStage.dataset).toBeGreaterThan(20);
  });
});

describe('the contract checker rejects what it must (so the property above can fail)', () => {
  const ok = { code: 2, out: '', err: "ntk-verify: option '--width <m>' argument '0' is invalid. expected a positive integer, got \"0\"\n" };
  it.each([
    ['a clean one-line usage error', ok, null],
    ['exit code 3 (internal error)', { ...ok, code: 3 }, /exit code 3/],
    ['two lines', { ...ok, err: ok.err + 'more\n' }, /2 lines/],
    ['a stack frame', { ...ok, err: 'ntk-verify: boom\n    at main (src/cli/main.ts:1:1)\n' }, /lines|stack/],
    ['NaN leaking into the message', { ...ok, err: 'ntk-verify: --width: needs about NaN GiB\n' }, /NaN/],
    ['output on stdout', { ...ok, out: '{}' }, /stdout/],
    ['another field named', ok, /does not name/, /--epochs/],
  ] as const)('%s', (_name, run, expected, field = /--width/) => {
    const why = usageViolation(run, field);
    if (expected === null) expect(why).toBeNull();
    else expect(why).toMatch(expected);
  });
});
