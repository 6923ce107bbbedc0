/**
 * Bad option values are refused at parse time (src/cli/parse.ts) with exit code 2 and one line
 * naming the option; sizes whose memory would exceed the machine are refused up front with the estimate
 * (src/cli/memory.ts) before any allocation. δ has no CLI option (the sup-norm margin's confidence 1 − δ is fixed
 * at SUP_CONFIDENCE); its library entry point is checked here instead. Oracles: the domain each option documents
 * (positive integer, (0, 1), finite > 0) and the byte counts of src/cli/memory.ts computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkMemory, curveBytes, searchBytes, SEED_BYTES, SEED_WIDTH_BYTES, trainBytes } from '../../src/cli/memory.js';
import { InputError } from '../../src/errors.js';
import { gammaSup } from '../../src/margin/gammaSup.js';
import { resolveOptimiser } from '../../src/train/defaults.js';
import { expectUsage, runCli, tempDir, writeData } from './cliCase.js';

const dir = tempDir('opts');
const data = writeData(dir, 'ok.json', { x: [[1, 0], [0, 1], [0.6, 0.8]], y: [1, -1, 1] });
const out = `${dir}/o.json`;

/** Values that are not positive integers, each for its own reason. */
const NOT_POSITIVE_INT = ['0', '-1', '-0', '2.5', 'abc', '', ' ', 'Infinity', '1e400', 'NaN', '0x', '9007199254740993'];
/** Values outside the open interval (0, 1). */
const NOT_OPEN_UNIT = ['0', '1', '-0.1', '1.5', 'NaN', 'abc', '', 'Infinity'];
/** Values that are not finite and > 0 (1e-400 underflows to 0). */
const NOT_POSITIVE_REAL = ['0', '-0', '-1', 'abc', '', 'Infinity', '-Infinity', 'NaN', '1e400', '1e-400'];
/** Step sizes outside (0, ETA_MAX = 8], the documented stable range (src/train/defaults.ts). */
const NOT_STEP_SIZE = [...NOT_POSITIVE_REAL, '8.000001', '16', '100'];

const trainArgs = ['train', '--data', data, '--regime', 'hard', '--width', '4'];
const widthArgs = ['width', '--data', data, '--regime', 'hard', '--eps', '0.3'];

/** [option, flag in the message, argv before the bad value, bad values, expected phrase]. */
const table: [string, string, string[], string[], RegExp][] = [
  ['train --width', '--width <m>', ['train', '--data', data, '--regime', 'hard', '--width'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['train --epochs', '--epochs <T>', [...trainArgs, '--epochs'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['width --epochs', '--epochs <T>', [...widthArgs, '--epochs'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['width --seeds', '--seeds <k>', [...widthArgs, '--seeds'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['width --m-max', '--m-max <M>', [...widthArgs, '--m-max'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['margin --samples', '--samples <N>', ['margin', '--data', data, '--samples'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['dataset --n', '--n <count>', ['dataset', '--source', 'linear', '--out', out, '--n'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['dataset --dim', '--dim <d>', ['dataset', '--source', 'linear', '--out', out, '--dim'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['paper --workers', '--workers <k>', ['paper', '--quick', '--workers'], NOT_POSITIVE_INT, /expected a positive integer/],
  ['width --eps (ε)', '--eps <e>', ['width', '--data', data, '--regime', 'hard', '--eps'], NOT_OPEN_UNIT, /expected a number in \(0, 1\)/],
  ['width --success', '--success <f>', [...widthArgs, '--success'], NOT_OPEN_UNIT, /expected a number in \(0, 1\)/],
  ['train --lr (η)', '--lr <eta>', [...trainArgs, '--lr'], NOT_STEP_SIZE, /expected a step size η in \(0, 8\], the documented stable range/],
  ['width --lr (η)', '--lr <eta>', [...widthArgs, '--lr'], NOT_STEP_SIZE, /expected a step size η in \(0, 8\], the documented stable range/],
  ['train --tau', '--tau <t>', ['train', '--data', data, '--regime', 'soft', '--width', '4', '--tau'], NOT_POSITIVE_REAL, /expected a finite number > 0/],
];

describe('option values outside their domain: exit 2, one line naming the option', () => {
  it.each(table)('%s', async (_name, flag, argv, values, phrase) => {
    for (const v of values) {
      const line = expectUsage(await runCli([...argv, v]), new RegExp(`^ntk-verify: option '${flag.replace(/[-<>]/g, '\\$&')}' argument '${v.replace(/[.*+?^$()[\]\\]/g, '\\$&')}' is invalid`), v.includes('NaN'));
      expect(line).toMatch(phrase);
    }
  });
});

describe('δ (confidence 1 − δ) outside (0, 1): library entry point', () => {
  it('gammaSup refuses confidence ∉ (0, 1) with InputError("confidence")', () => {
    const X = Float64Array.from([1, 0, 0, 1]);
    const y = Float64Array.from([1, -1]);
    for (const confidence of [0, 1, -0.5, 1.5, Number.NaN]) {
      let err: unknown;
      try {
        gammaSup(X, y, 2, 2, { samples: 10, confidence });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).field).toBe('confidence');
    }
  });

  it('η ≤ 0 or not finite is refused by the optimiser settings too (library callers), naming eta', () => {
    for (const eta of [0, -1, Number.NaN, Infinity]) expect(() => resolveOptimiser({ regime: 'hard', eta })).toThrow(/^eta: /);
  });
});

describe('sizes the machine cannot hold: refused up front with the estimate', () => {
  const estimate = /needs about \d+(\.\d+)? GiB, more than 50% of this machine's \d+(\.\d+)? GiB; choose a smaller value$/;
  it.each([
    ['train --width', ['train', '--data', data, '--regime', 'hard', '--width', '1000000000000'], /^ntk-verify: --width: training at width 1000000000000 on n = 3, d = 2 /],
    ['width --m-max', ['width', '--data', data, '--regime', 'hard', '--eps', '0.3', '--m-max', '1000000000000'], /^ntk-verify: --m-max: training at width 1000000000000 /],
    ['width --seeds', ['width', '--data', data, '--regime', 'hard', '--eps', '0.3', '--seeds', '1000000000000'], /^ntk-verify: --seeds: the m\* search with 1000000000000 seeds per width/],
    ['margin --samples', ['margin', '--data', data, '--samples', '1000000000000'], /^ntk-verify: --samples: the margin at n = 3, d = 2, 1000000000000 samples /],
    ['train --curve --epochs', ['train', '--data', data, '--regime', 'hard', '--width', '4', '--curve', '--epochs', '1000000000000'], /^ntk-verify: --epochs: training with --curve over 1000000000000 epochs /],
  ])('%s', async (_name, argv, field) => {
    const t0 = performance.now();
    const line = expectUsage(await runCli(argv), field);
    expect(line).toMatch(estimate);
    expect(performance.now() - t0).toBeLessThan(5_000); // refused before any allocation or training
  });

  it('dataset --n / --dim / --n-test: refused by the generator limit with the size in MiB', async () => {
    for (const extra of [['--n', '100000000000'], ['--dim', '100000000000'], ['--n-test', '100000000000']]) {
      expectUsage(await runCli(['dataset', '--source', 'linear', '--out', out, ...extra]), /^ntk-verify: n: \(n \+ nTest\)·d = \d+ numbers \(\d+ MiB\) exceeds the limit/);
    }
  });

  it('the estimates count 8-byte numbers as documented (hand computation)', () => {
    expect(curveBytes(9)).toBe(64 * 10);
    // mMax = 8: widths ≤ 2·(3 + 1) = 8
    expect(searchBytes(3, 2, 8, 5)).toBe(trainBytes(3, 2, 8) + 5 * (SEED_BYTES + 8 * SEED_WIDTH_BYTES));
    expect(() => checkMemory('--seeds', 2 ** 40, 'x', 2 ** 30)).toThrow(/^--seeds: x needs about 1024\.0 GiB, more than 50% of this machine's 1\.0 GiB/);
  });

  it('a seed count the search can hold is accepted (the check is not a blanket refusal)', async () => {
    const r = await runCli(['width', '--data', data, '--regime', 'hard', '--eps', '0.3', '--seeds', '2', '--m-max', '2', '--epochs', '2']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).criterion.seeds).toBe(2);
  });
});
