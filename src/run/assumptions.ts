/**
 * The Assumptions section: every choice the paper leaves open (γ reading, teacher scale and τ, projection
 * radius, η, T, success fraction, width constants C_soft/C_hard, …) with the value this code uses, gathered
 * from the modules' exported constants — so the report states what the code does, not what a hand-kept list
 * says. Each entry's text is the constant's own doc comment (with its source and honesty tag).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { canonicalize } from './canonicalJson.js';
import type { Assumption } from './schema.js';

/**
 * Modules (relative to src/) whose exported constants are open choices, with the names to take (all
 * exported primitive constants when omitted). Solver tolerances and rounding allowances are left out: they
 * are numerics, not modelling choices.
 */
export const ASSUMPTION_SOURCES: readonly { module: string; names?: readonly string[] }[] = [
  { module: 'bounds/constants' },
  { module: 'bounds/minWidth', names: ['DEFAULT_SEEDS', 'DEFAULT_SUCCESS_FRACTION', 'DEFAULT_M_MAX', 'DEFAULT_REL_TOL', 'DEFAULT_SEARCH_SEED'] },
  { module: 'bounds/widthReport', names: ['GAMMA_READING'] },
  { module: 'train/defaults' },
  { module: 'train/epochs', names: ['THEORY_EPOCHS'] },
  { module: 'verify/widthCells', names: ['WIDTH_SETTINGS'] },
  { module: 'verify/cellMeasures', names: ['DEFAULT_CRITERION', 'LAZY_RULE'] },
  { module: 'teacher/ntkTeacher', names: ['NTK_TEACHER_SCALE', 'NTK_TEACHER_TAU'] },
  { module: 'teacher/wideNetTeacher', names: ['WIDE_TEACHER_M', 'WIDE_TEACHER_T', 'WIDE_TEACHER_ETA', 'WIDE_TEACHER_TAU'] },
  { module: 'margin/constants', names: ['SUP_SAMPLES', 'SUP_CONFIDENCE', 'GAMMA_READING'] },
  { module: 'data/mnist', names: ['MNIST_DEFAULT_DIM'] },
  { module: 'data/reluNetLabels', names: ['TEACHER_WIDTH'] },
  { module: 'data/xorParity', names: ['PARITY_ORDER'] },
  { module: 'data/circularHarmonic', names: ['HARMONIC_DEGREE'] },
  { module: 'data/marginKnob', names: ['LINEAR_MAX_ANGLE', 'BAND_MASS_MAX'] },
  { module: 'verify/seed', names: ['DEFAULT_SEED'] },
];

const srcDir = new URL('../', import.meta.url);

/**
 * The doc comment right before `export const name` in source (leading `*`s stripped, one line), or ''.
 */
export function docOf(source: string, name: string): string {
  const at = new RegExp(`export\\s+const\\s+${name}\\b`).exec(source);
  if (!at) return '';
  const before = source.slice(0, at.index);
  const end = before.lastIndexOf('*/');
  if (end < 0 || before.slice(end + 2).trim() !== '') return '';
  const start = before.lastIndexOf('/**', end);
  if (start < 0) return '';
  return before
    .slice(start + 3, end)
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isPlainValue(v: unknown): boolean {
  if (v === null || ['number', 'string', 'boolean'].includes(typeof v)) return true;
  if (Array.isArray(v)) return v.every(isPlainValue);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(isPlainValue);
  return false;
}

/**
 * Gather the assumptions from {@link ASSUMPTION_SOURCES} (a module that does not exist is skipped; a listed
 * name a module does not export is skipped), in list order then source order.
 */
export async function gatherAssumptions(sources = ASSUMPTION_SOURCES): Promise<Assumption[]> {
  const out: Assumption[] = [];
  const seen = new Set<string>();
  for (const { module, names } of sources) {
    const file = fileURLToPath(new URL(`${module}.ts`, srcDir));
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      out.push({ name: `(${module})`, module: `src/${module}.ts`, value: null, doc: `module failed to load: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    const order = [...source.matchAll(/export\s+const\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
    const wanted = names ? names.filter((n) => n in mod) : order.filter((n) => /^[A-Z][A-Z0-9_]*$/.test(n));
    for (const name of wanted) {
      const v = mod[name];
      if (!isPlainValue(v) || seen.has(`${module}.${name}`)) continue;
      seen.add(`${module}.${name}`);
      out.push({ name, module: `src/${module}.ts`, value: canonicalize(v), doc: docOf(source, name) });
    }
  }
  return out;
}
