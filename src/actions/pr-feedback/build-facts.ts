import { testDisplayName } from '../../parsers/types.js';
import type { Collected } from './collect.js';
import type { Facts, FailedTest, GateCondition, RootCauseFact } from './facts.js';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
      ? Number(v)
      : null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Last outcome of each test before this run, on the base: what new / still failing / fixed compare with. */
export type BaseOutcomes = ReadonlyMap<string, 'passed' | 'failed'>;

export interface FactContext {
  headSha: string;
  runNumber: number;
  runUrl: string | null;
  base: BaseOutcomes | undefined;
}

export function buildFacts(c: Collected, ctx: FactContext): Facts {
  const failedNow = new Map<string, FailedTest>();
  const passedNow = new Set<string>();
  let tests: Facts['tests'] = null;
  for (const r of c.tests) {
    tests = tests ?? { total: 0, passed: 0, failed: 0, skipped: 0 };
    tests.total += r.totals.tests;
    tests.passed += r.totals.passed;
    tests.failed += r.totals.failed + r.totals.errors;
    tests.skipped += r.totals.skipped;
    for (const t of r.tests) {
      const name = testDisplayName(t);
      if (t.status === 'failed' || t.status === 'error')
        failedNow.set(name, { name, file: t.file, line: t.line });
      else if (t.status === 'passed') passedNow.add(name);
    }
  }

  const rootCauses: RootCauseFact[] = [];
  const triage = c.triage;
  if (triage) {
    const totals = rec(triage.totals);
    if (!tests && totals && num(totals.tests) !== null) {
      tests = {
        total: num(totals.tests) ?? 0,
        passed: num(totals.passed) ?? 0,
        failed: num(totals.failed) ?? 0,
        skipped: Math.max(
          0,
          (num(totals.tests) ?? 0) - (num(totals.passed) ?? 0) - (num(totals.failed) ?? 0),
        ),
      };
    }
    for (const x of arr(triage.root_causes)) {
      const r = rec(x);
      if (!r) continue;
      const llm = rec(r.llm);
      const victims = arr(r.victims);
      rootCauses.push({
        kind: str(r.kind) ?? 'unknown',
        title: str(r.title) ?? '',
        file: str(r.file),
        line: num(r.line),
        victims: victims.length,
        flaky: r.flaky === true,
        infra: r.infra === true,
        fixable: r.fixable === true,
        ...(llm && str(llm.explanation) ? { explanation: str(llm.explanation)! } : {}),
        ...(llm && str(llm.suggested_fix) ? { suggestedFix: str(llm.suggested_fix)! } : {}),
      });
      if (!c.tests.length) {
        for (const v of victims) {
          const vr = rec(v);
          const name = vr && str(vr.name);
          if (name) failedNow.set(name, { name, file: str(vr.file), line: num(vr.line) });
        }
      }
    }
  }

  const newFailures: FailedTest[] = [];
  const stillFailing: FailedTest[] = [];
  const fixed: FailedTest[] = [];
  for (const [name, t] of failedNow) {
    if (ctx.base?.get(name) === 'failed') stillFailing.push(t);
    else newFailures.push(t);
  }
  if (ctx.base) {
    for (const [name, outcome] of ctx.base)
      if (outcome === 'failed' && passedNow.has(name)) fixed.push({ name, file: null, line: null });
  }

  const flaky = triage
    ? arr(triage.flaky_tests)
        .map(rec)
        .filter((x): x is Rec => !!x && !!str(x.name))
        .map((x) => ({ name: str(x.name)!, evidence: str(x.evidence) ?? '' }))
    : [];

  return {
    headSha: ctx.headSha,
    runNumber: ctx.runNumber,
    runUrl: ctx.runUrl,
    tests,
    newFailures,
    stillFailing,
    fixed,
    baseKnown: ctx.base !== undefined && ctx.base.size > 0,
    rootCauses,
    flaky,
    ...gateFacts(c),
    lint: lintFacts(c),
    selection: selectionFacts(c.selection),
    autofix: autofixFacts(c.autofix),
    problems: c.problems,
  };
}

/** Reads the adaptive-gate report (`ai-ci/gate`, src/actions/adaptive-gate/report.ts). */
function gateFacts(c: Collected): Pick<Facts, 'coverage' | 'gate' | 'newVulns' | 'vulnCounts'> {
  const g = c.gate;
  let coverage: Facts['coverage'] = null;
  let gate: Facts['gate'] = null;
  let newVulns: Facts['newVulns'] = [];
  let vulnCounts: Facts['vulnCounts'] = null;
  if (g) {
    const cov = rec(g.coverage);
    const patch = rec(g.patch);
    if (cov || patch) {
      coverage = {
        lines: cov ? num(cov.lines) : null,
        delta: cov ? num(cov.delta) : null,
        patch: patch && patch.exempt !== true ? num(patch.pct) : null,
        baseline: cov ? num(cov.baselineLines) : null,
      };
    }
    const regressions = new Set(arr(g.regressions).filter((x): x is string => typeof x === 'string'));
    const failed = arr(g.conditions)
      .map(rec)
      .filter(
        (x): x is Rec =>
          !!x && (regressions.has(str(x.id) ?? '') || (x.gated === true && x.status === 'fail')),
      );
    gate = {
      passed: g.passed !== false,
      failed: failed.map<GateCondition>((x) => ({
        metric: str(x.metric) ?? str(x.id) ?? 'condition',
        baseline: num(x.baseline),
        current: num(x.current),
        delta: num(x.delta),
        allowed: num(x.allowed),
        message: str(x.message) ?? '',
      })),
    };
    const v = rec(g.vulns);
    if (v) {
      const counts = rec(v.counts);
      if (counts)
        vulnCounts = Object.fromEntries(
          Object.entries(counts).filter(([, n]) => typeof n === 'number'),
        ) as Record<string, number>;
      newVulns = arr(v.introduced)
        .map(rec)
        .filter((x): x is Rec => !!x)
        .map((x) => ({
          id: str(x.id) ?? '?',
          package: str(x.package) ?? '?',
          severity: str(x.severity) ?? 'unknown',
          fixedVersion: str(x.fixedVersion),
        }));
    }
  } else if (c.coverage.length) {
    const covered = c.coverage.reduce((n, r) => n + r.totals.lines.covered, 0);
    const total = c.coverage.reduce((n, r) => n + r.totals.lines.total, 0);
    coverage = {
      lines: total ? Math.round((covered / total) * 10000) / 100 : null,
      delta: null,
      patch: null,
      baseline: null,
    };
  }
  if (!g && c.vulns.length) {
    vulnCounts = {};
    for (const r of c.vulns)
      for (const [k, n] of Object.entries(r.counts)) vulnCounts[k] = (vulnCounts[k] ?? 0) + n;
  }
  return { coverage, gate, newVulns, vulnCounts };
}

function lintFacts(c: Collected): Facts['lint'] {
  if (!c.lint.length) return null;
  let errors = 0;
  const files = new Set<string>();
  for (const r of c.lint) {
    for (const f of r.failures) {
      errors++;
      if (f.file) files.add(f.file);
    }
  }
  return { errors, warnings: 0, files: files.size };
}

function selectionFacts(s: Rec | undefined): Facts['selection'] {
  if (!s) return null;
  const tests = arr(s.tests);
  return {
    mode: str(s.mode) ?? 'full',
    reason: str(s.reason) ?? '',
    selected: num(s.test_count) ?? num(s.testCount) ?? tests.length,
    total: num(s.total_test_count) ?? num(s.totalTestCount) ?? tests.length,
  };
}

function autofixFacts(a: Rec | undefined): Facts['autofix'] {
  if (!a) return null;
  return {
    outcome: str(a.outcome) ?? 'skipped',
    prUrl: str(a.pr_url) ?? str(a.prUrl),
    reason: str(a.reason),
  };
}
