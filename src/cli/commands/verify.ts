/**
 * `ntk-verify verify | list | replay`: run the theorem catalog into a report, list it, replay one
 * counterexample. Exit codes of verify: 0 every true claim holds and every mutant is refuted; 1 otherwise
 * (src/run/verdict.ts); 2 bad usage.
 */
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { derivedRunId, shardFromEnv } from '../../run/shardFromEnv.js';
import { seedFromEnv } from '../../verify/seed.js';
import { loadClaims } from '../catalog.js';
import { printJson, type CliIO } from '../io.js';
import * as P from '../parse.js';

interface VerifyCliOptions {
  seed?: number | 'random';
  quick?: boolean;
  out: string;
  runId?: string;
  resume?: string | true;
  shard?: string;
  shardCount?: number;
  runPrefix?: string;
  only?: string[];
  quiet?: boolean;
  realData: boolean;
  catalog?: string;
  earlyExit: boolean;
  criterion?: 'objective' | 'relative' | 'logistic';
  init?: 'balanced' | 'iid';
  profile?: 'default' | 'full';
}

function verifyCommand(program: Command, io: CliIO): void {
  program
    .command('verify')
    .description('run the theorem catalog (true claims and mutants) and write reports/<run-id>/')
    .option('--seed <int|random>', 'run seed (default: FC_SEED, else the fixed CI seed); "random" explores', P.seedOrRandom)
    .option('--quick', 'small budgets (as in npm test)')
    .option('--out <dir>', 'parent folder of run directories', 'reports')
    .option('--run-id <id>', 'name of the run directory (default: date and seed)')
    .option('--resume [run-id]', 'continue an interrupted run from its recorded items and cells; bare: the derived run id (array task, --run-prefix), started if new')
    .option('--shard <i/N>', 'run only the i-th of N deterministic slices of the work list (then: report merge); default: from a Slurm array, Kubernetes Indexed Job or CI matrix')
    .option('--shard-count <N>', 'number of shards where the engine does not export it (Kubernetes Indexed Job; or NTK_VERIFY_SHARD_COUNT)', P.positiveInt)
    .option('--run-prefix <p>', 'run id <p>-shard<i>of<N> for every task of an array (or NTK_VERIFY_RUN_PREFIX; Slurm default slurm-<array job id>)')
    .option('--only <ids>', 'comma-separated claim ids (and/or real-data) to run', P.idList)
    .option('--no-real-data', 'leave out the MNIST real-data section')
    .option('--catalog <module>', 'module exporting claims: Claim[] (default: the built-in catalog)')
    .option('--quiet', 'print only the summary')
    .option('--no-early-exit', 'train every seed of every width to the end in m* searches (the naive search; same results, slower)')
    .addOption(new Option('--criterion <c>', 'm* criterion of the width cells: the regime\'s own epoch-averaged objective, it relative to f ≡ 0, or the final logistic loss on the true labels (default: objective)').choices(['objective', 'relative', 'logistic']))
    .addOption(new Option('--init <scheme>', 'students of the width cells: balanced pairs (f(x; W(0)) = 0, even widths) or i.i.d. signs (default: balanced)').choices(['balanced', 'iid']))
    .addOption(new Option('--profile <p>', 'design size where a claim offers two (phase-diagram: full adds ε = 0.02 and more datasets)').choices(['default', 'full']))
    .action(async (o: VerifyCliOptions) => {
      // heavy modules (vega, zod, the catalog) load only when the command runs, so --help and usage errors are quick
      const [{ gatherAssumptions }, { consoleSummary }, { renderReport }, { makeProgress, progressMode }, { mnistRealData }, { readManifest }, { runVerify }, { parseShard }] =
        await Promise.all([
          import('../../run/assumptions.js'),
          import('../../report/consoleSummary.js'),
          import('../../report/writeReport.js'),
          import('../../run/progress.js'),
          import('../../run/realData.js'),
          import('../../run/runManifest.js'),
          import('../../run/runVerify.js'),
          import('../../run/workList.js'),
        ]);
      const found = shardFromEnv(io.env, o.shard !== undefined ? parseShard(o.shard) : null, o.shardCount);
      const shard = found.shard;
      if (o.resume !== undefined && o.runId !== undefined) throw new InputError('--run-id', 'cannot be combined with --resume (the run keeps its id)');
      let resumeId = typeof o.resume === 'string' ? o.resume : undefined;
      let runId = o.runId;
      if (runId === undefined && resumeId === undefined) {
        const derived = derivedRunId(io.env, found, typeof o.seed === 'number' ? o.seed : o.seed === undefined ? seedFromEnv(io.env) : undefined, o.runPrefix);
        if (o.resume === true && derived === null) {
          throw new InputError('--resume', 'expected a run id; a bare --resume needs a derived one (an array task, --run-prefix or NTK_VERIFY_RUN_PREFIX)');
        }
        if (o.resume === true && existsSync(join(o.out, derived!, 'run.json'))) resumeId = derived!;
        else runId = derived ?? undefined;
      }
      if (found.engine !== 'explicit' && found.engine !== 'none' && !o.quiet) {
        io.err(`ntk-verify: shard ${shard!.index}/${shard!.count} from ${found.source}; run ${resumeId ?? runId ?? '(date-based id)'}${resumeId ? ' (resumed)' : ''}\n`);
      }
      const resumed = resumeId !== undefined ? readManifest(join(o.out, resumeId)) : null;
      const catalog = o.catalog !== undefined ? resolve(o.catalog) : (resumed?.catalog ?? null);
      const claims = await loadClaims(catalog);
      let seed: number | undefined;
      if (o.seed === 'random') {
        if (resumed) throw new InputError('--seed', 'random cannot be combined with --resume (the run keeps its seed)');
        seed = randomInt(0, P.MAX_SEED);
      } else seed = o.seed ?? (resumed ? undefined : seedFromEnv(io.env));
      const mode = progressMode(o.quiet ?? false, io.stderrIsTTY, io.env);
      const outcome = await runVerify({
        claims,
        seed,
        quick: o.quick,
        outDir: o.out,
        runId,
        resume: resumeId,
        shard,
        only: o.only ?? null,
        realData: resumed ? resumed.realData : o.realData,
        realDataRunner: mnistRealData,
        assumptions: () => gatherAssumptions(),
        progress: makeProgress(mode, mode === 'bar' ? process.stderr : ({ write: (s: string) => (io.err(s), true) } as unknown as NodeJS.WritableStream)),
        catalog,
        earlyExit: o.earlyExit,
        criterion: o.criterion,
        init: o.init,
        profile: o.profile,
        render: renderReport,
      });
      if (mode !== 'quiet') {
        const how = o.seed === 'random' ? ' (random; replay with --seed ' + outcome.results.seed + ')' : '';
        io.err(`ntk-verify: run ${outcome.runId} finished in ${outcome.wallSeconds.toFixed(1)} s, seed ${outcome.results.seed}${how}${outcome.reusedItems ? `, ${outcome.reusedItems} items resumed` : ''}\n`);
      }
      io.out(consoleSummary(outcome.results, join(outcome.runDir, 'report.html')));
      io.exitCode = outcome.exitCode;
    });
}

function listCommand(program: Command, io: CliIO): void {
  program
    .command('list')
    .description('list the claims of the catalog (id, true claim or mutant, title)')
    .option('--catalog <module>', 'module exporting claims: Claim[]')
    .option('--json', 'print JSON')
    .action(async (o: { catalog?: string; json?: boolean }) => {
      const claims = await loadClaims(o.catalog ?? null);
      if (o.json) return printJson(io, claims.map((c) => ({ id: c.id, mutant: c.mutant, title: c.title, source: c.source, confidence: c.confidence })));
      const w = Math.max(...claims.map((c) => c.id.length), 2);
      for (const c of claims) io.out(`${c.id.padEnd(w)}  ${(c.mutant ? 'mutant' : c.kind ?? 'claim').padEnd(12)}  ${c.title}\n`);
    });
}

function replayCommand(program: Command, io: CliIO): void {
  program
    .command('replay')
    .description('re-run one recorded fast-check case bit-identically and print it (dataset, values) as JSON')
    .requiredOption('--claim <id>', 'claim id (see ntk-verify list)')
    .requiredOption('--seed <int>', 'fast-check seed printed with the counterexample', P.seed)
    .requiredOption('--path <path>', 'fast-check path printed with the counterexample, e.g. 4:0:1')
    .option('--catalog <module>', 'module exporting claims: Claim[]')
    .action(async (o: { claim: string; seed: number; path: string; catalog?: string }) => {
      if (o.catalog === undefined) {
        const { replayClaim, replayJson } = await import('../replay.js');
        io.out(replayJson(replayClaim(o.claim, o.seed, o.path)) + '\n');
        return;
      }
      const claim = (await loadClaims(o.catalog)).find((c) => c.id === o.claim);
      if (!claim) throw new InputError('--claim', `unknown claim "${o.claim}" in ${o.catalog}`);
      if (!claim.replay) throw new InputError('--claim', `claim "${o.claim}" is not a fast-check property and cannot be replayed`);
      const r = claim.replay(o.seed, o.path);
      const { withCatalog } = await import('../../verify/runProperty.js');
      if (r.counterexample?.replay) r.counterexample.replay = withCatalog(r.counterexample.replay, o.catalog);
      const { replayJson } = await import('../replay.js');
      io.out(replayJson(r) + '\n');
    });
}

export function registerVerifyCommands(program: Command, io: CliIO): void {
  verifyCommand(program, io);
  listCommand(program, io);
  replayCommand(program, io);
}
