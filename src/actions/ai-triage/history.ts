import type { BaselineStore } from '../../core/baseline/index.js';
import type { TestOutcomeKind } from '../../core/baseline/schema.js';
import type { Store } from '../../core/cache/index.js';
import { registerMerger } from '../../core/cache/tiered-store.js';
import { testDisplayName, type TestReport } from '../../parsers/types.js';
import type { HistoryEntry } from './flaky.js';
import type { TriageReport } from './types.js';

const FINGERPRINTS_KEY = 'triage:fingerprints';
const MAX_FINGERPRINTS = 1000;
const MAX_OCCURRENCES = 5;

type Occurrence = { runId: string; sha: string; time: string };

export async function loadHistory(baseline: BaselineStore): Promise<Map<string, HistoryEntry[]>> {
  const h = await baseline.loadTestHistory();
  const map = new Map<string, HistoryEntry[]>();
  for (const [name, outcomes] of Object.entries(h.tests)) {
    map.set(
      name,
      outcomes.map((o) => ({
        sha: o.sha,
        runId: o.runId,
        outcome: o.outcome === 'flaky' ? 'failed' : o.outcome,
      })),
    );
  }
  return map;
}

/** Every test outcome of this run, passing runs included: flaky detection, timings and metrics read it. */
export async function recordOutcomes(
  baseline: BaselineStore,
  reports: Array<{ report: TestReport }>,
  run: { runId: string; attempt: number; sha: string; time: string },
): Promise<number> {
  const outcomes: Record<string, { outcome: TestOutcomeKind; durationMs: number }> = {};
  for (const { report } of reports) {
    for (const t of report.tests) {
      const name = testDisplayName(t);
      const outcome: TestOutcomeKind =
        t.status === 'passed'
          ? t.attempts > 1
            ? 'flaky'
            : 'passed'
          : t.status === 'skipped'
            ? 'skipped'
            : 'failed';
      // A test that ran in several matrix legs counts once per run: a failure anywhere wins.
      const prev = outcomes[name];
      if (prev && prev.outcome === 'failed') continue;
      outcomes[name] = { outcome, durationMs: Math.max(0, Math.round(t.durationMs ?? 0)) };
    }
  }
  const n = Object.keys(outcomes).length;
  if (n) await baseline.recordTestOutcomes({ ...run, outcomes });
  return n;
}

export async function loadKnownFingerprints(store: Store): Promise<Map<string, Occurrence[]>> {
  const raw = await store.get(FINGERPRINTS_KEY);
  const map = new Map<string, Occurrence[]>();
  if (!raw) return map;
  try {
    const doc = JSON.parse(raw) as Record<string, Occurrence[]>;
    for (const [fp, occ] of Object.entries(doc)) if (Array.isArray(occ)) map.set(fp, occ);
  } catch {
    // An unreadable index only loses the "seen before" links; it is rebuilt from this run on.
  }
  return map;
}

/** Names the fingerprint-index merge so writes kept in a fallback tier during a Redis outage are replayed into Redis. */
export const FINGERPRINTS_MERGER = 'triage-fingerprints';

interface FingerprintsPayload {
  run: Occurrence;
  fingerprints: string[];
}

/** Adds one run to the fingerprint index (newest first, bounded); replaying the same run changes nothing. */
export function mergeFingerprints(current: string | undefined, payloadText: string): string {
  const p = JSON.parse(payloadText) as FingerprintsPayload;
  let doc: Record<string, Occurrence[]>;
  try {
    doc = current ? (JSON.parse(current) as Record<string, Occurrence[]>) : {};
  } catch {
    doc = {};
  }
  for (const fp of p.fingerprints) {
    const prev = (doc[fp] ?? []).filter((o) => o.runId !== p.run.runId);
    // Sorted by time, not by arrival: a replayed older run must not displace newer ones.
    doc[fp] = [p.run, ...prev].sort((a, b) => b.time.localeCompare(a.time)).slice(0, MAX_OCCURRENCES);
  }
  const entries = Object.entries(doc).sort((a, b) =>
    (b[1][0]?.time ?? '').localeCompare(a[1][0]?.time ?? ''),
  );
  return JSON.stringify(Object.fromEntries(entries.slice(0, MAX_FINGERPRINTS)));
}
registerMerger(FINGERPRINTS_MERGER, mergeFingerprints);

/** Adds this run's root causes to the fingerprint index (newest first, bounded). */
export async function recordFingerprints(store: Store, report: TriageReport, run: Occurrence): Promise<void> {
  if (!report.root_causes.length) return;
  // A merge, not an update: a merge made on a fallback tier is journaled and reaches Redis later.
  const payload: FingerprintsPayload = { run, fingerprints: report.root_causes.map((rc) => rc.fingerprint) };
  await store.merge(FINGERPRINTS_KEY, FINGERPRINTS_MERGER, JSON.stringify(payload));
}
