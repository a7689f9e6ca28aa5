/** The gate's vocabulary: what it is told (settings, measurements, baseline window) and what it decides. */

export type GateSeverity = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
export const GATE_SEVERITIES: readonly GateSeverity[] = ['critical', 'high', 'medium', 'low', 'unknown'];
export type SeverityCounts = Record<GateSeverity, number>;

export type VulnScope = 'all' | 'introduced';
export type UpdateBaseline = 'auto' | 'true' | 'false';

/** The gate's thresholds, already validated (inputs.ts builds them from the action's inputs). */
export interface GateSettings {
  /** Allowed drop of line (and branch) coverage below the baseline, in percentage points. */
  deltaCoverage: number;
  /** Allowed increase of high vulnerabilities over the baseline. */
  deltaVulnHigh: number;
  /** Allowed increase of critical vulnerabilities over the baseline. */
  deltaVulnCritical: number;
  /** Absolute maximum of high vulnerabilities; undefined: none. */
  maxHigh: number | undefined;
  /** Absolute maximum of critical vulnerabilities; undefined: none. */
  maxCritical: number | undefined;
  /** Whether vulnerability conditions can fail the gate (they are always reported). */
  vulnGating: boolean;
  /** Absolute floor of total line coverage (%); undefined: none. */
  minCoverage: number | undefined;
  /** Minimum coverage of the lines this change adds (%); undefined: reported, not gated. */
  minPatchCoverage: number | undefined;
  /** Changes with fewer lines to cover than this are exempt from the patch condition. */
  smallChangeLines: number;
  /** `introduced`: only findings this change brought in count against the vulnerability deltas. */
  vulnScope: VulnScope;
}

export interface CoverageFileFacts {
  /** Repository-relative, `/`. */
  path: string;
  linesCovered: number;
  linesTotal: number;
  /** Sorted line numbers; empty when the format has no per-line data. */
  coveredLines: number[];
  uncoveredLines: number[];
}

/** This run's coverage, merged over every coverage report it produced. */
export interface CoverageMeasure {
  /** Total line coverage, %; null when no report counted lines. */
  lines: number | null;
  /** Total branch coverage, %; null when no report counted branches. */
  branches: number | null;
  linesCovered: number;
  linesTotal: number;
  files: CoverageFileFacts[];
}

export interface Finding {
  /** CVE or GHSA id (or the scanner's rule id). */
  id: string;
  package: string;
  version: string;
  severity: GateSeverity;
  title?: string;
  fixedVersion?: string | null;
}

export interface VulnMeasure {
  counts: SeverityCounts;
  findings: Finding[];
}

/** One run of the rolling baseline, as the gate reads it (oldest first in a window). */
export interface WindowRun {
  runId: string;
  attempt: number;
  sha: string;
  time: string;
  lines: number | null;
  branches: number | null;
  vulns: SeverityCounts;
  /** `version` is absent when the baseline store did not keep it; matching then falls back to (id, package). */
  findings: { id: string; package?: string; version?: string; severity: GateSeverity }[];
  /** False when the run had no vulnerability report: its counts are not a measurement. */
  vulnsMeasured?: boolean;
}

/** Per-file line counts of the last recorded default-branch run, to name the files behind a drop. */
export interface FileSnapshot {
  runId: string;
  sha: string;
  files: Record<string, { covered: number; total: number }>;
}

export interface GateInput {
  settings: GateSettings;
  /** The baseline window, oldest first; empty when there is none yet. */
  window: WindowRun[];
  /** undefined: no coverage report was given. */
  coverage: CoverageMeasure | undefined;
  /** undefined: no vulnerability report was given (or it could not be read, see `vulnErrors`). */
  vulns: VulnMeasure | undefined;
  /** Vulnerability reports that could not be read: an audit that failed is never zero vulnerabilities. */
  vulnErrors: string[];
  /** Lines (at head) added by the change, per file; undefined when there is no base to diff with. */
  addedLines: Map<string, number[]> | undefined;
  /**
   * Names of packages whose entry a lockfile or manifest diff touched; undefined when unknown
   * (no diff). Tells a finding introduced by this change from one disclosed on an unchanged package.
   */
  dependencyChanges: string[] | undefined;
  fileSnapshot: FileSnapshot | undefined;
}

export type ConditionStatus = 'pass' | 'fail' | 'skip';

export interface CoverageDriver {
  path: string;
  /** Line counts in the last recorded default-branch run; null when the file was not there (or unknown). */
  before: { covered: number; total: number } | null;
  /** Line counts now; null when the file is gone from the report. */
  after: { covered: number; total: number } | null;
  /** Increase of uncovered lines in this file (negative: fewer). */
  newlyUncovered: number;
  /** Lines this change added that no test runs. */
  uncoveredAddedLines: number[];
}

export interface Condition {
  /** Stable key: `coverage.lines`, `coverage.branches`, `coverage.min`, `coverage.patch`, `vulns.high`, ... */
  id: string;
  /** For people: `line coverage`, `high vulnerabilities`, ... */
  metric: string;
  kind: 'delta' | 'floor' | 'maximum' | 'report';
  /** False when the condition is only reported (vulnerabilities without VULN_GATING). */
  gated: boolean;
  status: ConditionStatus;
  unit: '%' | 'count';
  current: number | null;
  /** The baseline value (median of the window) for delta conditions; null otherwise. */
  baseline: number | null;
  /** current - baseline for deltas (for `vulns.*` with scope `introduced`: the introduced count). */
  delta: number | null;
  /** Allowed drop (coverage), allowed increase (vulnerabilities), floor or maximum. */
  allowed: number | null;
  /** `runId#attempt@sha` of the runs forming the baseline. */
  baselineRuns?: string[];
  /** Median absolute deviation of the window (points), reported once it holds 3 runs. */
  noiseBand?: number;
  files?: CoverageDriver[];
  findings?: Finding[];
  /** One line: what was compared and why it passed, failed or was skipped. */
  message: string;
}

export interface PatchCoverage {
  /** Lines the diff adds, over all files. */
  addedLines: number;
  /** Added lines the coverage reports know about (executable lines). */
  linesToCover: number;
  covered: number;
  /** null when there is nothing to cover. */
  pct: number | null;
  /** True when linesToCover < small-change-lines: the patch condition does not apply. */
  exempt: boolean;
  files: { path: string; covered: number[]; uncovered: number[] }[];
}

export interface VulnSummary {
  counts: SeverityCounts;
  /** Median count per severity over the window; null without a baseline. */
  baseline: SeverityCounts | null;
  /** New since the latest baseline run and brought in by this change. */
  introduced: Finding[];
  /** New since the latest baseline run, on packages this change did not touch. */
  disclosed: Finding[];
  /** In the latest baseline run, gone now. */
  fixed: { id: string; package?: string; version?: string; severity: GateSeverity }[];
  /** How introduced was told from disclosed: `lockfile-diff` or `baseline-packages`. */
  classifiedBy: 'lockfile-diff' | 'baseline-packages' | 'none';
}

export interface GateResult {
  passed: boolean;
  /** No baseline run yet: relative conditions were skipped while the baseline is collected. */
  collectingBaseline: boolean;
  conditions: Condition[];
  /** The gated conditions that failed, in report order. */
  regressions: Condition[];
  coverage: {
    lines: number | null;
    branches: number | null;
    baselineLines: number | null;
    baselineBranches: number | null;
    /** current - baseline line coverage, points. */
    delta: number | null;
    noiseBand: number | null;
  } | null;
  patch: PatchCoverage | null;
  vulns: VulnSummary | null;
  windowSize: number;
  notices: string[];
}
