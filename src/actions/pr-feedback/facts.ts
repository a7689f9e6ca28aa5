/**
 * Everything the comment says, gathered from the reports before any text is written: the
 * numbers in the comment come from here, never from the model.
 */
export interface FailedTest {
  name: string;
  file: string | null;
  line: number | null;
}

export interface RootCauseFact {
  kind: string;
  title: string;
  file: string | null;
  line: number | null;
  victims: number;
  flaky: boolean;
  infra: boolean;
  fixable: boolean;
  explanation?: string;
  suggestedFix?: string;
}

export interface GateCondition {
  metric: string;
  baseline: number | null;
  current: number | null;
  delta: number | null;
  allowed: number | null;
  message: string;
}

export interface Facts {
  headSha: string;
  runNumber: number;
  runUrl: string | null;
  tests: { total: number; passed: number; failed: number; skipped: number } | null;
  newFailures: FailedTest[];
  stillFailing: FailedTest[];
  fixed: FailedTest[];
  /** Whether new/still-failing is known (the base has history). */
  baseKnown: boolean;
  rootCauses: RootCauseFact[];
  flaky: Array<{ name: string; evidence: string }>;
  coverage: {
    lines: number | null;
    delta: number | null;
    patch: number | null;
    baseline: number | null;
  } | null;
  gate: { passed: boolean; failed: GateCondition[] } | null;
  newVulns: Array<{ id: string; package: string; severity: string; fixedVersion: string | null }>;
  vulnCounts: Record<string, number> | null;
  lint: { errors: number; warnings: number; files: number } | null;
  selection: { mode: string; reason: string; selected: number; total: number } | null;
  autofix: { outcome: string; prUrl: string | null; reason: string | null } | null;
  /** Inputs that could not be read. */
  problems: string[];
}

export type Status = 'success' | 'failure' | 'neutral';

export function statusOf(f: Facts): Status {
  const failedTests = (f.tests?.failed ?? 0) > 0 || f.newFailures.length + f.stillFailing.length > 0;
  if (failedTests || (f.gate && !f.gate.passed) || (f.lint?.errors ?? 0) > 0) return 'failure';
  if (!f.tests && !f.gate && !f.coverage && !f.lint && !f.rootCauses.length) return 'neutral';
  return 'success';
}

/** Numbers the prose may use: every number that stands in the facts. */
export function numbersIn(f: Facts): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'number' && Number.isFinite(v)) {
      out.add(String(v));
      out.add(String(Math.abs(v)));
      out.add(v.toFixed(1));
      out.add(v.toFixed(2));
      out.add(String(Math.round(v)));
    } else if (typeof v === 'string') {
      for (const m of v.match(/\b\d+(?:\.\d+)?\b/g) ?? []) out.add(m);
    } else if (Array.isArray(v)) {
      out.add(String(v.length));
      v.forEach(walk);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  // Commit hashes and URLs are not facts a sentence would quote as numbers.
  const { headSha: _sha, runUrl: _url, ...rest } = f;
  walk(rest);
  for (let i = 1; i <= 3; i++) out.add(String(i)); // list numbering in next steps
  return out;
}
