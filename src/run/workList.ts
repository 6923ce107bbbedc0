/**
 * The deterministic work list of a verify run and its split into shards.
 *
 * Work items are the catalog's claims in catalog order (after `--only`), followed by the report runner's own
 * real-data item when enabled. Shard i of N (1-based, as vitest's `--shard i/N`) takes the items whose
 * 0-based position k satisfies k mod N = i − 1 (round robin, so consecutive heavy claims spread over
 * shards). Every item lands in exactly one shard, and the list depends only on the catalog and the options,
 * never on the machine, so N machines with the same seed together do exactly the work of one.
 */
import { InputError } from '../errors.js';
import type { Claim } from '../verify/types.js';
import type { Shard } from './schema.js';

/** Id of the report runner's real-data work item (see realData.ts). */
export const REAL_DATA_ID = 'real-data';

export type WorkItem = { kind: 'claim'; id: string; claim: Claim } | { kind: 'real-data'; id: string };

/**
 * Parse "i/N" with 1 ≤ i ≤ N.
 * @throws InputError('--shard', …) otherwise.
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new InputError('--shard', `expected i/N with integers 1 ≤ i ≤ N (e.g. 2/4), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!(count >= 1 && index >= 1 && index <= count)) {
    throw new InputError('--shard', `expected i/N with 1 ≤ i ≤ N, got "${text}"`);
  }
  return { index, count };
}

/**
 * The whole run's work list.
 * @param only  claim ids to keep (and/or REAL_DATA_ID); null keeps all.
 * @throws InputError('--only', …) naming an unknown id; InputError('catalog', …) on duplicate claim ids.
 */
export function buildWorkList(claims: readonly Claim[], only: readonly string[] | null, realData: boolean): WorkItem[] {
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.id)) throw new InputError('catalog', `duplicate claim id "${c.id}"`);
    if (c.id === REAL_DATA_ID) throw new InputError('catalog', `claim id "${REAL_DATA_ID}" is reserved`);
    seen.add(c.id);
  }
  if (only) {
    for (const id of only) {
      if (!seen.has(id) && id !== REAL_DATA_ID) {
        const known = [...seen, REAL_DATA_ID].join(', ');
        throw new InputError('--only', `unknown claim "${id}" (known: ${known})`);
      }
    }
  }
  const keep = (id: string) => only === null || only.includes(id);
  const items: WorkItem[] = claims.filter((c) => keep(c.id)).map((claim) => ({ kind: 'claim', id: claim.id, claim }));
  if (realData && keep(REAL_DATA_ID)) items.push({ kind: 'real-data', id: REAL_DATA_ID });
  return items;
}

/** The items of shard (index, count): positions k with k mod count = index − 1. */
export function shardItems<T>(items: readonly T[], shard: Shard | null): T[] {
  if (!shard) return [...items];
  return items.filter((_, k) => k % shard.count === shard.index - 1);
}
