/**
 * The import graph follows the stage order, read from the file tree (no build step, no dependency):
 *
 *   shared leaves → model → data → ntk → margin → train → teacher → regimes → bounds → verify → properties →
 *   run → report → paper → cli → (bench, scripts)
 *
 * Checked over every .ts/.mjs file of src/, properties/, bench/ and scripts/: each relative `import … from '…'`,
 * `export … from '…'`, side-effect `import '…'` and dynamic `import('…')` resolves to a file; the file graph has
 * no cycle; no file imports a file of a later stage (same-stage imports are free); nothing imports from test/.
 * Type-only imports count: they are arrows a reader follows too. ARCHITECTURE.md describes the stages.
 *
 * The rank table is our reading of the theory's order, with one deliberate swap against the naive
 * "data → model": the network and its loss (src/model/) use no data, while one data family (src/data/reluNetLabels.ts,
 * labels by a random two-layer ReLU net) is defined by the network, so model sits below data.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCANNED = ['src', 'properties', 'bench', 'scripts'];

/**
 * Stage of each file, by path prefix relative to the project root ('/'-separated); the longest matching prefix
 * wins. An import may point to the same or a lower rank, never a higher one. Rank 0 holds the shared leaves that
 * every stage may use: errors, the seeded generator, linear algebra, statistics, ambient type declarations.
 */
const RANKS: ReadonlyArray<readonly [prefix: string, rank: number]> = [
  ['src/errors.ts', 0],
  ['src/rng.ts', 0],
  ['src/types/', 0],
  ['src/linalg/', 0],
  ['src/stats/', 0],
  ['src/model/', 1],
  ['src/data/', 2],
  ['src/ntk/', 3],
  ['src/margin/', 4],
  ['src/train/', 5],
  ['src/teacher/', 6],
  ['src/regimes/', 7],
  ['src/bounds/', 8],
  ['src/verify/', 9],
  ['properties/', 10],
  ['src/run/', 11],
  ['src/report/', 12],
  ['src/paper/', 13],
  ['src/cli/', 14],
  ['bench/', 15],
  ['scripts/', 15],
];

function rankOf(file: string): number | undefined {
  let best: readonly [string, number] | undefined;
  for (const entry of RANKS) if (file.startsWith(entry[0]) && (best === undefined || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Module specifiers of a source text: static imports and re-exports, side-effect imports, dynamic imports. */
function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const out: string[] = [];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

/** Resolves a relative specifier the way tsx does (`./x.js` → `./x.ts`); undefined when no file matches. */
function resolveSpecifier(fromFile: string, spec: string): string | undefined {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const toKey = (abs: string): string => relative(ROOT, abs).split(sep).join('/');

/** File → the files it imports (project-relative keys), and the relative specifiers that match no file. */
function buildGraph(): { edges: Map<string, string[]>; unresolved: string[] } {
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const top of SCANNED) {
    for (const file of sourceFiles(join(ROOT, top))) {
      const targets: string[] = [];
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolveSpecifier(file, spec);
        if (target === undefined) unresolved.push(`${toKey(file)} → ${spec}`);
        else targets.push(toKey(target));
      }
      edges.set(toKey(file), [...new Set(targets)]);
    }
  }
  return { edges, unresolved };
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan 1972). */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

describe('import graph of src/, properties/, bench/ and scripts/', () => {
  const graph = buildGraph();

  it('finds the files and their imports', () => {
    expect(graph.edges.size).toBeGreaterThan(150);
    expect([...graph.edges.values()].flat().length).toBeGreaterThan(400);
    expect(graph.edges.get('src/cli/main.ts')?.length).toBeGreaterThan(0);
  });

  it('resolves every relative import to a file', () => {
    expect(graph.unresolved).toEqual([]);
  });

  it('gives every scanned file a stage', () => {
    expect([...graph.edges.keys()].filter((f) => rankOf(f) === undefined)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph.edges)).toEqual([]);
  });

  it('never imports from a later stage', () => {
    const upward: string[] = [];
    for (const [from, targets] of graph.edges) {
      for (const to of targets) if ((rankOf(to) ?? -1) > (rankOf(from) ?? Infinity)) upward.push(`${from} → ${to}`);
    }
    expect(upward).toEqual([]);
  });

  it('never imports from test/', () => {
    const fromTest = [...graph.edges].flatMap(([from, targets]) => targets.filter((t) => t.startsWith('test/')).map((t) => `${from} → ${t}`));
    expect(fromTest).toEqual([]);
  });
});
