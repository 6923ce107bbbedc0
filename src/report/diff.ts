/**
 * `ntk-verify report diff <runA> <runB>`: what changed between two runs' results.json — settings, verdicts,
 * fitted log-log slopes (our OLS fits of each claim's cells, slopes.ts, and any metric whose name contains
 * "slope"), m* per width cell, and the real-data numbers. Values compare exactly (runs are deterministic).
 * Printing: identifiers, seeds, counts and every other integer print exactly; only measured reals (entries
 * marked `measured`) are rounded, to DIFF_SIGNIFICANT_DIGITS, and printed in full when rounding would make
 * the two sides look equal.
 */
import { fmtValue } from './reportModel.js';
import type { ClaimRecord, Results } from '../run/schema.js';
import { fitSlopes } from './slopes.js';

export interface DiffEntry {
  section: 'settings' | 'verdicts' | 'slopes' | 'cells' | 'real data' | 'claims';
  key: string;
  a: string | number | boolean | null;
  b: string | number | boolean | null;
  /** True when a and b are measured real numbers (fitted slopes, real-data losses and margins), which the text
   *  rendering may round; absent for identifiers, seeds, counts and labels, which print exactly. */
  measured?: true;
}

/** Significant digits of a measured real in `report diff`'s text output (our choice: enough to tell runs apart). */
export const DIFF_SIGNIFICANT_DIGITS = 6;

const ABSENT = null;

function slopesOf(r: ClaimRecord): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of fitSlopes(r.cells ?? [])) {
    const against = f.against === 'invGamma' ? '1/γ' : '1/ε';
    out.set(`${r.id} · ${f.regime} m* vs ${against} (fit at ${f.fixedName} = ${fmtValue(f.fixedValue)})`, f.slope);
  }
  for (const [k, v] of Object.entries(r.metrics)) if (/slope/i.test(k) && typeof v === 'number') out.set(`${r.id} · metrics.${k}`, v);
  return out;
}

function cellsOf(r: ClaimRecord): Map<string, number | string> {
  const out = new Map<string, number | string>();
  for (const c of r.cells ?? []) out.set(`${r.id} · ${c.dataset} ${c.regime} γ=${fmtValue(c.gamma)} ε=${fmtValue(c.eps)}`, c.mStar === null ? 'not reached' : c.mStar);
  return out;
}

function compareMaps<V extends string | number | boolean | null>(
  section: DiffEntry['section'],
  a: Map<string, V>,
  b: Map<string, V>,
  out: DiffEntry[],
  isMeasured: (key: string, v: V | undefined) => boolean = () => false,
): void {
  for (const k of [...new Set([...a.keys(), ...b.keys()])]) {
    const va = a.has(k) ? a.get(k)! : undefined;
    const vb = b.has(k) ? b.get(k)! : undefined;
    if (va === vb) continue;
    const entry: DiffEntry = { section, key: k, a: va === undefined ? ABSENT : va, b: vb === undefined ? ABSENT : vb };
    if (isMeasured(k, va) || isMeasured(k, vb)) entry.measured = true;
    out.push(entry);
  }
}

/**
 * Flatten nested JSON to "a.b" → value: numbers, strings, booleans and null kept raw (so they compare
 * exactly), arrays and other values summarised by fmtValue.
 */
function flattenRaw(v: unknown, prefix = ''): [string, string | number | boolean | null][] {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return Object.keys(v as object)
      .sort()
      .flatMap((k) => flattenRaw((v as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  const raw = v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : fmtValue(v);
  return [[prefix || 'value', raw]];
}

/** A real-data number is measured unless it is an integer (n, d, widths, seeds, counts print exactly). */
const nonIntegerNumber = (_k: string, v: unknown): boolean => typeof v === 'number' && !Number.isInteger(v);

/** The differences from a to b, in section order. */
export function diffResults(a: Results, b: Results): DiffEntry[] {
  const out: DiffEntry[] = [];
  const settings: [string, unknown, unknown][] = [
    ['seed', a.seed, b.seed],
    ['rng', `${a.rng.generator} (${a.rng.library} ${a.rng.version})`, `${b.rng.generator} (${b.rng.library} ${b.rng.version})`],
    ['quick', a.quick, b.quick],
    ['shard', a.shard ? `${a.shard.index}/${a.shard.count}` : 'whole run', b.shard ? `${b.shard.index}/${b.shard.count}` : 'whole run'],
  ];
  for (const [k, va, vb] of settings) if (va !== vb) out.push({ section: 'settings', key: k, a: va as string, b: vb as string });
  const aa = new Map(a.assumptions.map((x) => [x.name, JSON.stringify(x.value)]));
  const ba = new Map(b.assumptions.map((x) => [x.name, JSON.stringify(x.value)]));
  compareMaps('settings', new Map([...aa].map(([k, v]) => [`assumption ${k}`, v])), new Map([...ba].map(([k, v]) => [`assumption ${k}`, v])), out);

  const ac = new Map(a.claims.map((r) => [r.id, r]));
  const bc = new Map(b.claims.map((r) => [r.id, r]));
  const verdict = (r?: ClaimRecord) => (r ? `${r.verdict}${r.mutant ? ' (mutant)' : ''}` : undefined);
  compareMaps('verdicts', new Map([...ac].map(([k, r]) => [k, verdict(r)!])), new Map([...bc].map(([k, r]) => [k, verdict(r)!])), out);

  const slopes = (m: Map<string, ClaimRecord>) => new Map([...m.values()].flatMap((r) => [...slopesOf(r)]));
  compareMaps('slopes', slopes(ac), slopes(bc), out, (_k, v) => typeof v === 'number');
  const cells = (m: Map<string, ClaimRecord>) => new Map([...m.values()].flatMap((r) => [...cellsOf(r)]));
  compareMaps('cells', cells(ac), cells(bc), out);

  const rd = (r: Results) => new Map(r.realData ? flattenRaw({ margin: r.realData.margin, soft: r.realData.soft, hard: r.realData.hard }) : []);
  compareMaps('real data', rd(a), rd(b), out, nonIntegerNumber);
  return out;
}

const SECTION_TITLES: Record<DiffEntry['section'], string> = {
  settings: 'settings',
  verdicts: 'verdicts',
  claims: 'claims',
  slopes: 'fitted slopes',
  cells: 'm* per cell',
  'real data': 'real data',
};

/** One side of an entry as text: a measured non-integer rounded to `digits` significant digits, all else exact. */
function showValue(v: DiffEntry['a'], measured: boolean, digits: number): string {
  if (v === null) return '(absent)';
  if (typeof v === 'number' && measured && !Number.isInteger(v)) return String(Number(v.toPrecision(digits)));
  return String(v);
}

/**
 * Text rendering: a header, then one block per section with changes (`key: a → b`), or "no differences".
 * Integers, identifiers and labels print exactly; measured reals (DiffEntry.measured) to
 * DIFF_SIGNIFICANT_DIGITS significant digits, or in full where the rounded sides would read the same.
 */
export function diffText(aName: string, bName: string, entries: readonly DiffEntry[]): string {
  const out = [`ntk-verify report diff: ${aName} → ${bName}`];
  if (entries.length === 0) return out.concat('no differences in verdicts, slopes, m* cells, real data or settings').join('\n') + '\n';
  const pair = (e: DiffEntry): [string, string] => {
    const measured = e.measured === true;
    const rounded: [string, string] = [showValue(e.a, measured, DIFF_SIGNIFICANT_DIGITS), showValue(e.b, measured, DIFF_SIGNIFICANT_DIGITS)];
    return rounded[0] === rounded[1] ? [showValue(e.a, false, 0), showValue(e.b, false, 0)] : rounded;
  };
  for (const section of Object.keys(SECTION_TITLES) as DiffEntry['section'][]) {
    const mine = entries.filter((e) => e.section === section);
    if (mine.length === 0) continue;
    out.push(`${SECTION_TITLES[section]} (${mine.length} changed):`);
    for (const e of mine) {
      const [sa, sb] = pair(e);
      out.push(`  ${e.key}: ${sa} → ${sb}`);
    }
  }
  return out.join('\n') + '\n';
}
