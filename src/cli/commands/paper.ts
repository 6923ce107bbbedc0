/**
 * `ntk-verify paper`: the paper's experiment on real MNIST digits (src/paper/run.ts, `runPaper(opts)` →
 * {exitCode, dir}). The module is imported only when the command runs, so other commands start fast.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { CliIO } from '../io.js';
import * as P from '../parse.js';
import type { PaperOptions } from '../../paper/run.js';
import type { PaperConfig, TeacherKind } from '../../paper/config.js';
import type { InitScheme } from '../../model/twoLayer.js';

/** The options runPaper receives from the command line (see src/paper/run.ts PaperOptions for each). */
export type PaperCliOptions = Pick<PaperOptions, 'quick' | 'seed' | 'out' | 'runId' | 'quiet' | 'workers'> & { teachers?: TeacherKind[]; init?: InitScheme; seeds?: number };

function seedArg(text: string): number | string {
  if (text.trim() === '') throw new InvalidArgumentError('expected an integer or "random"');
  return text.trim().toLowerCase() === 'random' ? 'random' : P.seed(text);
}

function teachersArg(text: string): TeacherKind[] {
  const list = text.split(',').map((t) => t.trim());
  for (const t of list) if (t !== 'ntk' && t !== 'wide-net') throw new InvalidArgumentError(`expected a comma-separated list of ntk, wide-net; got "${t}"`);
  return list as TeacherKind[];
}

function initArg(text: string): InitScheme {
  if (text !== 'balanced' && text !== 'iid') throw new InvalidArgumentError('expected balanced or iid');
  return text;
}

/** --help epilogue: the claims and the exit codes. */
export const PAPER_HELP = `
Claims (each per teacher, per student model and per digit pair unless pooled; verdicts as in verify):
  soft-beats-hard  soft-label students reach at least the hard-label test accuracy at small widths (sign test)
  soft-lower-loss  ... and at most their test loss (logistic, true labels)
  gap-grows        the small-width gap soft - hard grows with pixel noise sigma (Spearman, within-seed permutations)
  gap-vs-margin    pooled over pairs: the gap is larger where the NTK margin gamma is smaller (Spearman, rho and slope
                   with seed-bootstrap intervals) - the theory's own difficulty axis
  gamma-falls      gamma falls as sigma grows (teacher-free): sigma is a fair difficulty knob
Every claim's conclusion in report.md says what was found, under which teacher, and what would have to differ.

Exit codes:
  0  the study ran and no claim was refuted; with --quick: the smoke run completed (its verdicts are not
     evidence and do not set the exit code)
  1  a default-size run refuted at least one claim: the paper's observation is contradicted under some teacher
  2  bad options (the field is named)
  3  internal error`;

export function registerPaperCommand(program: Command, io: CliIO): void {
  program
    .command('paper')
    .description("reproduce the paper's motivating experiment on MNIST digit pairs: soft vs hard test accuracy at small widths, as pixel noise and the NTK margin make the task harder, under an NTK and a wide-network teacher")
    .option('--seed <int|random>', 'run seed (default 1)', seedArg)
    .option('--quick', 'small grid: a smoke run (about 15 s) whose verdicts are not evidence')
    .option('--teachers <list>', 'teachers of the ablation, comma-separated: ntk,wide-net (default both)', teachersArg)
    .option('--init <scheme>', 'two-layer students\' initialisation: balanced (default; f(x; W(0)) = 0, even widths) or iid', initArg)
    .option('--seeds <k>', 'seeds per (pair, sigma) (default 12; quick 3)', P.positiveInt)
    .option('--out <dir>', 'parent folder of run directories', 'reports')
    .option('--run-id <id>', 'run directory name; an existing one is resumed')
    .option('--workers <k>', 'worker threads', P.positiveInt)
    .option('--quiet', 'print only the summary')
    .addHelpText('after', PAPER_HELP)
    .action(async (o: PaperCliOptions) => {
      const { runPaper } = await import('../../paper/run.js');
      const config: Partial<PaperConfig> = {};
      if (o.teachers) config.teachers = o.teachers;
      if (o.init) config.init = o.init;
      if (o.seeds) config.seeds = o.seeds;
      const r = await runPaper({ seed: o.seed, quick: o.quick ?? false, out: o.out, runId: o.runId, quiet: o.quiet ?? false, workers: o.workers, config });
      io.exitCode = r.exitCode;
    });
}
