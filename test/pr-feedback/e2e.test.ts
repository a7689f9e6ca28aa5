import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';
import { useGitHubStandIn } from '../standins/github/helper.js';
import { startOllamaStandIn } from '../standins/ollama/server.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'reports');
const MARKER = '<!-- ai-ci:pr-feedback -->';
// Every case starts the CLI (and the action it runs) as separate processes.
jest.setTimeout(180_000);

describe('pr-feedback end to end', () => {
  const gh = useGitHubStandIn();
  let ws: string;
  let prNumber: number;
  let cache: string;

  function git(...args: string[]): string {
    return execFileSync('git', args, { cwd: ws, encoding: 'utf8' }).trim();
  }

  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'ai-ci-prfb-'));
    cache = mkdtempSync(join(tmpdir(), 'ai-ci-prfb-cache-'));
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
  });
  afterEach(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  function event(opts: { fork?: boolean; sha?: string } = {}): string {
    const file = join(ws, '..', `${ws.split('/').pop()}-event.json`);
    writeFileSync(
      file,
      JSON.stringify({
        pull_request: {
          number: prNumber,
          head: {
            sha: opts.sha ?? 'a'.repeat(40),
            ref: 'feature/x',
            repo: { full_name: opts.fork ? 'forker/demo' : 'octo/demo' },
          },
          base: { ref: 'main', sha: 'b'.repeat(40) },
        },
        repository: { full_name: 'octo/demo', default_branch: 'main' },
      }),
    );
    return file;
  }

  function run(extra: string[] = [], env: Record<string, string | undefined> = {}) {
    return runCli(
      [
        'run',
        'pr-feedback',
        '--repo',
        ws,
        '--json',
        '--event',
        event(),
        '--input',
        'test-results=reports/*.xml',
        '--input',
        'llm=false',
        ...extra,
      ],
      {
        env: {
          GITHUB_TOKEN: 'ghs_standin_token',
          GITHUB_API_URL: gh().url,
          AI_CI_CACHE_DIR: cache,
          GITHUB_RUN_NUMBER: '42',
          REDIS_URL: undefined,
          ...env,
        },
      },
    );
  }

  function ourComments(): Array<{ id: number; body: string }> {
    return [...gh().state.repo('octo', 'demo').comments.values()].filter(
      (c) => c.issueNumber === prNumber && c.body.startsWith(MARKER),
    );
  }

  it('posts one comment on the first run, then updates it in place, and skips an unchanged edit', async () => {
    const first = await run();
    expect(first.code).toBe(0);
    const j = first.json!;
    expect(j.outputs.status).toBe('failure');
    expect(j.github.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /repos/octo/demo/issues/${prNumber}/comments`,
    ]);
    const comments = ourComments();
    expect(comments).toHaveLength(1);
    expect(j.outputs['comment-id']).toBe(String(comments[0].id));
    expect(comments[0].body).toContain('### ❌ ai-ci: 4 of 9 tests failed');
    expect(readFileSync(join(ws, j.outputs['body-path']), 'utf8')).toBe(comments[0].body);

    const same = await run();
    expect(same.json!.github).toEqual([]);

    const next = await run([], { GITHUB_RUN_NUMBER: '43' });
    expect(next.json!.github.map((w) => `${w.method} ${w.path}`)).toEqual([
      `PATCH /repos/octo/demo/issues/comments/${comments[0].id}`,
    ]);
    expect(ourComments()).toHaveLength(1);
    expect(ourComments()[0].body).toContain('run 43');
  });

  it("leaves a newer run's comment alone", async () => {
    await run([], { GITHUB_RUN_NUMBER: '50' });
    const older = await run([], { GITHUB_RUN_NUMBER: '49' });
    expect(older.json!.github).toEqual([]);
    expect(ourComments()[0].body).toContain('run 50');
  });

  it("ends with exactly one comment, the newest run's, after 10 concurrent runs", async () => {
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => run([], { GITHUB_RUN_NUMBER: String(100 + i) })),
    );
    expect(runs.every((r) => r.code === 0)).toBe(true);
    const left = ourComments();
    expect(left).toHaveLength(1);
    expect(left[0].body).toContain('run 109');
  }, 600_000);

  it('writes to the dry-run sink exactly what a real run sends', async () => {
    const dry = await run(['--dry-run']);
    expect(ourComments()).toHaveLength(0);
    const real = await run();
    expect(dry.json!.github).toEqual(real.json!.github);
    expect(real.json!.github).toEqual(gh().writes());
  });

  it('does not comment with comment-mode off, and only on failures with comment-mode failures', async () => {
    const off = await run(['--input', 'comment-mode=off']);
    expect(off.json!.github).toEqual([]);
    expect(off.json!.summary).toContain('4 of 9 tests failed');
    writeFileSync(
      join(ws, 'reports', 'junit.xml'),
      readFileSync(join(FIXTURES, 'jest-junit.xml'), 'utf8').replace(/<(failure|error)>[\s\S]*?<\/\1>/g, ''),
    );
    const green = await run(['--input', 'comment-mode=failures']);
    expect(green.json!.outputs.status).toBe('success');
    expect(green.json!.github).toEqual([]);
  });

  it('saves the comment for the companion workflow on a fork PR, which posts it after checking the head', async () => {
    const fork = await runCli(
      [
        'run',
        'pr-feedback',
        '--repo',
        ws,
        '--json',
        '--event',
        event({ fork: true }),
        '--input',
        'test-results=reports/*.xml',
        '--input',
        'llm=false',
      ],
      {
        env: {
          GITHUB_TOKEN: 'ghs_readonly',
          GITHUB_API_URL: gh().url,
          AI_CI_CACHE_DIR: cache,
          REDIS_URL: undefined,
        },
      },
    );
    expect(fork.json!.github).toEqual([]);
    expect(existsSync(join(ws, 'ai_analysis', 'pr-feedback-artifact.json'))).toBe(true);
    const pull = await fetch(`${gh().url}/repos/octo/demo/pulls/${prNumber}`, {
      headers: { authorization: 'token x' },
    }).then((r) => r.json() as Promise<{ head: { sha: string } }>);
    const wrEvent = join(ws, '..', 'wr-event.json');
    writeFileSync(
      wrEvent,
      JSON.stringify({
        workflow_run: {
          head_sha: pull.head.sha,
          run_number: 77,
          html_url: 'https://github.com/octo/demo/actions/runs/9',
        },
        repository: { full_name: 'octo/demo' },
      }),
    );
    const post = await runCli(
      [
        'run',
        'pr-feedback',
        '--repo',
        ws,
        '--json',
        '--event',
        wrEvent,
        '--event-name',
        'workflow_run',
        '--input',
        'from-artifact=ai_analysis',
      ],
      {
        env: {
          GITHUB_TOKEN: 'ghs_write',
          GITHUB_API_URL: gh().url,
          AI_CI_CACHE_DIR: cache,
          REDIS_URL: undefined,
        },
      },
    );
    expect(post.code).toBe(0);
    expect(ourComments()).toHaveLength(1);
    writeFileSync(
      wrEvent,
      JSON.stringify({
        workflow_run: { head_sha: 'c'.repeat(40), run_number: 78 },
        repository: { full_name: 'octo/demo' },
      }),
    );
    const wrong = await runCli(
      [
        'run',
        'pr-feedback',
        '--repo',
        ws,
        '--json',
        '--event',
        wrEvent,
        '--event-name',
        'workflow_run',
        '--input',
        'from-artifact=ai_analysis',
      ],
      {
        env: {
          GITHUB_TOKEN: 'ghs_write',
          GITHUB_API_URL: gh().url,
          AI_CI_CACHE_DIR: cache,
          REDIS_URL: undefined,
        },
      },
    );
    expect(wrong.code).toBe(1);
    expect(wrong.json!.github).toEqual([]);
  });

  it("shrinks a huge report to GitHub's comment limit", async () => {
    const one = readFileSync(join(FIXTURES, 'jest-junit.xml'), 'utf8');
    const cases = one.match(/<testcase[\s\S]*?<\/testcase>/g)!.filter((c) => c.includes('<failure>'));
    const big = Array.from({ length: 1500 }, (_, i) =>
      cases[i % cases.length].replace(/ name="([^"]*)"/, ` name="$1 #${i}"`),
    ).join('\n');
    writeFileSync(
      join(ws, 'reports', 'junit.xml'),
      `<?xml version="1.0"?><testsuites><testsuite name="big">${big}</testsuite></testsuites>`,
    );
    const r = await run();
    expect(r.code).toBe(0);
    const body = ourComments()[0].body;
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toMatch(/… and \d+ more/);
  });

  it('uses LLM prose from Ollama when it answers, and the template when it does not, with the same numbers', async () => {
    const ollama = await startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] });
    try {
      ollama.respondWith(() => ({
        kind: 'answer',
        content: JSON.stringify({
          tldr: ['3 tests fail in the cart module.'],
          next_steps: ['Fix the cart total computation.'],
        }),
      }));
      const withLlm = await run(['--input', 'llm=true'], {
        OLLAMA_LOCAL_URL: ollama.url,
        OLLAMA_CLOUD_API_KEY: undefined,
      });
      expect(withLlm.code).toBe(0);
      expect(ourComments()[0].body).toContain('> 3 tests fail in the cart module.');
      await ollama.close();
      const without = await run(['--input', 'llm=true'], {
        OLLAMA_LOCAL_URL: ollama.url,
        OLLAMA_CLOUD_API_KEY: undefined,
        GITHUB_RUN_NUMBER: '44',
        AI_CI_TIMEOUT_SCALE: '0.05',
      });
      expect(without.code).toBe(0);
      const body = ourComments()[0].body;
      expect(body).not.toContain('cart module');
      expect(body).toContain('### ❌ ai-ci: 4 of 9 tests failed');
    } finally {
      await ollama.close().catch(() => undefined);
    }
  });

  it('never puts a secret from a report into the comment', async () => {
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    writeFileSync(
      join(ws, 'reports', 'junit.xml'),
      readFileSync(join(FIXTURES, 'jest-junit.xml'), 'utf8').replace(
        'cart total is wrong on purpose"',
        `cart total leaks ${token}"`,
      ),
    );
    const r = await run();
    expect(r.code).toBe(0);
    const all = JSON.stringify(gh().calls) + JSON.stringify(r.json);
    expect(all).not.toContain(token);
  });
});
