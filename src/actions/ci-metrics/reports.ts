import { readFileSync, statSync } from 'node:fs';
import { expandGlobs, repoRelative } from '../../core/files.js';
import type { Logger } from '../../core/logger.js';
import { isParseError, parseTestReport } from '../../parsers/index.js';

/** What the other actions' reports say about this run, as numbers. null: no report carried it. */
export interface ReportFacts {
  tests: { total: number; passed: number; failed: number; skipped: number } | null;
  flakyTests: string[] | null;
  /** Line and branch coverage, % (gate report). */
  coverage: { lines: number | null; branches: number | null } | null;
  vulnerabilities: Record<string, number> | null;
  fixConfidence: number | null;
  /** Files read, repository-relative. */
  sources: string[];
  problems: string[];
}

const MAX_REPORT_BYTES = 50 * 1024 * 1024;

function rec(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function fromTriage(r: Record<string, unknown>, out: ReportFacts): void {
  const t = rec(r.totals);
  const total = num(t?.tests);
  if (t && total !== null) {
    const passed = num(t.passed) ?? 0;
    const failed = num(t.failed) ?? 0;
    out.tests = { total, passed, failed, skipped: Math.max(0, total - passed - failed) };
  }
  if (Array.isArray(r.flaky_tests)) {
    out.flakyTests = r.flaky_tests.map((f) => rec(f)?.name).filter((n): n is string => typeof n === 'string');
  }
  out.fixConfidence = num(r.fix_confidence);
}

function fromGate(r: Record<string, unknown>, out: ReportFacts): void {
  const cov = rec(r.coverage);
  if (cov) out.coverage = { lines: num(cov.lines), branches: num(cov.branches) };
  const counts = rec(rec(r.vulns)?.counts);
  if (counts) {
    const v: Record<string, number> = {};
    for (const [sev, n] of Object.entries(counts)) {
      const c = num(n);
      if (c !== null) v[sev] = c;
    }
    out.vulnerabilities = v;
  }
}

/**
 * Reads ai-ci reports (found by `type`) and raw test reports (JUnit and the other formats the
 * parsers know). A triage report's totals win over raw test reports, which they already count.
 */
export async function readReports(opts: {
  workspace: string;
  globs: string[];
  logger: Logger;
}): Promise<ReportFacts> {
  const out: ReportFacts = {
    tests: null,
    flakyTests: null,
    coverage: null,
    vulnerabilities: null,
    fixConfidence: null,
    sources: [],
    problems: [],
  };
  const problem = (m: string): void => {
    out.problems.push(m);
    opts.logger.warning(m);
  };
  let triage = false;
  const raw = { total: 0, passed: 0, failed: 0, skipped: 0, files: 0, flaky: new Set<string>() };
  for (const file of await expandGlobs(opts.globs, opts.workspace)) {
    const rel = repoRelative(opts.workspace, file);
    if (statSync(file).size > MAX_REPORT_BYTES && file.endsWith('.json')) {
      problem(`${rel}: larger than 50 MB, skipped.`);
      continue;
    }
    if (file.endsWith('.json')) {
      let doc: Record<string, unknown> | undefined;
      try {
        doc = rec(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        problem(`${rel}: not valid JSON, skipped.`);
        continue;
      }
      const type = doc?.type;
      if (doc && type === 'ai-ci/triage') {
        fromTriage(doc, out);
        triage = true;
        out.sources.push(rel);
        continue;
      }
      if (doc && type === 'ai-ci/gate') {
        fromGate(doc, out);
        out.sources.push(rel);
        continue;
      }
      // Other ai-ci reports (ours from an earlier step included) carry nothing counted here.
      if (typeof type === 'string' && type.startsWith('ai-ci/')) continue;
    }
    const r = await parseTestReport(file, { root: opts.workspace });
    if (isParseError(r)) {
      problem(`${rel}: ${r.error}`);
      continue;
    }
    out.sources.push(rel);
    raw.files++;
    raw.total += r.totals.tests;
    raw.passed += r.totals.passed;
    raw.failed += r.totals.failed + r.totals.errors;
    raw.skipped += r.totals.skipped;
    for (const t of r.tests) if (t.status === 'passed' && t.attempts > 1) raw.flaky.add(t.id);
  }
  if (!triage && raw.files > 0) {
    out.tests = { total: raw.total, passed: raw.passed, failed: raw.failed, skipped: raw.skipped };
    out.flakyTests = [...raw.flaky].sort();
  }
  return out;
}
