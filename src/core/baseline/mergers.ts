import { registerMerger } from '../cache/tiered-store.js';
import {
  emptyBaseline,
  emptyTestHistory,
  mergeRunEntries,
  parseBaseline,
  parseTestHistory,
  upgradeRun,
  type BaselineRun,
  type TestOutcomeKind,
} from './schema.js';

export const BASELINE_RUN_MERGER = 'baseline-run';
export const TEST_OUTCOMES_MERGER = 'test-outcomes';

export interface BaselineRunPayload {
  repo: string;
  branch: string;
  window: number;
  run: BaselineRun;
}

export interface TestOutcomesPayload {
  window: number;
  runId: string;
  attempt: number;
  sha: string;
  time: string;
  outcomes: Record<string, { outcome: TestOutcomeKind; durationMs: number }>;
}

/**
 * Adds one writer's record of a run to the rolling baseline. Keyed by run id + attempt: a record of
 * a run already there is merged into its entry field by field (`mergeRunEntries`), so two writers
 * of different sections both land, and replaying the same payload (after a Redis outage) changes
 * nothing. A version-1 document is migrated here too. A current value that is not a readable
 * baseline is replaced by a fresh one: BaselineStore has kept the bad copy aside before it merges.
 */
export function mergeBaselineRun(current: string | undefined, payloadText: string): string {
  const p = JSON.parse(payloadText) as BaselineRunPayload;
  const parsed = current === undefined ? undefined : parseBaseline(current);
  const base = parsed?.ok ? parsed.value : emptyBaseline(p.repo, p.branch, p.window);
  const add = upgradeRun(p.run);
  // A payload no version of ai-ci could have written changes nothing.
  if (!add) return current !== undefined && parsed?.ok ? current : JSON.stringify(base);
  const id = (r: BaselineRun) => `${r.runId}#${r.attempt}`;
  const same = base.runs.find((r) => id(r) === id(add));
  const runs = base.runs.filter((r) => r !== same);
  runs.push(same ? mergeRunEntries(same, add) : add);
  runs.sort(
    (a, b) =>
      Date.parse(a.time) - Date.parse(b.time) || a.runId.localeCompare(b.runId) || a.attempt - b.attempt,
  );
  const window = p.window;
  return JSON.stringify({
    ...base,
    window,
    updatedAt: new Date().toISOString(),
    runs: runs.slice(Math.max(0, runs.length - window)),
  });
}

/** Adds one run's outcomes to every test's recent history; idempotent per run id + attempt. */
/** Tests beyond this many (renamed or deleted ones, least recently seen first) are forgotten. */
export const MAX_TESTS_IN_HISTORY = 20000;

export function mergeTestOutcomes(current: string | undefined, payloadText: string): string {
  const p = JSON.parse(payloadText) as TestOutcomesPayload;
  const parsed = current === undefined ? undefined : parseTestHistory(current);
  const hist = parsed?.ok ? parsed.value : emptyTestHistory(p.window);
  for (const [testId, o] of Object.entries(p.outcomes)) {
    const list = (hist.tests[testId] ?? []).filter((e) => !(e.runId === p.runId && e.attempt === p.attempt));
    list.push({
      sha: p.sha,
      runId: p.runId,
      attempt: p.attempt,
      outcome: o.outcome,
      durationMs: o.durationMs,
      time: p.time,
    });
    list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.attempt - b.attempt);
    hist.tests[testId] = list.slice(Math.max(0, list.length - p.window));
  }
  const ids = Object.keys(hist.tests);
  if (ids.length > MAX_TESTS_IN_HISTORY) {
    const lastSeen = (id: string) => Date.parse(hist.tests[id][hist.tests[id].length - 1]?.time ?? '') || 0;
    const keep = new Set(ids.sort((a, b) => lastSeen(b) - lastSeen(a)).slice(0, MAX_TESTS_IN_HISTORY));
    hist.tests = Object.fromEntries(Object.entries(hist.tests).filter(([id]) => keep.has(id)));
  }
  return JSON.stringify({ ...hist, window: p.window, updatedAt: new Date().toISOString() });
}

registerMerger(BASELINE_RUN_MERGER, mergeBaselineRun);
registerMerger(TEST_OUTCOMES_MERGER, mergeTestOutcomes);
