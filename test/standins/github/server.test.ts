import { execFileSync } from 'node:child_process';
import { Octokit } from '@octokit/rest';
import { useGitHubStandIn } from './helper.js';

const AUTH = { authorization: 'token ghs_standin', 'content-type': 'application/json' };

describe('GitHub stand-in', () => {
  const standIn = useGitHubStandIn();
  const octokit = () =>
    new Octokit({
      auth: 'ghs_standin',
      baseUrl: standIn().url,
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });

  it('rejects a path that is no operation of the subset, and says how to add one', async () => {
    const s = standIn();
    const res = await fetch(`${s.url}/repos/octo/demo/releases`, { headers: AUTH });
    expect(res.status).toBe(404);
    expect(s.takeFailures()).toEqual([
      'GET /repos/octo/demo/releases: no operation of the OpenAPI subset matches. If ai-ci should call this GitHub endpoint, add its operationId to OPERATIONS in scripts/extract-openapi-subset.mjs and regenerate test/standins/github/openapi-subset.json.',
    ]);
  });

  it('rejects a body that does not match the description (422) and records it', async () => {
    const s = standIn();
    s.state.addIssue(s.state.repo('octo', 'demo'), 'x');
    const res = await fetch(`${s.url}/repos/octo/demo/issues/1/comments`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ text: 'wrong field' }),
    });
    expect(res.status).toBe(422);
    expect(s.takeFailures()).toEqual([
      `POST /repos/octo/demo/issues/1/comments (issues/create-comment) does not match GitHub's OpenAPI description: /requestBody must have required property 'body' {"missingProperty":"body"}`,
    ]);
    expect([...s.state.repo('octo', 'demo').comments.values()]).toEqual([]);
  });

  it('rejects wrong parameter types and a wrong method', async () => {
    const s = standIn();
    expect(
      (await fetch(`${s.url}/repos/octo/demo/issues/abc/comments?per_page=lots`, { headers: AUTH })).status,
    ).toBe(422);
    expect(
      (await fetch(`${s.url}/repos/octo/demo/pulls/1`, { method: 'DELETE', headers: AUTH })).status,
    ).toBe(404);
    const failures = s.takeFailures();
    expect(failures).toHaveLength(2);
    expect(failures[0]).toBe(
      `GET /repos/octo/demo/issues/abc/comments?per_page=lots (issues/list-comments) does not match GitHub's OpenAPI description: /path/issue_number must be integer {"type":"integer"}; /query/per_page must be integer {"type":"integer"}`,
    );
    expect(failures[1]).toMatch(
      /^DELETE \/repos\/octo\/demo\/pulls\/1: no operation of the OpenAPI subset matches/,
    );
  });

  it('makes the test helper fail a test that sent a non-conforming request', async () => {
    const s = standIn();
    await fetch(`${s.url}/repos/octo/demo/check-runs`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ head_sha: 'abc' }),
    });
    expect(() => s.assertNoFailures()).toThrow(
      /^GitHub stand-in: 1 request\(s\) did not conform:\n- POST \/repos\/octo\/demo\/check-runs \(checks\/create\) does not match GitHub's OpenAPI description: /,
    );
    expect(s.failures).toEqual([]);
  });

  it('answers 401 without a token, as GitHub does', async () => {
    const s = standIn();
    const res = await fetch(`${s.url}/repos/octo/demo`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  });

  it('paginates with a Link header that Octokit follows', async () => {
    const s = standIn();
    const repo = s.state.repo('octo', 'demo');
    s.state.addIssue(repo, 'x');
    for (let i = 0; i < 5; i++) s.state.addComment(repo, 1, `c${i}`);
    const first = await fetch(`${s.url}/repos/octo/demo/issues/1/comments?per_page=2`, { headers: AUTH });
    expect(first.headers.get('link')).toBe(
      `<${s.url}/repos/octo/demo/issues/1/comments?per_page=2&page=2>; rel="next", <${s.url}/repos/octo/demo/issues/1/comments?per_page=2&page=3>; rel="last"`,
    );
    const all = await octokit().paginate(octokit().rest.issues.listComments, {
      owner: 'octo',
      repo: 'demo',
      issue_number: 1,
      per_page: 2,
    });
    expect(all.map((c) => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(s.calls.map((c) => c.path)).toEqual([
      '/repos/octo/demo/issues/1/comments?per_page=2',
      '/repos/octo/demo/issues/1/comments?per_page=2',
      '/repos/octo/demo/issues/1/comments?per_page=2&page=2',
      '/repos/octo/demo/issues/1/comments?per_page=2&page=3',
    ]);
  });

  it('answers rate limits with GitHub headers and messages', async () => {
    const s = standIn();
    s.rateLimitNext('primary', 1);
    s.rateLimitNext('secondary', 1, { status: 429, retryAfterS: 7 });
    const primary = await fetch(`${s.url}/repos/octo/demo`, { headers: AUTH });
    expect(primary.status).toBe(403);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(primary.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(((await primary.json()) as { message: string }).message).toMatch(/^API rate limit exceeded/);
    const secondary = await fetch(`${s.url}/repos/octo/demo`, { headers: AUTH });
    expect(secondary.status).toBe(429);
    expect(secondary.headers.get('retry-after')).toBe('7');
    expect(((await secondary.json()) as { message: string }).message).toMatch(
      /^You have exceeded a secondary rate limit/,
    );
    expect((await fetch(`${s.url}/repos/octo/demo`, { headers: AUTH })).status).toBe(200);
    expect(s.calls.map((c) => [c.status, c.injected])).toEqual([
      [403, true],
      [429, true],
      [200, false],
    ]);
  });

  it('redirects job logs to a download URL it serves', async () => {
    const s = standIn();
    const run = s.state.addWorkflowRun(s.state.repo('octo', 'demo'), {
      name: 'CI',
      jobs: [{ name: 'test', log: 'hello\n' }],
    });
    const res = await fetch(`${s.url}/repos/octo/demo/actions/jobs/${run.jobs[0].id}/logs`, {
      headers: AUTH,
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`${s.origin}/_blob/job-logs/${run.jobs[0].id}?sig=stand-in&se=2099-01-01`);
    expect(await (await fetch(location)).text()).toBe('hello\n');
    const jobs = await octokit().rest.actions.listJobsForWorkflowRun({
      owner: 'octo',
      repo: 'demo',
      run_id: run.id,
    });
    expect(jobs.data.jobs.map((j) => [j.name, j.conclusion])).toEqual([['test', 'success']]);
  });

  it('keeps git data like git does: blob SHAs, trees on a base, fast-forward-only refs', async () => {
    const s = standIn();
    const o = { owner: 'octo', repo: 'demo' };
    const gh = octokit();
    const content = 'export const fixed = true;\n';
    const blob = await gh.rest.git.createBlob({ ...o, content, encoding: 'utf-8' });
    expect(blob.data.sha).toBe(
      execFileSync('git', ['hash-object', '--stdin'], { input: content }).toString().trim(),
    );
    const main = (await gh.rest.git.getRef({ ...o, ref: 'heads/main' })).data.object.sha;
    const baseTree = (await gh.rest.git.getCommit({ ...o, commit_sha: main })).data.tree.sha;
    const tree = await gh.rest.git.createTree({
      ...o,
      base_tree: baseTree,
      tree: [{ path: 'src/fix.ts', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    expect(tree.data.tree.map((e) => e.path)).toEqual(['README.md', 'src/fix.ts']);
    const commit = await gh.rest.git.createCommit({
      ...o,
      message: 'Fix',
      tree: tree.data.sha,
      parents: [main],
    });
    await gh.rest.git.createRef({ ...o, ref: 'refs/heads/ai-ci/fix', sha: commit.data.sha });
    const file = await gh.rest.repos.getContent({ ...o, path: 'src/fix.ts', ref: 'ai-ci/fix' });
    expect(
      Array.isArray(file.data) || file.data.type !== 'file'
        ? undefined
        : Buffer.from(file.data.content, 'base64').toString(),
    ).toBe(content);

    // Moving the branch back to its parent is not a fast forward unless forced.
    const back = await gh.rest.git
      .updateRef({ ...o, ref: 'heads/ai-ci/fix', sha: main })
      .catch((e: { status: number }) => e.status);
    expect(back).toBe(422);
    expect(
      (await gh.rest.git.updateRef({ ...o, ref: 'heads/ai-ci/fix', sha: main, force: true })).status,
    ).toBe(200);
    expect(
      await gh.rest.git
        .createRef({ ...o, ref: 'refs/heads/main', sha: main })
        .catch((e: { status: number }) => e.status),
    ).toBe(422);

    await gh.rest.git.updateRef({ ...o, ref: 'heads/ai-ci/fix', sha: commit.data.sha });
    expect(s.state.repo('octo', 'demo').refs.get('refs/heads/ai-ci/fix')).toBe(commit.data.sha);
    const pr = await gh.rest.pulls.create({ ...o, title: 'Fix', head: 'ai-ci/fix', base: 'main' });
    const files = await gh.rest.pulls.listFiles({ ...o, pull_number: pr.data.number });
    expect(files.data.map((f) => [f.filename, f.status])).toEqual([['src/fix.ts', 'added']]);
    const cmp = await gh.rest.repos.compareCommitsWithBasehead({ ...o, basehead: 'main...ai-ci/fix' });
    expect([cmp.data.status, cmp.data.ahead_by, cmp.data.behind_by]).toEqual(['ahead', 1, 0]);
    expect(
      await gh.rest.pulls
        .create({ ...o, title: 'Again', head: 'ai-ci/fix', base: 'main' })
        .catch((e: { status: number }) => e.status),
    ).toBe(422);
  });

  it('records labels and check runs in its state', async () => {
    const s = standIn();
    const repo = s.state.repo('octo', 'demo');
    s.state.addIssue(repo, 'x');
    const gh = octokit();
    await gh.rest.issues.addLabels({
      owner: 'octo',
      repo: 'demo',
      issue_number: 1,
      labels: ['ai-ci', 'flaky'],
    });
    await gh.rest.issues.addLabels({
      owner: 'octo',
      repo: 'demo',
      issue_number: 1,
      labels: ['flaky', 'auto-fix'],
    });
    expect(repo.issues.get(1)?.labels).toEqual(['ai-ci', 'flaky', 'auto-fix']);
    const created = await gh.rest.checks.create({
      owner: 'octo',
      repo: 'demo',
      name: 'gate',
      head_sha: 'a'.repeat(40),
      status: 'in_progress',
    });
    await gh.rest.checks.update({
      owner: 'octo',
      repo: 'demo',
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: {
        title: 'Coverage dropped',
        summary: '-2.1%',
        annotations: [
          { path: 'src/a.ts', start_line: 3, end_line: 3, annotation_level: 'failure', message: 'uncovered' },
        ],
      },
    });
    const cr = repo.checkRuns.get(created.data.id);
    expect([cr?.status, cr?.conclusion, cr?.output.title, cr?.output.annotations.length]).toEqual([
      'completed',
      'failure',
      'Coverage dropped',
      1,
    ]);
  });
});
