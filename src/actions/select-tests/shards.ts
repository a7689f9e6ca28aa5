/** GitHub rejects a matrix with more than 256 jobs. */
export const MAX_SHARDS = 256;

export interface Shard {
  shard: number;
  tests: string[];
  /** Estimated duration, milliseconds. */
  estimatedMs: number;
}

export interface ShardPlan {
  shards: Shard[];
  /** Duration used for tests without history (the median of the known ones), ms. */
  medianMs: number;
  /** Tests that had a recorded duration. */
  withHistory: number;
}

/**
 * Splits tests into at most `requested` shards (never more than there are tests, never more than
 * 256) balanced by duration: longest first, each to the shard with the least work so far (the LPT
 * rule, within 4/3 of the best possible makespan). Tests without history count as the median.
 */
export function planShards(
  tests: readonly string[],
  requested: number,
  durationsMs: ReadonlyMap<string, number>,
): ShardPlan {
  const known = tests
    .map((t) => durationsMs.get(t))
    .filter((d): d is number => d !== undefined && Number.isFinite(d) && d >= 0);
  const medianMs = median(known) ?? 1000;
  const count = Math.max(1, Math.min(MAX_SHARDS, Math.floor(requested) || 1, tests.length || 1));
  const shards: Shard[] = Array.from({ length: count }, (_, k) => ({
    shard: k + 1,
    tests: [],
    estimatedMs: 0,
  }));
  const weighted = tests.map((t) => ({ t, d: durationsMs.get(t) ?? medianMs }));
  weighted.sort((a, b) => b.d - a.d || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  for (const { t, d } of weighted) {
    let best = shards[0];
    for (const s of shards) if (s.estimatedMs < best.estimatedMs) best = s;
    best.tests.push(t);
    best.estimatedMs += d;
  }
  for (const s of shards) s.tests.sort();
  return { shards, medianMs, withHistory: known.length };
}

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The `strategy.matrix` JSON: never an empty `include`, which GitHub rejects. */
export function matrixJson(mode: 'selective' | 'full' | 'none', plan: ShardPlan | undefined): string {
  if (mode === 'none' || !plan) return JSON.stringify({ include: [{ shard: 0, tests: '' }] });
  const include = plan.shards
    .filter((s) => s.tests.length || plan.shards.length === 1)
    .map((s) => ({ shard: s.shard, tests: s.tests.join(' ') }));
  return JSON.stringify({ include: include.length ? include : [{ shard: 1, tests: '' }] });
}
