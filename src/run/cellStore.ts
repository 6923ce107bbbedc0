/**
 * A CellStore (src/verify/types.ts) backed by one file per finished cell under <runDir>/cells/, so that an
 * interrupted run keeps every finished cell and `verify --resume` recomputes none of them.
 *
 * Layout: cells/<sha256(key) first 32 hex>.json = {"key": key, "value": value}, written atomically (a kill
 * leaves whole files only). Values must be JSON; they are stored — and returned by get, also in the run that
 * set them — as their canonical JSON round trip, so a fresh and a resumed run see identical values
 * (a typed array comes back as a plain array in both).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellStore } from '../verify/types.js';
import { canonicalize, type Json } from './canonicalJson.js';
import { writeJsonAtomic } from './atomicWrite.js';

/** Sub-folder of a run directory holding the cells. */
export const CELLS_DIR = 'cells';

function fileOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32) + '.json';
}

export interface DiskCellStore extends CellStore {
  /** Number of cells loaded from disk at open (finished by an earlier, interrupted run). */
  readonly loaded: number;
  /** Cells looked up and found (hits) during this run. */
  readonly hits: number;
  readonly size: number;
}

/**
 * Open (or create) the cell store of a run directory, loading every recorded cell.
 * Files that do not parse or do not carry {key, value} are skipped (they cannot come from an atomic write;
 * skipping means recomputing, never a wrong value).
 */
export function openCellStore(runDir: string): DiskCellStore {
  const dir = join(runDir, CELLS_DIR);
  const map = new Map<string, Json>();
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.json')) continue;
      try {
        const rec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { key?: unknown; value?: Json };
        if (typeof rec.key === 'string' && 'value' in rec && fileOf(rec.key) === f) map.set(rec.key, rec.value as Json);
      } catch {
        // not a cell file; recomputed if needed
      }
    }
  }
  const loaded = map.size;
  let hits = 0;
  return {
    loaded,
    get hits() {
      return hits;
    },
    get size() {
      return map.size;
    },
    get(key: string) {
      const v = map.get(key);
      if (v !== undefined) hits++;
      return v === undefined ? undefined : structuredClone(v);
    },
    set(key: string, value: unknown) {
      const json = canonicalize(value);
      writeJsonAtomic(join(dir, fileOf(key)), { key, value: json });
      map.set(key, JSON.parse(JSON.stringify(json)) as Json);
    },
  };
}
