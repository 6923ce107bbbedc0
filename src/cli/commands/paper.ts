/**
 * `ntk-verify paper`: reproduce the paper's figures (src/paper/run.ts, runPaper(opts), provided by the paper
 * part of the suite). Registered here so the CLI is one program; the module is imported only when the command
 * runs, and its absence is a one-line usage error (exit 2). Options after `paper` are passed through
 * verbatim as opts.argv for runPaper to parse; --seed, --quick, --out and --quiet are parsed here.
 */
import { Command } from 'commander';
import type { CliIO } from '../io.js';
import { optionalExport } from '../optionalModule.js';
import * as P from '../parse.js';

/** What runPaper receives. Its return value, when a number, is the exit code. */
export interface PaperCliOptions {
  seed?: number;
  quick: boolean;
  out: string;
  quiet: boolean;
  /** Remaining arguments, unparsed. */
  argv: string[];
  io: CliIO;
}

export function registerPaperCommand(program: Command, io: CliIO): void {
  program
    .command('paper')
    .description('reproduce the paper-style figures (src/paper/run.ts)')
    .option('--seed <int>', 'seed', P.seed)
    .option('--quick', 'small budgets')
    .option('--out <dir>', 'output folder', 'reports')
    .option('--quiet', 'print only the summary')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .argument('[args...]', 'passed to runPaper')
    .action(async (args: string[], o: { seed?: number; quick?: boolean; out: string; quiet?: boolean }) => {
      const runPaper = await optionalExport<(opts: PaperCliOptions) => unknown>('../paper/run', 'runPaper', 'the paper command');
      const code = await runPaper({ seed: o.seed, quick: o.quick ?? false, out: o.out, quiet: o.quiet ?? false, argv: args, io });
      if (typeof code === 'number') io.exitCode = code;
    });
}
