import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { useGitHubStandIn } from '../standins/github/helper.js';
import type { WorkflowRun } from '../standins/github/model.js';
import { startDatadogStandIn, type StandIn } from './standins.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'reports');

/**
 * The action end to end through `ai-ci run`: the run and its jobs from the GitHub stand-in (a second
 * attempt with a cancelled job and the metrics job still running), two real JUnit reports, a
 * Datadog stand-in, and the insights written from the history the run itself recorded.
 */
describe('ci-metrics through ai-ci run', () => {
  const gh = useGitHubStandIn();
  let ws: string;
  let cache: string;
  let dd: StandIn;

  beforeAll(async () => {
    ws = mkdtempSync(join(tmpdir(), 'ai-ci-metrics-'));
    cache = mkdtempSync(join(tmpdir(), 'ai-ci-metrics-cache-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    writeFileSync(join(ws, 'README.md'), '# demo\n');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    mkdirSync(join(ws, 'reports'));
    copyFileSync(join(FIXTURES, 'jest-junit.xml'), join(ws, 'reports', 'jest-junit.xml'));
    copyFileSync(join(FIXTURES, 'surefire-rerun.xml'), join(ws, 'reports', 'surefire-rerun.xml'));
    dd = await startDatadogStandIn('dd-e2e-key-0123456789abcdef');
  });
  afterAll(async () => {
    await dd.close();
    rmSync(ws, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  function seedRun(): WorkflowRun {
    const s = gh().state;
    const repo = s.repo('octo', 'demo');
    const run = s.addWorkflowRun(repo, {
      name: 'CI',
      headBranch: 'main',
      jobs: [
        { name: 'test (ubuntu-latest)', steps: ['Set up job', 'Run npm test'] },
        { name: 'test (windows-latest)', conclusion: 'cancelled', steps: ['Set up job', 'Run npm test'] },
        { name: 'ci-metrics', conclusion: null, steps: ['Set up job', 'Run ci-metrics'] },
      ],
    });
    // The second attempt, observed from its last job: the stand-in serves these fields as GitHub does.
    run.runAttempt = 2;
    run.status = 'in_progress';
    run.conclusion = null;
    run.createdAt = '2026-11-20T10:30:00Z';
    const [ubuntu, windows, metrics] = run.jobs;
    Object.assign(ubuntu, { startedAt: '2026-11-20T10:30:46Z', completedAt: '2026-11-20T10:38:16Z' });
    Object.assign(windows, { startedAt: '2026-11-20T10:31:05Z', completedAt: '2026-11-20T10:33:05Z' });
    Object.assign(metrics, {
      status: 'in_progress',
      conclusion: null,
      startedAt: '2026-11-20T10:38:30Z',
      completedAt: null,
    });
    metrics.steps = metrics.steps.map((st) => ({ ...st, status: 'in_progress', conclusion: null }));
    return run;
  }

  it('measures the attempt, writes metrics.json and insights, and feeds Datadog', async () => {
    const run = seedRun();
    const r = await runCli(
      [
        'run',
        'ci-metrics',
        '--repo',
        ws,
        '--repository',
        'octo/demo',
        '--json',
        '--input',
        'reports=reports/*.xml',
        '--input',
        `datadog-site=${dd.url}`,
        '--input',
        'insights=true',
        '--input',
        'llm=false',
      ],
      {
        env: {
          GITHUB_TOKEN: 'ghs_standin_token',
          GITHUB_API_URL: gh().url,
          GITHUB_RUN_ID: String(run.id),
          GITHUB_RUN_ATTEMPT: '2',
          GITHUB_WORKFLOW: 'CI',
          DATADOG_API_KEY: 'dd-e2e-key-0123456789abcdef',
          AI_CI_CACHE_DIR: cache,
          REDIS_URL: undefined,
          PROMETHEUS_GATEWAY: undefined,
          OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
        },
      },
    );
    expect([r.code, r.stderr.includes('Error') ? r.stderr : '']).toEqual([0, '']);
    const j = r.json!;
    expect(j.outputs).toEqual({
      'metrics-path': 'ci_metrics/metrics.json',
      'insights-path': 'ci_metrics/ci_insights.md',
      'duration-seconds': '496',
      'queue-seconds': '46',
      'flake-rate': '0.1538',
    });
    const report = JSON.parse(readFileSync(join(ws, 'ci_metrics', 'metrics.json'), 'utf8')) as Record<
      string,
      unknown
    > & {
      metrics: Record<string, unknown>;
    };
    expect(report.type).toBe('ai-ci/metrics');
    expect(report.workflow_run_id).toBe(String(run.id));
    expect(report.job_statuses).toEqual({
      'test (ubuntu-latest)': 'success',
      'test (windows-latest)': 'cancelled',
      'ci-metrics': 'in_progress',
    });
    expect(report.metrics).toMatchObject({
      duration_seconds: 496,
      queue_seconds: 46,
      rerun_count: 1,
      has_flaky_tests: true,
      flaky_tests: 2,
      tests: { total: 13, passed: 6, failed: 6, skipped: 1 },
    });
    expect(report.unfinished_jobs).toEqual(['ci-metrics']);
    expect(report.sinks).toEqual([
      { sink: 'datadog', ok: true, detail: `12 series to ${dd.url}/api/v2/series` },
    ]);
    expect(dd.problems).toEqual([]);
    // The stand-in saw only the two reads, the jobs with filter=latest.
    expect(gh().calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /repos/octo/demo/actions/runs/${run.id}`,
      `GET /repos/octo/demo/actions/runs/${run.id}/jobs?filter=latest&per_page=100`,
    ]);
    const md = readFileSync(join(ws, 'ci_metrics', 'ci_insights.md'), 'utf8');
    expect(md).toContain('# CI insights — octo/demo');
    expect(md).toContain('1 runs from');
    expect(j.summary).toContain('| test (windows-latest) | cancelled | 0 s | 2.0 min |');
    expect(j.summary).toContain('| ci-metrics | in_progress | 0 s | — |');
  }, 60_000);

  it('without a token and with every sink down, still succeeds with warnings', async () => {
    const { freePort } = await import('./pushgateway.js');
    const dead = `http://127.0.0.1:${await freePort()}`;
    const r = await runCli(
      [
        'run',
        'ci-metrics',
        '--repo',
        ws,
        '--repository',
        'octo/demo',
        '--json',
        '--input',
        'reports=reports/*.xml',
        '--input',
        'insights=false',
      ],
      {
        env: {
          GITHUB_TOKEN: undefined,
          GITHUB_API_URL: gh().url,
          PROMETHEUS_GATEWAY: dead,
          DATADOG_API_KEY: 'dd-e2e-key-0123456789abcdef',
          DD_SITE: dead,
          OTEL_EXPORTER_OTLP_ENDPOINT: dead,
          AI_CI_CACHE_DIR: cache,
          REDIS_URL: undefined,
        },
      },
    );
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.outcome).toBe('success');
    expect(j.outputs['duration-seconds']).toBe('');
    expect(j.outputs['insights-path']).toBe('');
    expect(j.outputs['flake-rate']).toBe('0.1538');
    const warnings = j.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings.filter((w) => /sink failed/.test(w)).map((w) => w.split(' ')[2])).toEqual([
      'pushgateway',
      'datadog',
    ]);
    // No run was measured (no token), so no trace is invented for it.
    expect(warnings.some((w) => w.includes('otlp'))).toBe(false);
    expect(warnings.some((w) => w.includes('run and job timings are not measured'))).toBe(true);
    expect(gh().calls).toEqual([]);
  }, 60_000);
});
