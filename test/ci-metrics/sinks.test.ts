import { recordingLogger } from '../../src/core/logger.js';
import { buildSamples, type CommonLabels } from '../../src/actions/ci-metrics/metrics.js';
import type { ReportFacts } from '../../src/actions/ci-metrics/reports.js';
import { emitToSinks } from '../../src/actions/ci-metrics/sinks/emit.js';
import { traceIdFor, type OtlpTraces } from '../../src/actions/ci-metrics/sinks/otlp.js';
import { groupingPath } from '../../src/actions/ci-metrics/sinks/pushgateway.js';
import { runTiming } from '../../src/actions/ci-metrics/timings.js';
import { rerunJobs, rerunRun, RUN_ID } from './payloads.js';
import { freePort, pushgatewayAvailable, startPushgateway, type Pushgateway } from './pushgateway.js';
import { startDatadogStandIn, startOtlpStandIn, type StandIn } from './standins.js';

const timing = runTiming(rerunRun, rerunJobs);
const reports: ReportFacts = {
  tests: { total: 120, passed: 117, failed: 1, skipped: 2 },
  flakyTests: ['api::retries once'],
  coverage: { lines: 88.5, branches: 71.25 },
  vulnerabilities: { critical: 0, high: 2, medium: 5, low: 1, unknown: 0 },
  fixConfidence: 0.82,
  sources: [],
  problems: [],
};
const usage = {
  llm: { local: { calls: 3, promptTokens: 2400, completionTokens: 310, costUsd: 0 } },
  cacheHitRatio: 0.25,
};
const samples = buildSamples(timing, reports, usage);
const common: CommonLabels = {
  repo: 'octo/demo',
  workflow: 'CI',
  branch: 'feature/metrics',
  event: 'pull_request',
  conclusion: timing.conclusion,
};
const NOW = new Date('2026-11-20T10:38:40Z');
const runUrl = `https://github.com/octo/demo/actions/runs/${RUN_ID}`;
const data = { samples, common, timing, runUrl, sha: 'f3b0c2d1e4a5968778695a4b3c2d1e0f9a8b7c6d', now: NOW };
const none = { pushgatewayUrl: undefined, datadog: undefined, otlpEndpoint: undefined, otlpHeaders: {} };

describe('the samples', () => {
  it('carry the issue names and labels, and nothing unmeasured', () => {
    expect(samples.map((s) => `${s.name}${JSON.stringify(s.labels)}=${s.value}`)).toEqual([
      'ai_ci_run_duration_seconds{}=496',
      'ai_ci_run_queue_seconds{}=46',
      'ai_ci_job_duration_seconds{"job":"lint"}=90',
      'ai_ci_job_queue_seconds{"job":"lint"}=8',
      'ai_ci_job_duration_seconds{"job":"test (ubuntu-latest)"}=450',
      'ai_ci_job_queue_seconds{"job":"test (ubuntu-latest)"}=45',
      'ai_ci_job_duration_seconds{"job":"test (windows-latest)"}=120',
      'ai_ci_job_queue_seconds{"job":"test (windows-latest)"}=64',
      'ai_ci_job_queue_seconds{"job":"ci-metrics"}=10',
      'ai_ci_run_attempt{}=2',
      'ai_ci_tests{"status":"passed"}=117',
      'ai_ci_tests{"status":"failed"}=1',
      'ai_ci_tests{"status":"skipped"}=2',
      'ai_ci_flaky_tests{}=1',
      'ai_ci_coverage_percent{"kind":"lines"}=88.5',
      'ai_ci_coverage_percent{"kind":"branches"}=71.25',
      'ai_ci_vulnerabilities{"severity":"critical"}=0',
      'ai_ci_vulnerabilities{"severity":"high"}=2',
      'ai_ci_vulnerabilities{"severity":"medium"}=5',
      'ai_ci_vulnerabilities{"severity":"low"}=1',
      'ai_ci_vulnerabilities{"severity":"unknown"}=0',
      'ai_ci_fix_confidence{}=0.82',
      'ai_ci_llm_calls{"backend":"local"}=3',
      'ai_ci_llm_tokens{"backend":"local","direction":"prompt"}=2400',
      'ai_ci_llm_tokens{"backend":"local","direction":"completion"}=310',
      'ai_ci_llm_cost_usd{}=0',
      'ai_ci_cache_hit_ratio{}=0.25',
    ]);
  });

  it('encode a grouping value with / in base64url, as the Pushgateway requires', () => {
    expect(groupingPath(common)).toBe(
      'job/ai-ci/repo@base64/b2N0by9kZW1v/workflow/CI/branch@base64/ZmVhdHVyZS9tZXRyaWNz',
    );
  });
});

describe('a real Pushgateway', () => {
  const available = pushgatewayAvailable();
  let pg: Pushgateway | undefined;
  beforeAll(async () => {
    if (available) pg = await startPushgateway();
  }, 30_000);
  afterAll(async () => pg?.close());
  const maybe = available ? it : it.skip;

  maybe('shows our series under the grouping key, the per-job label as ci_job', async () => {
    const gw = pg as Pushgateway;
    const logger = recordingLogger();
    const results = await emitToSinks({ ...none, pushgatewayUrl: gw.url }, data, logger);
    expect(results).toEqual([{ sink: 'pushgateway', ok: true, detail: `27 series to ${gw.url}/` }]);
    const lines = (await gw.scrape()).split('\n').filter((l) => l.startsWith('ai_ci_'));
    const group = 'branch="feature/metrics",conclusion="cancelled",event="pull_request"';
    expect(lines).toContain(
      `ai_ci_run_duration_seconds{${group},instance="",job="ai-ci",repo="octo/demo",workflow="CI"} 496`,
    );
    expect(lines).toContain(
      'ai_ci_job_queue_seconds{branch="feature/metrics",ci_job="test (windows-latest)",conclusion="cancelled",event="pull_request",instance="",job="ai-ci",repo="octo/demo",workflow="CI"} 64',
    );
    expect(lines).toContain(
      `ai_ci_tests{${group},instance="",job="ai-ci",repo="octo/demo",status="failed",workflow="CI"} 1`,
    );
    expect(lines.filter((l) => l.startsWith('ai_ci_job_duration_seconds{'))).toHaveLength(3);
    expect(lines).toHaveLength(27);
    // A second push for the same group replaces the first: series do not pile up per run.
    await emitToSinks({ ...none, pushgatewayUrl: gw.url }, { ...data, samples: samples.slice(0, 2) }, logger);
    expect((await gw.scrape()).split('\n').filter((l) => l.startsWith('ai_ci_'))).toHaveLength(2);
  });
});

describe('Datadog and OTLP stand-ins', () => {
  let dd: StandIn;
  let otlp: StandIn;
  beforeAll(async () => {
    dd = await startDatadogStandIn('dd-test-key-0123456789abcdef');
    otlp = await startOtlpStandIn();
  });
  afterAll(async () => {
    await dd.close();
    await otlp.close();
  });

  it('Datadog receives a valid v2 series payload with our names and tags', async () => {
    const logger = recordingLogger();
    const results = await emitToSinks(
      { ...none, datadog: { apiKey: 'dd-test-key-0123456789abcdef', site: dd.url } },
      data,
      logger,
    );
    expect(results.map((r) => [r.sink, r.ok])).toEqual([['datadog', true]]);
    expect(dd.problems).toEqual([]);
    const body = dd.received[dd.received.length - 1].body as {
      series: { metric: string; type: number; points: unknown[]; tags: string[] }[];
    };
    expect(body.series).toHaveLength(27);
    const job = body.series.find(
      (s) => s.metric === 'ai.ci.job.queue.seconds' && s.tags.includes('job:test__windows-latest_'),
    );
    expect(job).toEqual({
      metric: 'ai.ci.job.queue.seconds',
      type: 3,
      points: [{ timestamp: 1795171120, value: 64 }],
      tags: [
        'repo:octo/demo',
        'workflow:ci',
        'branch:feature/metrics',
        'event:pull_request',
        'conclusion:cancelled',
        'job:test__windows-latest_',
      ],
    });
  });

  it('a wrong Datadog key is a warning, not an error', async () => {
    const logger = recordingLogger();
    const results = await emitToSinks(
      { ...none, datadog: { apiKey: 'wrong-key', site: dd.url } },
      data,
      logger,
    );
    expect(results).toEqual([
      {
        sink: 'datadog',
        ok: false,
        detail: `${dd.url}/api/v2/series answered 403: {"errors":["Forbidden"]}`,
      },
    ]);
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('error')).toEqual([]);
  });

  it('OTLP receives the run as one trace: run span, job spans under it, step spans under those', async () => {
    const results = await emitToSinks({ ...none, otlpEndpoint: otlp.url }, data, recordingLogger());
    expect(results.map((r) => [r.sink, r.ok, r.detail])).toEqual([
      ['otlp', true, `10 spans to ${otlp.url}/v1/traces`],
    ]);
    expect(otlp.problems).toEqual([]);
    const body = otlp.received[otlp.received.length - 1].body as OtlpTraces;
    const spans = body.resourceSpans[0].scopeSpans[0].spans;
    const traceId = traceIdFor('octo/demo', RUN_ID, 2);
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([traceId]));
    expect(traceIdFor('octo/demo', RUN_ID, 1)).not.toBe(traceId);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const tree = spans.map((s) => [s.name, s.parentSpanId ? byId.get(s.parentSpanId)?.name : null]);
    expect(tree).toEqual([
      ['RUN CI', null],
      ['test (ubuntu-latest)', 'RUN CI'],
      ['Set up job', 'test (ubuntu-latest)'],
      ['Run npm test', 'test (ubuntu-latest)'],
      ['Complete job', 'test (ubuntu-latest)'],
      ['test (windows-latest)', 'RUN CI'],
      ['Set up job', 'test (windows-latest)'],
      ['Run npm test', 'test (windows-latest)'],
      ['ci-metrics', 'RUN CI'],
      ['Set up job', 'ci-metrics'],
    ]);
    const ns = (iso: string) => String(BigInt(Date.parse(iso)) * 1_000_000n);
    const root = spans[0];
    expect([root.kind, root.startTimeUnixNano, root.endTimeUnixNano]).toEqual([
      2,
      ns('2026-11-20T10:30:00Z'),
      ns('2026-11-20T10:38:40Z'),
    ]);
    const win = spans.find((s) => s.name === 'test (windows-latest)');
    expect([win?.startTimeUnixNano, win?.endTimeUnixNano, win?.status.code]).toEqual([
      ns('2026-11-20T10:31:05Z'),
      ns('2026-11-20T10:33:05Z'),
      2,
    ]);
    expect(win?.attributes).toContainEqual({
      key: 'cicd.pipeline.task.run.result',
      value: { stringValue: 'cancellation' },
    });
    expect(root.attributes).toContainEqual({
      key: 'cicd.pipeline.result',
      value: { stringValue: 'cancellation' },
    });
    const running = spans.find((s) => s.name === 'ci-metrics');
    expect(running?.attributes).toContainEqual({
      key: 'cicd.pipeline.task.run.state',
      value: { stringValue: 'executing' },
    });
    expect(running?.endTimeUnixNano).toBe(ns('2026-11-20T10:38:40Z'));
  });

  it('a sink that is down is a warning, and the others still get the data', async () => {
    const deadPort = await freePort();
    const logger = recordingLogger();
    const before = { dd: dd.received.length, otlp: otlp.received.length };
    const results = await emitToSinks(
      {
        pushgatewayUrl: `http://127.0.0.1:${deadPort}`,
        datadog: { apiKey: 'dd-test-key-0123456789abcdef', site: dd.url },
        otlpEndpoint: otlp.url,
        otlpHeaders: {},
      },
      data,
      logger,
    );
    expect(results.map((r) => [r.sink, r.ok])).toEqual([
      ['pushgateway', false],
      ['datadog', true],
      ['otlp', true],
    ]);
    expect(results[0].detail).toMatch(/ECONNREFUSED/);
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('warning')[0]).toMatch(/^ci-metrics: the pushgateway sink failed/);
    expect([dd.received.length, otlp.received.length]).toEqual([before.dd + 1, before.otlp + 1]);
  });

  it('moves URL credentials into a Basic header and redacts secrets in labels', async () => {
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const secretJob = { ...timing, jobs: [{ ...timing.jobs[1], name: `deploy ${token}` }] };
    const secretSamples = buildSamples(secretJob, reports, usage);
    const u = new URL(otlp.url);
    const results = await emitToSinks(
      {
        ...none,
        otlpEndpoint: `http://ci:p%40ss@${u.host}`,
        datadog: { apiKey: 'dd-test-key-0123456789abcdef', site: dd.url },
      },
      { ...data, samples: secretSamples, timing: secretJob },
      recordingLogger(),
    );
    expect(results.map((r) => [r.sink, r.ok])).toEqual([
      ['datadog', true],
      ['otlp', true],
    ]);
    const last = otlp.received[otlp.received.length - 1];
    expect(last.headers.authorization).toBe(`Basic ${Buffer.from('ci:p@ss').toString('base64')}`);
    const sent = JSON.stringify(last.body) + JSON.stringify(dd.received[dd.received.length - 1].body);
    expect(sent).not.toContain(token);
    expect(sent).toContain('deploy ***');
  });
});
