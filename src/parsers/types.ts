/**
 * The normalized model every report parser produces: the `ai-ci parse --json` contract (issue 5).
 * Fields listed in the contract are always present; `null` means the format does not carry the fact.
 */
import type { LogReport } from './logs/index.js';

export type { LogReport };

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface TestCaseResult {
  /** Stable within one report: `<suite or classname>::<name>`. */
  id: string;
  name: string;
  suite: string;
  /** Relative to the root when under it, with `/`. */
  file: string | null;
  line: number | null;
  status: TestStatus;
  durationMs: number | null;
  message: string | null;
  stack: string | null;
  /** 1 unless the runner retried the test; a test that failed then passed is `passed` with attempts > 1. */
  attempts: number;
  stdout?: string;
}

/** `tests = passed + failed + errors + skipped`; `failed` (assertion) and `errors` (could not run) are disjoint. */
export interface TestTotals {
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
}

export const TEST_REPORT_KINDS = [
  'junit',
  'jest-json',
  'vitest-json',
  'mocha-json',
  'go-json',
  'tap',
] as const;
export type TestReportKind = (typeof TEST_REPORT_KINDS)[number];

export interface TestReport {
  file: string;
  kind: TestReportKind;
  totals: TestTotals;
  tests: TestCaseResult[];
  /** Non-fatal problems (a truncated file, a capped field). */
  warnings: string[];
}

/** Percentages are derived from counts, 0-100 with two decimals; 100 when there is nothing to cover. */
export interface CoverageCounter {
  covered: number;
  total: number;
  pct: number;
}

export interface FileCoverage {
  path: string;
  lines: CoverageCounter;
  branches: CoverageCounter;
  functions: CoverageCounter;
  /** Sorted line numbers, for patch coverage; empty when the format has no per-line data. */
  coveredLines: number[];
  uncoveredLines: number[];
}

export const COVERAGE_KINDS = ['lcov', 'cobertura', 'jacoco', 'clover', 'istanbul', 'gocover'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export interface CoverageReport {
  file: string;
  kind: CoverageKind;
  totals: { lines: CoverageCounter; branches: CoverageCounter; functions: CoverageCounter };
  files: FileCoverage[];
  warnings: string[];
}

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info' | 'unknown';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info', 'unknown'];

export interface VulnFinding {
  /** CVE or GHSA id (or the scanner's rule id when it has neither). */
  id: string;
  package: string;
  /** Installed version; npm audit v7+ only knows the vulnerable range, which is given instead. */
  version: string;
  fixedVersion: string | null;
  severity: Severity;
  title: string;
}

export const VULN_KINDS = ['npm-audit', 'trivy', 'grype', 'sarif'] as const;
export type VulnKind = (typeof VULN_KINDS)[number];

export interface VulnReport {
  file: string;
  kind: VulnKind;
  counts: Record<Severity, number>;
  findings: VulnFinding[];
  warnings: string[];
}

/** An unreadable or unrecognised file: one line for people, never a stack. */
export interface ParseError {
  file: string;
  kind?: string;
  error: string;
}

export type ParseResult = TestReport | CoverageReport | VulnReport | LogReport | ParseError;

export const ALL_KINDS = ['auto', ...TEST_REPORT_KINDS, 'log', ...COVERAGE_KINDS, ...VULN_KINDS] as const;
export type Kind = (typeof ALL_KINDS)[number];

export interface ParseOptions {
  /** Skip detection and parse as this format. */
  kind?: string;
  /** Absolute paths in reports under this directory are made relative to it (default: cwd). */
  root?: string;
  /** For logs: the last passing log of the same job. */
  passingLogPath?: string;
}

export function isParseError(r: ParseResult): r is ParseError {
  return 'error' in r;
}

/** Thrown inside parsers for input that is not the expected format; turned into a ParseError. */
export class ReportFormatError extends Error {
  override readonly name = 'ReportFormatError';
}

/**
 * The name a person knows a test by: `suite › name`, unless the name already starts with its
 * suite. Triage history, flaky detection and PR feedback all key tests by it.
 */
export function testDisplayName(t: Pick<TestCaseResult, 'suite' | 'name'>): string {
  return t.suite && !t.name.startsWith(t.suite) ? `${t.suite} › ${t.name}` : t.name;
}
