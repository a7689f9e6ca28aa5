import { coverageDrivers, patchCoverage } from './patch-coverage.js';
import { median, medianAbsoluteDeviation, round2 } from './stats.js';
import {
  GATE_SEVERITIES,
  type Condition,
  type GateInput,
  type GateResult,
  type PatchCoverage,
  type SeverityCounts,
  type VulnSummary,
  type WindowRun,
} from './types.js';
import { classifyFindings } from './vulns.js';

/** The noise band (MAD) is only meaningful once the window holds this many runs. */
export const NOISE_BAND_MIN_RUNS = 3;

const fmt = (n: number | null): string => (n === null ? 'n/a' : String(round2(n)));

function runLabel(r: WindowRun): string {
  return `${r.runId}#${r.attempt}@${r.sha.slice(0, 7)}`;
}

/**
 * Compares one metric of this run with the median of the baseline window. Fails only when the
 * drop is strictly greater than allowed; the drop is rounded to the reports' two decimals first so
 * that 90 - 85 and 89.1 - 84.1 compare alike.
 */
function coverageDelta(
  id: string,
  metric: string,
  current: number | null,
  window: WindowRun[],
  pick: (r: WindowRun) => number | null,
  allowed: number,
  files: () => Condition['files'],
): Condition | undefined {
  const runs = window.filter((r) => pick(r) !== null);
  const base: Condition = {
    id,
    metric,
    kind: 'delta',
    gated: true,
    unit: '%',
    current,
    baseline: null,
    delta: null,
    allowed,
    status: 'skip',
    message: '',
  };
  if (current === null) return undefined;
  if (runs.length === 0) {
    const why = window.length
      ? 'no baseline run measured it yet'
      : 'no baseline run yet, collecting a baseline';
    return { ...base, message: `${metric} ${fmt(current)}%: ${why}.` };
  }
  const values = runs.map((r) => pick(r) as number);
  const baseline = round2(median(values));
  const delta = round2(current - baseline);
  const drop = round2(baseline - current);
  const noiseBand =
    values.length >= NOISE_BAND_MIN_RUNS ? round2(medianAbsoluteDeviation(values)) : undefined;
  const failed = drop > allowed;
  const band = noiseBand === undefined ? '' : ` (noise band ±${noiseBand})`;
  const cond: Condition = {
    ...base,
    baseline,
    delta,
    status: failed ? 'fail' : 'pass',
    baselineRuns: runs.map(runLabel),
    ...(noiseBand === undefined ? {} : { noiseBand }),
    message: failed
      ? `${metric} dropped ${drop} points: ${fmt(current)}% vs baseline ${baseline}%${band} (median of ${runs.length} run${runs.length === 1 ? '' : 's'}); allowed drop ${allowed}.`
      : `${metric} ${fmt(current)}% vs baseline ${baseline}%${band}: change ${delta >= 0 ? '+' : ''}${delta}, allowed drop ${allowed}.`,
  };
  if (failed) cond.files = files();
  return cond;
}

function countsMedian(window: WindowRun[]): SeverityCounts {
  const out = {} as SeverityCounts;
  for (const s of GATE_SEVERITIES) out[s] = median(window.map((r) => r.vulns[s]));
  return out;
}

function vulnConditions(input: GateInput, summary: VulnSummary | null, collecting: boolean): Condition[] {
  const { settings } = input;
  const gated = settings.vulnGating;
  const note = gated ? '' : ' (reported only: VULN_GATING is off)';
  const out: Condition[] = [];
  if (input.vulnErrors.length) {
    out.push({
      id: 'vulns.report',
      metric: 'vulnerability report',
      kind: 'report',
      gated,
      status: 'fail',
      unit: 'count',
      current: null,
      baseline: null,
      delta: null,
      allowed: null,
      message: `vulnerability report unreadable, so the counts are unknown (a failed audit is not zero vulnerabilities): ${input.vulnErrors.join('; ')}${note}`,
    });
  }
  if (!summary) return out;
  const severities = [
    { sev: 'critical' as const, allowed: settings.deltaVulnCritical, max: settings.maxCritical },
    { sev: 'high' as const, allowed: settings.deltaVulnHigh, max: settings.maxHigh },
  ];
  for (const { sev, allowed, max } of severities) {
    const current = summary.counts[sev];
    const metric = `${sev} vulnerabilities`;
    const base = {
      id: `vulns.${sev}`,
      metric,
      kind: 'delta' as const,
      gated,
      unit: 'count' as const,
      current,
      allowed,
    };
    if (!summary.baseline) {
      out.push({
        ...base,
        status: 'skip',
        baseline: null,
        delta: null,
        message: `${metric} ${current}: ${collecting ? 'no baseline run yet, collecting a baseline' : 'no baseline run measured vulnerabilities yet'}.`,
      });
    } else if (settings.vulnScope === 'introduced') {
      const introduced = summary.introduced.filter((f) => f.severity === sev);
      const disclosed = summary.disclosed.filter((f) => f.severity === sev).length;
      const failed = introduced.length > allowed;
      out.push({
        ...base,
        status: failed ? 'fail' : 'pass',
        baseline: summary.baseline[sev],
        delta: introduced.length,
        baselineRuns: input.window.map(runLabel),
        ...(failed ? { findings: introduced } : {}),
        message: `${metric}: ${introduced.length} introduced by this change${introduced.length ? ` (${introduced.map((f) => `${f.id} in ${f.package}@${f.version}`).join(', ')})` : ''}, allowed ${allowed}; ${disclosed} newly disclosed on unchanged packages not counted${note}.`,
      });
    } else {
      const baseline = summary.baseline[sev];
      const delta = current - baseline;
      const failed = delta > allowed;
      const fresh = [...summary.introduced, ...summary.disclosed].filter((f) => f.severity === sev);
      out.push({
        ...base,
        status: failed ? 'fail' : 'pass',
        baseline,
        delta,
        baselineRuns: input.window.map(runLabel),
        ...(failed ? { findings: fresh } : {}),
        message: `${metric} ${current} vs baseline ${baseline} (median of ${input.window.length} run${input.window.length === 1 ? '' : 's'}): ${delta >= 0 ? '+' : ''}${delta}, allowed increase ${allowed}${note}.`,
      });
    }
    if (max !== undefined) {
      const failed = current > max;
      out.push({
        id: `vulns.${sev}.max`,
        metric,
        kind: 'maximum',
        gated,
        status: failed ? 'fail' : 'pass',
        unit: 'count',
        current,
        baseline: null,
        delta: null,
        allowed: max,
        message: `${metric} ${current}, maximum ${max}${failed ? ' exceeded' : ''}${note}.`,
      });
    }
  }
  return out;
}

/**
 * The gate: every condition evaluated and explained, gated ones decide. Pure: the same input gives
 * the same result, which is what the replay benchmark relies on.
 */
export function evaluateGate(input: GateInput): GateResult {
  const { settings, window } = input;
  const conditions: Condition[] = [];
  const notices: string[] = [];
  const collectingBaseline = window.length === 0;
  if (collectingBaseline) {
    notices.push(
      'No baseline yet: this run is compared with nothing and helps collect the baseline (gating starts with the first recorded default-branch run).',
    );
  }

  const patch: PatchCoverage | null =
    input.coverage && input.addedLines
      ? patchCoverage(input.coverage.files, input.addedLines, settings.smallChangeLines)
      : null;

  let coverage: GateResult['coverage'] = null;
  if (input.coverage) {
    const cov = input.coverage;
    const files = () => coverageDrivers(cov.files, input.fileSnapshot, patch);
    const lines = coverageDelta(
      'coverage.lines',
      'line coverage',
      cov.lines,
      window,
      (r) => r.lines,
      settings.deltaCoverage,
      files,
    );
    const branches = coverageDelta(
      'coverage.branches',
      'branch coverage',
      cov.branches,
      window,
      (r) => r.branches,
      settings.deltaCoverage,
      files,
    );
    if (lines) conditions.push(lines);
    if (branches && (branches.status !== 'skip' || !collectingBaseline)) conditions.push(branches);
    coverage = {
      lines: cov.lines,
      branches: cov.branches,
      baselineLines: lines?.baseline ?? null,
      baselineBranches: branches?.baseline ?? null,
      delta: lines?.delta ?? null,
      noiseBand: lines?.noiseBand ?? null,
    };
    if (settings.minCoverage !== undefined && cov.lines !== null) {
      const failed = cov.lines < settings.minCoverage;
      conditions.push({
        id: 'coverage.min',
        metric: 'line coverage',
        kind: 'floor',
        gated: true,
        status: failed ? 'fail' : 'pass',
        unit: '%',
        current: cov.lines,
        baseline: null,
        delta: null,
        allowed: settings.minCoverage,
        ...(failed ? { files: files() } : {}),
        message: `line coverage ${fmt(cov.lines)}%, floor ${settings.minCoverage}%${failed ? ' not met' : ''}.`,
      });
    }
    if (patch) {
      const min = settings.minPatchCoverage;
      const base = {
        id: 'coverage.patch',
        metric: 'patch coverage',
        kind: 'floor' as const,
        unit: '%' as const,
        current: patch.pct,
        baseline: null,
        delta: null,
        allowed: min ?? null,
      };
      const what = `${patch.covered} of ${patch.linesToCover} added lines to cover`;
      if (min === undefined) {
        conditions.push({
          ...base,
          gated: false,
          status: patch.pct === null ? 'skip' : 'pass',
          message: `patch coverage ${fmt(patch.pct)}% (${what}); no minimum set.`,
        });
      } else if (patch.exempt) {
        conditions.push({
          ...base,
          gated: true,
          status: 'skip',
          message: `patch coverage ${fmt(patch.pct)}% (${what}): small change, fewer than ${settings.smallChangeLines} lines to cover, exempt.`,
        });
      } else {
        const failed = (patch.pct ?? 100) < min;
        const uncovered = patch.files.filter((f) => f.uncovered.length);
        conditions.push({
          ...base,
          gated: true,
          status: failed ? 'fail' : 'pass',
          ...(failed
            ? {
                files: uncovered.map((f) => ({
                  path: f.path,
                  before: null,
                  after: null,
                  newlyUncovered: f.uncovered.length,
                  uncoveredAddedLines: f.uncovered,
                })),
              }
            : {}),
          message: `patch coverage ${fmt(patch.pct)}% (${what}), minimum ${min}%${failed ? ' not met' : ''}.`,
        });
      }
    }
  }

  let vulns: VulnSummary | null = null;
  // Runs that had no vulnerability report carry no counts worth comparing with.
  const vulnWindow = window.filter((r) => r.vulnsMeasured !== false);
  if (input.vulns) {
    vulns = {
      counts: input.vulns.counts,
      baseline: vulnWindow.length ? countsMedian(vulnWindow) : null,
      ...classifyFindings(input.vulns.findings, vulnWindow.at(-1), input.dependencyChanges),
    };
  }
  conditions.push(...vulnConditions({ ...input, window: vulnWindow }, vulns, collectingBaseline));

  const regressions = conditions.filter((c) => c.gated && c.status === 'fail');
  return {
    passed: regressions.length === 0,
    collectingBaseline,
    conditions,
    regressions,
    coverage,
    patch,
    vulns,
    windowSize: window.length,
    notices,
  };
}

/** One line per failed gated condition, for the step's failure message. */
export function failureLines(result: GateResult): string[] {
  return result.regressions.map((c) => {
    const files = c.files?.length
      ? ` Files: ${c.files
          .slice(0, 5)
          .map((f) => `${f.path} (+${f.newlyUncovered} uncovered)`)
          .join(', ')}.`
      : '';
    return `${c.id}: ${c.message}${files}`;
  });
}
