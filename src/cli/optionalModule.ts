/**
 * Import a module of the suite that another part of the project provides and that may be absent in a partial
 * checkout (e.g. src/paper/run.ts). The specifier is resolved relative to src/cli/ and tried with .ts and .js
 * suffixes (tsx runs the .ts sources). A missing module or export is a PreconditionError naming what is
 * missing (exit code 2), never a stack trace.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PreconditionError } from '../errors.js';

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

