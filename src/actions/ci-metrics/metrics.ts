import type { ReportFacts } from './reports.js';
import type { RunTiming } from './timings.js';

/** One value of one series, the same for every sink (each renders names and labels its own way). */
export interface Sample {
  /** Prometheus style, e.g. `ai_ci_job_duration_seconds`; Datadog and OTLP use dots instead of `_` after `ai_ci`. */
  name: string;
  /** The series' own labels (`job`, `status`, ...), without the common ones. */
  labels: Record<string, string>;
  value: number;
}

/** Labels every series carries. */
export interface CommonLabels {
  repo: string;
  workflow: string;
  branch: string;
  event: string;
  conclusion: string;
}

/** Usage of the core's LLM client and decision cache, as the store's accounting records them. */
export interface UsageFacts {
  /** Per backend (`local`, `cloud`), today's totals so far. */
  llm: Record<
    string,
    { calls: number; promptTokens: number; completionTokens: number; costUsd: number }
  > | null;
  /** Decision-cache hits / lookups over all actions; null when nothing was looked up. */
  cacheHitRatio: number | null;
}

export const HELP: Record<string, string> = {
  ai_ci_run_duration_seconds:
    'Workflow run attempt duration: attempt start to the end of its last finished job.',
  ai_ci_run_queue_seconds: 'Time from the attempt start to its first job starting.',
  ai_ci_job_duration_seconds: 'Job duration (completed jobs only).',
  ai_ci_job_queue_seconds: 'Job queue time, created to started.',
  ai_ci_run_attempt: 'Run attempt number (1 = no re-run).',
  ai_ci_tests: 'Tests by status.',
  ai_ci_flaky_tests: 'Tests that failed and then passed.',
  ai_ci_coverage_percent: 'Coverage by kind (lines, branches), percent.',
  ai_ci_vulnerabilities: 'Vulnerabilities by severity.',
  ai_ci_fix_confidence: 'AI fix confidence of the triage (0-1).',
  ai_ci_llm_calls: 'LLM calls answered today, by backend.',
  ai_ci_llm_tokens: 'LLM tokens today, by backend and direction.',
  ai_ci_llm_cost_usd: 'Estimated LLM cost today, USD.',
  ai_ci_cache_hit_ratio: 'Decision cache hits / lookups.',
};

/** The samples of one run. A fact nobody measured is left out, never sent as zero. */
export function buildSamples(timing: RunTiming, reports: ReportFacts, usage: UsageFacts): Sample[] {
  const out: Sample[] = [];
  const add = (name: string, value: number | null | undefined, labels: Record<string, string> = {}): void => {
    if (value !== null && value !== undefined && Number.isFinite(value)) out.push({ name, labels, value });
  };
  add('ai_ci_run_duration_seconds', timing.durationSeconds);
  add('ai_ci_run_queue_seconds', timing.queueSeconds);
  for (const j of timing.jobs) {
    // Two jobs with one display name (rare) would collide as series: the later one wins, as in the run's UI.
    add('ai_ci_job_duration_seconds', j.durationSeconds, { job: j.name });
    add('ai_ci_job_queue_seconds', j.queueSeconds, { job: j.name });
  }
  add('ai_ci_run_attempt', timing.attempt);
  if (reports.tests) {
    for (const status of ['passed', 'failed', 'skipped'] as const)
      add('ai_ci_tests', reports.tests[status], { status });
  }
  if (reports.flakyTests) add('ai_ci_flaky_tests', reports.flakyTests.length);
  if (reports.coverage) {
    add('ai_ci_coverage_percent', reports.coverage.lines, { kind: 'lines' });
    add('ai_ci_coverage_percent', reports.coverage.branches, { kind: 'branches' });
  }
  if (reports.vulnerabilities) {
    for (const [severity, n] of Object.entries(reports.vulnerabilities))
      add('ai_ci_vulnerabilities', n, { severity });
  }
  add('ai_ci_fix_confidence', reports.fixConfidence);
  if (usage.llm) {
    let cost = 0;
    for (const [backend, u] of Object.entries(usage.llm)) {
      add('ai_ci_llm_calls', u.calls, { backend });
      add('ai_ci_llm_tokens', u.promptTokens, { backend, direction: 'prompt' });
      add('ai_ci_llm_tokens', u.completionTokens, { backend, direction: 'completion' });
      cost += u.costUsd;
    }
    add('ai_ci_llm_cost_usd', cost);
  }
  add('ai_ci_cache_hit_ratio', usage.cacheHitRatio);
  return dedupe(out);
}

function dedupe(samples: Sample[]): Sample[] {
  const byKey = new Map<string, Sample>();
  for (const s of samples) byKey.set(`${s.name}${JSON.stringify(Object.entries(s.labels).sort())}`, s);
  return [...byKey.values()];
}

/** The same words with dots, as Datadog and OpenTelemetry name metrics: `ai.ci.job.duration.seconds`. */
export function dottedName(name: string): string {
  return name.replace(/_/g, '.');
}

/** Flaky tests per test run (0 when there were no tests). */
export function flakeRate(reports: ReportFacts): number {
  const total = reports.tests?.total ?? 0;
  const flaky = reports.flakyTests?.length ?? 0;
  return total > 0 ? Math.round((flaky / total) * 10000) / 10000 : 0;
}
