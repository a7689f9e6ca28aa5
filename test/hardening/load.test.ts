/**
 * Load: many `ai-ci run` processes at once against one real Redis.
 * - ai-triage and adaptive-gate, AI_CI_LOAD_RUNS of each (10 by default; `npm run bench` sets 50):
 *   every test outcome and every baseline run recorded exactly once, and the decision-cache
 *   counters exact (hits + misses = lookups; misses = model calls made).
 * - pr-feedback, AI_CI_LOAD_PR_RUNS concurrent runs on one PR (10 by default, 20 in the bench):
 *   exactly one comment, with the newest run's content.
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/core/cache/index.js';
import { decisionStats } from '../../src/core/cache/decision-cache.js';
import type { Baseline, TestHistory } from '../../src/core/baseline/schema.js';
import { recordingLogger } from '../../src/core/logger.js';
import { runCli } from '../helpers/cli.js';
import { describeWithRedis, RedisServer } from '../helpers/redis-server.js';
import { useGitHubStandIn } from '../standins/github/helper.js';
import { startOllamaStandIn, type OllamaStandIn } from '../standins/ollama/server.js';
import { COVERAGE, REPOSITORY as GATE_REPO, ScratchRepo } from '../adaptive-gate/scratch-repo.js';
import { CellRecorder } from './matrix-record.js';

const RUNS = Number(process.env.AI_CI_LOAD_RUNS ?? 10);
const PR_RUNS = Number(process.env.AI_CI_LOAD_PR_RUNS ?? 10);
jest.setTimeout(60_000 + RUNS * 40_000);
const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const TRIAGE_REPO = 'acme/load';
const rec = new CellRecorder('load');
afterAll(() => rec.write());
const eventFiles: string[] = [];
afterAll(() => eventFiles.forEach((f) => rmSync(f, { force: true })));

describeWithRedis('load: concurrent ai-triage and adaptive-gate on one Redis', () => {
  let redis: RedisServer;
  let ollama: OllamaStandIn;
  const tmp: string[] = [];
  let gate: ScratchRepo;

  beforeAll(async () => {
    redis = await RedisServer.start();
    ollama = await startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] });
    ollama.respondWith(() => ({
      kind: 'answer',
      content: JSON.stringify({
        summary: 'The cart code is wrong.',
        explanation: 'Because.',
        suggested_fix: 'Fix cart.js.',
        files: ['cart.js'],
        confidence: 0.9,
      }),
    }));
    gate = new ScratchRepo();
    gate.commitVersion('v1');
    gate.placeCoverage('v1');
  });
  afterAll(async () => {
    await ollama?.close();
    await redis?.destroy();
    gate?.destroy();
    for (const d of tmp) rmSync(d, { recursive: true, force: true });
  });

  function triageRun(i: number) {
    const ws = mkdtempSync(join(tmpdir(), 'ai-ci-load-triage-'));
    const cache = mkdtempSync(join(tmpdir(), 'ai-ci-load-cache-'));
    tmp.push(ws, cache);
    mkdirSync(join(ws, 'logs'));
    for (const f of ['fail.gh.log', 'report.json'])
      copyFileSync(join(FIX, 'logs', 'jest', f), join(ws, 'logs', f));
    return runCli(
      ['run', 'ai-triage', '--repo', ws, '--repository', TRIAGE_REPO, '--json']
        .concat(['--input', 'logs=logs/fail.gh.log', '--input', 'reports=logs/report.json'])
        .concat(['--input', 'history-window=1000']),
      {
        env: {
          AI_CI_CACHE_DIR: cache,
          REDIS_URL: redis.url,
          OLLAMA_LOCAL_URL: ollama.url,
          OLLAMA_CLOUD_API_KEY: undefined,
          GITHUB_TOKEN: undefined,
          ACTIONS_RESULTS_URL: undefined,
          ACTIONS_CACHE_URL: undefined,
          GITHUB_RUN_ID: String(5000 + i),
          // Loaded 2-core machine: generous Redis timeouts, so a slow answer is not an outage.
          AI_CI_REDIS_COMMAND_TIMEOUT_MS: '10000',
          AI_CI_REDIS_CONNECT_TIMEOUT_MS: '10000',
          AI_CI_LLM_RETRY_BASE_MS: '1',
        },
      },
    );
  }

  it(`${RUNS} triage runs and ${RUNS} gate runs at once: every outcome and baseline run exactly once, exact counters`, async () => {
    const c = rec.cell(
      'ai-triage + adaptive-gate',
      `load: ${RUNS} + ${RUNS} concurrent runs, one Redis`,
      `all exit 0; each test has ${RUNS} outcomes (one per run); baseline holds ${RUNS} runs; hits + misses = ${4 * RUNS}, misses = model calls`,
    );
    const before = ollama.modelRequests().length;
    const runs = await Promise.all([
      ...Array.from({ length: RUNS }, (_, i) => triageRun(i)),
      ...Array.from({ length: RUNS }, (_, i) =>
        gate.run(
          { ...COVERAGE, 'baseline-window': '1000' },
          {
            runId: String(8000 + i),
            env: {
              REDIS_URL: redis.url,
              AI_CI_REDIS_COMMAND_TIMEOUT_MS: '10000',
              AI_CI_REDIS_CONNECT_TIMEOUT_MS: '10000',
            },
          },
        ),
      ),
    ]);
    const modelCalls = ollama.modelRequests().length - before;
    const codes = runs.map((r) => r.code);
    const triageStore = await openStore({
      action: 'ai-triage',
      repo: TRIAGE_REPO,
      logger: recordingLogger(),
      env: { REDIS_URL: redis.url, AI_CI_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ai-ci-load-read-')) },
    });
    const gateStore = await openStore({
      action: 'adaptive-gate',
      repo: GATE_REPO,
      logger: recordingLogger(),
      env: { REDIS_URL: redis.url, AI_CI_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ai-ci-load-read-')) },
    });
    try {
      expect([triageStore.tier, gateStore.tier]).toEqual(['redis', 'redis']);
      const history = JSON.parse((await triageStore.get('test-history'))!) as TestHistory;
      const perTest = Object.values(history.tests).map((o) => new Set(o.map((x) => x.runId)).size);
      const outcomeCounts = Object.values(history.tests).map((o) => o.length);
      const baseline = JSON.parse((await gateStore.get('baseline'))!) as Baseline;
      const baselineIds = baseline.runs.map((r) => `${r.runId}#${r.attempt}`);
      const stats = (await decisionStats(triageStore, 'ai-triage')).actions[0];
      c.observe(
        `exit codes ${[...new Set(codes)].join(',')}; ${Object.keys(history.tests).length} tests with ` +
          `${[...new Set(outcomeCounts)].join('/')} outcomes each (${[...new Set(perTest)].join('/')} distinct runs); ` +
          `baseline ${baselineIds.length} runs (${new Set(baselineIds).size} distinct); ` +
          `decision cache hits ${stats.hits} + misses ${stats.misses} = ${stats.hits + stats.misses}, model calls ${modelCalls}`,
      );
      expect(codes.every((x) => x === 0)).toBe(true);
      expect(Object.keys(history.tests).length).toBeGreaterThan(0);
      expect(new Set(outcomeCounts)).toEqual(new Set([RUNS]));
      expect(new Set(perTest)).toEqual(new Set([RUNS]));
      expect(new Set(baselineIds).size).toBe(RUNS);
      expect(baselineIds.sort()).toEqual(Array.from({ length: RUNS }, (_, i) => `${8000 + i}#1`).sort());
      expect(stats.hits + stats.misses).toBe(4 * RUNS);
      expect(stats.misses).toBe(modelCalls);
    } finally {
      await triageStore.close();
      await gateStore.close();
    }
    c.passed();
  });
});

describe('load: concurrent pr-feedback on one PR', () => {
  const gh = useGitHubStandIn();
  let ws: string;
  let cache: string;

  afterAll(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it(`${PR_RUNS} concurrent runs leave exactly one comment, the newest run's`, async () => {
    const c = rec.cell(
      'pr-feedback',
      `load: ${PR_RUNS} concurrent runs, one PR`,
      `all exit 0, exactly one comment, from run ${100 + PR_RUNS - 1}`,
    );
    ws = mkdtempSync(join(tmpdir(), 'ai-ci-load-prfb-'));
    cache = mkdtempSync(join(tmpdir(), 'ai-ci-load-prfb-cache-'));
    const git = (...a: string[]) => execFileSync('git', a, { cwd: ws });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    mkdirSync(join(ws, 'reports'));
    cpSync(join(FIX, 'reports', 'jest-junit.xml'), join(ws, 'reports', 'junit.xml'));
    writeFileSync(join(ws, 'README.md'), 'x\n');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    git('remote', 'add', 'origin', 'https://github.com/octo/demo.git');
    const repo = gh().state.repo('octo', 'demo');
    gh().state.commitFiles(repo, 'feature/x', { 'src/a.ts': 'export const a = 1;\n' });
    const pr = gh().state.addPull(repo, { title: 'T', head: 'feature/x' }).number;
    const event = join(ws, '..', `${ws.split('/').pop()}-event.json`);
    eventFiles.push(event);
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: pr,
          head: { sha: 'a'.repeat(40), ref: 'feature/x', repo: { full_name: 'octo/demo' } },
          base: { ref: 'main', sha: 'b'.repeat(40) },
        },
        repository: { full_name: 'octo/demo', default_branch: 'main' },
      }),
    );
    const runs = await Promise.all(
      Array.from({ length: PR_RUNS }, (_, i) =>
        runCli(
          ['run', 'pr-feedback', '--repo', ws, '--json', '--event', event].concat([
            '--input',
            'test-results=reports/*.xml',
            '--input',
            'llm=false',
          ]),
          {
            env: {
              GITHUB_TOKEN: 'ghs_standin_token',
              GITHUB_API_URL: gh().url,
              AI_CI_CACHE_DIR: cache,
              GITHUB_RUN_NUMBER: String(100 + i),
              REDIS_URL: undefined,
            },
          },
        ),
      ),
    );
    const ours = [...repo.comments.values()].filter(
      (x) => x.issueNumber === pr && x.body.startsWith('<!-- ai-ci:pr-feedback -->'),
    );
    const newest = `run ${100 + PR_RUNS - 1}`;
    c.observe(
      `exit codes ${[...new Set(runs.map((r) => r.code))].join(',')}; ${ours.length} comment(s); ` +
        `newest content: ${ours.length === 1 && ours[0].body.includes(newest)}`,
    );
    expect(runs.every((r) => r.code === 0)).toBe(true);
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toContain(newest);
    c.passed();
  });
});
