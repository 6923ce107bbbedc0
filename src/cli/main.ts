/**
 * `ntk-verify`: the command-line interface (commander). Commands: dataset, margin, train, width, verify,
 * list, replay, report diff|merge|render, paper.
 *
 * Exit codes: 0 success; 1 a true claim refuted or inconclusive, or a mutant surviving (verify, report
 * merge; see src/run/verdict.ts); 2 bad usage — an unknown command or option, an invalid option value, a
 * bad dataset file, an unwritable output folder — always one line `ntk-verify: <message>` on stderr naming
 * the field, never a stack trace; 3 an internal error (a bug: one line, stack with NTK_VERIFY_DEBUG=1).
 */
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { isUsageError } from '../errors.js';
import { registerDataCommands } from './commands/data.js';
import { registerPaperCommand } from './commands/paper.js';
import { registerReportCommands } from './commands/report.js';
import { registerVerifyCommands } from './commands/verify.js';
import { processIO, type CliIO } from './io.js';

/** Exit code for bad usage. */
export const EXIT_USAGE = 2;
/** Exit code for an internal error (a bug in the suite, not in the input). */
export const EXIT_INTERNAL = 3;

/** The program with every command registered; commander errors are thrown (exitOverride), not printed. */
export function buildProgram(io: CliIO): Command {
  const program = new Command('ntk-verify')
    .description('Property-based verification of soft- vs hard-label width bounds for two-layer ReLU networks in the NTK regime')
    .version('0.1.0')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => {} });
  registerDataCommands(program, io);
  registerVerifyCommands(program, io);
  registerReportCommands(program, io);
  registerPaperCommand(program, io);
  return program;
}

function oneLine(s: string): string {
  return s.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Run the CLI on argv (without node and script) and return the exit code. Never throws.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return io.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'commander.executeSubCommandAsync') return e.exitCode;
      io.err(`ntk-verify: ${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    if (isUsageError(e)) {
      io.err(`ntk-verify: ${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.err(`ntk-verify: internal error: ${err.name}: ${oneLine(err.message)} (a bug; rerun with NTK_VERIFY_DEBUG=1 for the stack)\n`);
    if (io.env.NTK_VERIFY_DEBUG === '1' && err.stack) io.err(err.stack + '\n');
    return EXIT_INTERNAL;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
