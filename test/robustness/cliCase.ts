/**
 * Shared helpers of test/robustness/*: run the CLI in-process (test/cli/capture.ts) and check the usage-error
 * contract of src/cli/main.ts — exit code 2, nothing on stdout, exactly one stderr line
 * `ntk-verify: <field>…` naming the field, no stack frame ("    at "), no "NaN" — plus temporary folders.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../cli/capture.js';

export { runCli };

export type CliRun = Awaited<ReturnType<typeof runCli>>;

/** A fresh temporary folder (left to the OS's tmp cleanup; every file is tiny). */
export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `robust-${tag}-`));
}

/** Write a dataset file's text (a string is written as is, anything else as JSON) and return its path. */
export function writeData(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/**
 * Why `r` breaks the usage-error contract, or null when it keeps it. Used by it.each tables (expect) and by
 * fast-check properties (a predicate must not throw vitest assertion errors from deep inside).
 * @param field     what the one line must contain, e.g. /--width/ or /^ntk-verify: x\[1\]\[0\]: /.
 * @param inputNaN  the input itself spells NaN (an option value or file text), which the line may quote;
 *                  otherwise "NaN" anywhere in the line is a violation (a computed NaN leaking out).
 */
export function usageViolation(r: CliRun, field: RegExp, inputNaN = false): string | null {
  if (r.code !== 2) return `exit code ${r.code}, expected 2 (stderr: ${JSON.stringify(r.err.slice(0, 300))})`;
  if (r.out !== '') return `stdout not empty: ${JSON.stringify(r.out.slice(0, 200))}`;
  if (!r.err.endsWith('\n')) return `stderr does not end in a newline: ${JSON.stringify(r.err)}`;
  const lines = r.err.slice(0, -1).split('\n');
  if (lines.length !== 1) return `stderr has ${lines.length} lines, expected 1: ${JSON.stringify(r.err.slice(0, 400))}`;
  const line = lines[0];
  if (!line.startsWith('ntk-verify: ')) return `line does not start with "ntk-verify: ": ${line}`;
  if (/^\s+at /m.test(r.err) || line.includes('internal error')) return `stack trace or internal error: ${line}`;
  if (!inputNaN && /NaN/.test(line)) return `NaN in the message: ${line}`;
  if (!field.test(line)) return `line does not name ${field}: ${line}`;
  return null;
}

/** vitest form of {@link usageViolation}; returns the one line. */
export function expectUsage(r: CliRun, field: RegExp, inputNaN = false): string {
  expect(usageViolation(r, field, inputNaN)).toBeNull();
  return r.err.trimEnd();
}
