/**
 * Change points in a daily series: the day a metric moved to a new level. Binary segmentation on
 * the mean: the best single split (largest drop of squared error), kept only when the two sides
 * differ by much more than the day-to-day noise, then searched again on each side. A level that
 * comes and goes (a vulnerability open for five days) has no good single split, so when none is
 * found the best pair of splits around a middle segment is tried too.
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

/** Prefix sums, so that the mean and squared error of any segment cost O(1). */
class Segments {
  private readonly s1: number[] = [0];
  private readonly s2: number[] = [0];
  constructor(v: number[]) {
    for (const x of v) {
      this.s1.push(this.s1[this.s1.length - 1] + x);
      this.s2.push(this.s2[this.s2.length - 1] + x * x);
    }
  }
  sum(a: number, b: number): number {
    return this.s1[b] - this.s1[a];
  }
  mean(a: number, b: number): number {
    return this.sum(a, b) / (b - a);
  }
  sse(a: number, b: number): number {
    const n = b - a;
    const s = this.sum(a, b);
    return Math.max(0, this.s2[b] - this.s2[a] - (s * s) / n);
  }
}

function tScore(diff: number, residual: number, dof: number, n1: number, n2: number): number {
  const pooled = Math.sqrt(residual / Math.max(1, dof));
  if (pooled > 0) return (Math.abs(diff) / pooled) * Math.sqrt((n1 * n2) / (n1 + n2));
  return diff !== 0 ? Infinity : 0;
}

function significant(diff: number, level: number, score: number, o: Required<ChangePointOptions>): boolean {
  return score >= o.minScore && Math.abs(diff) / Math.max(Math.abs(level), 1e-9) >= o.minRelative;
}

function singleSplit(g: Segments, a: number, b: number, o: Required<ChangePointOptions>): ChangePoint[] {
  const n = b - a;
  if (n < 2 * o.minSegment) return [];
  let best: { k: number; cost: number } | undefined;
  for (let k = a + o.minSegment; k <= b - o.minSegment; k++) {
    const cost = g.sse(a, k) + g.sse(k, b);
    if (!best || cost < best.cost) best = { k, cost };
  }
  if (!best) return [];
  const before = g.mean(a, best.k);
  const after = g.mean(best.k, b);
  const score = tScore(after - before, best.cost, n - 2, best.k - a, b - best.k);
  return significant(after - before, before, score, o) ? [{ index: best.k, before, after, score }] : [];
}

function middleSegment(g: Segments, a: number, b: number, o: Required<ChangePointOptions>): ChangePoint[] {
  const n = b - a;
  if (n < 3 * o.minSegment) return [];
  let best: { i: number; j: number; cost: number } | undefined;
  for (let i = a + o.minSegment; i <= b - 2 * o.minSegment; i++) {
    for (let j = i + o.minSegment; j <= b - o.minSegment; j++) {
      const cost = g.sse(a, i) + g.sse(i, j) + g.sse(j, b);
      if (!best || cost < best.cost) best = { i, j, cost };
    }
  }
  if (!best) return [];
  const { i, j } = best;
  const left = g.mean(a, i);
  const mid = g.mean(i, j);
  const right = g.mean(j, b);
  const outside = (g.sum(a, i) + g.sum(j, b)) / (n - (j - i));
  const score = tScore(mid - outside, best.cost, n - 3, j - i, n - (j - i));
  if (!significant(mid - outside, outside, score, o)) return [];
  return [
    { index: i, before: left, after: mid, score },
    { index: j, before: mid, after: right, score },
  ];
}

export function changePoints(values: number[], opts: ChangePointOptions = {}): ChangePoint[] {
  const o: Required<ChangePointOptions> = {
    minSegment: opts.minSegment ?? 5,
    minScore: opts.minScore ?? 6,
    minRelative: opts.minRelative ?? 0.05,
    maxPoints: opts.maxPoints ?? 4,
  };
  const g = new Segments(values);
  const found: ChangePoint[] = [];
  const segments: [number, number][] = [[0, values.length]];
  while (segments.length && found.length < o.maxPoints) {
    const [a, b] = segments.shift() as [number, number];
    let cps = singleSplit(g, a, b, o);
    // The pair search is quadratic: only on windows a daily history can have (400 days at most).
    if (!cps.length && b - a <= 400) cps = middleSegment(g, a, b, o);
    if (!cps.length) continue;
    found.push(...cps);
    const cuts = [a, ...cps.map((c) => c.index), b];
    for (let k = 0; k + 1 < cuts.length; k++) segments.push([cuts[k], cuts[k + 1]]);
  }
  return found.sort((x, y) => x.index - y.index).slice(0, o.maxPoints);
}
