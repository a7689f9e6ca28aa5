import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../core/cache/index.js';
import { errorMessage } from '../../core/errors.js';
import { repoRelative } from '../../core/files.js';
import type { GitHubAccess } from '../../core/github/client.js';
import type { RunContext } from '../../core/github/context.js';
import type { LlmClient } from '../../core/llm/index.js';
import type { Logger } from '../../core/logger.js';
import { redact } from '../../core/redact.js';
import { fetchRun } from './github-run.js';
import { loadHistory, recordRun, type RunRecord } from './history.js';
import type { MetricsSettings } from './inputs.js';
import { buildInsights, type CommitRef, type Insights } from './insights/insights.js';
import { renderInsights } from './insights/render.js';
import { buildSamples, flakeRate, type CommonLabels, type Sample, type UsageFacts } from './metrics.js';
import { readReports, type ReportFacts } from './reports.js';
import { emitToSinks, parseOtlpHeaders, type SinkResult } from './sinks/emit.js';
import { runTiming, type RunTiming } from './timings.js';
import { readUsage } from './usage.js';

export const METRICS_REPORT_TYPE = 'ai-ci/metrics';
export const METRICS_REPORT_VERSION = 1;

/** `ci_metrics/metrics.json`: the seed's schema (timestamp, workflow_run_id, metrics, job_statuses) plus the detail behind it. */
export interface MetricsReport {
  type: typeof METRICS_REPORT_TYPE;
  version: typeof METRICS_REPORT_VERSION;
  timestamp: string;
  workflow_run_id: string;
  run_attempt: number;
  labels: CommonLabels;
  metrics: {
    duration_seconds: number | null;
    queue_seconds: number | null;
    coverage_pct: number | null;
    ai_fix_confidence: number | null;
    has_flaky_tests: boolean;
    flaky_tests: number | null;
    flake_rate: number;
    rerun_count: number;
    tests: ReportFacts['tests'];
    vulnerabilities: Record<string, number> | null;
    llm: UsageFacts['llm'];
    cache_hit_ratio: number | null;
  };
  /** Job name -> conclusion, or `in_progress` / `queued` for jobs not finished when measured. */
  job_statuses: Record<string, string>;
  jobs: RunTiming['jobs'];
  unfinished_jobs: string[];
  /** Every series sent to the sinks, Prometheus names. */
  series: Sample[];
  sinks: SinkResult[];
  sources: string[];
  problems: string[];
}

export interface CiMetricsDeps {
  settings: MetricsSettings;
  ctx: RunContext;
  logger: Logger;
  github?: GitHubAccess;
  store?: Store;
  llm?: LlmClient;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

export interface CiMetricsOutcome {
  report: MetricsReport;
  metricsPath: string;
  insights?: Insights;
  insightsMarkdown?: string;
  insightsPath?: string;
  outputs: Record<string, string>;
}

function emptyTiming(ctx: RunContext): RunTiming {
  return {
    runId: Number(ctx.runId) || 0,
    attempt: Number(ctx.runAttempt) || 1,
    phase: 'in_progress',
    conclusion: 'unknown',
    startedAt: new Date().toISOString(),
    durationSeconds: null,
    queueSeconds: null,
    jobs: [],
    unfinishedJobs: [],
  };
}

async function timingOf(
  deps: CiMetricsDeps,
): Promise<{ timing: RunTiming; workflow?: string; branch?: string; sha?: string; problem?: string }> {
  const { ctx, github } = deps;
  const runId = Number(ctx.runId);
  if (!github?.canRead || !runId) {
    return {
      timing: emptyTiming(ctx),
      problem: 'no GitHub token or run id: run and job timings are not measured',
    };
  }
  try {
    const { run, jobs } = await fetchRun(github.octokit, { owner: ctx.owner, repo: ctx.repo, runId });
    return {
      timing: runTiming(run, jobs),
      workflow: run.name ?? undefined,
      branch: run.head_branch ?? undefined,
      sha: run.head_sha,
    };
  } catch (err) {
    return {
      timing: emptyTiming(ctx),
      problem: `the workflow run could not be read (${redact(errorMessage(err))})`,
    };
  }
}

function recordOf(report: MetricsReport, ctx: RunContext, sha: string): RunRecord {
  const m = report.metrics;
  return {
    runId: report.workflow_run_id,
    attempt: report.run_attempt,
    time: report.timestamp,
    sha,
    branch: report.labels.branch,
    event: report.labels.event,
    conclusion: report.labels.conclusion,
    defaultBranch:
      ctx.defaultBranch !== undefined &&
      report.labels.branch === ctx.defaultBranch &&
      !ctx.eventName.startsWith('pull_request'),
    durationSeconds: m.duration_seconds,
    queueSeconds: m.queue_seconds,
    tests: m.tests?.total ?? null,
    flakyTests: m.flaky_tests,
    coverageLines: m.coverage_pct,
    vulnerabilities: m.vulnerabilities,
    cacheHitRatio: m.cache_hit_ratio,
    llmCostUsd: m.llm ? Object.values(m.llm).reduce((a, u) => a + u.costUsd, 0) : null,
  };
}

/** Collects this run's metrics, writes metrics.json, feeds the sinks and the history, and on schedule writes the insights. */
export async function runCiMetrics(deps: CiMetricsDeps): Promise<CiMetricsOutcome> {
  const { settings, ctx, logger } = deps;
  const now = deps.now ?? new Date();
  const problems: string[] = [];
  const t = await timingOf(deps);
  if (t.problem) {
    problems.push(t.problem);
    logger.warning(`ci-metrics: ${t.problem}.`);
  }
  const timing = t.timing;
  const reports = await readReports({ workspace: ctx.workspace, globs: settings.reports, logger });
  problems.push(...reports.problems);
  let usage: UsageFacts = { llm: null, cacheHitRatio: null };
  if (deps.store) {
    try {
      usage = await readUsage(deps.store, ctx.repository, now.toISOString().slice(0, 10));
    } catch (err) {
      logger.warning(`ci-metrics: LLM and cache accounting not read (${errorMessage(err)}).`);
    }
  }
  const common: CommonLabels = {
    repo: ctx.repository,
    workflow: t.workflow ?? ctx.workflow,
    branch: ctx.branch ?? t.branch ?? '',
    event: ctx.eventName,
    conclusion: timing.conclusion,
  };
  const samples = buildSamples(timing, reports, usage);
  const sha = ctx.sha || t.sha || '';
  const runUrl = `${ctx.serverUrl}/${ctx.repository}/actions/runs/${timing.runId}`;
  const sinks = await emitToSinks(
    {
      pushgatewayUrl: settings.pushgatewayUrl,
      datadog: settings.datadogApiKey
        ? { apiKey: settings.datadogApiKey, site: settings.datadogSite }
        : undefined,
      otlpEndpoint: settings.otlpEndpoint,
      otlpHeaders: parseOtlpHeaders(settings.otlpHeaders),
    },
    { samples, common, timing, runUrl, sha, now },
    logger,
    deps.env,
  );
  const jobStatuses: Record<string, string> = {};
  for (const j of timing.jobs) jobStatuses[j.name] = j.status;
  const report: MetricsReport = {
    type: METRICS_REPORT_TYPE,
    version: METRICS_REPORT_VERSION,
    timestamp: now.toISOString(),
    workflow_run_id: String(timing.runId),
    run_attempt: timing.attempt,
    labels: common,
    metrics: {
      duration_seconds: timing.durationSeconds,
      queue_seconds: timing.queueSeconds,
      coverage_pct: reports.coverage?.lines ?? null,
      ai_fix_confidence: reports.fixConfidence,
      has_flaky_tests: (reports.flakyTests?.length ?? 0) > 0,
      flaky_tests: reports.flakyTests?.length ?? null,
      flake_rate: flakeRate(reports),
      rerun_count: timing.attempt - 1,
      tests: reports.tests,
      vulnerabilities: reports.vulnerabilities,
      llm: usage.llm,
      cache_hit_ratio: usage.cacheHitRatio,
    },
    job_statuses: jobStatuses,
    jobs: timing.jobs,
    unfinished_jobs: timing.unfinishedJobs,
    series: samples,
    sinks,
    sources: reports.sources,
    problems,
  };
  const outDir = join(ctx.workspace, settings.outputDir);
  mkdirSync(outDir, { recursive: true });
  const metricsFile = join(outDir, 'metrics.json');
  writeFileSync(metricsFile, `${redact(JSON.stringify(report, null, 2))}\n`);

  if (deps.store && timing.runId) {
    try {
      await recordRun(deps.store, recordOf(report, ctx, sha), Math.max(settings.historyDays, 90));
    } catch (err) {
      logger.warning(`ci-metrics: this run was not added to the history (${errorMessage(err)}).`);
    }
  }

  const outcome: CiMetricsOutcome = {
    report,
    metricsPath: repoRelative(ctx.workspace, metricsFile),
    outputs: {
      'metrics-path': repoRelative(ctx.workspace, metricsFile),
      'insights-path': '',
      'duration-seconds': timing.durationSeconds === null ? '' : String(timing.durationSeconds),
      'queue-seconds': timing.queueSeconds === null ? '' : String(timing.queueSeconds),
      'flake-rate': String(report.metrics.flake_rate),
    },
  };
  const wantInsights = settings.insights ?? ctx.eventName === 'schedule';
  if (wantInsights) {
    if (!deps.store) logger.warning('ci-metrics: no store, so the insights have no history to read.');
    const days = deps.store ? await loadHistory(deps.store, now, settings.historyDays) : [];
    const github = deps.github;
    const commitsBetween = github?.canRead
      ? async (base: string, head: string): Promise<CommitRef[]> => {
          const { data } = await github.octokit.rest.repos.compareCommitsWithBasehead({
            owner: ctx.owner,
            repo: ctx.repo,
            basehead: `${base}...${head}`,
            per_page: 20,
          });
          return data.commits.map((c) => ({ sha: c.sha, message: c.commit.message }));
        }
      : undefined;
    const insights = await buildInsights(days, { logger, llm: deps.llm, commitsBetween });
    const md = redact(renderInsights(insights, { repo: ctx.repository, generatedAt: now.toISOString() }));
    const insightsFile = join(outDir, 'ci_insights.md');
    writeFileSync(insightsFile, md);
    outcome.insights = insights;
    outcome.insightsMarkdown = md;
    outcome.insightsPath = repoRelative(ctx.workspace, insightsFile);
    outcome.outputs['insights-path'] = outcome.insightsPath;
  }
  return outcome;
}
