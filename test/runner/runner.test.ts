import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const ECHO = join(dirname(fileURLToPath(import.meta.url)), 'echo-action.ts');
const env = { AI_CI_TEST_ACTIONS: JSON.stringify({ 'test-echo': ECHO }), GITHUB_TOKEN: undefined };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

let repo: string;
let plain: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ai-ci-runner-repo-'));
  git(repo, 'init', '-q', '-b', 'trunk');
  git(repo, 'config', 'user.email', 't@example.com');
  git(repo, 'config', 'user.name', 'T');
  writeFileSync(join(repo, 'a.txt'), 'a\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'first');
  git(repo, 'remote', 'add', 'origin', 'git@github.com:octo-org/hello-world.git');
  plain = mkdtempSync(join(tmpdir(), 'ai-ci-plain-'));
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(plain, { recursive: true, force: true });
});

describe('ai-ci run', () => {
  it('runs an action with inputs, git context, outputs, summary and annotations', async () => {
    const r = await runCli(
      [
        'run',
        'test-echo',
        '--repo',
        repo,
        '--input',
        'greeting=hi there',
        '--input',
        'multi-line=a\nb',
        '--json',
      ],
      { env },
    );
    expect(r.code).toBe(0);
    const j = r.json!;
    const sha = git(repo, 'rev-parse', 'HEAD');
    expect(j.action).toBe('test-echo');
    expect(j.outcome).toBe('success');
    expect(j.outputs).toEqual({
      greeting: 'hi there',
      repository: 'octo-org/hello-world',
      'event-name': 'push',
      sha,
      ref: 'refs/heads/trunk',
      'default-branch': 'trunk',
      'pull-number': '',
      workspace: repo,
      cwd: repo,
      'dry-run': 'true',
      'multi-line': 'a\nb',
    });
    expect(j.annotations).toEqual([
      { level: 'warning', message: 'a warning with a place', file: 'src/a.ts', line: 7 },
      { level: 'error', message: 'an error, with a comma: and colon', file: 'src/b,c.ts', line: 12 },
      { level: 'notice', message: 'a notice without a place' },
    ]);
    expect(j.summary).toContain('<h1>Echo</h1>');
    expect(j.summary).toContain('greeting: hi there');
    expect(j.github).toEqual([]);
    expect(readFileSync(join(repo, 'echo-output.txt'), 'utf8')).toBe('hi there');
    // stdout is only the JSON object; the action's log went to stderr.
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('greeting is hi there');
  });

  it('reports a failed action with exit code 1', async () => {
    const r = await runCli(['run', 'test-echo', '--repo', repo, '--input', 'fail=yes', '--json'], { env });
    expect(r.code).toBe(1);
    expect(r.json!.outcome).toBe('failure');
    expect(r.json!.annotations).toContainEqual({ level: 'error', message: 'asked to fail' });
  });

  it('takes the payload and event name from --event', async () => {
    const event = join(plain, 'pr.json');
    writeFileSync(
      event,
      JSON.stringify({ pull_request: { number: 42, head: { ref: 'feature' }, base: { ref: 'trunk' } } }),
    );
    const r = await runCli(['run', 'test-echo', '--repo', repo, '--event', event, '--json'], { env });
    expect(r.json!.outputs['event-name']).toBe('pull_request');
    expect(r.json!.outputs['pull-number']).toBe('42');
    const r2 = await runCli(
      ['run', 'test-echo', '--repo', repo, '--event', event, '--event-name', 'pull_request_target', '--json'],
      { env },
    );
    expect(r2.json!.outputs['event-name']).toBe('pull_request_target');
  });

  it('works in a directory that is not a git repository, and honours --repository', async () => {
    const r = await runCli(['run', 'test-echo', '--repo', plain, '--json'], { env });
    expect(r.code).toBe(0);
    expect(r.json!.outputs.repository).toBe(`local/${basename(plain)}`);
    const r2 = await runCli(['run', 'test-echo', '--repo', plain, '--repository', 'me/thing', '--json'], {
      env,
    });
    expect(r2.json!.outputs.repository).toBe('me/thing');
  });

  it('falls back to local/<dirname> for a repository without origin', async () => {
    const noOrigin = join(plain, 'no-origin');
    mkdirSync(noOrigin);
    git(noOrigin, 'init', '-q');
    const r = await runCli(['run', 'test-echo', '--repo', noOrigin, '--json'], { env });
    expect(r.json!.outputs.repository).toBe('local/no-origin');
  });

  it('says dry-run is off when a token is given and --dry-run is not', async () => {
    const r = await runCli(['run', 'test-echo', '--repo', repo, '--json'], {
      env: { ...env, GITHUB_TOKEN: 'x' },
    });
    expect(r.json!.outputs['dry-run']).toBe('false');
    const r2 = await runCli(['run', 'test-echo', '--repo', repo, '--dry-run', '--json'], {
      env: { ...env, GITHUB_TOKEN: 'x' },
    });
    expect(r2.json!.outputs['dry-run']).toBe('true');
  });

  it.each([
    [['run', 'no-such-action'], "Unknown action 'no-such-action'"],
    [['run', 'test-echo', '--input', 'novalue'], "Bad --input 'novalue'"],
    [['run'], 'Which action?'],
    [['run', 'test-echo', '--bogus'], "Unknown option '--bogus'"],
    [['run', 'test-echo', '--repository', 'nope'], "Invalid repository 'nope'"],
    [['frobnicate'], "Unknown command 'frobnicate'"],
  ])('exits 2 with a helpful message for %j', async (args, message) => {
    const r = await runCli(args, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('test-echo');
    expect(r.stdout).toBe('');
  });
});
