/**
 * Fault matrix, ci-metrics: the Pushgateway down, GitHub API faults on the run and jobs reads,
 * Redis down at start / stopped / killed mid-run, the Actions cache service answering 5xx, and
 * the Ollama faults of the insights narrative, each through `ai-ci run` against the real
 * Pushgateway, a real redis-server and the GitHub, Actions-cache and Ollama stand-ins.
 * Expected: exit 0, the same metrics as a fault-free run (metrics.json and the outputs), a
 * warning naming the degraded service, and every run recorded during a Redis outage in Redis
 * once it is back.
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayKey, loadHistory, type DayRecord } from '../../src/actions/ci-metrics/history.js';
import type { MetricsReport } from '../../src/actions/ci-metrics/run.js';
import { openStore, type Store } from '../../src/core/cache/index.js';
import { recordingLogger } from '../../src/core/logger.js';
import { generateHistory } from '../ci-metrics/history-fixture.js';
import { pushgatewayAvailable, startPushgateway, type Pushgateway } from '../ci-metrics/pushgateway.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { describeWithRedis, freePort, RedisServer } from '../helpers/redis-server.js';
import { ActionsCacheStandIn } from '../standins/actions-cache/server.js';
import { startGitHubStandIn, type GitHubStandIn } from '../standins/github/server.js';
import { startOllamaStandIn, type OllamaStandIn, type Script } from '../standins/ollama/server.js';
import { CellRecorder, warningMessages, shortList } from './matrix-record.js';

jest.setTimeout(120_000);
const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'reports');
const REPO = 'octo/demo';
const rec = new CellRecorder('ci-metrics');
afterAll(() => rec.write());

/** Short, explicit timeouts and retry units: a fault costs well under a second. */
const FAST = {
  AI_CI_REDIS_CONNECT_TIMEOUT_MS: '600',
  AI_CI_REDIS_COMMAND_TIMEOUT_MS: '600',
  AI_CI_REDIS_QUIT_TIMEOUT_MS: '300',
  AI_CI_LLM_LOCAL_TIMEOUT_MS: '2500',
  AI_CI_LLM_PROBE_TIMEOUT_MS: '1000',
  AI_CI_LLM_RETRY_BASE_MS: '1',
  // GitHub's waits (Retry-After: 1, retry back-off) in units of 50 ms instead of 1 s.
  AI_CI_GITHUB_RETRY_UNIT_MS: '50',
};
const NARRATIVE = 'Build time rose to 14 min; look at the test matrix first.';
const ANSWER: Script = { kind: 'answer', content: NARRATIVE };
type Env = Record<string, string | undefined>;

/** What a run measured: everything in metrics.json but the time, the run's ids, the sinks and problems. */
function measured(report: MetricsReport) {
  const { labels, metrics, job_statuses, unfinished_jobs, series, sources, run_attempt } = report;
  const jobs = report.jobs.map(({ id: _id, ...j }) => j);
  return { labels, metrics, job_statuses, jobs, unfinished_jobs, series, sources, run_attempt };
}

/** The insights without what an LLM or the clock writes: the summary section and the "Generated" time. */
const insightsFacts = (md: string) =>
  md.replace(/\n## Summary\n[\s\S]*?\n## KPIs\n/, '\n## KPIs\n').replace(/ Generated \S+\./, '');
const summaryOf = (md: string) => /\n## Summary\n\n([\s\S]*?)\n\n## KPIs\n/.exec(md)?.[1] ?? '';

/**
 * An HTTP proxy in front of `target` that runs `hook` once, on the first request, and forwards
 * that request only after the hook is done: a fault placed exactly between two steps of a run.
 */
async function hookedProxy(target: string, hook: () => Promise<void>) {
  let once: Promise<void> | undefined;
  const t = new URL(target);
  const server = http.createServer((req, res) => {
    once ??= hook();
    void once.then(() => {
      const up = http.request(
        {
          host: t.hostname,
          port: t.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: t.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hooked: () => once !== undefined,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const describeIf = pushgatewayAvailable() ? describeWithRedis : describe.skip;

describeIf('fault matrix: ci-metrics', () => {
  let redis: RedisServer;
  let gh: GitHubStandIn;
  let pg: Pushgateway;
  let ollama: OllamaStandIn;
  let ws: string;
  const dirs: string[] = [];
  let reference: { measured: ReturnType<typeof measured>; outputs: Record<string, string> };

  beforeAll(async () => {
    [redis, gh, pg, ollama] = await Promise.all([
      RedisServer.start(),
      startGitHubStandIn(),
      startPushgateway(),
      startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] }),
    ]);
    ws = tempDir('ai-ci-hard-metrics-');
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
  });
  afterAll(async () => {
    await Promise.all([redis?.destroy(), gh?.close(), pg?.close(), ollama?.close()]);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  beforeEach(() => ollama.respondWith(() => ANSWER));
  // Every request the action sent must conform to GitHub's OpenAPI description.
  afterEach(() => gh.assertNoFailures());

  function tempDir(prefix: string): string {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  }

  /** The second attempt of a run, observed from its last job (as the ci-metrics e2e test seeds it). */
  function seedRun(): number {
    const s = gh.state;
    const run = s.addWorkflowRun(s.repo('octo', 'demo'), {
      name: 'CI',
      headBranch: 'main',
      jobs: [
        { name: 'test (ubuntu-latest)', steps: ['Set up job', 'Run npm test'] },
        { name: 'test (windows-latest)', conclusion: 'cancelled', steps: ['Set up job', 'Run npm test'] },
        { name: 'ci-metrics', conclusion: null, steps: ['Set up job', 'Run ci-metrics'] },
      ],
    });
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
    return run.id;
  }

  interface Metrics {
    r: CliRun;
    runId: number;
    report: MetricsReport;
    insights?: string;
  }

  async function ciMetrics(
    env: Env,
    opts: { insights?: boolean; cache?: string; runId?: number } = {},
  ): Promise<Metrics> {
    const runId = opts.runId ?? seedRun();
    rmSync(join(ws, 'ci_metrics'), { recursive: true, force: true });
    const r = await runCli(
      ['run', 'ci-metrics', '--repo', ws, '--repository', REPO, '--json'].concat([
        '--input',
        'reports=reports/*.xml',
        '--input',
        `insights=${opts.insights ?? false}`,
      ]),
      {
        env: {
          GITHUB_TOKEN: 'ghs_standin_token',
          GITHUB_API_URL: gh.url,
          GITHUB_RUN_ID: String(runId),
          GITHUB_RUN_ATTEMPT: '2',
          GITHUB_WORKFLOW: 'CI',
          PROMETHEUS_GATEWAY: pg.url,
          DATADOG_API_KEY: undefined,
          DD_API_KEY: undefined,
          OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
          AI_CI_CACHE_DIR: opts.cache ?? tempDir('ai-ci-hard-metrics-cache-'),
          REDIS_URL: redis.url,
          REDIS_CLUSTER_NODES: undefined,
          REDIS_SENTINELS: undefined,
          ACTIONS_RUNTIME_TOKEN: undefined,
          ACTIONS_CACHE_URL: undefined,
          ACTIONS_RESULTS_URL: undefined,
          ACTIONS_CACHE_SERVICE_V2: undefined,
          OLLAMA_LOCAL_URL: ollama.url,
          OLLAMA_CLOUD_API_KEY: undefined,
          AI_CI_LLM: undefined,
          ...FAST,
          ...env,
        },
      },
    );
    const out = join(ws, 'ci_metrics');
    const report = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as MetricsReport;
    const insights = opts.insights ? readFileSync(join(out, 'ci_insights.md'), 'utf8') : undefined;
    return { r, runId, report, insights };
  }

  /** The store as the action opens it, on Redis alone (an empty file tier behind it). */
  async function inRedis<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const logger = recordingLogger();
    const store = await openStore({
      action: 'ci-metrics',
      repo: REPO,
      logger,
      env: { REDIS_URL: redis.url, AI_CI_CACHE_DIR: tempDir('ai-ci-hard-metrics-peek-') },
    });
    try {
      if (store.tier !== 'redis') throw new Error(`Redis not reachable: ${logger.messages().join('; ')}`);
      return await fn(store);
    } finally {
      await store.close();
    }
  }
  /** Run ids (with attempt) of today's and yesterday's history in Redis. */
  const historyInRedis = () =>
    inRedis(async (s) =>
      (await loadHistory(s, new Date(), 2)).flatMap((d) => d.runs.map((x) => `${x.runId}#${x.attempt}`)),
    );

  const faultedCalls = (from: number) => gh.calls.slice(from).filter((c) => c.injected).length;

  it('fault-free run: the reference metrics, pushed and recorded', async () => {
    const c = rec.cell(
      'ci-metrics',
      'none (reference)',
      'exit 0, run timed (496 s, queue 46 s), series in the Pushgateway, run in the Redis history, no warning',
    );
    const { r, runId, report } = await ciMetrics({});
    reference = { measured: measured(report), outputs: r.json?.outputs ?? {} };
    const scraped = (await pg.scrape())
      .split('\n')
      .filter((l) => l.startsWith('ai_ci_run_duration_seconds{'));
    const history = await historyInRedis();
    c.observe(
      `exit ${r.code}, duration ${r.json?.outputs['duration-seconds']} s, queue ${r.json?.outputs['queue-seconds']} s, ` +
        `flake rate ${r.json?.outputs['flake-rate']}, Pushgateway: ${scraped.length} run duration series, ` +
        `Redis history: ${history.length} run(s), warnings: ${shortList(warningMessages(r))}`,
    );
    expect(r.code).toBe(0);
    expect(r.json?.outputs).toEqual({
      'metrics-path': 'ci_metrics/metrics.json',
      'insights-path': '',
      'duration-seconds': '496',
      'queue-seconds': '46',
      'flake-rate': '0.1538',
    });
    expect(report.metrics).toMatchObject({ tests: { total: 13, passed: 6, failed: 6, skipped: 1 } });
    expect(report.sinks).toEqual([
      { sink: 'pushgateway', ok: true, detail: `${report.series.length} series to ${pg.url}/` },
    ]);
    expect(scraped.map((l) => l.split(' ').at(-1))).toEqual(['496']);
    expect(history).toEqual([`${runId}#2`]);
    expect(warningMessages(r)).toEqual([]);
    c.passed();
  });

  /** A cell whose metrics must equal the reference's; returns the run for further checks. */
  async function sameMetrics(
    fault: string,
    expected: string,
    go: () => Promise<Metrics>,
    check: (m: Metrics, w: string[]) => { seen?: string; verify: () => void },
  ): Promise<Metrics> {
    const c = rec.cell('ci-metrics', fault, expected);
    if (!reference) throw new Error('needs the reference cell');
    const m = await go();
    const w = warningMessages(m.r);
    const same = JSON.stringify(measured(m.report)) === JSON.stringify(reference.measured);
    const { seen, verify } = check(m, w);
    c.observe(
      `exit ${m.r.code}, metrics ${same ? 'identical' : 'DIFFERENT'}, ${seen ? `${seen}, ` : ''}warnings: ${shortList(w)}`,
    );
    expect(m.r.code).toBe(0);
    expect(m.r.json?.outcome).toBe('success');
    expect(measured(m.report)).toEqual(reference.measured);
    expect(m.r.json?.outputs).toEqual(reference.outputs);
    verify();
    c.passed();
    return m;
  }

  it('Pushgateway down', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    await sameMetrics(
      'Pushgateway down',
      'exit 0, metrics.json written with the same metrics, the sink failure in it and as a warning',
      () => ciMetrics({ PROMETHEUS_GATEWAY: dead }),
      (m, w) => ({
        seen: `metrics.json sinks: ${JSON.stringify(m.report.sinks).slice(0, 90)}`,
        verify: () => {
          expect(m.report.sinks).toHaveLength(1);
          expect(m.report.sinks[0]).toMatchObject({ sink: 'pushgateway', ok: false });
          expect(w.some((x) => /sink failed/.test(x) && x.includes('pushgateway'))).toBe(true);
        },
      }),
    );
  });

  const RUN = 'actions/get-workflow-run';
  const JOBS = 'actions/list-jobs-for-workflow-run';
  /** [fault, which read, the faults injected (all answered, then the retry succeeds), the warning expected] */
  const githubCells: Array<[string, string, number, () => void, RegExp | undefined]> = [
    ['GitHub API 500', 'the run read', 1, () => gh.failNext(500, 1, { operationId: RUN }), undefined],
    ['GitHub API 502 (x2)', 'the jobs read', 2, () => gh.failNext(502, 2, { operationId: JOBS }), undefined],
    [
      'GitHub 403 primary rate limit',
      'the run read',
      1,
      () => gh.rateLimitNext('primary', 1, { operationId: RUN, retryAfterS: 1 }),
      /primary rate limit/,
    ],
    [
      'GitHub 403 secondary rate limit',
      'the jobs read',
      1,
      () => gh.rateLimitNext('secondary', 1, { operationId: JOBS, retryAfterS: 1 }),
      /secondary rate limit/,
    ],
  ];
  for (const [fault, where, expectedFaults, inject, warning] of githubCells) {
    it(`${fault} on ${where}`, async () => {
      const from = gh.calls.length;
      await sameMetrics(
        `${fault} (${where})`,
        `exit 0, same metrics after the retry${warning ? ', a rate-limit warning' : ''}`,
        () => {
          inject();
          return ciMetrics({});
        },
        (_m, w) => ({
          seen: `GitHub answered ${gh.calls
            .slice(from)
            .map((x) => x.status)
            .join(',')}`,
          verify: () => {
            expect(faultedCalls(from)).toBe(expectedFaults);
            if (warning) expect(w.some((x) => warning.test(x))).toBe(true);
          },
        }),
      );
    });
  }

  it('GitHub API 500 that outlasts the retries', async () => {
    const c = rec.cell(
      'ci-metrics',
      'GitHub API 500 on every retry (run read)',
      'exit 0, run timings reported as not measured, test metrics unchanged, a warning',
    );
    const from = gh.calls.length;
    // Octokit tries a 5xx four times (three retries): exactly that many faults, none left over.
    gh.failNext(500, 4, { operationId: RUN });
    const { r, report } = await ciMetrics({});
    const w = warningMessages(r);
    const tries = gh.calls.slice(from).length;
    c.observe(
      `exit ${r.code}, ${tries} tries all 500, duration '${r.json?.outputs['duration-seconds']}', ` +
        `tests ${JSON.stringify(report.metrics.tests)}, warnings: ${shortList(w)}`,
    );
    expect(r.code).toBe(0);
    expect(tries).toBe(4);
    expect(faultedCalls(from)).toBe(4);
    expect(r.json?.outputs).toEqual({
      ...reference.outputs,
      'duration-seconds': '',
      'queue-seconds': '',
    });
    expect(report.metrics.duration_seconds).toBeNull();
    expect(report.jobs).toEqual([]);
    expect(report.metrics.tests).toEqual(reference.measured.metrics.tests);
    expect(report.metrics.flaky_tests).toBe(reference.measured.metrics.flaky_tests);
    expect(report.problems.some((p) => p.startsWith('the workflow run could not be read'))).toBe(true);
    expect(w.some((x) => /workflow run could not be read/.test(x))).toBe(true);
    c.passed();
  });

  // The Redis outages share one file cache, as the runs of one runner would: what they record
  // while Redis is away must reach Redis when a later run finds it back.
  let outageCache: string;
  const outageRuns: string[] = [];
  const redisWarning = (w: string[]) => expect(w.some((x) => /Redis/.test(x))).toBe(true);

  it('Redis killed mid-run', async () => {
    outageCache = tempDir('ai-ci-hard-metrics-outage-');
    // The store is open (connected) before the run is read from GitHub; the usage read and the
    // history write come after it. Redis dies while GitHub's first answer is held back.
    const proxy = await hookedProxy(gh.url, () => redis.kill());
    try {
      const m = await sameMetrics(
        'Redis killed mid-run',
        'exit 0, same metrics, a Redis warning',
        () => ciMetrics({ GITHUB_API_URL: proxy.url }, { cache: outageCache }),
        (_m, w) => ({
          seen: `Redis ${redis.running ? 'STILL RUNNING' : 'killed'} on the action's first GitHub read`,
          verify: () => {
            expect(proxy.hooked()).toBe(true);
            expect(redis.running).toBe(false);
            redisWarning(w);
          },
        }),
      );
      outageRuns.push(`${m.runId}#2`);
    } finally {
      await proxy.close();
    }
  });

  it('Redis down at start', async () => {
    const port = await freePort();
    const m = await sameMetrics(
      'Redis down at start',
      'exit 0, same metrics, a Redis warning',
      () => ciMetrics({ REDIS_URL: `redis://127.0.0.1:${port}` }, { cache: outageCache }),
      (_m, w) => ({ verify: () => redisWarning(w) }),
    );
    outageRuns.push(`${m.runId}#2`);
  });

  it('Redis slow (server stopped, > command timeout)', async () => {
    await redis.restart();
    const pid = Number(/process_id:(\d+)/.exec(await redis.command(['INFO', 'server']))![1]);
    process.kill(pid, 'SIGSTOP');
    try {
      const m = await sameMetrics(
        'Redis slow (> command timeout)',
        'exit 0, same metrics, a Redis warning',
        () => ciMetrics({}, { cache: outageCache }),
        (_m, w) => ({ verify: () => redisWarning(w) }),
      );
      outageRuns.push(`${m.runId}#2`);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  it('Redis back: the runs recorded during the outages reach Redis', async () => {
    const c = rec.cell(
      'ci-metrics',
      'Redis back after outages',
      'the Redis history holds the runs of the three outages (killed, down, slow) and this one',
    );
    if (outageRuns.length !== 3) throw new Error('needs the three outage cells');
    const { r, runId } = await ciMetrics({}, { cache: outageCache });
    const history = await historyInRedis();
    c.observe(
      `exit ${r.code}, Redis history: ${history.join(', ')}, warnings: ${shortList(warningMessages(r))}`,
    );
    expect(r.code).toBe(0);
    expect(history.sort()).toEqual([...outageRuns, `${runId}#2`].sort());
    c.passed();
  });

  it('Actions cache service 5xx (no Redis)', async () => {
    const svc = await new ActionsCacheStandIn().start();
    try {
      // Every attempt of the restore fails (@actions/cache tries five times, 3 s apart growing
      // by 1.5x: ~24 s that no setting shortens); the save at the end then succeeds.
      svc.fail('GetCacheEntryDownloadURL', 500, 5);
      await sameMetrics(
        'Actions cache service 5xx',
        'exit 0, same metrics, a cache warning, the bundle saved at the end',
        () => ciMetrics({ ...svc.env(), REDIS_URL: undefined }),
        (_m, w) => {
          const faulted = svc.requests.filter((q) => q.status >= 500).length;
          return {
            seen: `${faulted} 5xx answered, ${svc.keys().length} bundle saved at the end`,
            verify: () => {
              expect(faulted).toBe(5);
              expect(w.some((x) => /restore/i.test(x) && /cache/i.test(x))).toBe(true);
              // The history went to the Actions cache tier: its bundle was saved at the end.
              expect(svc.keys()).toHaveLength(1);
            },
          };
        },
      );
    } finally {
      await svc.stop();
    }
  });

  // The insights (a scheduled run): 60 days of history in Redis, the narrative from the model.
  describe('insights narrative (LLM)', () => {
    let insightsRef: { measured: ReturnType<typeof measured>; facts: string; runs: number };

    /** Redis emptied and seeded with 60 days ending yesterday: every cell reads the same history. */
    beforeEach(async () => {
      if (!redis.running) await redis.restart();
      await redis.command(['FLUSHALL']);
      const days = generateHistory({ changeDay: 45 });
      const shift = Date.parse(new Date().toISOString().slice(0, 10)) - 86400_000 * days.length;
      const first = Date.parse(days[0].date);
      const moved: DayRecord[] = days.map((d) => {
        const date = new Date(Date.parse(d.date) - first + shift).toISOString().slice(0, 10);
        const runs = d.runs.map((x) => ({
          ...x,
          sha: '',
          time: new Date(Date.parse(x.time) - first + shift).toISOString(),
        }));
        return { date, runs };
      });
      await inRedis(async (s) => {
        for (const d of moved) await s.set(dayKey(d.date), JSON.stringify(d), 90 * 86400);
      });
    });

    const insightsRun = (env: Env) => ciMetrics(env, { insights: true });

    it('fault-free: the narrative written by the model', async () => {
      const c = rec.cell(
        'ci-metrics',
        'none (insights reference)',
        'exit 0, ci_insights.md over the seeded history, summary written by the model, no warning',
      );
      const before = ollama.modelRequests().length;
      const { r, report, insights } = await insightsRun({});
      const md = insights!;
      const runs = Number(/^(\d+) runs from/m.exec(md)?.[1]);
      insightsRef = { measured: measured(report), facts: insightsFacts(md), runs };
      c.observe(
        `exit ${r.code}, ${runs} runs in the insights, summary: "${summaryOf(md).slice(0, 60)}", ` +
          `${ollama.modelRequests().length - before} model request(s), warnings: ${shortList(warningMessages(r))}`,
      );
      expect(r.code).toBe(0);
      expect(r.json?.outputs['insights-path']).toBe('ci_metrics/ci_insights.md');
      // The 30-day window: 29 seeded days of three runs, and this run today.
      expect(runs).toBe(29 * 3 + 1);
      expect(summaryOf(md)).toBe(NARRATIVE);
      expect(measured(report)).toEqual(reference.measured);
      expect(warningMessages(r)).toEqual([]);
      c.passed();
    });

    async function llmCell(fault: string, env: Env = {}): Promise<void> {
      const c = rec.cell(
        'ci-metrics',
        fault,
        'exit 0, same metrics and insights facts, the summary from the template, an LLM warning',
      );
      if (!insightsRef) throw new Error('needs the insights reference cell');
      const { r, report, insights } = await insightsRun(env);
      const md = insights!;
      const w = warningMessages(r);
      const summary = summaryOf(md);
      const same = insightsFacts(md) === insightsRef.facts;
      c.observe(
        `exit ${r.code}, insights facts ${same ? 'identical' : 'DIFFERENT'}, summary: "${summary.slice(0, 60)}…", ` +
          `warnings: ${shortList(w)}`,
      );
      expect(r.code).toBe(0);
      expect(measured(report)).toEqual(insightsRef.measured);
      expect(insightsFacts(md)).toBe(insightsRef.facts);
      expect(summary.startsWith(`${insightsRef.runs} runs over `)).toBe(true);
      expect(summary).toMatch(/\n\n_Written without an LLM \(.+\)\._$/);
      expect(w.some((x) => /LLM/.test(x))).toBe(true);
      c.passed();
    }

    it('Ollama down', async () => {
      await llmCell('Ollama down', { OLLAMA_LOCAL_URL: `http://127.0.0.1:${await freePort()}` });
    });
    it('Ollama slow (> request timeout)', async () => {
      ollama.respondWith(() => ({ kind: 'delay', ms: 6000, then: ANSWER }));
      await llmCell('Ollama slow (> timeout)');
    });
    it('Ollama answers invalid JSON', async () => {
      ollama.respondWith(() => ({ kind: 'invalid-json' }));
      await llmCell('Ollama invalid JSON');
    });
    it('Ollama stream cut mid-answer', async () => {
      ollama.respondWith(() => ({ kind: 'drop-mid-stream', contentBefore: 'Build time rose' }));
      await llmCell('Ollama stream cut mid-answer');
    });

    it('Ollama 429 with Retry-After: the retry gets the answer', async () => {
      // A 429 that the retry after Retry-After answers is not a degradation: the model's summary.
      const c = rec.cell(
        'ci-metrics',
        'Ollama 429 + Retry-After: 1',
        'exit 0, same metrics and insights facts, the model summary after one retry',
      );
      ollama.enqueue({ kind: 'error', status: 429, message: 'too many requests', retryAfter: '1' });
      const before = ollama.modelRequests().length;
      const { r, report, insights } = await insightsRun({});
      const md = insights!;
      const calls = ollama.modelRequests().length - before;
      c.observe(
        `exit ${r.code}, ${calls} model requests (1 answered 429), summary: "${summaryOf(md).slice(0, 60)}"`,
      );
      expect(r.code).toBe(0);
      expect(measured(report)).toEqual(insightsRef.measured);
      expect(insightsFacts(md)).toBe(insightsRef.facts);
      expect(summaryOf(md)).toBe(NARRATIVE);
      expect(calls).toBe(2);
      c.passed();
    });
  });
});
