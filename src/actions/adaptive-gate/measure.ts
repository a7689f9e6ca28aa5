import { expandGlobs, repoRelative } from '../../core/files.js';
import type { Logger } from '../../core/logger.js';
import {
  isParseError,
  parseCoverage,
  parseVulnerabilities,
  type CoverageReport,
  type VulnReport,
} from '../../parsers/index.js';
import { round2 } from './stats.js';
import {
  GATE_SEVERITIES,
  type CoverageFileFacts,
  type CoverageMeasure,
  type Finding,
  type GateSeverity,
  type SeverityCounts,
  type VulnMeasure,
} from './types.js';

interface FileAcc {
  covered: Set<number>;
  uncovered: Set<number>;
  linesCovered: number;
  linesTotal: number;
  branchesCovered: number;
  branchesTotal: number;
}

/**
 * One coverage figure from several reports (unit + integration, several packages). A file in two
 * reports is covered on a line when either report covers it; without per-line data the larger
 * counts stand.
 */
export function mergeCoverage(reports: readonly CoverageReport[]): CoverageMeasure {
  const byPath = new Map<string, FileAcc>();
  for (const r of reports) {
    for (const f of r.files) {
      const acc = byPath.get(f.path) ?? {
        covered: new Set<number>(),
        uncovered: new Set<number>(),
        linesCovered: 0,
        linesTotal: 0,
        branchesCovered: 0,
        branchesTotal: 0,
      };
      for (const l of f.coveredLines) acc.covered.add(l);
      for (const l of f.uncoveredLines) acc.uncovered.add(l);
      acc.linesCovered = Math.max(acc.linesCovered, f.lines.covered);
      acc.linesTotal = Math.max(acc.linesTotal, f.lines.total);
      acc.branchesCovered = Math.max(acc.branchesCovered, f.branches.covered);
      acc.branchesTotal = Math.max(acc.branchesTotal, f.branches.total);
      byPath.set(f.path, acc);
    }
  }
  const files: CoverageFileFacts[] = [];
  let lc = 0;
  let lt = 0;
  let bc = 0;
  let bt = 0;
  for (const [path, acc] of [...byPath].sort((a, b) => a[0].localeCompare(b[0]))) {
    const perLine = acc.covered.size + acc.uncovered.size > 0;
    const coveredLines = [...acc.covered].sort((a, b) => a - b);
    const uncoveredLines = [...acc.uncovered].filter((l) => !acc.covered.has(l)).sort((a, b) => a - b);
    const linesCovered = perLine ? coveredLines.length : acc.linesCovered;
    const linesTotal = perLine ? coveredLines.length + uncoveredLines.length : acc.linesTotal;
    files.push({ path, linesCovered, linesTotal, coveredLines, uncoveredLines });
    lc += linesCovered;
    lt += linesTotal;
    bc += acc.branchesCovered;
    bt += acc.branchesTotal;
  }
  // A report without per-file entries (a bare summary) still carries totals.
  if (byPath.size === 0) {
    for (const r of reports) {
      lc += r.totals.lines.covered;
      lt += r.totals.lines.total;
      bc += r.totals.branches.covered;
      bt += r.totals.branches.total;
    }
  }
  return {
    lines: lt === 0 ? null : round2((lc / lt) * 100),
    branches: bt === 0 ? null : round2((bc / bt) * 100),
    linesCovered: lc,
    linesTotal: lt,
    files,
  };
}

/** Scanner severities folded into the gate's five (`info` is below `low`). */
function gateSeverity(s: string): GateSeverity {
  if (s === 'info') return 'low';
  return (GATE_SEVERITIES as readonly string[]).includes(s) ? (s as GateSeverity) : 'unknown';
}

/** Findings of every report, one per (id, package, version); two scanners agreeing count once. */
export function mergeVulns(reports: readonly VulnReport[]): VulnMeasure {
  const byKey = new Map<string, Finding>();
  const rank: Record<GateSeverity, number> = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      const finding: Finding = {
        id: f.id,
        package: f.package,
        version: f.version,
        severity: gateSeverity(f.severity),
        title: f.title,
        fixedVersion: f.fixedVersion,
      };
      const key = `${f.id}\u0000${f.package}\u0000${f.version}`;
      const prev = byKey.get(key);
      if (!prev || rank[finding.severity] > rank[prev.severity]) byKey.set(key, finding);
    }
  }
  const findings = [...byKey.values()].sort(
    (a, b) =>
      rank[b.severity] - rank[a.severity] || a.package.localeCompare(b.package) || a.id.localeCompare(b.id),
  );
  const counts = Object.fromEntries(GATE_SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const f of findings) counts[f.severity]++;
  return { counts, findings };
}

export interface CoverageReading {
  measure: CoverageMeasure | undefined;
  /** Repository-relative paths of the reports read. */
  files: string[];
}

export async function readCoverage(
  patterns: readonly string[],
  root: string,
  logger: Logger,
): Promise<CoverageReading> {
  const paths = await expandGlobs(patterns, root);
  if (paths.length === 0) {
    logger.warning(
      `adaptive-gate: no coverage report matched ${patterns.join(', ')}; coverage is not gated in this run.`,
    );
    return { measure: undefined, files: [] };
  }
  const reports: CoverageReport[] = [];
  const files: string[] = [];
  for (const p of paths) {
    const r = await parseCoverage(p, { root });
    const rel = repoRelative(root, p);
    if (isParseError(r)) {
      logger.warning(`adaptive-gate: coverage report ${rel} skipped: ${r.error}`, { file: rel });
      continue;
    }
    for (const w of r.warnings) logger.warning(`adaptive-gate: ${rel}: ${w}`, { file: rel });
    reports.push(r);
    files.push(rel);
  }
  if (reports.length === 0) {
    logger.warning('adaptive-gate: no coverage report could be read; coverage is not gated in this run.');
    return { measure: undefined, files };
  }
  return { measure: mergeCoverage(reports), files };
}

export interface VulnReading {
  measure: VulnMeasure | undefined;
  files: string[];
  /** Reports that failed (an audit that failed is not zero vulnerabilities). */
  errors: string[];
}

export async function readVulns(
  patterns: readonly string[],
  root: string,
  logger: Logger,
): Promise<VulnReading> {
  const paths = await expandGlobs(patterns, root);
  if (paths.length === 0) {
    return {
      measure: undefined,
      files: [],
      errors: [`no vulnerability report matched ${patterns.join(', ')} (did the audit step run?)`],
    };
  }
  const reports: VulnReport[] = [];
  const files: string[] = [];
  const errors: string[] = [];
  for (const p of paths) {
    const r = await parseVulnerabilities(p, { root });
    const rel = repoRelative(root, p);
    if (isParseError(r)) {
      errors.push(`${rel}: ${r.error}`);
      logger.warning(`adaptive-gate: vulnerability report ${rel}: ${r.error}`, { file: rel });
      continue;
    }
    for (const w of r.warnings) logger.warning(`adaptive-gate: ${rel}: ${w}`, { file: rel });
    reports.push(r);
    files.push(rel);
  }
  // Counts from the readable reports alone would under-count: with any failure, counts are unknown.
  if (errors.length) return { measure: undefined, files, errors };
  return { measure: mergeVulns(reports), files, errors };
}
