/**
 * End-to-end test of `ntk-verify paper --quick` (src/paper/run.ts) on real MNIST digits, the CI check of
 * the report is written (report.md, self-contained report.html with every figure inline,
 * results.json valid against its schema, figures/*.svg), every claim has a verdict and a conclusion, the
 * smoke run says so and exits 0 whatever its verdicts, and a second run with the same run id reuses every finished cell and writes byte-identical
 * results.json (determinism). Budget: the quick run takes ≈ 15–30 s of CPU here; the test allows 90 s.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPaper } from '../../src/paper/run.js';
import { readPaperResults } from '../../src/paper/schema.js';
import { InputError } from '../../src/errors.js';
import { rngInfo } from '../../src/rng.js';
import { FIGURE_NAMES } from '../../src/paper/figures.js';
import { CLAIM_KINDS } from '../../src/paper/claims.js';

const out = mkdtempSync(join(tmpdir(), 'ntk-paper-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const FIGURES = [...FIGURE_NAMES];

describe('runPaper --quick', () => {
  it('writes the report with verdicts, and a rerun of the same id reproduces results.json byte for byte', { timeout: 90_000 }, async () => {
    const { exitCode, dir } = await runPaper({ quick: true, seed: 3, out, runId: 'ci', quiet: true });
    expect(dir).toBe(join(out, 'ci'));
    for (const f of ['report.md', 'report.html', 'results.json', 'timings.json', 'environment.json']) expect(existsSync(join(dir, f))).toBe(true);
    expect(readdirSync(join(dir, 'figures')).sort()).toEqual(FIGURES.map((f) => `${f}.svg`).sort());

    const results = readPaperResults(join(dir, 'results.json'));
    expect(results.quick).toBe(true);
    expect(results.rng).toEqual(rngInfo()); // the generator is recorded (src/rng.ts)
    expect(results.rng).toMatchObject({ generator: 'alea', library: 'seedrandom' });
    expect(results.cells.length).toBe(results.config.pairs.length * results.config.sigmas.length * results.config.seeds);
    const kinds = new Set(results.claims.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([...CLAIM_KINDS].sort());
    for (const c of results.claims) {
      expect(['verified', 'refuted', 'inconclusive', 'not-applicable']).toContain(c.verdict);
      expect(c.conclusion.startsWith(c.verdict)).toBe(true);
    }
    // both teachers get every teacher-dependent claim, and each cell records both teachers
    for (const t of ['ntk', 'wide-net']) expect(results.claims.some((c) => c.id === `gap-vs-margin/${t}/two-layer`)).toBe(true);
    for (const cell of results.cells) expect(cell.teachers.map((t) => t.kind)).toEqual(['ntk', 'wide-net']);
    const refuted = results.claims.filter((c) => c.verdict === 'refuted').length;
    expect(exitCode).toBe(0); // a smoke run's verdicts are not evidence: it exits 0 when it completes
    expect(results.summary.refuted).toBe(refuted);

    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const section of ['SMOKE RUN', '## Summary', '## Teachers', '## Gap against width', '## Main table', '## Figures', '## Claims', '## Chance-level students', '## Assumptions', '## Conclusions', '## Environment', 'CIFAR-10']) expect(md).toContain(section);
    for (const c of results.claims) expect(md).toContain(`| ${c.id} | ${c.verdict} |`);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const f of FIGURES) expect(html).toMatch(new RegExp(`data-plot="${f}"><svg`));
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);

    const before = readFileSync(join(dir, 'results.json'), 'utf8');
    const again = await runPaper({ quick: true, seed: 3, out, runId: 'ci', quiet: true });
    expect(again.exitCode).toBe(exitCode);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(dir, 'timings.json'), 'utf8')).reusedCells).toBe(results.cells.length);
  });

  it('refuses a bad run id and bad settings with the field named', async () => {
    await expect(runPaper({ quick: true, out, runId: '../x', quiet: true })).rejects.toThrow(InputError);
    await expect(runPaper({ quick: true, out, runId: 'bad', quiet: true, config: { seeds: 0 } })).rejects.toThrow(/paper\.seeds/);
    await expect(runPaper({ quick: true, out, runId: 'bad2', quiet: true, workers: 0 })).rejects.toThrow(/--workers/);
  });
});
