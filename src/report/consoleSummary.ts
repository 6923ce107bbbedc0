/**
 * The plain-text summary `verify` and `report merge` print on stdout: the verdict table (claim, verdict,
 * one line of evidence), the Power table (mutants, refuted or not, n and d of the counterexample), the replay
 * command of every counterexample, the outcome line and where the report is. Also what `--quiet` prints.
 */
import { headline, oneLine, powerRows, realDataLine, shardNote, summaryRows } from './reportModel.js';
import type { Results } from '../run/schema.js';

/** Evidence is cut to this many characters in the terminal table (the report has it whole). */
export const EVIDENCE_WIDTH = 80;

function pad(s: string, w: number): string {
  return s.length >= w ? s : s + ' '.repeat(w - s.length);
}

function cut(s: string, w: number): string {
  return s.length <= w ? s : s.slice(0, w - 1) + '…';
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => (j === r.length - 1 ? c : pad(c, widths[j]))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The summary text (ends with a newline). */
export function consoleSummary(results: Results, reportPath: string | null): string {
  const out: string[] = [];
  const note = shardNote(results);
  if (note) out.push(note.replace(/`/g, ''), '');
  const rows = summaryRows(results).map((r) => [r.id + (r.mutant ? ' (mutant)' : ''), r.kind, r.verdict, r.ok ? 'yes' : 'NO', r.bound, cut(r.evidence, EVIDENCE_WIDTH)]);
  out.push(...table(['claim', 'kind', 'verdict', 'ok', 'unseen-failure bound', 'evidence'], rows));
  const power = powerRows(results);
  if (power.length) {
    out.push('', `Power (mutants must be refuted): ${power.filter((p) => p.refuted).length}/${power.length} refuted`);
    out.push(...table(['mutant', 'refuted', 'n', 'd'], power.map((p) => [p.id, p.refuted ? 'yes' : 'NO', p.n, p.d])));
  }
  const replays = results.claims.filter((c) => c.counterexample?.replay);
  if (replays.length) {
    out.push('', 'Counterexamples (shrunk; each line re-runs one bit-identically and prints its dataset):');
    for (const c of replays) out.push(`  ${c.id}: ${c.counterexample!.replay}`);
  }
  const rdl = realDataLine(results);
  if (rdl) out.push('', rdl);
  out.push('', headline(results));
  for (const p of results.summary.problems) out.push(`  - ${oneLine(p)}`);
  if (reportPath) out.push(`Report: ${reportPath}`);
  return out.join('\n') + '\n';
}
