/**
 * Fault matrix, select-tests and architecture-scan: the Redis faults (down at start, stopped so
 * every command outlives its timeout). Both actions are deterministic: the selection and the
 * architecture analysis must equal a fault-free run's, with a warning and exit 0.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchitectureAnalysis } from '../../src/actions/architecture-scan/analyze.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { describeWithRedis, freePort, RedisServer } from '../helpers/redis-server.js';
import { ScratchRepo, tempDir, writeEvent } from '../select-tests/repo.js';
import { CellRecorder } from './matrix-record.js';

jest.setTimeout(120_000);
const rec = new CellRecorder('select-tests+architecture-scan');
afterAll(() => rec.write());

const FAST = {
  AI_CI_REDIS_CONNECT_TIMEOUT_MS: '600',
  AI_CI_REDIS_COMMAND_TIMEOUT_MS: '600',
  AI_CI_REDIS_QUIT_TIMEOUT_MS: '300',
};
const BASE_FILES: Record<string, string> = {
  'package.json': '{ "name": "tiny", "private": true }\n',
  'src/a.ts': "import { b } from './b';\nexport const a = () => b();\n",
  'src/b.ts': "import { a } from './a';\nexport const b = () => 1 + (a ? 0 : 1);\n",
  'src/c.ts': 'export const c = 3;\n',
  'test/a.test.ts': "import { a } from '../src/a';\ntest('a', () => expect(a()).toBe(1));\n",
  'test/c.test.ts': "import { c } from '../src/c';\ntest('c', () => expect(c).toBe(3));\n",
};
const warnings = (r: CliRun) =>
  (r.json?.annotations ?? []).filter((a) => a.level === 'warning').map((a) => a.message);
const short = (w: string[]) => (w.length ? w.map((m) => m.slice(0, 90)).join(' / ') : 'none');

describeWithRedis('fault matrix: select-tests and architecture-scan', () => {
  let redis: RedisServer;
  let repo: ScratchRepo;
  let base: string;
  const tmp: string[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    repo = new ScratchRepo('ai-ci-hard-store-');
    repo.write(BASE_FILES);
    base = repo.commit('base');
    repo.write({ 'src/c.ts': 'export const c = 4;\n' });
    repo.commit('change c');
  });
  afterAll(async () => {
    await redis?.destroy();
    repo?.cleanup();
    for (const d of tmp) rmSync(d, { recursive: true, force: true });
  });

  /** Each run gets a fresh file cache: what Redis lacks cannot come from an earlier run's files. */
  function env(extra: Record<string, string | undefined>): Record<string, string | undefined> {
    const cache = mkdtempSync(join(tmpdir(), 'ai-ci-hard-store-cache-'));
    tmp.push(cache);
    return {
      AI_CI_CACHE_DIR: cache,
      REDIS_URL: redis.url,
      ACTIONS_RUNTIME_TOKEN: undefined,
      ACTIONS_CACHE_URL: undefined,
      ACTIONS_RESULTS_URL: undefined,
      TEST_SELECTION_ENABLED: undefined,
      TEST_SELECTION_THRESHOLD: undefined,
      GITHUB_TOKEN: undefined,
      OLLAMA_LOCAL_URL: 'http://127.0.0.1:9',
      OLLAMA_CLOUD_API_KEY: undefined,
      ...FAST,
      ...extra,
    };
  }

  async function select(extra: Record<string, string | undefined>) {
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

  async function scan(extra: Record<string, string | undefined>) {
    const r = await runCli(
      ['run', 'architecture-scan', '--repo', repo.dir, '--json', '--input', 'output-dir=out'],
      { env: env(extra) },
    );
    const a = JSON.parse(
      readFileSync(join(repo.dir, 'out', 'architecture_analysis.json'), 'utf8'),
    ) as ArchitectureAnalysis;
    const { graph, cycles, unresolved, coupling, modules, edges } = a;
    return { r, result: { graph, cycles, unresolved, coupling, modules, edges } };
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

  type Go = (extra: Record<string, string | undefined>) => Promise<{ r: CliRun; result: unknown }>;
  const actions: Array<[string, Go]> = [
    ['select-tests', select],
    ['architecture-scan', scan],
  ];

  for (const [name, go] of actions) {
    describe(name, () => {
      let reference: unknown;
      it('fault-free reference', async () => {
        const c = rec.cell(name, 'none (reference)', 'exit 0, no cache warning');
        const { r, result } = await go({});
        reference = result;
        c.observe(`exit ${r.code}, ${JSON.stringify(result).slice(0, 120)}, warnings: ${short(warnings(r))}`);
        expect(r.code).toBe(0);
        expect(warnings(r).filter((m) => /Redis|cache/i.test(m))).toEqual([]);
        c.passed();
      });

      const cell = async (fault: string, run: () => ReturnType<typeof go>) => {
        const c = rec.cell(name, fault, 'exit 0, result identical to fault-free, a Redis warning');
        const { r, result } = await run();
        const same = JSON.stringify(result) === JSON.stringify(reference);
        c.observe(
          `exit ${r.code}, result ${same ? 'identical' : 'DIFFERENT'}, warnings: ${short(warnings(r))}`,
        );
        expect(r.code).toBe(0);
        expect(result).toEqual(reference);
        expect(warnings(r).some((m) => /Redis/.test(m))).toBe(true);
        c.passed();
      };

      it('Redis down at start', async () => {
        const port = await freePort();
        await cell('Redis down at start', () => go({ REDIS_URL: `redis://127.0.0.1:${port}` }));
      });
      it('Redis slow (server stopped, > command timeout)', async () => {
        await cell('Redis slow (> command timeout)', () => withStopped(() => go({})));
      });
    });
  }
});
