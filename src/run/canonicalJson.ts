/**
 * Canonical JSON: the byte-stable serialisation every report file uses, so that the same run (fresh,
 * resumed, or merged from shards) writes the same bytes.
 *
 * Rules [INFERRED, our convention]:
 * - object keys sorted by UTF-16 code unit order (Array.prototype.sort default), recursively;
 * - typed arrays become plain arrays; undefined fields are dropped (as JSON.stringify does);
 * - non-finite numbers (NaN, ±Infinity), which JSON cannot hold, become the strings "NaN", "Infinity",
 *   "-Infinity" — never a silent null — so a schema that requires a number rejects them visibly;
 * - -0 is written as 0 (JSON.stringify already does);
 * - two-space indentation and a final newline.
 */

/** The JSON value produced by {@link canonicalize}. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A deep copy of value with sorted keys and the substitutions above; functions and symbols are refused.
 * @throws TypeError naming the path of a value JSON cannot represent (function, symbol, bigint, cycle).
 */
export function canonicalize(value: unknown, path = '$', seen: Set<object> = new Set()): Json {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (value === Infinity) return 'Infinity';
      if (value === -Infinity) return '-Infinity';
      return value === 0 ? 0 : value;
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalize: ${path} is a ${typeof value}, which JSON cannot represent`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new TypeError(`canonicalize: ${path} is a cycle`);
  seen.add(obj);
  try {
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      return Array.from(obj as unknown as ArrayLike<number>, (v, i) => canonicalize(v, `${path}[${i}]`, seen));
    }
    if (Array.isArray(obj)) {
      return obj.map((v, i) => canonicalize(v === undefined ? null : v, `${path}[${i}]`, seen));
    }
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(obj).sort()) {
      const v = (obj as Record<string, unknown>)[key];
      if (v === undefined) continue;
      out[key] = canonicalize(v, `${path}.${key}`, seen);
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}

/** canonicalize(value) serialised with two-space indentation and a trailing newline. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value), null, 2) + '\n';
}
