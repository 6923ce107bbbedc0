/**
 * Legend order for figure series: numbers inside labels compare as numbers, so "m=16, soft" comes before
 * "m=1024, soft" and "ε = 0.05" before "ε = 0.1" (plain text order puts 1024 before 16). Text between the
 * numbers compares as text. Used as the color scale's domain of every figure with more than one series.
 */

/** Split a label into text and number runs: "m=16, soft" → ["m=", 16, ", soft"]. */
function runs(label: string): (string | number)[] {
  return label.split(/(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)/i).filter((s) => s !== '').map((s) => (/^-?\d/.test(s) && Number.isFinite(Number(s)) ? Number(s) : s));
}

/**
 * Compare two labels number-aware (see module doc). A number sorts before text at the same position.
 * @returns negative, 0 or positive, as Array.prototype.sort expects.
 */
export function compareLabels(a: string, b: string): number {
  const ra = runs(a);
  const rb = runs(b);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y;
    } else if (typeof x === 'number') return -1;
    else if (typeof y === 'number') return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return ra.length - rb.length;
}

/** The distinct labels of a series, in legend order. */
export function legendOrder(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort(compareLabels);
}
