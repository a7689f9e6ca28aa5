/** The kinds of root cause the triage report names (issue 6). */
export const ROOT_CAUSE_KINDS = [
  'assertion',
  'exception',
  'timeout',
  'snapshot',
  'compile',
  'type',
  'import',
  'lint',
  'dependency',
  'infra',
  'unknown',
] as const;
export type RootCauseKind = (typeof ROOT_CAUSE_KINDS)[number];

export interface ExplainingLine {
  /** The input file, relative to the repository root. */
  source: string;
  /** 1-based line number in that file. */
  n: number;
  text: string;
}

/** One failure as read from one input: a failed test in a report, or a finding in a raw log. */
export interface Failure {
  source: string;
  origin: 'report' | 'log';
  /** The tool that reported it (jest, pytest, tsc, generic, junit...). */
  tool: string;
  /** The failing test's name, when the failure is a test. */
  test?: string;
  /** Where the failing test is defined. */
  testFile?: string;
  testLine?: number;
  kind: RootCauseKind;
  /** First line of the failure message, cleaned and redacted. */
  message: string;
  /** Full message and stack, cleaned and redacted (reports only). */
  detail?: string;
  /** Where the failure points: the first in-app frame or the tool's file:line. */
  file?: string;
  line?: number;
  lines: ExplainingLine[];
  /** The structured report itself said this test failed (not a heuristic over text). */
  confirmed: boolean;
  /** The test's status in its report: a JUnit `<error>` (could not run) is `error`. */
  status?: 'failed' | 'error';
  attempts?: number;
  /** Other inputs that reported the same failure (a log beside its report). */
  alsoIn?: string[];
}

export interface Victim {
  name: string;
  file: string | null;
  line: number | null;
  source: string;
}

export interface LlmAnalysis {
  summary: string;
  explanation: string;
  suggested_fix: string;
  files: string[];
  confidence: number;
}

export interface RootCause {
  fingerprint: string;
  kind: RootCauseKind;
  title: string;
  /** How sure we are that this is a real root cause, from the evidence behind it (0-1). */
  confidence: number;
  /** How likely an automated fix is to be right (0-1). */
  fix_confidence: number;
  fixable: boolean;
  flaky: boolean;
  infra: boolean;
  file: string | null;
  line: number | null;
  victims: Victim[];
  lines: ExplainingLine[];
  /** Inputs the root cause was seen in (several for matrix jobs). */
  sources: string[];
  /** Earlier runs that showed the same fingerprint, newest first. */
  seen_before?: Array<{ runId: string; sha: string; time: string }>;
  llm: LlmAnalysis | { skipped: string };
}

export interface FlakyTest {
  name: string;
  evidence: string;
}

export interface TriageReport {
  type: 'ai-ci/triage';
  version: 1;
  summary: string;
  fix_confidence: number;
  has_flaky_tests: boolean;
  root_causes: RootCause[];
  flaky_tests: FlakyTest[];
  totals: {
    failures: number;
    root_causes: number;
    victims: number;
    tests: number;
    passed: number;
    failed: number;
  };
  sources: string[];
  warnings: string[];
}
