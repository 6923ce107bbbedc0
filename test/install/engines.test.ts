/**
 * The install prints no EBADENGINE on the Node the README names: every package in package-lock.json declares
 * an `engines.node` range that accepts the project's lowest supported Node (package.json engines, which the
 * README states). Oracle: the ranges as written in the lock file, read with the small subset of npm's semver
 * range grammar that occurs there (`||`, `>=`, `^`, `X.*` / `X.x`, `*`); an unknown form fails the test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { version?: string; engines?: unknown }> };
const readme = readFileSync(new URL('README.md', root), 'utf8');

type V = [number, number, number];
const parse = (s: string): V => {
  const [a = 0, b = 0, c = 0] = s.replace(/^v/, '').split('.').map((p) => (p === 'x' || p === '*' ? 0 : Number(p)));
  return [a, b, c];
};
const cmp = (a: V, b: V) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Does version v satisfy one comparator set of the subset grammar? @throws for a form outside the subset. */
function satisfiesPart(v: V, part: string): boolean {
  const p = part.trim().replace(/\s+/g, ' ');
  if (p === '*' || p === '') return true;
  let m = /^>= ?(\d+(?:\.[\dx*]+){0,2})$/.exec(p);
  if (m) return cmp(v, parse(m[1])) >= 0;
  m = /^\^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(p);
  if (m) return v[0] === Number(m[1]) && cmp(v, parse(p.slice(1))) >= 0;
  m = /^(\d+)\.[x*]$/.exec(p);
  if (m) return v[0] === Number(m[1]);
  throw new Error(`engines range form not understood: "${part}"`);
}
const satisfies = (v: V, range: string) => range.split('||').some((part) => satisfiesPart(v, part));

describe('engines', () => {
  const lowest = /^>=(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1];

  it('package.json states an exact lowest Node, and the README names the same', () => {
    expect(lowest).toBeDefined();
    const [major, minor] = lowest!.split('.');
    expect(readme).toContain(`Requirements: Node ${major}.${minor} or later`);
  });

  it('every locked package accepts that Node (no EBADENGINE on install) and the Node running the tests', () => {
    const bad: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const e = entry.engines;
      const range = e && typeof e === 'object' && !Array.isArray(e) ? (e as Record<string, string>).node : undefined;
      if (range === undefined) continue;
      if (!satisfies(parse(lowest!), range) || !satisfies(parse(process.versions.node), range)) bad.push(`${path}@${entry.version}: node ${range}`);
    }
    expect(bad).toEqual([]);
  });

  it('the range reader itself (oracle: npm semver semantics, by hand)', () => {
    expect(satisfies([20, 19, 0], '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies([20, 18, 9], '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies([20, 19, 0], '>=22')).toBe(false); // vega-lite 6.5.0's range
    expect(satisfies([20, 19, 0], '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfies([20, 19, 0], '^18.17.0 || >=20.5.0')).toBe(true);
  });
});
