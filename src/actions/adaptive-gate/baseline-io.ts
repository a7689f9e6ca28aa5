import type { Baseline, BaselineRunInput } from '../../core/baseline/index.js';
import type { Store } from '../../core/cache/index.js';
import { errorMessage } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import {
  GATE_SEVERITIES,
  type CoverageMeasure,
  type FileSnapshot,
  type GateSeverity,
  type SeverityCounts,
  type VulnMeasure,
  type WindowRun,
} from './types.js';

/**
 * What the gate keeps beside the shared baseline: the per-file line counts of the newest recorded
 * run, to name the files behind a later drop (a snapshot of one run, too large to repeat in every
 * entry of the rolling window). `runs` holds what baseline version 1 could not: whether a run
 * measured vulnerabilities, and its findings with versions. Baseline version 2 keeps both in the
 * run entries, so `runs` is only read, for runs recorded before it, and pruned as they leave the
 * window.
 */
export const FACTS_KEY = 'adaptive-gate:facts';
export const FACTS_TYPE = 'ai-ci/gate-facts';
export const FACTS_VERSION = 1;

export interface RunFacts {
  /** ISO time of the run, to keep the newest entries. */
  time: string;
  vulnsMeasured: boolean;
  findings: { id: string; package: string; version: string; severity: GateSeverity }[];
}

export interface GateFacts {
  type: typeof FACTS_TYPE;
  version: typeof FACTS_VERSION;
  runs: Record<string, RunFacts>;
  files: (FileSnapshot & { time: string }) | null;
}

export function emptyFacts(): GateFacts {
  return { type: FACTS_TYPE, version: FACTS_VERSION, runs: {}, files: null };
}

export function runKey(r: { runId: string; attempt: number }): string {
  return `${r.runId}#${r.attempt}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses the facts document; anything unexpected is dropped rather than trusted. */
export function parseFacts(text: string | undefined): GateFacts | undefined {
  if (text === undefined) return emptyFacts();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(doc) || doc.type !== FACTS_TYPE || doc.version !== FACTS_VERSION || !isObject(doc.runs))
    return undefined;
  const runs: Record<string, RunFacts> = {};
  for (const [k, v] of Object.entries(doc.runs)) {
    if (
      !isObject(v) ||
      typeof v.time !== 'string' ||
      typeof v.vulnsMeasured !== 'boolean' ||
      !Array.isArray(v.findings)
    )
      continue;
    const findings = v.findings.filter(
      (f): f is RunFacts['findings'][number] =>
        isObject(f) &&
        typeof f.id === 'string' &&
        typeof f.package === 'string' &&
        typeof f.version === 'string' &&
        (GATE_SEVERITIES as readonly unknown[]).includes(f.severity),
    );
    runs[k] = { time: v.time, vulnsMeasured: v.vulnsMeasured, findings };
  }
  let files: GateFacts['files'] = null;
  const f = doc.files;
  if (
    isObject(f) &&
    typeof f.runId === 'string' &&
    typeof f.sha === 'string' &&
    typeof f.time === 'string' &&
    isObject(f.files)
  ) {
    const entries: FileSnapshot['files'] = {};
    for (const [p, c] of Object.entries(f.files)) {
      if (isObject(c) && typeof c.covered === 'number' && typeof c.total === 'number')
        entries[p] = { covered: c.covered, total: c.total };
    }
    files = { runId: f.runId, sha: f.sha, time: f.time, files: entries };
  }
  return { type: FACTS_TYPE, version: FACTS_VERSION, runs, files };
}

export async function loadFacts(store: Store, logger: Logger): Promise<GateFacts> {
  try {
    const raw = await store.get(FACTS_KEY);
    const facts = parseFacts(raw);
    if (facts) return facts;
    logger.warning(
      `adaptive-gate: the stored gate facts are unreadable; package versions of earlier findings are unknown for this run.`,
    );
  } catch (e) {
    logger.warning(`adaptive-gate: cannot read the stored gate facts: ${errorMessage(e)}`);
  }
  return emptyFacts();
}

/**
 * The baseline's runs as the gate reads them. A run whose `vulns` is null had no vulnerability
 * report (its counts are no measurement); a run recorded before baseline version 2 takes its
 * "measured" mark and versioned findings from the gate's older facts when they are there.
 */
export function windowFromBaseline(baseline: Baseline, facts: GateFacts): WindowRun[] {
  return baseline.runs.map((r) => {
    const legacy = facts.runs[runKey(r)];
    const vulns = {} as SeverityCounts;
    for (const s of GATE_SEVERITIES) vulns[s] = r.vulns?.bySeverity[s] ?? 0;
    return {
      runId: r.runId,
      attempt: r.attempt,
      sha: r.sha,
      time: r.time,
      lines: r.coverage?.lines ?? null,
      branches: r.coverage?.branches ?? null,
      vulns,
      findings: legacy
        ? legacy.findings
        : (r.vulns?.items ?? []).map((i) => ({
            id: i.id,
            severity: i.severity,
            ...(i.package !== null ? { package: i.package } : {}),
            ...(i.version !== null ? { version: i.version } : {}),
          })),
      vulnsMeasured: r.vulns !== null && (legacy ? legacy.vulnsMeasured : true),
    };
  });
}

export interface RunIdentity {
  runId: string;
  attempt: number;
  sha: string;
  time: string;
}

/**
 * What the gate measured of this run, as a baseline record: coverage and vulnerabilities, each null
 * when there was no report (never zeros that would read as "no vulnerabilities"). Sections the gate
 * does not measure (tests, flake rate, durations) are left out, so what another writer of the same
 * run recorded stays: the store merges a run's entry field by field.
 */
export function toBaselineRun(
  id: RunIdentity,
  coverage: CoverageMeasure | undefined,
  vulns: VulnMeasure | undefined,
): BaselineRunInput {
  return {
    ...id,
    coverage: coverage ? { lines: coverage.lines, branches: coverage.branches, bySuite: {} } : null,
    vulns: vulns
      ? {
          bySeverity: { ...vulns.counts },
          items: vulns.findings.map((f) => ({
            id: f.id,
            severity: f.severity,
            package: f.package,
            version: f.version,
          })),
        }
      : null,
  };
}

/**
 * Keeps this run's per-file line counts when it is the newest recorded (racing writers end with
 * the newest), and drops older facts of runs no longer in the baseline. Writes nothing when
 * neither applies.
 */
export async function recordFileSnapshot(
  store: Store,
  id: RunIdentity,
  coverage: CoverageMeasure | undefined,
  baseline: Baseline,
): Promise<void> {
  const inWindow = new Set(baseline.runs.map(runKey));
  await store.update(FACTS_KEY, (cur) => {
    const doc = parseFacts(cur) ?? emptyFacts();
    const kept = Object.entries(doc.runs).filter(([k]) => inWindow.has(k));
    let changed = kept.length !== Object.keys(doc.runs).length;
    doc.runs = Object.fromEntries(kept);
    if (
      coverage &&
      coverage.files.length &&
      (!doc.files || Date.parse(doc.files.time) <= Date.parse(id.time))
    ) {
      const files: FileSnapshot['files'] = {};
      for (const f of coverage.files) files[f.path] = { covered: f.linesCovered, total: f.linesTotal };
      doc.files = { runId: runKey(id), sha: id.sha, time: id.time, files };
      changed = true;
    }
    return changed ? JSON.stringify(doc) : cur;
  });
}
