/**
 * Import a module of the suite that another part of the project provides and that may be absent in a partial
 * checkout (e.g. src/paper/run.ts). The specifier is resolved relative to src/cli/ and tried with .ts and .js
 * suffixes (tsx runs the .ts sources). A missing module or export is a PreconditionError naming what is
 * missing (exit code 2), never a stack trace.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PreconditionError } from '../errors.js';

/** True when src/<rel>.ts (or .js) exists. @param rel  path relative to src/cli/, without suffix, e.g. "../paper/run". */
export function hasModule(rel: string): boolean {
  return ['.ts', '.js'].some((ext) => existsSync(fileURLToPath(new URL(rel + ext, import.meta.url))));
}

/**
 * The named export of an optional module.
 * @throws PreconditionError when the module or the export does not exist.
 */
export async function optionalExport<T>(rel: string, name: string, what: string): Promise<T> {
  const ext = ['.ts', '.js'].find((e) => existsSync(fileURLToPath(new URL(rel + e, import.meta.url))));
  if (!ext) throw new PreconditionError(`${what} is not available in this checkout (${rel.replace(/^\.\.\//, 'src/')}.ts missing)`);
  const mod = (await import(pathToFileURL(fileURLToPath(new URL(rel + ext, import.meta.url))).href)) as Record<string, unknown>;
  if (mod[name] === undefined) throw new PreconditionError(`${what}: ${rel.replace(/^\.\.\//, 'src/')}${ext} has no export ${name}`);
  return mod[name] as T;
}

/**
 * The export `name` of whichever module under src/<dir>/ defines it (found by scanning the sources for
 * `export function name` / `export const name`), for parts of the suite whose file name is not fixed yet.
 * @throws PreconditionError when no module there exports it.
 */
export async function exportFromDir<T>(dir: string, name: string, what: string): Promise<T> {
  const { readdirSync, readFileSync } = await import('node:fs');
  const base = new URL(`../${dir}/`, import.meta.url);
  let files: string[] = [];
  try {
    files = readdirSync(fileURLToPath(base)).filter((f) => f.endsWith('.ts')).sort();
  } catch {
    files = [];
  }
  const re = new RegExp(`export\\s+(async\\s+)?(function\\s*\\*?|const|let)\\s+${name}\\b`);
  const file = files.find((f) => re.test(readFileSync(fileURLToPath(new URL(f, base)), 'utf8')));
  if (!file) throw new PreconditionError(`${what} is not available in this checkout (no src/${dir}/*.ts exports ${name})`);
  return optionalExport<T>(`../${dir}/${file.replace(/\.ts$/, '')}`, name, what);
}
