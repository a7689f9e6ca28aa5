/**
 * Fault matrix, pr-feedback: GitHub API faults (5xx, primary and secondary rate limits, a sticky
 * comment deleted between runs), Ollama faults while the TL;DR is written, Redis faults and the
 * Actions cache service failing, each through `ai-ci run` against the GitHub stand-in (which
 * answers rate limits with `Retry-After: 1`). Expected: exit 0 and exactly one ai-ci comment on
 * the PR, with the same body a fault-free run posts; when the LLM fails, the template writes the
 * prose from the same facts; the LLM usage counted while Redis was down reaches Redis later.
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/core/cache/index.js';
import { recordingLogger } from '../../src/core/logger.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { describeWithRedis, freePort, RedisServer } from '../helpers/redis-server.js';
import { useGitHubStandIn } from '../standins/github/helper.js';
import { startOllamaStandIn, type OllamaStandIn, type Script } from '../standins/ollama/server.js';
import { checkCacheFaults, failingActionsCache, failingCacheEnv } from './actions-cache-fault.js';
import { CellRecorder } from './matrix-record.js';
import { RedisKillSwitch, WRITE_COMMANDS } from './redis-kill-switch.js';

jest.setTimeout(120_000);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'reports');
const MARKER = '<!-- ai-ci:pr-feedback -->';
const rec = new CellRecorder('pr-feedback');
afterAll(() => rec.write());

/** The model's TL;DR: no number in it, so the fact check accepts it. */
const ANSWER: Script = {
  kind: 'answer',
  content: JSON.stringify({
    tldr: ['Tests fail in the cart module.'],
    next_steps: ['Fix the cart total computation.'],
  }),
};
/** Short, explicit timeouts: a fault costs well under a second, a healthy local peer is never near them. */
const FAST = {
  AI_CI_REDIS_CONNECT_TIMEOUT_MS: '600',
  AI_CI_REDIS_COMMAND_TIMEOUT_MS: '600',
  AI_CI_REDIS_QUIT_TIMEOUT_MS: '300',
  AI_CI_LLM_LOCAL_TIMEOUT_MS: '2500',
  AI_CI_LLM_PROBE_TIMEOUT_MS: '1000',
  AI_CI_LLM_RETRY_BASE_MS: '1',
};

describe('fault matrix: pr-feedback', () => {
  const gh = useGitHubStandIn();
  let ws: string;
  let cache: string;
  let prNumber: number;
  /** The fault-free comment with the template's prose (llm: false). */
  let reference: string | undefined;
  /** The fault-free comment with the LLM's prose, and the facts it was written from. */
  let llmReference: { body: string; facts: string } | undefined;
  let ollama: OllamaStandIn;

  beforeAll(async () => {
    ollama = await startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] });
  });
  afterAll(async () => {
    await ollama?.close();
  });

  const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, encoding: 'utf8' }).trim();

  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'ai-ci-hard-prfb-'));
    cache = mkdtempSync(join(tmpdir(), 'ai-ci-hard-prfb-cache-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    mkdirSync(join(ws, 'reports'));
    copyFileSync(join(FIXTURES, 'jest-junit.xml'), join(ws, 'reports', 'junit.xml'));
    writeFileSync(join(ws, 'README.md'), 'x\n');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    git('remote', 'add', 'origin', 'https://github.com/octo/demo.git');
    const r = gh().state.repo('octo', 'demo');
    gh().state.commitFiles(r, 'feature/x', { 'src/a.ts': 'export const a = 1;\n' });
    prNumber = gh().state.addPull(r, { title: 'T', head: 'feature/x' }).number;
    ollama.respondWith(() => ANSWER);
  });
  afterEach(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  function run(
    runNumber = '42',
    opts: { llm?: boolean; env?: Record<string, string | undefined> } = {},
  ): Promise<CliRun> {
    const event = join(ws, '..', `${ws.split('/').pop()}-event.json`);
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: prNumber,
          head: { sha: 'a'.repeat(40), ref: 'feature/x', repo: { full_name: 'octo/demo' } },
          base: { ref: 'main', sha: 'b'.repeat(40) },
        },
        repository: { full_name: 'octo/demo', default_branch: 'main' },
      }),
    );
    return runCli(
      ['run', 'pr-feedback', '--repo', ws, '--json', '--event', event].concat([
        '--input',
        'test-results=reports/*.xml',
        '--input',
        `llm=${opts.llm ? 'true' : 'false'}`,
      ]),
      {
        env: {
          GITHUB_TOKEN: 'ghs_standin_token',
          GITHUB_API_URL: gh().url,
          AI_CI_CACHE_DIR: cache,
          GITHUB_RUN_NUMBER: runNumber,
          REDIS_URL: undefined,
          REDIS_CLUSTER_NODES: undefined,
          REDIS_SENTINELS: undefined,
          ACTIONS_CACHE_URL: undefined,
          ACTIONS_RESULTS_URL: undefined,
          ACTIONS_RUNTIME_TOKEN: undefined,
          OLLAMA_LOCAL_URL: ollama.url,
          OLLAMA_CLOUD_API_KEY: undefined,
          // GitHub's waits (Retry-After: 1, retry back-off) in units of 50 ms instead of 1 s.
          AI_CI_GITHUB_RETRY_UNIT_MS: '50',
          AI_CI_GITHUB_WRITE_INTERVAL_MS: '10',
          ...FAST,
          ...opts.env,
        },
      },
    );
  }

  /** The facts the comment was rendered from, as the run's report holds them. */
  const factsOf = () =>
    JSON.stringify(
      (
        JSON.parse(readFileSync(join(ws, 'ai_analysis', 'feedback_report.json'), 'utf8')) as {
          facts: unknown;
        }
      ).facts,
    );

  const ours = () =>
    [...gh().state.repo('octo', 'demo').comments.values()].filter(
      (c) => c.issueNumber === prNumber && c.body.startsWith(MARKER),
    );
  const warnings = (r: CliRun) => (r.json?.annotations ?? []).filter((a) => a.level === 'warning');
  const warningText = (r: CliRun) =>
    warnings(r)
      .map((a) => a.message.slice(0, 90))
      .join(' / ') || 'none';

  it('fault-free run: the reference comment', async () => {
    const c = rec.cell('pr-feedback', 'none (reference)', 'exit 0, one comment');
    const r = await run();
    c.observe(`exit ${r.code}, ${ours().length} comment(s)`);
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
    reference = ours()[0].body;
    c.passed();
  });

  async function cell(fault: string, inject: () => void): Promise<void> {
    const c = rec.cell('pr-feedback', fault, 'exit 0, exactly one comment, body identical to fault-free');
    if (reference === undefined) throw new Error('needs the reference cell');
    inject();
    const r = await run();
    const left = ours();
    const faulted = gh().calls.filter((x) => x.injected).length;
    c.observe(
      `exit ${r.code}, ${left.length} comment(s), body ${left[0]?.body === reference ? 'identical' : 'DIFFERENT'}, ` +
        `${faulted} faulted response(s), ${warnings(r).length} warning(s)`,
    );
    expect(r.code).toBe(0);
    expect(faulted).toBeGreaterThan(0);
    expect(left).toHaveLength(1);
    expect(left[0].body).toBe(reference);
    c.passed();
  }

  it('GitHub 500 on the first request', () => cell('GitHub API 500', () => gh().failNext(500, 1)));
  it('GitHub 502 twice', () => cell('GitHub API 502 (x2)', () => gh().failNext(502, 2)));
  it('GitHub 403 primary rate limit', () =>
    cell('GitHub 403 primary rate limit', () => gh().rateLimitNext('primary', 1, { retryAfterS: 1 })));
  it('GitHub 403 secondary rate limit', () =>
    cell('GitHub 403 secondary rate limit', () => gh().rateLimitNext('secondary', 1, { retryAfterS: 1 })));
  it('GitHub 500 on the comment write', () =>
    cell('GitHub API 500 on POST comment', () => gh().failNext(500, 1, { method: 'POST' })));

  it('GitHub 404 for a sticky comment deleted between runs', async () => {
    const c = rec.cell(
      'pr-feedback',
      'GitHub 404 (sticky comment deleted)',
      'exit 0, a new comment replaces the deleted one, exactly one left',
    );
    await run('42');
    const repo = gh().state.repo('octo', 'demo');
    const [old] = ours();
    repo.comments.delete(old.id);
    const r = await run('43');
    const left = ours();
    c.observe(
      `exit ${r.code}, ${left.length} comment(s), newest run in body: ${left[0]?.body.includes('run 43')}`,
    );
    expect(r.code).toBe(0);
    expect(left).toHaveLength(1);
    expect(left[0].id).not.toBe(old.id);
    expect(left[0].body).toContain('run 43');
    c.passed();
  });

  it('fault-free run with the LLM: the reference prose', async () => {
    const c = rec.cell(
      'pr-feedback',
      'none (reference, LLM prose)',
      'exit 0, one comment whose TL;DR the LLM wrote, no warning',
    );
    const r = await run('42', { llm: true });
    const body = ours()[0]?.body ?? '';
    c.observe(
      `exit ${r.code}, ${ours().length} comment(s), LLM prose: ${body.includes('prose by an LLM')}, warnings: ${warningText(r)}`,
    );
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(body).toContain('> Tests fail in the cart module.');
    expect(body).toContain('prose by an LLM');
    expect(warnings(r)).toEqual([]);
    llmReference = { body, facts: factsOf() };
    c.passed();
  });

  /** The LLM fails: the template writes the prose, from the same facts, in the one comment. */
  async function ollamaCell(fault: string, env: Record<string, string | undefined> = {}): Promise<void> {
    const c = rec.cell(
      'pr-feedback',
      fault,
      'exit 0, exactly one comment, body identical to the template (no-LLM) reference, same facts as with the LLM, a warning naming the LLM',
    );
    if (!reference || !llmReference) throw new Error('needs both reference cells');
    const r = await run('42', { llm: true, env });
    const left = ours();
    const w = warnings(r).map((a) => a.message);
    c.observe(
      `exit ${r.code}, ${left.length} comment(s), body ${left[0]?.body === reference ? 'identical to the template reference' : 'DIFFERENT'}, ` +
        `facts ${factsOf() === llmReference.facts ? 'identical' : 'DIFFERENT'}, warnings: ${warningText(r)}`,
    );
    expect(r.code).toBe(0);
    expect(left).toHaveLength(1);
    expect(left[0].body).toBe(reference);
    expect(factsOf()).toBe(llmReference.facts);
    expect(w.some((m) => /LLM|Ollama/i.test(m))).toBe(true);
    c.passed();
  }

  it('Ollama down', async () =>
    ollamaCell('Ollama down', { OLLAMA_LOCAL_URL: `http://127.0.0.1:${await freePort()}` }));
  it('Ollama slow (> request timeout)', () => {
    ollama.respondWith(() => ({ kind: 'delay', ms: 6000, then: ANSWER }));
    return ollamaCell('Ollama slow (> timeout)');
  });
  it('Ollama answers invalid JSON', () => {
    ollama.respondWith(() => ({ kind: 'invalid-json' }));
    return ollamaCell('Ollama invalid JSON');
  });
  it('Ollama stream cut mid-answer', () => {
    ollama.respondWith(() => ({ kind: 'drop-mid-stream', contentBefore: '{"tldr": ["Tests fail' }));
    return ollamaCell('Ollama stream cut mid-answer');
  });

  it('Ollama 429 with Retry-After: the retry gets the prose', async () => {
    const c = rec.cell(
      'pr-feedback',
      'Ollama 429 + Retry-After: 1',
      'exit 0, exactly one comment, body identical to the LLM reference, 2 model requests',
    );
    if (!llmReference) throw new Error('needs the LLM reference cell');
    ollama.enqueue({ kind: 'error', status: 429, message: 'too many requests', retryAfter: '1' });
    const before = ollama.modelRequests().length;
    const r = await run('42', { llm: true });
    const calls = ollama.modelRequests().length - before;
    const left = ours();
    c.observe(
      `exit ${r.code}, ${left.length} comment(s), body ${left[0]?.body === llmReference.body ? 'identical' : 'DIFFERENT'}, ${calls} model requests (1 answered 429)`,
    );
    expect(r.code).toBe(0);
    expect(left).toHaveLength(1);
    expect(left[0].body).toBe(llmReference.body);
    expect(calls).toBe(2);
    c.passed();
  });

  it('Actions cache service 5xx (no Redis)', async () => {
    const c = rec.cell(
      'pr-feedback',
      'Actions cache service 5xx',
      'exit 0, exactly one comment, body identical to fault-free, a warning naming the cache',
    );
    if (!reference) throw new Error('needs the reference cell');
    const svc = await failingActionsCache();
    try {
      const r = await run('42', { env: failingCacheEnv(svc) });
      const left = ours();
      const seen =
        `exit ${r.code}, ${left.length} comment(s), body ${left[0]?.body === reference ? 'identical' : 'DIFFERENT'}, ` +
        `warnings: ${warningText(r)}`;
      c.observe(seen);
      expect(r.code).toBe(0);
      expect(left).toHaveLength(1);
      expect(left[0].body).toBe(reference);
      // With llm: false pr-feedback only reads its store (the test history): nothing to save.
      c.observe(`${seen}; ${checkCacheFaults(svc, r, { saves: false })}`);
      c.passed();
    } finally {
      await svc.stop();
    }
  });

  describeWithRedis('Redis faults (LLM prose on: its usage counters are the store writes)', () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await RedisServer.start();
    });
    afterAll(async () => {
      await redis?.destroy();
    });
    beforeEach(async () => {
      if (!redis.running) await redis.restart();
      await redis.command(['FLUSHALL']);
    });

    async function redisCell(
      fault: string,
      env: Record<string, string | undefined>,
      extra?: () => string,
    ): Promise<CliRun> {
      const c = rec.cell(
        'pr-feedback',
        fault,
        'exit 0, exactly one comment, body identical to the fault-free LLM reference, a warning naming Redis',
      );
      if (!llmReference) throw new Error('needs the LLM reference cell');
      const r = await run('42', { llm: true, env });
      const left = ours();
      const w = warnings(r).map((a) => a.message);
      const seen =
        `exit ${r.code}, ${left.length} comment(s), body ${left[0]?.body === llmReference.body ? 'identical' : 'DIFFERENT'}, ` +
        `warnings: ${warningText(r)}`;
      c.observe(seen);
      expect(r.code).toBe(0);
      expect(left).toHaveLength(1);
      expect(left[0].body).toBe(llmReference.body);
      expect(w.some((m) => /Redis|cache/i.test(m))).toBe(true);
      if (extra) c.observe(`${seen}; ${extra()}`);
      c.passed();
      return r;
    }

    it('Redis down at start', async () => {
      await redisCell('Redis down at start', { REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    });

    it('Redis slow (server stopped, > command timeout)', async () => {
      const pid = Number(/process_id:(\d+)/.exec(await redis.command(['INFO', 'server']))![1]);
      process.kill(pid, 'SIGSTOP');
      try {
        await redisCell('Redis slow (> command timeout)', { REDIS_URL: redis.url });
      } finally {
        process.kill(pid, 'SIGCONT');
      }
    });

    /** LLM calls counted in Redis (the usage counters the LLM client keeps per day and backend). */
    async function callsInRedis(): Promise<number> {
      const dir = mkdtempSync(join(tmpdir(), 'ai-ci-hard-prfb-read-'));
      const store = await openStore({
        action: 'pr-feedback',
        repo: 'octo/demo',
        logger: recordingLogger(),
        env: { REDIS_URL: redis.url, AI_CI_CACHE_DIR: dir },
      });
      try {
        expect(store.tier).toBe('redis');
        const keys = (await store.scan('budget:llm-usage:')).filter((k) => k.endsWith(':calls'));
        let n = 0;
        for (const k of keys) n += Number(await store.get(k));
        return n;
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('Redis killed mid-run, then back: the usage counted meanwhile reaches Redis', async () => {
      // Redis dies at the run's first write (the LLM usage counter, after the answer): that write
      // and every later one meet a dead server.
      const kill = await RedisKillSwitch.start(redis, (cmd) => WRITE_COMMANDS.has(cmd[0]));
      try {
        await redisCell('Redis killed mid-run', { REDIS_URL: kill.url }, () => {
          expect(kill.killedAt).toBeDefined();
          return `Redis killed at ${kill.killedAt?.slice(0, 2).join(' ')}`;
        });
      } finally {
        await kill.close();
      }
      const c = rec.cell(
        'pr-feedback',
        'Redis back after a mid-run kill',
        "the next run merges the outage's usage into Redis: 2 LLM calls counted (the killed run's and its own), one comment",
      );
      await redis.restart(); // empty: only what the outage's journal replays can be there
      const r = await run('42', { llm: true, env: { REDIS_URL: redis.url } });
      const calls = await callsInRedis();
      c.observe(`exit ${r.code}, ${ours().length} comment(s), LLM calls counted in Redis: ${calls}`);
      expect(r.code).toBe(0);
      expect(ours()).toHaveLength(1);
      expect(calls).toBe(2);
      c.passed();
    });
  });
});
