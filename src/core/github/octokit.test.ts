import { RequestError } from '@octokit/request-error';
import { recordingLogger } from '../logger.js';
import { useGitHubStandIn } from '../../../test/standins/github/helper.js';
import type { GitHubStandIn } from '../../../test/standins/github/server.js';
import { createOctokit, GitHubReadSkipped, type GitHubWrite, type Octokit } from './octokit.js';

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
let savedEnv: NodeJS.ProcessEnv;

beforeAll(() => {
  savedEnv = { ...process.env };
  // Retry waits, write spacing and retry-after seconds all shrink 100-fold.
  process.env.AI_CI_TIMEOUT_SCALE = '0.01';
  // ...but not the per-request timeout (10 s after scaling): a loaded test machine is slow.
  process.env.AI_CI_GITHUB_TIMEOUT_MS = '1000000';
  delete process.env.GITHUB_API_URL;
});
afterAll(() => {
  process.env = savedEnv;
});

function opCalls(s: GitHubStandIn, operationId: string): number[] {
  return s.calls.filter((c) => c.operationId === operationId).map((c) => c.status);
}

async function status(p: Promise<unknown>): Promise<number | string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof RequestError ? err.status : String(err);
  }
}

describe('createOctokit against the GitHub stand-in', () => {
  const standIn = useGitHubStandIn();
  const make = (extra: Partial<Parameters<typeof createOctokit>[0]> = {}) => {
    const logger = recordingLogger();
    const octokit = createOctokit({ token: TOKEN, baseUrl: standIn().url, logger, dryRun: false, ...extra });
    return { octokit, logger };
  };

  it('retries a 5xx and then succeeds', async () => {
    const s = standIn();
    const pr = s.state.addPull(s.state.repo('octo', 'demo'), { title: 'Fix', head: 'main' });
    s.failNext(502, 2, { operationId: 'pulls/get' });
    const { octokit } = make();
    const res = await octokit.rest.pulls.get({ owner: 'octo', repo: 'demo', pull_number: pr.number });
    expect(res.data.number).toBe(pr.number);
    expect(opCalls(s, 'pulls/get')).toEqual([502, 502, 200]);
  });

  it('gives up after three retries of a persistent 5xx', async () => {
    const s = standIn();
    s.failNext(503, 10, { operationId: 'repos/get' });
    const { octokit } = make();
    expect(await status(octokit.rest.repos.get({ owner: 'octo', repo: 'demo' }))).toBe(503);
    expect(opCalls(s, 'repos/get')).toEqual([503, 503, 503, 503]);
  });

  it('does not retry 404 or 422, and leaves judging them to the caller', async () => {
    const s = standIn();
    const { octokit, logger } = make();
    expect(
      await status(octokit.rest.issues.getComment({ owner: 'octo', repo: 'demo', comment_id: 424242 })),
    ).toBe(404);
    expect(opCalls(s, 'issues/get-comment')).toEqual([404]);
    // A pull request from a branch that does not exist is GitHub's 422.
    expect(
      await status(
        octokit.rest.pulls.create({
          owner: 'octo',
          repo: 'demo',
          title: 'x',
          head: 'no-such-branch',
          base: 'main',
        }),
      ),
    ).toBe(422);
    expect(opCalls(s, 'pulls/create')).toEqual([422]);
    expect(logger.messages('error')).toEqual([]);
  });

  it('waits out a primary rate limit (403, x-ratelimit-remaining: 0) with a warning', async () => {
    const s = standIn();
    s.rateLimitNext('primary', 1, { operationId: 'repos/get' });
    const { octokit, logger } = make();
    const res = await octokit.rest.repos.get({ owner: 'octo', repo: 'demo' });
    expect(res.data.full_name).toBe('octo/demo');
    expect(opCalls(s, 'repos/get')).toEqual([403, 200]);
    const warnings = logger.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^GitHub primary rate limit for GET \/repos\/\{owner\}\/\{repo\}: retrying in \d+s \(retry 1 of 2\)\.$/,
    );
  });

  it('stops after two rate-limit retries', async () => {
    const s = standIn();
    s.rateLimitNext('primary', 5, { operationId: 'repos/get' });
    const { octokit, logger } = make();
    expect(await status(octokit.rest.repos.get({ owner: 'octo', repo: 'demo' }))).toBe(403);
    expect(opCalls(s, 'repos/get')).toEqual([403, 403, 403]);
    expect(logger.messages('warning').at(-1)).toMatch(/giving up after 2 retries/);
  });

  it('does not wait an hour for a primary rate limit reset', async () => {
    const s = standIn();
    s.rateLimitNext('primary', 1, { operationId: 'repos/get', retryAfterS: 3600 });
    const { octokit, logger } = make();
    expect(await status(octokit.rest.repos.get({ owner: 'octo', repo: 'demo' }))).toBe(403);
    expect(opCalls(s, 'repos/get')).toEqual([403]);
    expect(logger.messages('warning')).toEqual([
      expect.stringMatching(
        /^GitHub primary rate limit for GET \/repos\/\{owner\}\/\{repo\}: giving up after 0 retries \(reset in 360\ds\)\.$/,
      ),
    ]);
  });

  it.each([[429], [403]] as const)('waits out a secondary rate limit (%d, retry-after: 1)', async (code) => {
    const s = standIn();
    const repo = s.state.repo('octo', 'demo');
    const issue = s.state.addIssue(repo, 'Flaky test');
    s.rateLimitNext('secondary', 1, { status: code, retryAfterS: 1, operationId: 'issues/create-comment' });
    const { octokit, logger } = make();
    const res = await octokit.rest.issues.createComment({
      owner: 'octo',
      repo: 'demo',
      issue_number: issue.number,
      body: 'hi',
    });
    expect(res.status).toBe(201);
    expect(opCalls(s, 'issues/create-comment')).toEqual([code, 201]);
    expect([...repo.comments.values()].map((c) => c.body)).toEqual(['hi']);
    expect(logger.messages('warning')).toEqual([
      'GitHub secondary rate limit for POST /repos/{owner}/{repo}/issues/{issue_number}/comments: retrying in 1s (retry 1 of 2).',
    ]);
  });

  it('times out a request that hangs and retries it', async () => {
    const s = standIn();
    s.stallNext(3000, 1, { operationId: 'repos/get' });
    const { octokit } = make({ timeoutMs: 200 });
    const res = await octokit.rest.repos.get({ owner: 'octo', repo: 'demo' });
    expect(res.status).toBe(200);
    expect(s.calls.filter((c) => c.operationId === 'repos/get')).toHaveLength(2);
  });

  it('does not retry a write that timed out: it may have been applied', async () => {
    const s = standIn();
    s.state.addIssue(s.state.repo('octo', 'demo'), 'x');
    s.stallNext(3000, 1, { operationId: 'issues/create-comment' });
    const { octokit } = make({ timeoutMs: 200 });
    const err = await octokit.rest.issues
      .createComment({ owner: 'octo', repo: 'demo', issue_number: 1, body: 'once' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe(
      `GitHub did not answer POST ${s.url}/repos/octo/demo/issues/1/comments within 200 ms; not retried, since the write may have been applied.`,
    );
    expect(s.calls.filter((c) => c.operationId === 'issues/create-comment')).toHaveLength(1);
  });

  it('follows the job-logs redirect to the log text', async () => {
    const s = standIn();
    const run = s.state.addWorkflowRun(s.state.repo('octo', 'demo'), {
      name: 'CI',
      jobs: [{ name: 'test', conclusion: 'failure', log: '2026-01-15T10:00:00Z FAIL src/a.test.ts\n' }],
    });
    const { octokit } = make();
    const res = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
      owner: 'octo',
      repo: 'demo',
      job_id: run.jobs[0].id,
    });
    expect(res.data).toBe('2026-01-15T10:00:00Z FAIL src/a.test.ts\n');
  });

  it('refuses reads without a token, before any request is made', async () => {
    const s = standIn();
    const { octokit } = make({ token: undefined, dryRun: true });
    const err = await octokit.rest.pulls
      .get({ owner: 'octo', repo: 'demo', pull_number: 1 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubReadSkipped);
    expect((err as GitHubReadSkipped).message).toBe(
      'GitHub API read skipped, no token: GET /repos/octo/demo/pulls/1. Pass github-token (or set GITHUB_TOKEN) to let ai-ci read it.',
    );
    const gql = await octokit.graphql('query { viewer { login } }').catch((e: unknown) => e);
    expect(gql).toBeInstanceOf(GitHubReadSkipped);
    expect(s.calls).toEqual([]);
  });

  it('reports a write with its redacted body; in dry-run nothing reaches the network', async () => {
    const s = standIn();
    const writes: GitHubWrite[] = [];
    const { octokit, logger } = make({ dryRun: true, onWrite: (w) => writes.push(w) });
    const res = await octokit.rest.issues.createComment({
      owner: 'octo',
      repo: 'demo',
      issue_number: 7,
      body: `leaked ${TOKEN} here`,
    });
    expect(res.status).toBe(201);
    expect(res.data.html_url).toBe(
      `${new URL(standIn().url).origin}/octo/demo/issues/7#issuecomment-${res.data.id}`,
    );
    expect(writes).toEqual([
      { method: 'POST', path: '/repos/octo/demo/issues/7/comments', body: { body: 'leaked *** here' } },
    ]);
    expect(logger.messages('info')).toEqual(['dry-run: would POST /repos/octo/demo/issues/7/comments']);
    const pr = await octokit.rest.pulls.create({
      owner: 'octo',
      repo: 'demo',
      title: 'Fix',
      head: 'ai-ci/fix-1',
      base: 'main',
    });
    expect(pr.data.number).toBeGreaterThan(0);
    expect(pr.data.html_url).toMatch(/\/octo\/demo\/pull\/\d+$/);
    const blob = await octokit.rest.git.createBlob({ owner: 'octo', repo: 'demo', content: 'x' });
    expect(blob.data.sha).toMatch(/^[0-9a-f]{40}$/);
    await octokit.graphql('mutation { addStar(input: {starrableId: "R_1"}) { clientMutationId } }');
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      'POST /repos/octo/demo/issues/7/comments',
      'POST /repos/octo/demo/pulls',
      'POST /repos/octo/demo/git/blobs',
      'POST /graphql',
    ]);
    expect(s.calls).toEqual([]);
  });
});

/**
 * The same work, once for real and once in dry-run: a sticky-comment update, a new comment, labels,
 * a blob and a branch at the head of main. Writes whose input comes from reads (not from the
 * fabricated answers of earlier dry-run writes) must be identical.
 */
async function scenario(octokit: Octokit): Promise<void> {
  const o = { owner: 'octo', repo: 'demo' };
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...o,
    issue_number: 1,
    per_page: 2,
  });
  const sticky = comments.find((c) => c.body?.startsWith('<!-- ai-ci -->'));
  if (sticky)
    await octokit.rest.issues.updateComment({ ...o, comment_id: sticky.id, body: '<!-- ai-ci -->\nupdated' });
  await octokit.rest.issues.createComment({ ...o, issue_number: 1, body: 'another' });
  await octokit.rest.issues.addLabels({ ...o, issue_number: 1, labels: ['ai-ci', 'flaky'] });
  const stale = comments.find((c) => c.body === 'stale');
  if (stale) await octokit.rest.issues.deleteComment({ ...o, comment_id: stale.id });
  await octokit.rest.git.createBlob({ ...o, content: 'export const fixed = true;\n', encoding: 'utf-8' });
  const main = await octokit.rest.git.getRef({ ...o, ref: 'heads/main' });
  await octokit.rest.git.createRef({ ...o, ref: 'refs/heads/ai-ci/fix-1', sha: main.data.object.sha });
  await octokit.rest.checks.create({
    ...o,
    name: 'ai-ci gate',
    head_sha: main.data.object.sha,
    status: 'completed',
    conclusion: 'success',
    output: { title: 'ok', summary: 'all good' },
  });
}

describe('dry-run and a real run write the same', () => {
  const standIn = useGitHubStandIn();

  function seed(s: GitHubStandIn): void {
    const repo = s.state.repo('octo', 'demo');
    s.state.addIssue(repo, 'Pull request');
    for (let i = 0; i < 4; i++) s.state.addComment(repo, 1, `comment ${i}`);
    s.state.addComment(repo, 1, '<!-- ai-ci -->\nold');
    s.state.addComment(repo, 1, 'stale');
  }

  it('records the same write list', async () => {
    const s = standIn();
    seed(s);
    const realWrites: GitHubWrite[] = [];
    await scenario(
      createOctokit({
        token: TOKEN,
        baseUrl: s.url,
        logger: recordingLogger(),
        dryRun: false,
        onWrite: (w) => realWrites.push(w),
      }),
    );
    const served = s.writes();
    expect(served.map((w) => `${w.method} ${w.path}`)).toEqual([
      `PATCH /repos/octo/demo/issues/comments/${[...s.state.repo('octo', 'demo').comments.values()].find((c) => c.body.startsWith('<!-- ai-ci -->'))?.id}`,
      'POST /repos/octo/demo/issues/1/comments',
      'POST /repos/octo/demo/issues/1/labels',
      expect.stringMatching(/^DELETE \/repos\/octo\/demo\/issues\/comments\/\d+$/),
      'POST /repos/octo/demo/git/blobs',
      'POST /repos/octo/demo/git/refs',
      'POST /repos/octo/demo/check-runs',
    ]);
    expect(realWrites).toEqual(served);

    s.reset();
    seed(s);
    const dryWrites: GitHubWrite[] = [];
    await scenario(
      createOctokit({
        token: TOKEN,
        baseUrl: s.url,
        logger: recordingLogger(),
        dryRun: true,
        onWrite: (w) => dryWrites.push(w),
      }),
    );
    expect(s.writes()).toEqual([]);
    expect(dryWrites).toEqual(served);
  });
});

describe('GitHub Enterprise Server', () => {
  const standIn = useGitHubStandIn({ prefix: '/api/v3' });

  it('takes the base URL from GITHUB_API_URL and reports paths relative to it', async () => {
    const s = standIn();
    const issue = s.state.addIssue(s.state.repo('corp', 'svc'), 'x');
    process.env.GITHUB_API_URL = s.url;
    try {
      const writes: GitHubWrite[] = [];
      const octokit = createOctokit({
        token: TOKEN,
        logger: recordingLogger(),
        dryRun: false,
        onWrite: (w) => writes.push(w),
      });
      await octokit.rest.issues.createComment({
        owner: 'corp',
        repo: 'svc',
        issue_number: issue.number,
        body: 'on GHES',
      });
      const content = await octokit.rest.repos.getContent({ owner: 'corp', repo: 'svc', path: 'README.md' });
      expect(Array.isArray(content.data) ? 'dir' : content.data.type).toBe('file');
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      expect(s.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
        `POST /repos/corp/svc/issues/${issue.number}/comments 201`,
        'GET /repos/corp/svc/contents/README.md 200',
      ]);
      expect(writes).toEqual([
        {
          method: 'POST',
          path: `/repos/corp/svc/issues/${issue.number}/comments`,
          body: { body: 'on GHES' },
        },
      ]);
    } finally {
      delete process.env.GITHUB_API_URL;
    }
  });
});
