/**
 * Fault matrix, select-tests and architecture-scan: the Redis faults (down at start, stopped so
 * every command outlives its timeout, killed mid-run), the Actions cache service answering 5xx,
 * and for architecture-scan, whose report has an LLM narrative, the Ollama faults. Both actions
 * are deterministic: the selection and the architecture analysis must equal a fault-free run's,
 * with a warning and exit 0.
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchitectureAnalysis } from '../../src/actions/architecture-scan/analyze.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { describeWithRedis, freePort, RedisServer } from '../helpers/redis-server.js';
import { ActionsCacheStandIn } from '../standins/actions-cache/server.js';
import { startOllamaStandIn, type OllamaStandIn, type Script } from '../standins/ollama/server.js';
import { ScratchRepo, tempDir, writeEvent } from '../select-tests/repo.js';
import { CellRecorder, warningMessages, shortList } from './matrix-record.js';

jest.setTimeout(120_000);
const rec = new CellRecorder('select-tests+architecture-scan');
afterAll(() => rec.write());

const FAST = {
  AI_CI_REDIS_CONNECT_TIMEOUT_MS: '600',
  AI_CI_REDIS_COMMAND_TIMEOUT_MS: '600',
  AI_CI_REDIS_QUIT_TIMEOUT_MS: '300',
  AI_CI_LLM_LOCAL_TIMEOUT_MS: '2500',
  AI_CI_LLM_PROBE_TIMEOUT_MS: '1000',
  AI_CI_LLM_RETRY_BASE_MS: '1',
};
const NARRATIVE = 'The a/b cycle is the one design problem; break it first.';
const ANSWER: Script = { kind: 'answer', content: NARRATIVE };
const BASE_FILES: Record<string, string> = {
  'package.json': '{ "name": "tiny", "private": true }\n',
  'src/a.ts': "import { b } from './b';\nexport const a = () => b();\n",
  'src/b.ts': "import { a } from './a';\nexport const b = () => 1 + (a ? 0 : 1);\n",
  'src/c.ts': 'export const c = 3;\n',
  'test/a.test.ts': "import { a } from '../src/a';\ntest('a', () => expect(a()).toBe(1));\n",
  'test/c.test.ts': "import { c } from '../src/c';\ntest('c', () => expect(c).toBe(3));\n",
};
const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
type Env = Record<string, string | undefined>;
/** The architecture report without its LLM section. */
const withoutNarrative = (md: string) => md.replace(/\n## Narrative\n\n[\s\S]*?\n\n## /, '\n## ');
const narrativeOf = (md: string) => /\n## Narrative\n\n([\s\S]*?)\n\n## /.exec(md)?.[1] ?? '';

describeWithRedis('fault matrix: select-tests and architecture-scan', () => {
  let redis: RedisServer;
  let ollama: OllamaStandIn;
  let repo: ScratchRepo;
  let base: string;
  const tmp: string[] = [];

  beforeAll(async () => {
    [redis, ollama] = await Promise.all([
      RedisServer.start(),
      startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] }),
    ]);
    repo = new ScratchRepo('ai-ci-hard-store-');
    repo.write(BASE_FILES);
    base = repo.commit('base');
    repo.write({ 'src/c.ts': 'export const c = 4;\n' });
    repo.commit('change c');
  });
  afterAll(async () => {
    await Promise.all([redis?.destroy(), ollama?.close()]);
    repo?.cleanup();
    for (const d of tmp) rmSync(d, { recursive: true, force: true });
  });
  beforeEach(async () => {
    ollama.respondWith(() => ANSWER);
    if (!redis.running) await redis.restart();
    // No run sees what an earlier one stored (architecture-scan's baseline marks known cycles).
    await redis.command(['FLUSHALL']);
  });

  /** Each run gets a fresh file cache: what Redis lacks cannot come from an earlier run's files. */
  function env(extra: Env): Env {
    const cache = mkdtempSync(join(tmpdir(), 'ai-ci-hard-store-cache-'));
    tmp.push(cache);
    return {
      AI_CI_CACHE_DIR: cache,
      REDIS_URL: redis.url,
      ACTIONS_RUNTIME_TOKEN: undefined,
      ACTIONS_CACHE_URL: undefined,
      ACTIONS_RESULTS_URL: undefined,
      ACTIONS_CACHE_SERVICE_V2: undefined,
      TEST_SELECTION_ENABLED: undefined,
      TEST_SELECTION_THRESHOLD: undefined,
      GITHUB_TOKEN: undefined,
      OLLAMA_LOCAL_URL: ollama.url,
      OLLAMA_CLOUD_API_KEY: undefined,
      ...FAST,
      ...extra,
    };
  }

  interface Run {
    r: CliRun;
    result: unknown;
    /** architecture-scan: the Markdown report. */
    report?: string;
  }

  async function select(extra: Env): Promise<Run> {
    const dir = tempDir('ai-ci-hard-event-');
    tmp.push(dir);
    const r = await runCli(
      ['run', 'select-tests', '--repo', repo.dir, '--json'].concat([
        '--event',
        writeEvent(dir, { before: base }),
        '--event-name',
        'push',
      ]),
      { env: env(extra) },
    );
    const o = r.json?.outputs ?? {};
    return { r, result: { mode: o.mode, tests: o.tests, matrix: o.matrix, count: o['test-count'] } };
  }

  async function scan(extra: Env): Promise<Run> {
    rmSync(join(repo.dir, 'out'), { recursive: true, force: true });
    const r = await runCli(
      ['run', 'architecture-scan', '--repo', repo.dir, '--json', '--input', 'output-dir=out'],
      { env: env(extra) },
    );
    const a = JSON.parse(
      readFileSync(join(repo.dir, 'out', 'architecture_analysis.json'), 'utf8'),
    ) as ArchitectureAnalysis;
    const report = readFileSync(join(repo.dir, 'out', 'architecture_report.md'), 'utf8');
    const { graph, cycles, unresolved, coupling, modules, edges } = a;
    return { r, result: { graph, cycles, unresolved, coupling, modules, edges }, report };
  }

  async function withStopped<T>(fn: () => Promise<T>): Promise<T> {
    const pid = Number(/process_id:(\d+)/.exec(await redis.command(['INFO', 'server']))![1]);
    process.kill(pid, 'SIGSTOP');
    try {
      return await fn();
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  }

  /**
   * A `git` first on PATH that SIGKILLs redis-server when the action runs the git command holding
   * `trigger`, waits until the process is gone, then runs the real git: Redis dies after the
   * store connected and before the action writes to it, at the same point every run.
   */
  async function gitThatKillsRedis(trigger: string): Promise<{ PATH: string; fired: () => boolean }> {
    const pid = Number(/process_id:(\d+)/.exec(await redis.command(['INFO', 'server']))![1]);
    const dir = tempDir('ai-ci-hard-git-hook-');
    tmp.push(dir);
    const mark = join(dir, 'fired');
    writeFileSync(
      join(dir, 'git'),
      [
        '#!/bin/sh',
        `case " $* " in *" ${trigger} "*)`,
        `  if [ ! -e '${mark}' ]; then`,
        `    touch '${mark}'; kill -9 ${pid}`,
        `    while [ -e /proc/${pid} ] && ! grep -q '^[0-9]* ([^)]*) Z' /proc/${pid}/stat 2>/dev/null; do sleep 0.01; done`,
        '  fi;;',
        'esac',
        `exec '${REAL_GIT}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(join(dir, 'git'), 0o755);
    return { PATH: `${dir}:${process.env.PATH ?? ''}`, fired: () => existsSync(mark) };
  }

  type Go = (extra: Env) => Promise<Run>;
  /** [action, run, an argument of the git command run after the store is open and before its writes] */
  const actions: Array<[string, Go, string]> = [
    ['select-tests', select, '--name-status'],
    ['architecture-scan', scan, '--no-renames'],
  ];

  for (const [name, go, trigger] of actions) {
    describe(name, () => {
      let reference: Run;
      it('fault-free reference', async () => {
        const llm = name === 'architecture-scan';
        const c = rec.cell(
          name,
          'none (reference)',
          `exit 0, no cache${llm ? ' or LLM' : ''} warning${llm ? ', the narrative from the model' : ''}`,
        );
        reference = await go({});
        const { r, result } = reference;
        c.observe(
          `exit ${r.code}, ${JSON.stringify(result).slice(0, 120)}, ` +
            `${llm ? `narrative: "${narrativeOf(reference.report!).slice(0, 40)}", ` : ''}warnings: ${shortList(warningMessages(r))}`,
        );
        expect(r.code).toBe(0);
        expect(warningMessages(r).filter((m) => /Redis|cache|LLM/i.test(m))).toEqual([]);
        if (llm) expect(narrativeOf(reference.report!)).toBe(NARRATIVE);
        c.passed();
      });

      const cell = async (
        fault: string,
        run: () => Promise<Run>,
        warning: { re: RegExp; says: string } = { re: /Redis/, says: 'a Redis warning' },
        check?: () => { seen: string; verify: () => void },
      ) => {
        const c = rec.cell(name, fault, `exit 0, result identical to fault-free, ${warning.says}`);
        const { r, result } = await run();
        const same = JSON.stringify(result) === JSON.stringify(reference.result);
        const extra = check?.();
        c.observe(
          `exit ${r.code}, result ${same ? 'identical' : 'DIFFERENT'}, ${extra ? `${extra.seen}, ` : ''}` +
            `warnings: ${shortList(warningMessages(r))}`,
        );
        expect(r.code).toBe(0);
        expect(result).toEqual(reference.result);
        expect(warningMessages(r).some((m) => warning.re.test(m))).toBe(true);
        extra?.verify();
        c.passed();
      };

      it('Redis down at start', async () => {
        const port = await freePort();
        await cell('Redis down at start', () => go({ REDIS_URL: `redis://127.0.0.1:${port}` }));
      });
      it('Redis slow (server stopped, > command timeout)', async () => {
        await cell('Redis slow (> command timeout)', () => withStopped(() => go({})));
      });
      it('Redis killed mid-run', async () => {
        const hook = await gitThatKillsRedis(trigger);
        await cell(
          'Redis killed mid-run',
          () => go({ PATH: hook.PATH }),
          undefined,
          () => ({
            seen: `Redis ${hook.fired() ? 'killed' : 'NOT killed'} at \`git ... ${trigger}\``,
            verify: () => expect(hook.fired()).toBe(true),
          }),
        );
        // Resolves once this process has seen redis-server exit.
        await redis.kill();
        expect(redis.running).toBe(false);
      });

      it('Actions cache service 5xx (no Redis)', async () => {
        const svc = await new ActionsCacheStandIn().start();
        try {
          // Every attempt of the restore fails (@actions/cache tries five times, 3 s apart growing
          // by 1.5x: ~24 s that no setting shortens).
          svc.fail('GetCacheEntryDownloadURL', 500, 5);
          const faulted = () => svc.requests.filter((q) => q.status >= 500).length;
          await cell(
            'Actions cache service 5xx',
            () => go({ ...svc.env(), REDIS_URL: undefined }),
            { re: /restore.*cache/i, says: 'a warning that the cache restore failed' },
            () => ({
              seen: `${faulted()} 5xx answered`,
              verify: () => expect(faulted()).toBe(5),
            }),
          );
        } finally {
          await svc.stop();
        }
      });

      if (name !== 'architecture-scan') return;

      // The narrative is the only LLM part: the analysis and the rest of the report must not move.
      const llmCell = async (fault: string, extra: Env = {}) => {
        const c = rec.cell(
          name,
          fault,
          'exit 0, analysis and report identical to fault-free but for the narrative, which says why it is missing; an LLM warning',
        );
        const { r, result, report } = await go(extra);
        const w = warningMessages(r);
        const sameReport = withoutNarrative(report!) === withoutNarrative(reference.report!);
        c.observe(
          `exit ${r.code}, analysis ${JSON.stringify(result) === JSON.stringify(reference.result) ? 'identical' : 'DIFFERENT'}, ` +
            `report ${sameReport ? 'identical' : 'DIFFERENT'} but for the narrative: "${narrativeOf(report!).slice(0, 60)}…", warnings: ${shortList(w)}`,
        );
        expect(r.code).toBe(0);
        expect(result).toEqual(reference.result);
        expect(withoutNarrative(report!)).toBe(withoutNarrative(reference.report!));
        expect(narrativeOf(report!)).toMatch(/^LLM narrative: unavailable \(.+\)\.$/);
        expect(w.some((m) => /LLM/.test(m))).toBe(true);
        c.passed();
      };

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
        ollama.respondWith(() => ({ kind: 'drop-mid-stream', contentBefore: 'The a/b cycle' }));
        await llmCell('Ollama stream cut mid-answer');
      });
      it('Ollama 429 with Retry-After: the retry gets the answer', async () => {
        const c = rec.cell(
          name,
          'Ollama 429 + Retry-After: 1',
          'exit 0, analysis and report identical to fault-free, the narrative from the model after one retry',
        );
        ollama.enqueue({ kind: 'error', status: 429, message: 'too many requests', retryAfter: '1' });
        const before = ollama.modelRequests().length;
        const { r, result, report } = await go({});
        const calls = ollama.modelRequests().length - before;
        c.observe(
          `exit ${r.code}, ${calls} model requests (1 answered 429), report ${report === reference.report ? 'identical' : 'DIFFERENT'}`,
        );
        expect(r.code).toBe(0);
        expect(result).toEqual(reference.result);
        expect(report).toBe(reference.report);
        expect(calls).toBe(2);
        c.passed();
      });
    });
  }
});
