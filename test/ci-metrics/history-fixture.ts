import type { DayRecord, RunRecord } from '../../src/actions/ci-metrics/history.js';

/** A small seeded PRNG (mulberry32) so generated history is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roughly normal noise (sum of uniforms), mean 0, standard deviation `sd`. */
function noise(rand: () => number, sd: number): number {
  let s = 0;
  for (let i = 0; i < 12; i++) s += rand();
  return (s - 6) * sd;
}

export const START = Date.parse('2026-09-22T00:00:00Z');
export const dateOf = (day: number): string => new Date(START + day * 86400_000).toISOString().slice(0, 10);

/**
 * 60 days, three runs a day (two on main, one PR). Build time ~10 min with ±30 s noise, moving to
 * ~14 min from day `changeDay`; one HIGH vulnerability appears on day 20 and is fixed on day 25;
 * coverage ~91% with small noise; one run in twenty needs a re-run.
 */
export function generateHistory(opts: { changeDay: number; days?: number; seed?: number }): DayRecord[] {
  const rand = prng(opts.seed ?? 42);
  const out: DayRecord[] = [];
  let n = 0;
  for (let d = 0; d < (opts.days ?? 60); d++) {
    const runs: RunRecord[] = [];
    for (let k = 0; k < 3; k++) {
      n++;
      const pr = k === 2;
      const base = d >= opts.changeDay ? 840 : 600;
      runs.push({
        runId: String(9000 + n),
        attempt: n % 20 === 0 ? 2 : 1,
        time: new Date(START + d * 86400_000 + (8 + k * 4) * 3600_000).toISOString(),
        sha: n.toString(16).padStart(40, 'a'),
        branch: pr ? `feature/${n}` : 'main',
        event: pr ? 'pull_request' : 'push',
        conclusion: 'success',
        defaultBranch: !pr,
        durationSeconds: Math.round(base + noise(rand, 30)),
        queueSeconds: Math.round(20 + rand() * 10),
        tests: 240,
        flakyTests: 0,
        coverageLines: Math.round((91 + noise(rand, 0.15)) * 100) / 100,
        vulnerabilities: { critical: 0, high: d >= 20 && d < 25 ? 3 : 2, medium: 4, low: 1, unknown: 0 },
        cacheHitRatio: Math.round((0.4 + noise(rand, 0.01)) * 1000) / 1000,
        llmCostUsd: Math.round((0.01 + k * 0.004) * 10000) / 10000,
      });
    }
    out.push({ date: dateOf(d), runs });
  }
  return out;
}
