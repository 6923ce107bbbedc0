/**
 * `ntk-verify paper` options at the command line: bad --teachers / --init / --seeds values are refused with
 * exit code 2 and one line naming the option (src/cli/main.ts's usage contract), and --help explains the claims
 * and the exit codes.
 */
import { describe, expect, it } from 'vitest';
import { expectUsage, runCli } from '../robustness/cliCase.js';

describe('paper options', () => {
  it.each([
    [['--teachers', 'oracle'], /--teachers <list>/],
    [['--teachers', 'ntk,'], /--teachers <list>/],
    [['--init', 'zeros'], /--init <scheme>/],
    [['--seeds', '0'], /--seeds <k>/],
  ])('refuses %j naming the option', async (args, field) => {
    expectUsage(await runCli(['paper', '--quick', ...args]), field);
  });

  it('--help lists the claims and the exit codes', async () => {
    const r = await runCli(['paper', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['soft-beats-hard', 'gap-grows', 'gap-vs-margin', 'gamma-falls', 'Exit codes:', 'smoke run', '1  a default-size run refuted']) expect(r.out).toContain(s);
  });
});
