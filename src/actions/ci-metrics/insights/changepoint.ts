/**
 * Change points in a daily series: the day a metric moved to a new level and stayed there. Binary
 * segmentation on the mean: the best single split (largest drop of squared error), kept only when
 * the two sides differ by much more than the day-to-day noise, then searched again on each side.
 */
export interface ChangePoint {
  /** Index of the first point of the new level. */
  index: number;
  before: number;
  after: number;
  /** Difference of the means in units of the pooled standard deviation, scaled by the sides' sizes (a t statistic). */
  score: number;
}

export interface ChangePointOptions {
  /** Fewest points on each side of a split. */
  minSegment?: number;
  /** Smallest t statistic that counts as a move. */
  minScore?: number;
  /** Smallest relative change of the mean (a steady series with tiny noise would otherwise move on rounding). */
  minRelative?: number;
  maxPoints?: number;
}

function mean(v: number[], a: number, b: number): number {
  let s = 0;
  for (let i = a; i < b; i++) s += v[i];
  return s / (b - a);
}

function sse(v: number[], a: number, b: number): number {
  const m = mean(v, a, b);
  let s = 0;
  for (let i = a; i < b; i++) s += (v[i] - m) ** 2;
  return s;
}

function bestSplit(
  v: number[],
  a: number,
  b: number,
  o: Required<ChangePointOptions>,
): ChangePoint | undefined {
  const n = b - a;
  if (n < 2 * o.minSegment) return undefined;
  const total = sse(v, a, b);
  let best: { k: number; gain: number } | undefined;
  for (let k = a + o.minSegment; k <= b - o.minSegment; k++) {
    const gain = total - sse(v, a, k) - sse(v, k, b);
    if (!best || gain > best.gain) best = { k, gain };
  }
  if (!best) return undefined;
  const k = best.k;
  const n1 = k - a;
  const n2 = b - k;
  const before = mean(v, a, k);
  const after = mean(v, k, b);
  const pooled = Math.sqrt((sse(v, a, k) + sse(v, k, b)) / Math.max(1, n - 2));
  const diff = Math.abs(after - before);
  const score = pooled > 0 ? (diff / pooled) * Math.sqrt((n1 * n2) / n) : diff > 0 ? Infinity : 0;
  const rel = diff / Math.max(Math.abs(before), 1e-9);
  if (score < o.minScore || rel < o.minRelative) return undefined;
  return { index: k, before, after, score };
}

export function changePoints(values: number[], opts: ChangePointOptions = {}): ChangePoint[] {
  const o: Required<ChangePointOptions> = {
    minSegment: opts.minSegment ?? 5,
    minScore: opts.minScore ?? 6,
    minRelative: opts.minRelative ?? 0.05,
    maxPoints: opts.maxPoints ?? 3,
  };
  const found: ChangePoint[] = [];
  const segments: [number, number][] = [[0, values.length]];
  while (segments.length && found.length < o.maxPoints) {
    const [a, b] = segments.shift() as [number, number];
    const cp = bestSplit(values, a, b, o);
    if (!cp) continue;
    found.push(cp);
    segments.push([a, cp.index], [cp.index, b]);
  }
  return found.sort((x, y) => x.index - y.index);
}
