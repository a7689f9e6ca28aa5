/**
 * Fault matrix, pr-feedback: GitHub API faults (5xx, primary and secondary rate limits, a sticky
 * comment deleted between runs), each through `ai-ci run` against the GitHub stand-in, which
 * answers rate limits with `Retry-After: 1`. Expected: exit 0 and exactly one ai-ci comment on
 * the PR, with the same body a fault-free run posts.
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliRun } from '../helpers/cli.js';
import { useGitHubStandIn } from '../standins/github/helper.js';
import { CellRecorder } from './matrix-record.js';

jest.setTimeout(120_000);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'reports');
const MARKER = '<!-- ai-ci:pr-feedback -->';
const rec = new CellRecorder('pr-feedback');
afterAll(() => rec.write());

describe('fault matrix: pr-feedback', () => {
  const gh = useGitHubStandIn();
  let ws: string;
  let cache: string;
  let prNumber: number;
  let reference: string | undefined;

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
  });
  afterEach(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  function run(runNumber = '42'): Promise<CliRun> {
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
        'llm=false',
      ]),
      {
        env: {
          GITHUB_TOKEN: 'ghs_standin_token',
          GITHUB_API_URL: gh().url,
          AI_CI_CACHE_DIR: cache,
          GITHUB_RUN_NUMBER: runNumber,
          REDIS_URL: undefined,
          // GitHub's waits (Retry-After: 1, retry back-off) in units of 50 ms instead of 1 s.
          AI_CI_GITHUB_RETRY_UNIT_MS: '50',
          AI_CI_GITHUB_WRITE_INTERVAL_MS: '10',
        },
      },
    );
  }

  const ours = () =>
    [...gh().state.repo('octo', 'demo').comments.values()].filter(
      (c) => c.issueNumber === prNumber && c.body.startsWith(MARKER),
    );
  const warnings = (r: CliRun) => (r.json?.annotations ?? []).filter((a) => a.level === 'warning');

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
});
