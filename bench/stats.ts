/** Median of a non-empty sample (mean of the two middle values for even length). @throws Error if empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median: empty sample');
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
