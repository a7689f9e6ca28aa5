import type { DayRecord, RunRecord } from '../history.js';

/** The daily series the insights chart and search for change points. */
export const SERIES = [
  { id: 'build_minutes', title: 'Build time (median, min)', unit: 'min' },
  { id: 'flake_rate', title: 'Flake rate (% of runs re-run or with flaky tests)', unit: '%' },
  { id: 'coverage', title: 'Line coverage (%)', unit: '%' },
  { id: 'vulnerabilities', title: 'High + critical vulnerabilities', unit: 'count' },
  { id: 'cache_hit', title: 'Decision cache hit rate (%)', unit: '%' },
  { id: 'llm_cost', title: 'LLM cost per day (USD)', unit: 'USD' },
] as const;

export type SeriesId = (typeof SERIES)[number]['id'];

export interface DailySeries {
  id: SeriesId;
  title: string;
  unit: string;
  /** Days that have a value, oldest first. */
  dates: string[];
  values: number[];
}

export function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function nums(runs: RunRecord[], f: (r: RunRecord) => number | null): number[] {
  return runs.map(f).filter((v): v is number => v !== null && Number.isFinite(v));
}

/** Whether a run needed a re-run or saw flaky tests: the seed's "reruns per build". */
export function flaked(r: RunRecord): boolean {
  return r.attempt > 1 || (r.flakyTests ?? 0) > 0;
}

function valueOf(id: SeriesId, runs: RunRecord[]): number | undefined {
  const last = (v: number[]) => (v.length ? v[v.length - 1] : undefined);
  switch (id) {
    case 'build_minutes': {
      const d = nums(runs, (r) => r.durationSeconds);
      return d.length ? median(d) / 60 : undefined;
    }
    case 'flake_rate':
      return runs.length ? (100 * runs.filter(flaked).length) / runs.length : undefined;
    case 'coverage': {
      // The default branch's coverage is the project's; a PR's is a proposal.
      const main = runs.filter((r) => r.defaultBranch);
      const c = nums(main.length ? main : runs, (r) => r.coverageLines);
      return c.length ? c.reduce((a, b) => a + b, 0) / c.length : undefined;
    }
    case 'vulnerabilities':
      return last(
        nums(runs, (r) =>
          r.vulnerabilities ? (r.vulnerabilities.high ?? 0) + (r.vulnerabilities.critical ?? 0) : null,
        ),
      );
    case 'cache_hit': {
      const v = last(nums(runs, (r) => r.cacheHitRatio));
      return v === undefined ? undefined : v * 100;
    }
    case 'llm_cost':
      // Each run records the day's cost so far; the largest is the day's total.
      return nums(runs, (r) => r.llmCostUsd).reduce<number | undefined>(
        (a, b) => (a === undefined || b > a ? b : a),
        undefined,
      );
  }
}

export function dailySeries(days: DayRecord[]): DailySeries[] {
  return SERIES.map((s) => {
    const dates: string[] = [];
    const values: number[] = [];
    for (const d of days) {
      const v = valueOf(s.id, d.runs);
      if (v !== undefined) {
        dates.push(d.date);
        values.push(Math.round(v * 1000) / 1000);
      }
    }
    return { id: s.id, title: s.title, unit: s.unit, dates, values };
  });
}
