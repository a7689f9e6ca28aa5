/** Robust summaries of the baseline window: one odd run must not move the bar. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median absolute deviation from the median (unscaled), in the values' own unit. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** Rounds to two decimals, the precision coverage percentages are reported with. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
