/**
 * `ntk-verify paper`: reproduce the paper-style study (src/paper/run.ts, `runPaper(opts)` → {exitCode, dir},
 * owned by the paper part of the suite). Registered here so the CLI is one program; the module is imported
 * only when the command runs, and its absence is a one-line usage error (exit 2).
 */
import { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliIO } from '../io.js';
import { optionalExport } from '../optionalModule.js';
import * as P from '../parse.js';

/** The options runPaper receives (a subset of src/paper/run.ts PaperOptions). */
export interface PaperCliOptions {
  quick?: boolean;
  seed?: number | string;
  out?: string;
  runId?: string;
  quiet?: boolean;
  workers?: number;
}

function seedArg(text: string): number | string {
  if (text.trim() === '') throw new InvalidArgumentError('expected an integer or "random"');
  return text.trim().toLowerCase() === 'random' ? 'random' : P.seed(text);
}

export function registerPaperCommand(program: Command, io: CliIO): void {
  program
    .command('paper')
    .description('reproduce the paper-style study: m* sweeps over γ and ε for both regimes, with its own report')
    .option('--seed <int|random>', 'run seed (default 1)', seedArg)
    .option('--quick', 'small grid (as in CI)')
    .option('--out <dir>', 'parent folder of run directories', 'reports')
    .option('--run-id <id>', 'run directory name; an existing one is resumed')
    .option('--workers <k>', 'worker threads', P.positiveInt)
    .option('--quiet', 'print only the summary')
    .action(async (o: PaperCliOptions) => {
      const runPaper = await optionalExport<(opts: PaperCliOptions) => Promise<{ exitCode: number; dir: string }>>('../paper/run', 'runPaper', 'the paper command');
      const r = await runPaper({ seed: o.seed, quick: o.quick ?? false, out: o.out, runId: o.runId, quiet: o.quiet ?? false, workers: o.workers });
      if (r && typeof r.exitCode === 'number') io.exitCode = r.exitCode;
    });
}
