import type { Comment, Commit, Issue, Job, Repo, StandInState, WorkflowRun } from './model.js';

/** A request that matched an operation of the OpenAPI subset and passed its validation. */
export interface HandlerRequest {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  state: StandInState;
  /** Absolute API base, e.g. `http://127.0.0.1:5123` or `http://127.0.0.1:5123/api/v3`. */
  apiUrl: string;
  /** The web URL of the stand-in "GitHub" (html_url values). */
  webUrl: string;
  /** The absolute URL of this request, for pagination links. */
  requestUrl: URL;
  /** Where the stand-in serves job logs (the redirect target of the logs endpoint). */
  blobUrl: string;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: HandlerRequest) => HandlerResult;

const DOCS = 'https://docs.github.com/rest';

function json(status: number, body: unknown, headers?: Record<string, string>): HandlerResult {
  return { status, body, headers };
}

export function notFound(): HandlerResult {
  return json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

function invalid(message: string, errors: unknown[] = []): HandlerResult {
  return json(422, { message, errors, documentation_url: DOCS, status: '422' });
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function q(req: HandlerRequest, name: string): string | undefined {
  const v = req.query[name];
  return Array.isArray(v) ? v[0] : v;
}

/** GitHub's page/per_page pagination with a Link header (first, prev, next, last). */
function paginate<T>(req: HandlerRequest, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(q(req, 'per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(q(req, 'page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string): string => {
    const u = new URL(req.requestUrl);
    u.searchParams.set('page', String(p));
    if (q(req, 'per_page') !== undefined) u.searchParams.set('per_page', String(perPage));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

function repoOf(req: HandlerRequest): Repo {
  return req.state.repo(req.params.owner, req.params.repo);
}

function repoApi(req: HandlerRequest, r: Repo): string {
  return `${req.apiUrl}/repos/${r.owner}/${r.name}`;
}

function repoWeb(req: HandlerRequest, r: Repo): string {
  return `${req.webUrl}/${r.owner}/${r.name}`;
}

function user(req: HandlerRequest, u: { login: string; id: number; type: string }) {
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    type: u.type,
    site_admin: false,
    url: `${req.apiUrl}/users/${encodeURIComponent(u.login)}`,
    html_url: `${req.webUrl}/${u.login}`,
  };
}

function repoJson(req: HandlerRequest, r: Repo) {
  return {
    id: r.id,
    node_id: `R_${r.id}`,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    private: r.private,
    owner: user(req, { login: r.owner, id: r.id + 1, type: 'Organization' }),
    html_url: repoWeb(req, r),
    url: repoApi(req, r),
    default_branch: r.defaultBranch,
    visibility: r.private ? 'private' : 'public',
    fork: false,
    archived: false,
  };
}

function commentJson(req: HandlerRequest, r: Repo, c: Comment) {
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoApi(req, r)}/issues/comments/${c.id}`,
    html_url: `${repoWeb(req, r)}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${repoApi(req, r)}/issues/${c.issueNumber}`,
    body: c.body,
    user: user(req, c.user),
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function labelJson(r: Repo, name: string) {
  const id = [...name].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) % 1_000_000_007, r.id);
  return { id, node_id: `LA_${id}`, name, color: 'ededed', default: false, description: null };
}

function refSha(r: Repo, branch: string): string | undefined {
  return r.refs.get(`refs/heads/${branch}`);
}

function pullJson(req: HandlerRequest, r: Repo, i: Issue) {
  const p = i.pull;
  if (!p) throw new Error(`issue ${i.number} is not a pull request`);
  const side = (ref: string) => ({
    label: `${r.owner}:${ref}`,
    ref,
    sha: refSha(r, ref) ?? '0'.repeat(40),
    repo: repoJson(req, r),
    user: user(req, { login: r.owner, id: r.id + 1, type: 'Organization' }),
  });
  return {
    id: p.id,
    node_id: `PR_${p.id}`,
    number: i.number,
    url: `${repoApi(req, r)}/pulls/${i.number}`,
    html_url: `${repoWeb(req, r)}/pull/${i.number}`,
    state: i.state,
    title: i.title,
    body: i.body,
    user: user(req, i.user),
    labels: i.labels.map((l) => labelJson(r, l)),
    draft: p.draft,
    merged: p.merged,
    maintainer_can_modify: p.maintainerCanModify,
    head: side(p.head),
    base: side(p.base),
    created_at: req.state.timestamp(),
    updated_at: req.state.timestamp(),
  };
}

function issueJson(req: HandlerRequest, r: Repo, i: Issue) {
  return {
    id: i.number + r.id * 1000,
    node_id: `I_${i.number}`,
    number: i.number,
    url: `${repoApi(req, r)}/issues/${i.number}`,
    html_url: `${repoWeb(req, r)}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
    state: i.state,
    title: i.title,
    body: i.body,
    user: user(req, i.user),
    labels: i.labels.map((l) => labelJson(r, l)),
    comments: [...r.comments.values()].filter((c) => c.issueNumber === i.number).length,
    ...(i.pull
      ? {
          pull_request: {
            url: `${repoApi(req, r)}/pulls/${i.number}`,
            html_url: `${repoWeb(req, r)}/pull/${i.number}`,
          },
        }
      : {}),
  };
}

function commitJson(req: HandlerRequest, r: Repo, c: Commit) {
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${repoApi(req, r)}/git/commits/${c.sha}`,
    html_url: `${repoWeb(req, r)}/commit/${c.sha}`,
    author: c.author,
    committer: c.author,
    message: c.message,
    tree: { sha: c.tree, url: `${repoApi(req, r)}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${repoApi(req, r)}/git/commits/${p}`,
      html_url: `${repoWeb(req, r)}/commit/${p}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

function restCommitJson(req: HandlerRequest, r: Repo, c: Commit, files?: unknown[]) {
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${repoApi(req, r)}/commits/${c.sha}`,
    html_url: `${repoWeb(req, r)}/commit/${c.sha}`,
    commit: {
      message: c.message,
      author: c.author,
      committer: c.author,
      tree: { sha: c.tree, url: `${repoApi(req, r)}/git/trees/${c.tree}` },
    },
    parents: c.parents.map((p) => ({ sha: p, url: `${repoApi(req, r)}/commits/${p}` })),
    ...(files ? { files } : {}),
  };
}

function fileJson(req: HandlerRequest, r: Repo, f: { filename: string; status: string; sha: string | null }) {
  return {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: 0,
    deletions: 0,
    changes: 0,
    blob_url: `${repoWeb(req, r)}/blob/${f.sha ?? ''}/${f.filename}`,
    raw_url: `${repoWeb(req, r)}/raw/${f.sha ?? ''}/${f.filename}`,
    contents_url: `${repoApi(req, r)}/contents/${f.filename}`,
  };
}

function refJson(req: HandlerRequest, r: Repo, ref: string, sha: string) {
  return {
    ref,
    node_id: `REF_${ref}`,
    url: `${repoApi(req, r)}/git/${ref}`,
    object: { type: 'commit', sha, url: `${repoApi(req, r)}/git/commits/${sha}` },
  };
}

function runJson(req: HandlerRequest, r: Repo, w: WorkflowRun) {
  const api = `${repoApi(req, r)}/actions/runs/${w.id}`;
  return {
    id: w.id,
    node_id: `WFR_${w.id}`,
    name: w.name,
    display_title: w.name,
    path: w.path,
    workflow_id: w.workflowId,
    head_branch: w.headBranch,
    head_sha: w.headSha,
    event: w.event,
    status: w.status,
    conclusion: w.conclusion,
    run_number: w.runNumber,
    run_attempt: w.runAttempt,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
    run_started_at: w.createdAt,
    url: api,
    html_url: `${repoWeb(req, r)}/actions/runs/${w.id}`,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    artifacts_url: `${api}/artifacts`,
    repository: repoJson(req, r),
  };
}

function jobJson(req: HandlerRequest, r: Repo, w: WorkflowRun, j: Job) {
  return {
    id: j.id,
    run_id: w.id,
    run_attempt: w.runAttempt,
    node_id: `J_${j.id}`,
    head_sha: w.headSha,
    head_branch: w.headBranch,
    workflow_name: w.name,
    name: j.name,
    status: j.status,
    conclusion: j.conclusion,
    started_at: j.startedAt,
    completed_at: j.completedAt,
    created_at: j.startedAt,
    url: `${repoApi(req, r)}/actions/jobs/${j.id}`,
    html_url: `${repoWeb(req, r)}/actions/runs/${w.id}/job/${j.id}`,
    run_url: `${repoApi(req, r)}/actions/runs/${w.id}`,
    steps: j.steps.map((s) => ({ ...s, started_at: j.startedAt, completed_at: j.completedAt })),
    labels: ['ubuntu-latest'],
    runner_name: 'GitHub Actions 2',
  };
}

function findJob(r: Repo, jobId: number): { run: WorkflowRun; job: Job } | undefined {
  for (const run of r.runs.values()) {
    const job = run.jobs.find((j) => j.id === jobId);
    if (job) return { run, job };
  }
  return undefined;
}

function checkRunJson(req: HandlerRequest, r: Repo, id: number) {
  const c = r.checkRuns.get(id);
  if (!c) return undefined;
  return {
    id: c.id,
    node_id: `CR_${c.id}`,
    name: c.name,
    head_sha: c.headSha,
    status: c.status,
    conclusion: c.conclusion,
    external_id: c.externalId ?? null,
    details_url: c.detailsUrl ?? null,
    url: `${repoApi(req, r)}/check-runs/${c.id}`,
    html_url: `${repoWeb(req, r)}/runs/${c.id}`,
    output: {
      title: c.output.title ?? null,
      summary: c.output.summary ?? null,
      text: c.output.text ?? null,
      annotations_count: c.output.annotations.length,
      annotations_url: `${repoApi(req, r)}/check-runs/${c.id}/annotations`,
    },
    app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
  };
}

/** Resolves a branch, tag, or commit SHA to a commit SHA. */
function resolve(r: Repo, ref: string | undefined): string | undefined {
  if (ref === undefined) return refSha(r, r.defaultBranch);
  return (
    r.refs.get(`refs/heads/${ref}`) ??
    r.refs.get(`refs/tags/${ref}`) ??
    r.refs.get(ref) ??
    (r.commits.has(ref) ? ref : undefined)
  );
}

function applyCheckRun(req: HandlerRequest, r: Repo, id: number, b: Record<string, unknown>): void {
  const existing = r.checkRuns.get(id);
  const output = (b.output ?? {}) as Record<string, unknown>;
  const annotations = Array.isArray(output.annotations) ? output.annotations : [];
  r.checkRuns.set(id, {
    id,
    name: str(b.name) ?? existing?.name ?? '',
    headSha: str(b.head_sha) ?? existing?.headSha ?? '',
    status: str(b.status) ?? (b.conclusion ? 'completed' : (existing?.status ?? 'queued')),
    conclusion: str(b.conclusion) ?? existing?.conclusion ?? null,
    detailsUrl: str(b.details_url) ?? existing?.detailsUrl,
    externalId: str(b.external_id) ?? existing?.externalId,
    output: {
      title: str(output.title) ?? existing?.output.title,
      summary: str(output.summary) ?? existing?.output.summary,
      text: str(output.text) ?? existing?.output.text,
      annotations: [...(existing?.output.annotations ?? []), ...annotations],
    },
  });
  void req;
}

/** The stand-in's implementation of each operation of the subset, keyed by operationId. */
export const handlers: Record<string, Handler> = {
  'issues/list-comments': (req) => {
    const r = repoOf(req);
    if (!r.issues.has(Number(req.params.issue_number))) return notFound();
    const since = q(req, 'since');
    const all = [...r.comments.values()].filter(
      (c) => c.issueNumber === Number(req.params.issue_number) && (!since || c.updatedAt >= since),
    );
    const { items, headers } = paginate(req, all);
    return json(
      200,
      items.map((c) => commentJson(req, r, c)),
      headers,
    );
  },
  'issues/get-comment': (req) => {
    const r = repoOf(req);
    const c = r.comments.get(Number(req.params.comment_id));
    return c ? json(200, commentJson(req, r, c)) : notFound();
  },
  'issues/create-comment': (req) => {
    const r = repoOf(req);
    const n = Number(req.params.issue_number);
    if (!r.issues.has(n)) return notFound();
    const c = req.state.addComment(r, n, String(req.body.body));
    return json(201, commentJson(req, r, c), { location: `${repoApi(req, r)}/issues/comments/${c.id}` });
  },
  'issues/update-comment': (req) => {
    const r = repoOf(req);
    const c = r.comments.get(Number(req.params.comment_id));
    if (!c) return notFound();
    c.body = String(req.body.body);
    c.updatedAt = req.state.timestamp();
    return json(200, commentJson(req, r, c));
  },
  'issues/delete-comment': (req) => {
    const r = repoOf(req);
    return r.comments.delete(Number(req.params.comment_id)) ? { status: 204 } : notFound();
  },
  'issues/add-labels': (req) => {
    const r = repoOf(req);
    const i = r.issues.get(Number(req.params.issue_number));
    if (!i) return notFound();
    const raw: unknown[] = Array.isArray(req.body)
      ? req.body
      : Array.isArray(req.body.labels)
        ? req.body.labels
        : [];
    for (const l of raw) {
      const name = typeof l === 'string' ? l : str((l as Record<string, unknown>).name);
      if (name && !i.labels.includes(name)) i.labels.push(name);
    }
    return json(
      200,
      i.labels.map((l) => labelJson(r, l)),
    );
  },
  'issues/get': (req) => {
    const r = repoOf(req);
    const i = r.issues.get(Number(req.params.issue_number));
    return i ? json(200, issueJson(req, r, i)) : notFound();
  },
  'pulls/get': (req) => {
    const r = repoOf(req);
    const i = r.issues.get(Number(req.params.pull_number));
    return i?.pull ? json(200, pullJson(req, r, i)) : notFound();
  },
  'pulls/list': (req) => {
    const r = repoOf(req);
    const state = q(req, 'state') ?? 'open';
    const head = q(req, 'head');
    const base = q(req, 'base');
    const all = [...r.issues.values()].filter(
      (i) =>
        i.pull &&
        (state === 'all' || i.state === state) &&
        (!head || `${r.owner}:${i.pull.head}` === head || i.pull.head === head) &&
        (!base || i.pull.base === base),
    );
    all.sort((a, b) => b.number - a.number);
    const { items, headers } = paginate(req, all);
    return json(
      200,
      items.map((i) => pullJson(req, r, i)),
      headers,
    );
  },
  'pulls/create': (req) => {
    const r = repoOf(req);
    const b = req.body;
    const head = String(b.head).replace(/^[^:]+:/, '');
    const base = String(b.base);
    if (!refSha(r, head))
      return invalid('Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    if (!refSha(r, base))
      return invalid('Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    const dup = [...r.issues.values()].find(
      (i) => i.pull && i.state === 'open' && i.pull.head === head && i.pull.base === base,
    );
    if (dup) {
      return invalid('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${r.owner}:${head}.`,
        },
      ]);
    }
    const i = req.state.addPull(r, {
      title: String(b.title ?? ''),
      head,
      base,
      body: str(b.body) ?? null,
      draft: b.draft === true,
    });
    i.user = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
    if (i.pull) i.pull.maintainerCanModify = b.maintainer_can_modify !== false;
    return json(201, pullJson(req, r, i), { location: `${repoApi(req, r)}/pulls/${i.number}` });
  },
  'pulls/update': (req) => {
    const r = repoOf(req);
    const i = r.issues.get(Number(req.params.pull_number));
    if (!i?.pull) return notFound();
    const b = req.body;
    if (typeof b.title === 'string') i.title = b.title;
    if (typeof b.body === 'string') i.body = b.body;
    if (b.state === 'open' || b.state === 'closed') i.state = b.state;
    if (typeof b.base === 'string') i.pull.base = b.base;
    return json(200, pullJson(req, r, i));
  },
  'pulls/list-files': (req) => {
    const r = repoOf(req);
    const i = r.issues.get(Number(req.params.pull_number));
    if (!i?.pull) return notFound();
    const base = refSha(r, i.pull.base);
    const head = refSha(r, i.pull.head);
    const files = base && head ? req.state.diff(r, base, head) : [];
    const { items, headers } = paginate(req, files);
    return json(
      200,
      items.map((f) => fileJson(req, r, f)),
      headers,
    );
  },
  'git/create-blob': (req) => {
    const r = repoOf(req);
    const enc = str(req.body.encoding) ?? 'utf-8';
    if (enc !== 'utf-8' && enc !== 'base64') return invalid(`encoding must be utf-8 or base64`);
    const sha = req.state.putBlob(
      r,
      Buffer.from(String(req.body.content), enc === 'base64' ? 'base64' : 'utf8'),
    );
    return json(
      201,
      { sha, url: `${repoApi(req, r)}/git/blobs/${sha}` },
      { location: `${repoApi(req, r)}/git/blobs/${sha}` },
    );
  },
  'git/create-tree': (req) => {
    const r = repoOf(req);
    const baseTreeSha = str(req.body.base_tree);
    const base = baseTreeSha ? r.trees.get(baseTreeSha) : new Map<string, string>();
    if (!base) return invalid('base_tree is not a valid tree oid');
    const entries = new Map(base);
    for (const raw of req.body.tree as Record<string, unknown>[]) {
      const path = String(raw.path);
      if (raw.type === 'tree' || raw.mode === '040000')
        return invalid('the stand-in only supports blob entries in trees');
      if (raw.sha === null) {
        entries.delete(path);
      } else if (typeof raw.sha === 'string') {
        if (!r.blobs.has(raw.sha)) return invalid(`tree.sha ${raw.sha} is not a valid blob`);
        entries.set(path, raw.sha);
      } else if (typeof raw.content === 'string') {
        entries.set(path, req.state.putBlob(r, Buffer.from(raw.content)));
      } else {
        return invalid('Must supply tree.sha or tree.content');
      }
    }
    const sha = req.state.putTree(r, entries);
    const tree = [...entries].map(([path, s]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: s,
      size: r.blobs.get(s)?.length ?? 0,
      url: `${repoApi(req, r)}/git/blobs/${s}`,
    }));
    return json(201, { sha, url: `${repoApi(req, r)}/git/trees/${sha}`, tree, truncated: false });
  },
  'git/create-commit': (req) => {
    const r = repoOf(req);
    const tree = String(req.body.tree);
    if (!r.trees.has(tree)) return invalid('Tree SHA does not exist');
    const parents = Array.isArray(req.body.parents) ? req.body.parents.map(String) : [];
    if (parents.some((p) => !r.commits.has(p)))
      return invalid('Parent SHA does not exist or is not a commit object');
    const a = req.body.author as Record<string, unknown> | undefined;
    const author = a
      ? { name: String(a.name), email: String(a.email), date: str(a.date) ?? req.state.timestamp() }
      : undefined;
    const sha = req.state.putCommit(r, { message: String(req.body.message), tree, parents, author });
    const c = r.commits.get(sha) as Commit;
    return json(201, commitJson(req, r, c), { location: `${repoApi(req, r)}/git/commits/${sha}` });
  },
  'git/get-commit': (req) => {
    const r = repoOf(req);
    const c = r.commits.get(req.params.commit_sha);
    return c ? json(200, commitJson(req, r, c)) : notFound();
  },
  'git/create-ref': (req) => {
    const r = repoOf(req);
    const ref = String(req.body.ref);
    const sha = String(req.body.sha);
    if (!/^refs\/.+\/.+/.test(ref))
      return invalid('Reference name must start with refs/ and have at least two slashes.');
    if (r.refs.has(ref)) return invalid('Reference already exists');
    if (!r.commits.has(sha)) return invalid('Object does not exist');
    r.refs.set(ref, sha);
    return json(201, refJson(req, r, ref, sha), { location: `${repoApi(req, r)}/git/${ref}` });
  },
  'git/update-ref': (req) => {
    const r = repoOf(req);
    const ref = `refs/${req.params.ref}`;
    const old = r.refs.get(ref);
    if (!old) return invalid('Reference does not exist');
    const sha = String(req.body.sha);
    if (!r.commits.has(sha)) return invalid('Object does not exist');
    if (req.body.force !== true && !req.state.isAncestor(r, old, sha))
      return invalid('Update is not a fast forward');
    r.refs.set(ref, sha);
    return json(200, refJson(req, r, ref, sha));
  },
  'git/get-ref': (req) => {
    const r = repoOf(req);
    const ref = `refs/${req.params.ref}`;
    const sha = r.refs.get(ref);
    return sha ? json(200, refJson(req, r, ref, sha)) : notFound();
  },
  'repos/get': (req) => json(200, repoJson(req, repoOf(req))),
  'repos/get-content': (req) => {
    const r = repoOf(req);
    const sha = resolve(r, q(req, 'ref'));
    const tree = sha ? r.trees.get(r.commits.get(sha)?.tree ?? '') : undefined;
    if (!tree) return notFound();
    const path = req.params.path.replace(/^\/+|\/+$/g, '');
    const blob = tree.get(path);
    const item = (p: string, type: string, s: string, size: number) => ({
      type,
      name: p.split('/').pop(),
      path: p,
      sha: s,
      size,
      url: `${repoApi(req, r)}/contents/${p}`,
      html_url: `${repoWeb(req, r)}/blob/${sha}/${p}`,
      git_url: `${repoApi(req, r)}/git/blobs/${s}`,
      download_url: type === 'file' ? `${req.webUrl}/raw/${r.owner}/${r.name}/${sha}/${p}` : null,
      _links: {
        self: `${repoApi(req, r)}/contents/${p}`,
        git: `${repoApi(req, r)}/git/blobs/${s}`,
        html: `${repoWeb(req, r)}/blob/${sha}/${p}`,
      },
    });
    if (blob) {
      const content = r.blobs.get(blob) ?? Buffer.alloc(0);
      const b64 = (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
      return json(200, {
        ...item(path, 'file', blob, content.length),
        encoding: 'base64',
        content: b64 ? `${b64}\n` : '',
      });
    }
    const prefix = path === '' ? '' : `${path}/`;
    const children = new Map<string, ReturnType<typeof item>>();
    for (const [p, s] of tree) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      const child = `${prefix}${slash < 0 ? rest : rest.slice(0, slash)}`;
      if (!children.has(child)) {
        children.set(
          child,
          slash < 0
            ? item(child, 'file', s, r.blobs.get(s)?.length ?? 0)
            : item(child, 'dir', '0'.repeat(40), 0),
        );
      }
    }
    return children.size > 0 ? json(200, [...children.values()]) : notFound();
  },
  'repos/get-commit': (req) => {
    const r = repoOf(req);
    const sha = resolve(r, req.params.ref);
    const c = sha ? r.commits.get(sha) : undefined;
    if (!c) return invalid(`No commit found for SHA: ${req.params.ref}`);
    const files = c.parents[0] ? req.state.diff(r, c.parents[0], c.sha) : [];
    return json(
      200,
      restCommitJson(
        req,
        r,
        c,
        files.map((f) => fileJson(req, r, f)),
      ),
    );
  },
  'repos/compare-commits-with-basehead': (req) => {
    const r = repoOf(req);
    const m = /^(.+?)\.\.\.(.+)$/.exec(req.params.basehead);
    if (!m) return notFound();
    const base = resolve(r, m[1]);
    const head = resolve(r, m[2]);
    if (!base || !head) return notFound();
    const ahead = req.state.commitsBetween(r, base, head);
    const behind = req.state.commitsBetween(r, head, base);
    const status =
      ahead.length === 0 && behind.length === 0
        ? 'identical'
        : behind.length === 0
          ? 'ahead'
          : ahead.length === 0
            ? 'behind'
            : 'diverged';
    return json(200, {
      url: `${repoApi(req, r)}/compare/${req.params.basehead}`,
      html_url: `${repoWeb(req, r)}/compare/${req.params.basehead}`,
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      base_commit: restCommitJson(req, r, r.commits.get(base) as Commit),
      merge_base_commit: restCommitJson(req, r, r.commits.get(base) as Commit),
      commits: ahead.map((c) => restCommitJson(req, r, c)),
      files: req.state.diff(r, base, head).map((f) => fileJson(req, r, f)),
    });
  },
  'actions/list-workflow-runs-for-repo': (req) => listRuns(req, () => true),
  'actions/list-workflow-runs': (req) => {
    const wf = req.params.workflow_id;
    return listRuns(req, (w) => String(w.workflowId) === wf || w.path.endsWith(`/${wf}`));
  },
  'actions/get-workflow-run': (req) => {
    const r = repoOf(req);
    const w = r.runs.get(Number(req.params.run_id));
    return w ? json(200, runJson(req, r, w)) : notFound();
  },
  'actions/list-jobs-for-workflow-run': (req) => {
    const r = repoOf(req);
    const w = r.runs.get(Number(req.params.run_id));
    if (!w) return notFound();
    const { items, headers } = paginate(req, w.jobs);
    return json(200, { total_count: w.jobs.length, jobs: items.map((j) => jobJson(req, r, w, j)) }, headers);
  },
  'actions/get-job-for-workflow-run': (req) => {
    const r = repoOf(req);
    const found = findJob(r, Number(req.params.job_id));
    return found ? json(200, jobJson(req, r, found.run, found.job)) : notFound();
  },
  'actions/download-job-logs-for-workflow-run': (req) => {
    const r = repoOf(req);
    const jobId = Number(req.params.job_id);
    if (!findJob(r, jobId)) return notFound();
    return {
      status: 302,
      headers: { location: `${req.blobUrl}/job-logs/${jobId}?sig=stand-in&se=2099-01-01` },
    };
  },
  'actions/list-workflow-run-artifacts': (req) => {
    const r = repoOf(req);
    const w = r.runs.get(Number(req.params.run_id));
    if (!w) return notFound();
    const { items, headers } = paginate(req, w.artifacts);
    return json(
      200,
      {
        total_count: w.artifacts.length,
        artifacts: items.map((a) => ({
          id: a.id,
          node_id: `A_${a.id}`,
          name: a.name,
          size_in_bytes: a.sizeInBytes,
          url: `${repoApi(req, r)}/actions/artifacts/${a.id}`,
          archive_download_url: `${repoApi(req, r)}/actions/artifacts/${a.id}/zip`,
          expired: false,
          workflow_run: { id: w.id, head_branch: w.headBranch, head_sha: w.headSha },
        })),
      },
      headers,
    );
  },
  'checks/create': (req) => {
    const r = repoOf(req);
    const id = req.state.id();
    applyCheckRun(req, r, id, req.body);
    return json(201, checkRunJson(req, r, id));
  },
  'checks/update': (req) => {
    const r = repoOf(req);
    const id = Number(req.params.check_run_id);
    if (!r.checkRuns.has(id)) return notFound();
    applyCheckRun(req, r, id, req.body);
    return json(200, checkRunJson(req, r, id));
  },
  'rate-limit/get': (req) => {
    const reset = Math.floor(req.state.now.getTime() / 1000) + 3600;
    const core = { limit: 5000, used: 1, remaining: 4999, reset };
    return json(200, {
      resources: { core, search: { ...core, limit: 30, remaining: 30, used: 0 } },
      rate: core,
    });
  },
};

function listRuns(req: HandlerRequest, pick: (w: WorkflowRun) => boolean): HandlerResult {
  const r = repoOf(req);
  const branch = q(req, 'branch');
  const event = q(req, 'event');
  const status = q(req, 'status');
  const headSha = q(req, 'head_sha');
  const all = [...r.runs.values()]
    .filter(
      (w) =>
        pick(w) &&
        (!branch || w.headBranch === branch) &&
        (!event || w.event === event) &&
        (!status || w.status === status || w.conclusion === status) &&
        (!headSha || w.headSha === headSha),
    )
    .sort((a, b) => b.id - a.id);
  const { items, headers } = paginate(req, all);
  return json(200, { total_count: all.length, workflow_runs: items.map((w) => runJson(req, r, w)) }, headers);
}
