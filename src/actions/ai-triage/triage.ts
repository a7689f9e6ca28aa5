import type { LogReport, TestReport } from '../../parsers/types.js';
import { clusterFailures, linesOf, victimsOf, type Cluster } from './cluster.js';
import { fixConfidence, rootCauseConfidence } from './confidence.js';
import {
  currentOutcomes,
  detectFlaky,
  DEFAULT_FLAKY,
  type FlakySettings,
  type HistoryEntry,
} from './flaky.js';
import { failuresFromLogReport, failuresFromTestReport } from './normalize.js';
import type { Failure, RootCause, TriageReport } from './types.js';

export interface TriageInput {
  testReports: Array<{ source: string; report: TestReport; lines?: readonly string[] }>;
  logReports: Array<{ source: string; report: LogReport }>;
  /** Repository root: frames and files are made relative to it. */
  root: string;
  sha: string;
  /** Test-outcome history by test name, oldest first. */
  history: ReadonlyMap<string, HistoryEntry[]>;
  /** Fingerprints seen in earlier runs. */
  known?: ReadonlyMap<string, Array<{ runId: string; sha: string; time: string }>>;
  /** `fixable` = fix confidence >= this. */
  threshold: number;
  flaky?: FlakySettings;
  warnings?: string[];
}

export interface TriageOutcome {
  report: TriageReport;
  /** Every failure as read, before grouping (error_report.json). */
  failures: Failure[];
}

/** The deterministic triage: the whole result, with no LLM and no network. */
export function triage(input: TriageInput): TriageOutcome {
  const failures: Failure[] = [
    ...input.testReports.flatMap((r) => failuresFromTestReport(r.report, r.source, r.lines, input.root)),
    ...input.logReports.flatMap((r) => failuresFromLogReport(r.report, r.source, input.root)),
  ];
  const flakyTests = detectFlaky(
    currentOutcomes(input.testReports),
    input.sha,
    input.history,
    input.flaky ?? DEFAULT_FLAKY,
  );
  const flakyNames = new Set(flakyTests.map((t) => t.name));
  const clusters = clusterFailures(failures);
  const rootCauses = clusters.map((c) => toRootCause(c, flakyNames, input));
  rootCauses.sort(byImportance);

  const tests = input.testReports.reduce(
    (acc, r) => ({
      tests: acc.tests + r.report.totals.tests,
      passed: acc.passed + r.report.totals.passed,
      failed: acc.failed + r.report.totals.failed + r.report.totals.errors,
    }),
    { tests: 0, passed: 0, failed: 0 },
  );
  const actionable = rootCauses.filter((r) => !r.flaky && !r.infra);
  const fix = actionable.reduce((m, r) => Math.max(m, r.fix_confidence), 0);
  const victims = new Set(rootCauses.flatMap((r) => r.victims.map((v) => v.name))).size;
  const report: TriageReport = {
    type: 'ai-ci/triage',
    version: 1,
    summary:
      input.testReports.length + input.logReports.length === 0
        ? 'No test report or log was read: nothing to triage.'
        : summaryLine(rootCauses, victims, flakyTests.length),
    fix_confidence: fix,
    has_flaky_tests: flakyTests.length > 0,
    root_causes: rootCauses,
    flaky_tests: flakyTests,
    totals: { failures: failures.length, root_causes: rootCauses.length, victims, ...tests },
    sources: [...input.testReports.map((r) => r.source), ...input.logReports.map((r) => r.source)],
    warnings: input.warnings ?? [],
  };
  return { report, failures };
}

function toRootCause(c: Cluster, flakyNames: ReadonlySet<string>, input: TriageInput): RootCause {
  const victims = victimsOf(c);
  const first = c.failures.find((f) => f.file) ?? c.failures[0];
  const infra = c.kind === 'infra';
  const flaky = !infra && victims.length > 0 && victims.every((v) => flakyNames.has(v.name));
  const confidence = rootCauseConfidence(c);
  const fix = fixConfidence(c, { flaky, infra, confidence });
  const rc: RootCause = {
    fingerprint: c.fingerprint,
    kind: c.kind,
    title: titleOf(c),
    confidence,
    fix_confidence: fix,
    fixable: fix >= input.threshold,
    flaky,
    infra,
    file: first.file ?? null,
    line: first.line ?? null,
    victims,
    lines: linesOf(c),
    sources: [...new Set(c.failures.flatMap((f) => [f.source, ...(f.alsoIn ?? [])]))].sort(),
    llm: { skipped: 'not requested' },
  };
  const seen = input.known?.get(c.fingerprint);
  if (seen?.length) rc.seen_before = seen;
  return rc;
}

function titleOf(c: Cluster): string {
  const f = c.failures[0];
  const msg = f.message.length > 140 ? `${f.message.slice(0, 137)}...` : f.message;
  return msg || `${c.kind} failure`;
}

function byImportance(a: RootCause, b: RootCause): number {
  const rank = (r: RootCause): number => (r.infra ? 2 : r.flaky ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    b.victims.length - a.victims.length ||
    b.confidence - a.confidence ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}

function summaryLine(rcs: RootCause[], victims: number, flaky: number): string {
  if (rcs.length === 0)
    return flaky ? `No failures; ${flaky} flaky test${s(flaky)} passed on retry.` : 'No failures found.';
  const infra = rcs.filter((r) => r.infra).length;
  const flakyRc = rcs.filter((r) => r.flaky).length;
  const extra = [flakyRc ? `${flakyRc} flaky` : '', infra ? `${infra} infrastructure` : '']
    .filter(Boolean)
    .join(', ');
  const top = rcs[0];
  const where = top.file ? ` (${top.file}${top.line ? `:${top.line}` : ''})` : '';
  return (
    `${rcs.length} root cause${s(rcs.length)}${extra ? ` (${extra})` : ''}` +
    (victims ? ` behind ${victims} failing test${s(victims)}` : '') +
    `; top: ${top.kind}: ${top.title}${where}`
  ).slice(0, 300);
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
