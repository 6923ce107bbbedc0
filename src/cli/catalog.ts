/**
 * Which claims `verify`, `list` and `replay` run: the built-in catalog (properties/catalog.ts) or a module
 * given with --catalog that exports `claims: Claim[]` (tests pass a small fake; users can add their own).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';
import type { Claim } from '../verify/types.js';

/**
 * Load the claims.
 * @param module  path of a module exporting `claims`, or null for the built-in catalog.
 * @throws InputError('--catalog', …) when the file is missing or does not export a claim list.
 */
export async function loadClaims(module: string | null): Promise<Claim[]> {
  if (module === null) return (await import('../../properties/catalog.js')).claims;
  const file = resolve(module);
  if (!existsSync(file)) throw new InputError('--catalog', `no such file: ${module}`);
  const mod = (await import(pathToFileURL(file).href)) as { claims?: unknown };
  const list = mod.claims;
  if (!Array.isArray(list) || !list.every((c) => c && typeof c === 'object' && typeof c.id === 'string' && typeof c.run === 'function')) {
    throw new InputError('--catalog', `${module} must export claims: Claim[] (objects with id and run)`);
  }
  return list as Claim[];
}
