/**
 * Measure the false-alarm rate of the true claims: run every true claim of the catalog in quick mode (the CI
 * budget) for many run seeds and count, per seed, whether any true claim came out refuted (a false alarm) or
 * outside its expected verdicts (what would turn `npm test` red). Reports the rates with Clopper–Pearson 95%
 * upper bounds (0 events in 100 runs only shows a rate < 3%).
 *
 *   npx tsx scripts/falseAlarm.ts --seeds 100 [--start 1] [--claims id,id] [--out runs.jsonl]
 *   npx tsx scripts/falseAlarm.ts --summarize a.jsonl b.jsonl     (runs of one seed merge; later files win)
 *
 * Expected verdicts mirror the vitest wrappers: lazy-radius-jt not-applicable; separation verified or
 * inconclusive (its ratio-trend interval may reach 0); every other true claim verified.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { trueClaims } from '../properties/catalog.js';
import { clopperPearson } from '../src/stats/inference.js';
import type { Verdict } from '../src/verify/types.js';

/** Verdicts each true claim may return without failing CI (default: verified only). */
export const EXPECTED: Record<string, Verdict[]> = {
  'lazy-radius-jt': ['not-applicable'],
  separation: ['verified', 'inconclusive'],
};

interface SeedRun {
  seed: number;
  verdicts: Record<string, Verdict>;
  seconds: Record<string, number>;
}

function arg(name: string, def?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

async function runSeeds(): Promise<SeedRun[]> {
  const n = Number(arg('seeds', '100'));
  const start = Number(arg('start', '1'));
  const only = arg('claims')?.split(',');
  const out = arg('out');
  const claims = trueClaims.filter((c) => !only || only.includes(c.id));
  const runs: SeedRun[] = [];
  for (let seed = start; seed < start + n; seed++) {
    const run: SeedRun = { seed, verdicts: {}, seconds: {} };
    for (const c of claims) {
      const r = await c.run({ seed, quick: true });
      run.verdicts[c.id] = r.verdict;
      run.seconds[c.id] = r.wallSeconds;
      if (r.verdict === 'refuted' || !(EXPECTED[c.id] ?? ['verified']).includes(r.verdict)) {
        console.error(`seed ${seed} ${c.id}: ${r.verdict} — ${r.evidence}`);
      }
    }
    runs.push(run);
    if (out) appendFileSync(out, JSON.stringify(run) + '\n');
    process.stderr.write(`seed ${seed} done (${Object.values(run.seconds).reduce((a, b) => a + b, 0).toFixed(0)} s)\n`);
  }
  return runs;
}

/** Summarise seed runs: per-claim verdict counts and the per-run rates with 95% upper bounds. */
export function summarize(runs: SeedRun[]): string {
  const ids = [...new Set(runs.flatMap((r) => Object.keys(r.verdicts)))];
  const lines = [`runs (seeds): ${runs.length}`, '', '| claim | verified | inconclusive | not-applicable | refuted | mean s |', '|---|---|---|---|---|---|'];
  for (const id of ids) {
    const vs = runs.map((r) => r.verdicts[id]).filter(Boolean);
    const cnt = (v: Verdict) => vs.filter((x) => x === v).length;
    const secs = runs.map((r) => r.seconds[id]).filter((x) => x !== undefined);
    lines.push(`| ${id} | ${cnt('verified')} | ${cnt('inconclusive')} | ${cnt('not-applicable')} | ${cnt('refuted')} | ${(secs.reduce((a, b) => a + b, 0) / secs.length).toFixed(1)} |`);
  }
  const refutedRuns = runs.filter((r) => Object.values(r.verdicts).includes('refuted')).length;
  const redRuns = runs.filter((r) => Object.entries(r.verdicts).some(([id, v]) => !(EXPECTED[id] ?? ['verified']).includes(v))).length;
  const N = runs.length;
  lines.push(
    '',
    `false alarms (a true claim refuted): ${refutedRuns}/${N} runs = ${((100 * refutedRuns) / N).toFixed(1)}% (95% upper ${(100 * clopperPearson(refutedRuns, N, 0.05).upper).toFixed(1)}%)`,
    `CI failures (a true claim outside its expected verdicts): ${redRuns}/${N} runs = ${((100 * redRuns) / N).toFixed(1)}% (95% upper ${(100 * clopperPearson(redRuns, N, 0.05).upper).toFixed(1)}%)`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const si = process.argv.indexOf('--summarize');
  if (si >= 0) {
    const files = process.argv.slice(si + 1);
    // Runs of the same seed from several files (e.g. one per claim group) are merged; later files win per claim.
    const bySeed = new Map<number, SeedRun>();
    for (const f of files) {
      for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
        const r = JSON.parse(line) as SeedRun;
        const prev = bySeed.get(r.seed) ?? { seed: r.seed, verdicts: {}, seconds: {} };
        bySeed.set(r.seed, { seed: r.seed, verdicts: { ...prev.verdicts, ...r.verdicts }, seconds: { ...prev.seconds, ...r.seconds } });
      }
    }
    console.log(summarize([...bySeed.values()].sort((a, b) => a.seed - b.seed)));
    return;
  }
  console.log(summarize(await runSeeds()));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
