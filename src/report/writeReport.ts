/**
 * Write a run's output files: the data files of src/run/runFiles.ts (results.json first), then the readable
 * report rendered from them — figures/<name>.svg, report.md and report.html.
 */
import { join } from 'node:path';
import { writeAtomic } from '../run/atomicWrite.js';
import type { Environment } from '../run/environment.js';
import { writeRunFiles, type Timings } from '../run/runFiles.js';
import type { Results } from '../run/schema.js';
import { renderBlocksHtml, renderBlocksMarkdown } from './document.js';
import { figuresFor, type Figure } from './plots.js';
import { verifyDocument, verifyTitle } from './verifyDocument.js';

export const FIGURES_DIR = 'figures';

export interface WriteReportOptions {
  timings: Timings[];
  environment: Environment[];
  /** Also render report.md, report.html and the figures. @defaultValue true */
  render?: boolean;
}

/**
 * Write every output file of a run directory (results.json first, so a crash while rendering leaves the
 * results). Returns the figures rendered.
 * @throws InputError('--out', …) when the folder is not writable or the disk is full (old files intact).
 */
export async function writeReport(runDir: string, results: Results, opts: WriteReportOptions): Promise<Figure[]> {
  writeRunFiles(runDir, results, opts);
  if (opts.render === false) return [];
  return renderReport(runDir, results, opts);
}

/**
 * Render figures/<name>.svg, report.md and report.html of a run directory from its results.
 * @returns the figures rendered.
 * @throws InputError('--out', …) when the folder is not writable or the disk is full.
 */
export async function renderReport(runDir: string, results: Results, opts: Pick<WriteReportOptions, 'timings' | 'environment'>): Promise<Figure[]> {
  const figures = new Map<string, Figure[]>();
  const all: Figure[] = [];
  for (const r of results.claims) {
    const figs = await figuresFor(r);
    figures.set(r.id, figs);
    all.push(...figs);
  }
  for (const f of all) writeAtomic(join(runDir, FIGURES_DIR, `${f.name}.svg`), f.svg);
  const input = { results, timings: opts.timings, environment: opts.environment, figures };
  const blocks = verifyDocument(input);
  writeAtomic(join(runDir, 'report.md'), renderBlocksMarkdown(blocks));
  writeAtomic(join(runDir, 'report.html'), renderBlocksHtml(blocks, verifyTitle(input)));
  return all;
}
