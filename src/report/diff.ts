/**
 * `ntk-verify report diff <runA> <runB>`: what changed between two runs' results.json — settings, verdicts,
 * fitted log-log slopes (our OLS fits of each claim's cells, slopes.ts, and any metric whose name contains
 * "slope"), m* per width cell, and the real-data numbers. Values compare exactly (runs are deterministic).
 */
import { flatten, fmtValue } from './reportModel.js';
import type { ClaimRecord, Results } from './schema.js';
import { fitSlopes } from './slopes.js';

export interface DiffEntry {
  section: 'settings' | 'verdicts' | 'slopes' | 'cells' | 'real data' | 'claims';
  key: string;
  a: string | number | boolean | null;
  b: string | number | boolean | null;
}

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

function compareMaps<V extends string | number | boolean | null>(section: DiffEntry['section'], a: Map<string, V>, b: Map<string, V>, out: DiffEntry[]): void {
  for (const k of [...new Set([...a.keys(), ...b.keys()])]) {
    const va = a.has(k) ? a.get(k)! : undefined;
    const vb = b.has(k) ? b.get(k)! : undefined;
    if (va === vb) continue;
    out.push({ section, key: k, a: va === undefined ? ABSENT : va, b: vb === undefined ? ABSENT : vb });
  }
}

/** The differences from a to b, in section order. */
export function diffResults(a: Results, b: Results): DiffEntry[] {
  const out: DiffEntry[] = [];
  const settings: [string, unknown, unknown][] = [
    ['seed', a.seed, b.seed],
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
  compareMaps('slopes', slopes(ac), slopes(bc), out);
  const cells = (m: Map<string, ClaimRecord>) => new Map([...m.values()].flatMap((r) => [...cellsOf(r)]));
  compareMaps('cells', cells(ac), cells(bc), out);

  const rd = (r: Results) => new Map(r.realData ? flatten({ margin: r.realData.margin, soft: r.realData.soft, hard: r.realData.hard }) : []);
  compareMaps('real data', rd(a), rd(b), out);
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

/** Text rendering: a header, then one block per section with changes, or "no differences". */
export function diffText(aName: string, bName: string, entries: readonly DiffEntry[]): string {
  const out = [`ntk-verify report diff: ${aName} → ${bName}`];
  if (entries.length === 0) return out.concat('no differences in verdicts, slopes, m* cells, real data or settings').join('\n') + '\n';
  const show = (v: DiffEntry['a']) => (v === null ? '(absent)' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v));
  for (const section of Object.keys(SECTION_TITLES) as DiffEntry['section'][]) {
    const mine = entries.filter((e) => e.section === section);
    if (mine.length === 0) continue;
    out.push(`${SECTION_TITLES[section]} (${mine.length} changed):`);
    for (const e of mine) out.push(`  ${e.key}: ${show(e.a)} → ${show(e.b)}`);
  }
  return out.join('\n') + '\n';
}
