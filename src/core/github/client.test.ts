import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordingLogger } from '../logger.js';
import { clearRegisteredSecrets, redact } from '../redact.js';
import { useGitHubStandIn } from '../../../test/standins/github/helper.js';
import { githubFromEnv } from './client.js';
import { GitHubReadSkipped } from './octokit.js';

const TOKEN = 'ghs_0123456789abcdefghijABCDEFGHIJ0123456789';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ai-ci-client-'));
  clearRegisteredSecrets();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: 'octo/demo',
    AI_CI_TIMEOUT_SCALE: '0.01',
    AI_CI_GITHUB_TIMEOUT_MS: '1000000',
    ...extra,
  };
}

function logLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
}

describe('githubFromEnv', () => {
  const standIn = useGitHubStandIn();
  it('uses the github-token input before GITHUB_TOKEN, and masks it', () => {
    const gh = githubFromEnv(
      recordingLogger(),
      env({ 'INPUT_GITHUB-TOKEN': TOKEN, GITHUB_TOKEN: 'ghs_other' }),
    );
    expect([gh.canRead, gh.dryRun, gh.owner, gh.repo]).toEqual([true, false, 'octo', 'demo']);
    expect(redact(`token ${TOKEN.slice(4)} end`)).toBe(`token ${TOKEN.slice(4)} end`);
    expect(redact(`x-access-token ${TOKEN}`)).toBe('x-access-token ***');
  });

  it('without a token: dry-run, no reads, and says so', async () => {
    const logger = recordingLogger();
    const gh = githubFromEnv(logger, env({}));
    expect([gh.canRead, gh.dryRun]).toEqual([false, true]);
    expect(logger.messages('info')).toEqual([
      'No GitHub token: reads that need the API are skipped, writes go to the dry-run log.',
    ]);
    await expect(
      gh.octokit.rest.pulls.get({ owner: 'octo', repo: 'demo', pull_number: 1 }),
    ).rejects.toBeInstanceOf(GitHubReadSkipped);
  });

  it('appends every write to AI_CI_GITHUB_LOG as one JSON line, equal to what a real run sends', async () => {
    const s = standIn();
    const repo = s.state.repo('octo', 'demo');
    s.state.addIssue(repo, 'PR');
    const run = async (extra: NodeJS.ProcessEnv, file: string) => {
      const gh = githubFromEnv(
        recordingLogger(),
        env({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: s.url, AI_CI_GITHUB_LOG: file, ...extra }),
      );
      await gh.octokit.rest.issues.createComment({
        owner: gh.owner,
        repo: gh.repo,
        issue_number: 1,
        body: 'Coverage 81.2% (+0.4)',
      });
      await gh.octokit.rest.issues.addLabels({
        owner: gh.owner,
        repo: gh.repo,
        issue_number: 1,
        labels: ['ai-ci'],
      });
      return gh;
    };
    const real = await run({}, join(dir, 'real.jsonl'));
    expect(real.dryRun).toBe(false);
    const served = s.writes();
    expect(served).toHaveLength(2);
    expect(logLines(join(dir, 'real.jsonl'))).toEqual(served);
    expect(readFileSync(join(dir, 'real.jsonl'), 'utf8').split('\n')[0]).toBe(
      '{"method":"POST","path":"/repos/octo/demo/issues/1/comments","body":{"body":"Coverage 81.2% (+0.4)"}}',
    );

    const dry = await run({ AI_CI_DRY_RUN: 'true' }, join(dir, 'dry.jsonl'));
    expect([dry.dryRun, dry.canRead]).toEqual([true, true]);
    expect(s.writes()).toEqual(served);
    expect(logLines(join(dir, 'dry.jsonl'))).toEqual(served);
  });
});
