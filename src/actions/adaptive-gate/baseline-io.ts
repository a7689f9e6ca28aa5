import type { Baseline, BaselineRun } from '../../core/baseline/index.js';
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
 * What the gate keeps beside the shared baseline (whose run entries have no package versions and no
 * "not measured" mark): per recorded run, whether vulnerabilities were measured and the findings
 * with their versions; and the per-file line counts of the newest recorded run, to name the files
 * behind a later drop.
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

/** The baseline's runs as the gate reads them, with versions and "measured" marks from the facts. */
export function windowFromBaseline(baseline: Baseline, facts: GateFacts): WindowRun[] {
  return baseline.runs.map((r) => {
    const f = facts.runs[runKey(r)];
    const vulns = {} as SeverityCounts;
    for (const s of GATE_SEVERITIES) vulns[s] = r.vulns.bySeverity[s];
    return {
      runId: r.runId,
      attempt: r.attempt,
      sha: r.sha,
      time: r.time,
      lines: r.coverage.lines,
      branches: r.coverage.branches,
      vulns,
      findings: f
        ? f.findings
        : r.vulns.items.map((i) => ({
            id: i.id,
            severity: i.severity,
            ...(i.package ? { package: i.package } : {}),
          })),
      vulnsMeasured: f ? f.vulnsMeasured : true,
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
 * This run as a baseline entry. Sections the gate does not measure (tests, flake rate, durations)
 * keep what another action already recorded for the same run; without a vulnerability report the
 * counts of the newest baseline run are carried (and marked unmeasured in the facts) rather than
 * written as zeros that would read as "no vulnerabilities".
 */
export function toBaselineRun(
  id: RunIdentity,
  coverage: CoverageMeasure | undefined,
  vulns: VulnMeasure | undefined,
  baseline: Baseline,
): BaselineRun {
  const same = baseline.runs.find((r) => r.runId === id.runId && r.attempt === id.attempt);
  const latest = baseline.runs.at(-1);
  const bySeverity = {} as BaselineRun['vulns']['bySeverity'];
  for (const s of GATE_SEVERITIES)
    bySeverity[s] = vulns ? vulns.counts[s] : (latest?.vulns.bySeverity[s] ?? 0);
  return {
    runId: id.runId,
    attempt: id.attempt,
    sha: id.sha,
    time: id.time,
    coverage: {
      lines: coverage?.lines ?? null,
      branches: coverage?.branches ?? null,
      bySuite: same?.coverage.bySuite ?? {},
    },
    vulns: {
      bySeverity,
      items: vulns
        ? vulns.findings.map((f) => ({ id: f.id, severity: f.severity, package: f.package }))
        : (latest?.vulns.items ?? []),
    },
    tests: same?.tests ?? { total: 0, passed: 0, failed: 0, skipped: 0, durationMs: 0, bySuite: {} },
    flakeRate: same?.flakeRate ?? 0,
    buildDurationMs: same?.buildDurationMs ?? null,
  };
}

/**
 * Adds this run's facts and keeps the newest `2 * window` entries (more than the window, so that a
 * racing writer's entry is never dropped by a run that has not seen it yet). The file snapshot is
 * replaced only by a newer run, so racing writers end with the newest.
 */
export async function recordFacts(
  store: Store,
  id: RunIdentity,
  facts: Omit<RunFacts, 'time'>,
  coverage: CoverageMeasure | undefined,
  window: number,
): Promise<void> {
  const key = runKey(id);
  await store.update(FACTS_KEY, (cur) => {
    const doc = parseFacts(cur) ?? emptyFacts();
    doc.runs[key] = { time: id.time, ...facts };
    const newest = Object.entries(doc.runs)
      .sort((a, b) => Date.parse(b[1].time) - Date.parse(a[1].time))
      .slice(0, 2 * window);
    doc.runs = Object.fromEntries(newest);
    if (
      coverage &&
      coverage.files.length &&
      (!doc.files || Date.parse(doc.files.time) <= Date.parse(id.time))
    ) {
      const files: FileSnapshot['files'] = {};
      for (const f of coverage.files) files[f.path] = { covered: f.linesCovered, total: f.linesTotal };
      doc.files = { runId: key, sha: id.sha, time: id.time, files };
    }
    return JSON.stringify(doc);
  });
}
