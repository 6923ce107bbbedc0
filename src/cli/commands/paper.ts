/**
 * `ntk-verify paper`: the paper's experiment on real MNIST digits (src/paper/run.ts, `runPaper(opts)` →
 * {exitCode, dir}). The module is imported only when the command runs, so other commands start fast.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { CliIO } from '../io.js';
import * as P from '../parse.js';
import type { PaperOptions } from '../../paper/run.js';

/** The options runPaper receives from the command line (see src/paper/run.ts PaperOptions for each). */
export type PaperCliOptions = Pick<PaperOptions, 'quick' | 'seed' | 'out' | 'runId' | 'quiet' | 'workers'>;

function seedArg(text: string): number | string {
  if (text.trim() === '') throw new InvalidArgumentError('expected an integer or "random"');
  return text.trim().toLowerCase() === 'random' ? 'random' : P.seed(text);
}

export function registerPaperCommand(program: Command, io: CliIO): void {
  program
    .command('paper')
    .description('reproduce the paper\'s experiment on MNIST digit pairs: soft vs hard test accuracy at small widths as pixel noise grows')
    .option('--seed <int|random>', 'run seed (default 1)', seedArg)
    .option('--quick', 'small grid (as in CI)')
    .option('--out <dir>', 'parent folder of run directories', 'reports')
    .option('--run-id <id>', 'run directory name; an existing one is resumed')
    .option('--workers <k>', 'worker threads', P.positiveInt)
    .option('--quiet', 'print only the summary')
    .action(async (o: PaperCliOptions) => {
      const { runPaper } = await import('../../paper/run.js');
      const r = await runPaper({ seed: o.seed, quick: o.quick ?? false, out: o.out, runId: o.runId, quiet: o.quiet ?? false, workers: o.workers });
      io.exitCode = r.exitCode;
    });
}
