import { registerMerger, type Store } from '../../core/cache/index.js';

/** One run as the daily insights read it back. Numbers are null when the run did not measure them. */
export interface RunRecord {
  runId: string;
  attempt: number;
  /** ISO time of the measurement. */
  time: string;
  sha: string;
  branch: string;
  event: string;
  conclusion: string;
  /** Whether the run was on the default branch (build-time targets differ). */
  defaultBranch: boolean;
  durationSeconds: number | null;
  queueSeconds: number | null;
  tests: number | null;
  flakyTests: number | null;
  coverageLines: number | null;
  vulnerabilities: Record<string, number> | null;
  cacheHitRatio: number | null;
  /** The day's LLM cost so far when the run was measured (the day's total is the last one). */
  llmCostUsd: number | null;
}

export interface DayRecord {
  date: string;
  runs: RunRecord[];
}

export const DAY_PREFIX = 'ci-metrics:day:';
export const DAY_MERGER = 'ci-metrics-day';
/** A day with more runs keeps the newest ones: enough for medians, bounded for the store. */
export const MAX_RUNS_PER_DAY = 1000;

export function dayKey(date: string): string {
  return `${DAY_PREFIX}${date}`;
}

function parseDay(text: string | undefined, date: string): DayRecord {
  if (text) {
    try {
      const v = JSON.parse(text) as Partial<DayRecord>;
      if (v && Array.isArray(v.runs)) return { date, runs: v.runs };
    } catch {
      // A corrupt day is started afresh: one day of history is lost, not the run.
    }
  }
  return { date, runs: [] };
}

/** Adds a run to its day; idempotent per run id + attempt (a replay after a Redis outage changes nothing). */
export function mergeDay(current: string | undefined, payload: string): string {
  const run = JSON.parse(payload) as RunRecord;
  const date = run.time.slice(0, 10);
  const day = parseDay(current, date);
  const id = (r: RunRecord) => `${r.runId}#${r.attempt}`;
  const runs = day.runs.filter((r) => id(r) !== id(run));
  runs.push(run);
  runs.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return JSON.stringify({ date, runs: runs.slice(-MAX_RUNS_PER_DAY) });
}

registerMerger(DAY_MERGER, mergeDay);

export async function recordRun(store: Store, run: RunRecord, keepDays: number): Promise<void> {
  await store.merge(dayKey(run.time.slice(0, 10)), DAY_MERGER, JSON.stringify(run), keepDays * 86400);
}

/** The `days` days ending with `until` (inclusive), oldest first; days without runs are left out. */
export async function loadHistory(store: Store, until: Date, days: number): Promise<DayRecord[]> {
  const out: DayRecord[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(until.getTime() - i * 86400_000).toISOString().slice(0, 10);
    const day = parseDay(await store.get(dayKey(date)), date);
    if (day.runs.length) out.push(day);
  }
  return out;
}
