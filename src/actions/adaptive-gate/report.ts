import { redact } from '../../core/redact.js';
import { failureLines } from './gate.js';
import type { Condition, GateResult, GateSettings } from './types.js';

export const GATE_REPORT_TYPE = 'ai-ci/gate';
export const GATE_REPORT_VERSION = 1;

export interface BaselineUpdate {
  recorded: boolean;
  /** Why it was (or was not) recorded, for people. */
  reason: string;
  /** Workspace-relative path of the baseline file written, when asked. */
  file?: string;
}

export interface GateContextFacts {
  event: string;
  branch: string | null;
  defaultBranch: string | null;
  isDefaultBranch: boolean;
  sha: string;
  runId: string;
  /** How the diff base was found (`pull_request.base.sha`, `input`, ...), or why there is none. */
  diffBase: { sha: string | null; source: string };
}

/** `ci_metrics/gate_report.json`: what pr-feedback and ci-metrics read (found by `type`). */
export interface GateReport {
  type: typeof GATE_REPORT_TYPE;
  version: typeof GATE_REPORT_VERSION;
  generatedAt: string;
  passed: boolean;
  collectingBaseline: boolean;
  context: GateContextFacts;
  settings: GateSettings;
  reports: { coverage: string[]; vulnerabilities: string[] };
  baseline: {
    windowSize: number;
    /** `runId#attempt@sha` of every run in the window, oldest first. */
    runs: string[];
    seededFrom: string | null;
    storeTier: string | null;
    historyNote: string | null;
  };
  coverage: GateResult['coverage'];
  patch: GateResult['patch'];
  vulns: GateResult['vulns'];
  conditions: Condition[];
  /** Ids of the gated conditions that failed. */
  regressions: string[];
  baselineUpdate: BaselineUpdate;
  notices: string[];
}

/** Advisory titles come from outside; they pass redaction like every text that leaves the runner. */
function scrub(result: GateResult): GateResult {
  const clean = <T extends { title?: string }>(f: T): T => (f.title ? { ...f, title: redact(f.title) } : f);
  return {
    ...result,
    conditions: result.conditions.map((c) => (c.findings ? { ...c, findings: c.findings.map(clean) } : c)),
    vulns: result.vulns
      ? {
          ...result.vulns,
          introduced: result.vulns.introduced.map(clean),
          disclosed: result.vulns.disclosed.map(clean),
        }
      : null,
  };
}

export function buildReport(args: {
  result: GateResult;
  settings: GateSettings;
  context: GateContextFacts;
  reports: GateReport['reports'];
  baseline: GateReport['baseline'];
  baselineUpdate: BaselineUpdate;
  now: Date;
}): GateReport {
  const r = scrub(args.result);
  return {
    type: GATE_REPORT_TYPE,
    version: GATE_REPORT_VERSION,
    generatedAt: args.now.toISOString(),
    passed: r.passed,
    collectingBaseline: r.collectingBaseline,
    context: args.context,
    settings: args.settings,
    reports: args.reports,
    baseline: args.baseline,
    coverage: r.coverage,
    patch: r.patch,
    vulns: r.vulns,
    conditions: r.conditions,
    regressions: r.regressions.map((c) => c.id),
    baselineUpdate: args.baselineUpdate,
    notices: r.notices,
  };
}

/** The action's outputs, as strings. */
export function gateOutputs(result: GateResult, reportPath: string): Record<string, string> {
  return {
    passed: String(result.passed),
    coverage:
      result.coverage?.lines === null || result.coverage === null ? '' : String(result.coverage.lines),
    'coverage-delta':
      result.coverage?.delta === null || result.coverage === null ? '' : String(result.coverage.delta),
    vulns: JSON.stringify(result.vulns ? result.vulns.counts : null),
    regressions: JSON.stringify(
      result.regressions.map((c) => ({
        id: c.id,
        metric: c.metric,
        current: c.current,
        baseline: c.baseline,
        delta: c.delta,
        allowed: c.allowed,
        message: redact(c.message),
        ...(c.files?.length ? { files: c.files.map((f) => f.path) } : {}),
      })),
    ),
    'report-path': reportPath,
  };
}

const cell = (v: number | null, unit: Condition['unit']): string =>
  v === null ? '–' : unit === '%' ? `${v}%` : String(v);

const verdict = (c: Condition): string =>
  c.status === 'skip'
    ? '⏭ skipped'
    : c.status === 'pass'
      ? '✅ pass'
      : c.gated
        ? '❌ fail'
        : '⚠️ over (not gated)';

/** `[3, 4, 5, 9]` -> `3-5, 9`: a long run of untested lines stays one short phrase. */
export function lineRanges(lines: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    out.push(j > i ? `${lines[i]}-${lines[j]}` : String(lines[i]));
    i = j + 1;
  }
  return out.join(', ');
}

function signed(v: number | null): string {
  if (v === null) return '–';
  return v > 0 ? `+${v}` : String(v);
}

/** Markdown for the job summary: one table row per condition, then what failed and why. */
export function renderSummary(report: GateReport): string {
  const out: string[] = [];
  out.push(`### adaptive-gate: ${report.passed ? '✅ passed' : '❌ failed'}`);
  out.push('');
  for (const n of report.notices) out.push(`> ${n}`, '');
  out.push('| Condition | Current | Baseline | Change | Allowed | Result |');
  out.push('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const c of report.conditions) {
    const allowed =
      c.allowed === null
        ? '–'
        : c.kind === 'delta'
          ? `${c.unit === '%' ? '-' : '+'}${c.allowed}`
          : c.kind === 'maximum'
            ? `≤ ${c.allowed}`
            : `≥ ${c.allowed}${c.unit === '%' ? '%' : ''}`;
    const band = c.noiseBand !== undefined ? ` ±${c.noiseBand}` : '';
    out.push(
      `| ${c.metric} (\`${c.id}\`) | ${cell(c.current, c.unit)} | ${cell(c.baseline, c.unit)}${band} | ${signed(c.delta)} | ${allowed} | ${verdict(c)} |`,
    );
  }
  out.push('');
  const b = report.baseline;
  out.push(
    `Baseline: median of ${b.windowSize} default-branch run${b.windowSize === 1 ? '' : 's'}${b.seededFrom ? ` (seeded from \`${b.seededFrom}\`)` : ''}${b.storeTier ? `, kept in the ${b.storeTier} tier` : ''}. ${report.baselineUpdate.reason}`,
  );
  if (b.historyNote) out.push('', `_${b.historyNote}_`);
  if (report.vulns && (report.vulns.introduced.length || report.vulns.disclosed.length)) {
    out.push('');
    const list = (fs: { id: string; package: string; version: string; severity: string }[]) =>
      fs.map((f) => `${f.id} (${f.severity}) in ${f.package}@${f.version}`).join(', ');
    if (report.vulns.introduced.length)
      out.push(`- Introduced by this change: ${list(report.vulns.introduced)}`);
    if (report.vulns.disclosed.length)
      out.push(`- Newly disclosed on unchanged packages: ${list(report.vulns.disclosed)}`);
  }
  const failed = report.conditions.filter((c) => c.gated && c.status === 'fail');
  if (failed.length) {
    out.push('', '#### Why it failed', '');
    for (const c of failed) {
      out.push(`- **${c.metric}**: ${c.message}`);
      if (c.baselineRuns?.length) out.push(`  - baseline runs: ${c.baselineRuns.join(', ')}`);
      for (const f of c.files ?? []) {
        const lines = f.uncoveredAddedLines.length
          ? `; uncovered added lines ${lineRanges(f.uncoveredAddedLines)}`
          : '';
        const ba =
          f.before && f.after
            ? ` (${f.before.covered}/${f.before.total} → ${f.after.covered}/${f.after.total} lines covered)`
            : '';
        out.push(`  - \`${f.path}\`: +${f.newlyUncovered} uncovered lines${ba}${lines}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

export { failureLines };
