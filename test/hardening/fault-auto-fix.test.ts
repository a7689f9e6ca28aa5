/**
 * Fault matrix, auto-fix: GitHub API faults while the fix PR is created (5xx, primary and
 * secondary rate limits) and Ollama faults while the patch is asked for. Expected: exit 0 always;
 * under GitHub faults exactly one fix PR (the same one a fault-free run opens) and no duplicate
 * on a re-run; under Ollama faults no PR, a warning, and the same triage-derived decision inputs.
 */
import { jest } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli, type CliRun } from '../helpers/cli.js';
import { freePort } from '../helpers/redis-server.js';
import { useGitHubStandIn } from '../standins/github/helper.js';
import { startOllamaStandIn, type OllamaStandIn, type Script } from '../standins/ollama/server.js';
import { CellRecorder } from './matrix-record.js';

jest.setTimeout(180_000);
const rec = new CellRecorder('auto-fix');
afterAll(() => rec.write());

/** A small real project whose test fails because `src/total.js` forgot to import `sum`. */
const FILES: Record<string, string> = {
  'package.json': '{ "name": "fixme", "type": "module", "private": true }\n',
  'src/sum.js': 'export function sum(xs) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n',
  'src/total.js': 'export function total(xs) {\n  return sum(xs) * 2;\n}\n',
  'test/total.test.js':
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { total } from '../src/total.js';\n\ntest('total doubles the sum', () => {\n  assert.equal(total([1, 2]), 6);\n});\n",
};
const GOOD_DIFF = [
  'diff --git a/src/total.js b/src/total.js',
  '--- a/src/total.js',
  '+++ b/src/total.js',
  '@@ -1,3 +1,5 @@',
  "+import { sum } from './sum.js';",
  '+',
  ' export function total(xs) {',
  '   return sum(xs) * 2;',
  ' }',
  '',
].join('\n');
const ANSWER: Script = {
  kind: 'answer',
  content: JSON.stringify({
    diff: GOOD_DIFF,
    explanation: 'total.js uses sum without importing it.',
    confidence: 0.95,
    testing: 'node --test test/',
  }),
};

describe('fault matrix: auto-fix', () => {
  const gh = useGitHubStandIn();
  let template: string;
  let ws: string;
  let cache: string;
  let ollama: OllamaStandIn;
  const tmp: string[] = [];

  beforeAll(async () => {
    ollama = await startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] });
    // One real failing test run and one triage, copied into every cell's workspace.
    template = mkdtempSync(join(tmpdir(), 'ai-ci-hard-fix-tpl-'));
    tmp.push(template);
    for (const [p, c] of Object.entries(FILES)) {
      mkdirSync(dirname(join(template, p)), { recursive: true });
      writeFileSync(join(template, p), c);
    }
    const git = (...a: string[]) => execFileSync('git', a, { cwd: template });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    git('remote', 'add', 'origin', 'https://github.com/octo/fixme.git');
    mkdirSync(join(template, 'reports'));
    const t = spawnSync(
      process.execPath,
      ['--test', '--test-reporter=junit', '--test-reporter-destination=reports/junit.xml', 'test/'],
      { cwd: template },
    );
    expect(t.status).toBe(1);
    const cacheT = mkdtempSync(join(tmpdir(), 'ai-ci-hard-fix-tplc-'));
    tmp.push(cacheT);
    const triage = await runCli(
      [
        'run',
        'ai-triage',
        '--repo',
        template,
        '--json',
        '--input',
        'reports=reports/*.xml',
        '--input',
        'llm=false',
      ],
      { env: { AI_CI_CACHE_DIR: cacheT, REDIS_URL: undefined, GITHUB_TOKEN: undefined } },
    );
    expect(triage.json!.outputs['root-causes']).toBe('1');
  });
  afterAll(async () => {
    await ollama?.close();
    for (const d of tmp) rmSync(d, { recursive: true, force: true });
  });
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'ai-ci-hard-fix-'));
    cache = mkdtempSync(join(tmpdir(), 'ai-ci-hard-fix-cache-'));
    tmp.push(ws, cache);
    cpSync(template, ws, { recursive: true });
    gh().state.createRepo('octo', 'fixme', { files: FILES });
    ollama.respondWith(() => ANSWER);
  });

  function autofix(env: Record<string, string | undefined> = {}): Promise<CliRun> {
    return runCli(
      ['run', 'auto-fix', '--repo', ws, '--json'].concat([
        '--input',
        'verify-command=node --test test/',
        '--input',
        'mode=both',
      ]),
      {
        env: {
          GITHUB_TOKEN: 'ghs_autofix_token_0123456789',
          GITHUB_API_URL: gh().url,
          AI_CI_CACHE_DIR: cache,
          OLLAMA_LOCAL_URL: ollama.url,
          OLLAMA_CLOUD_API_KEY: undefined,
          REDIS_URL: undefined,
          AI_CI_LLM_RETRY_BASE_MS: '1',
          AI_CI_LLM_LOCAL_TIMEOUT_MS: '2500',
          AI_CI_LLM_PROBE_TIMEOUT_MS: '1000',
          AI_CI_GITHUB_RETRY_UNIT_MS: '50',
          AI_CI_GITHUB_WRITE_INTERVAL_MS: '10',
          ...env,
        },
      },
    );
  }
  const pulls = () => [...gh().state.repo('octo', 'fixme').issues.values()].filter((i) => i.pull);
  const warnings = (r: CliRun) => (r.json?.annotations ?? []).filter((a) => a.level === 'warning');
  let referenceTitle: string | undefined;

  it('fault-free run: the reference PR', async () => {
    const c = rec.cell('auto-fix', 'none (reference)', 'exit 0, outcome opened, one PR');
    const r = await autofix();
    c.observe(`exit ${r.code}, outcome ${r.json?.outputs.outcome}, ${pulls().length} PR(s)`);
    expect(r.code).toBe(0);
    expect(r.json!.outputs.outcome).toBe('opened');
    expect(pulls()).toHaveLength(1);
    referenceTitle = pulls()[0].title;
    c.passed();
  });

  async function githubCell(fault: string, inject: () => void): Promise<void> {
    const c = rec.cell(
      'auto-fix',
      fault,
      'exit 0, outcome opened, exactly one PR with the fault-free title; a re-run opens none',
    );
    if (referenceTitle === undefined) throw new Error('needs the reference cell');
    inject();
    const r = await autofix();
    const injected = gh().calls.filter((x) => x.injected).length;
    const again = await autofix();
    c.observe(
      `exit ${r.code}, outcome ${r.json?.outputs.outcome}, ${injected} faulted response(s), ${pulls().length} PR(s), ` +
        `re-run: ${again.json?.outputs.outcome}`,
    );
    expect(r.code).toBe(0);
    expect(injected).toBeGreaterThan(0);
    expect(r.json!.outputs.outcome).toBe('opened');
    expect(pulls()).toHaveLength(1);
    expect(pulls()[0].title).toBe(referenceTitle);
    expect(again.json!.outputs.outcome).toBe('skipped');
    expect(pulls()).toHaveLength(1);
    c.passed();
  }

  it('GitHub 500 on a write', () =>
    githubCell('GitHub API 500 (POST)', () => gh().failNext(500, 1, { method: 'POST' })));
  it('GitHub 502 twice on creating the PR', () =>
    githubCell('GitHub API 502 x2 (create PR)', () => gh().failNext(502, 2, { path: /\/pulls$/ })));
  it('GitHub 403 primary rate limit', () =>
    githubCell('GitHub 403 primary rate limit', () => gh().rateLimitNext('primary', 1, { retryAfterS: 1 })));
  it('GitHub 403 secondary rate limit on a write', () =>
    githubCell('GitHub 403 secondary rate limit (POST)', () =>
      gh().rateLimitNext('secondary', 1, { method: 'POST', retryAfterS: 1 }),
    ));

  async function ollamaCell(
    fault: string,
    setup: () => Promise<Record<string, string>> | Record<string, string>,
  ) {
    const c = rec.cell('auto-fix', fault, 'exit 0, no PR, a warning naming the LLM');
    const env = await setup();
    const r = await autofix(env);
    const w = warnings(r).map((a) => a.message);
    c.observe(
      `exit ${r.code}, outcome ${r.json?.outputs.outcome}, ${pulls().length} PR(s), ` +
        `warnings: ${w.length ? w.map((m) => m.slice(0, 90)).join(' / ') : 'none'}`,
    );
    expect(r.code).toBe(0);
    expect(pulls()).toHaveLength(0);
    expect(r.json!.github).toEqual([]);
    expect(w.some((m) => /LLM|Ollama/i.test(m))).toBe(true);
    c.passed();
  }

  it('Ollama down', () =>
    ollamaCell('Ollama down', async () => ({ OLLAMA_LOCAL_URL: `http://127.0.0.1:${await freePort()}` })));
  it('Ollama slow', () =>
    ollamaCell('Ollama slow (> timeout)', () => {
      ollama.respondWith(() => ({ kind: 'delay', ms: 6000, then: ANSWER }));
      return {};
    }));
  it('Ollama invalid JSON', () =>
    ollamaCell('Ollama invalid JSON', () => {
      ollama.respondWith(() => ({ kind: 'invalid-json' }));
      return {};
    }));
  it('Ollama stream cut mid-answer', () =>
    ollamaCell('Ollama stream cut mid-answer', () => {
      ollama.respondWith(() => ({ kind: 'drop-mid-stream', contentBefore: '{"diff": "diff --git a/src' }));
      return {};
    }));

  it('Ollama 429 with Retry-After: the retry gets the patch', async () => {
    const c = rec.cell('auto-fix', 'Ollama 429 + Retry-After: 1', 'exit 0, outcome opened, one PR');
    ollama.enqueue({ kind: 'error', status: 429, message: 'too many requests', retryAfter: '1' });
    const r = await autofix();
    c.observe(`exit ${r.code}, outcome ${r.json?.outputs.outcome}, ${pulls().length} PR(s)`);
    expect(r.code).toBe(0);
    expect(r.json!.outputs.outcome).toBe('opened');
    expect(pulls()).toHaveLength(1);
    c.passed();
  });
});
