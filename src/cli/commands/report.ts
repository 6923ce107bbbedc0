/**
 * `ntk-verify report diff | merge | render`: compare two runs, combine shards, re-render a run's report
 * from its results.json. A run is named by its directory or by its id under --dir (default reports/).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { InputError } from '../../errors.js';
import { printJson, type CliIO } from '../io.js';

/** A run directory from a path or a run id under dir. @throws InputError naming the argument. */
export function runDirOf(arg: string, dir: string, field: string): string {
  for (const p of [arg, join(dir, arg)]) if (existsSync(join(p, 'results.json')) && statSync(p).isDirectory()) return p;
  throw new InputError(field, `no finished run "${arg}" (looked for results.json in ${arg} and ${join(dir, arg)})`);
}

export function registerReportCommands(program: Command, io: CliIO): void {
  const report = program.command('report').description('compare, merge or re-render verification runs');

  report
    .command('diff')
    .description('print what changed between two runs: verdicts, fitted slopes, m* per cell, real data')
    .argument('<runA>', 'run directory or id')
    .argument('<runB>', 'run directory or id')
    .option('--dir <dir>', 'folder holding run ids', 'reports')
    .option('--json', 'print the differences as JSON')
    .action(async (a: string, b: string, o: { dir: string; json?: boolean }) => {
      const [{ readRun }, { diffResults, diffText }] = await Promise.all([import('../../run/runFiles.js'), import('../../report/diff.js')]);
      const ra = readRun(runDirOf(a, o.dir, '<runA>'));
      const rb = readRun(runDirOf(b, o.dir, '<runB>'));
      const entries = diffResults(ra.results, rb.results);
      if (o.json) printJson(io, entries);
      else io.out(diffText(a, b, entries));
    });

  report
    .command('merge')
    .description('combine the shards of one run (verify --shard i/N) into one report, identical to an unsharded run')
    .argument('<dirs...>', 'shard run directories or ids')
    .option('--dir <dir>', 'folder holding run ids', 'reports')
    .option('--out <dir>', 'merged run directory', join('reports', 'merged'))
    .option('--quiet', 'print only the summary')
    .action(async (dirs: string[], o: { dir: string; out: string; quiet?: boolean }) => {
      const [{ mergeRuns }, { consoleSummary }] = await Promise.all([import('../../report/merge.js'), import('../../report/consoleSummary.js')]);
      const paths = dirs.map((d, k) => runDirOf(d, o.dir, `<dirs>[${k}]`));
      const results = await mergeRuns(paths, o.out);
      io.out(consoleSummary(results, join(o.out, 'report.html')));
      io.exitCode = results.summary.exitCode;
    });

  report
    .command('render')
    .description("re-render a run's report.md, report.html and figures from its results.json")
    .argument('<run>', 'run directory or id')
    .option('--dir <dir>', 'folder holding run ids', 'reports')
    .action(async (run: string, o: { dir: string }) => {
      const [{ readRun }, { writeReport }] = await Promise.all([import('../../run/runFiles.js'), import('../../report/writeReport.js')]);
      const dir = runDirOf(run, o.dir, '<run>');
      const r = readRun(dir);
      await writeReport(dir, r.results, { timings: r.timings, environment: r.environment });
      io.out(`${join(dir, 'report.html')}\n`);
    });
}
