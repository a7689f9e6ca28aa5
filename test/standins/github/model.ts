import { createHash } from 'node:crypto';

/**
 * The in-memory state of the GitHub stand-in: repositories with real git object semantics (blob
 * SHAs are git's, trees are flattened path -> blob maps, commits have parents, refs move only
 * forward unless forced), issues and pull requests sharing one number sequence, comments, labels,
 * workflow runs with jobs and logs, and check runs. Tests seed it and assert on it directly.
 */

export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export const ACTIONS_BOT: User = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: User;
  createdAt: string;
  updatedAt: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  user: User;
  /** Set when the issue is a pull request. */
  pull?: PullRequest;
}

export interface PullRequest {
  number: number;
  id: number;
  head: string;
  base: string;
  draft: boolean;
  merged: boolean;
  maintainerCanModify: boolean;
}

export interface Commit {
  sha: string;
  message: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
}

export interface Job {
  id: number;
  runId: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  steps: { name: string; status: string; conclusion: string | null; number: number }[];
  log: string;
}

export interface WorkflowRun {
  id: number;
  name: string;
  workflowId: number;
  path: string;
  headBranch: string;
  headSha: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  runNumber: number;
  runAttempt: number;
  createdAt: string;
  updatedAt: string;
  jobs: Job[];
  artifacts: { id: number; name: string; sizeInBytes: number }[];
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; text?: string; annotations: unknown[] };
  detailsUrl?: string;
  externalId?: string;
}

export interface Repo {
  owner: string;
  name: string;
  id: number;
  defaultBranch: string;
  private: boolean;
  blobs: Map<string, Buffer>;
  /** Tree SHA -> flattened `path -> blob SHA`. */
  trees: Map<string, Map<string, string>>;
  commits: Map<string, Commit>;
  /** `refs/heads/main` -> commit SHA. */
  refs: Map<string, string>;
  issues: Map<number, Issue>;
  comments: Map<number, Comment>;
  runs: Map<number, WorkflowRun>;
  checkRuns: Map<number, CheckRun>;
  nextNumber: number;
}

export function gitBlobSha(content: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]))
    .digest('hex');
}

function objectSha(kind: string, value: unknown): string {
  return createHash('sha1')
    .update(`${kind} ${JSON.stringify(value)}`)
    .digest('hex');
}

export class StandInState {
  readonly repos = new Map<string, Repo>();
  /** Job id -> log text, served by the "blob storage" the logs endpoint redirects to. */
  readonly jobLogs = new Map<number, string>();
  private nextId = 1000;
  /** Fixed clock so responses are reproducible; tests may move it. */
  now = new Date('2026-01-15T10:00:00Z');

  id(): number {
    return this.nextId++;
  }

  timestamp(): string {
    return this.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** The repository, created on first use with one commit holding `files` on its default branch. */
  repo(owner: string, name: string): Repo {
    const key = `${owner}/${name}`.toLowerCase();
    let r = this.repos.get(key);
    if (!r) r = this.createRepo(owner, name);
    return r;
  }

  createRepo(
    owner: string,
    name: string,
    opts: { defaultBranch?: string; files?: Record<string, string> } = {},
  ): Repo {
    const r: Repo = {
      owner,
      name,
      id: this.id(),
      defaultBranch: opts.defaultBranch ?? 'main',
      private: false,
      blobs: new Map(),
      trees: new Map(),
      commits: new Map(),
      refs: new Map(),
      issues: new Map(),
      comments: new Map(),
      runs: new Map(),
      checkRuns: new Map(),
      nextNumber: 1,
    };
    this.repos.set(`${owner}/${name}`.toLowerCase(), r);
    const files = opts.files ?? { 'README.md': `# ${name}\n` };
    const tree = this.putTree(
      r,
      new Map(Object.entries(files).map(([p, c]) => [p, this.putBlob(r, Buffer.from(c))])),
    );
    const sha = this.putCommit(r, { message: 'Initial commit', tree, parents: [] });
    r.refs.set(`refs/heads/${r.defaultBranch}`, sha);
    return r;
  }

  putBlob(r: Repo, content: Buffer): string {
    const sha = gitBlobSha(content);
    r.blobs.set(sha, content);
    return sha;
  }

  putTree(r: Repo, entries: Map<string, string>): string {
    const sorted = [...entries].sort(([a], [b]) => a.localeCompare(b));
    const sha = objectSha('tree', sorted);
    r.trees.set(sha, new Map(sorted));
    return sha;
  }

  putCommit(
    r: Repo,
    c: { message: string; tree: string; parents: string[]; author?: Commit['author'] },
  ): string {
    const author = c.author ?? {
      name: 'ai-ci',
      email: 'ai-ci@users.noreply.github.com',
      date: this.timestamp(),
    };
    const sha = objectSha('commit', [c.message, c.tree, c.parents, author]);
    r.commits.set(sha, { sha, message: c.message, tree: c.tree, parents: c.parents, author });
    return sha;
  }

  /** Commits a change of files (`null` deletes) on a branch, creating the branch from the default one. */
  commitFiles(
    r: Repo,
    branch: string,
    files: Record<string, string | null>,
    message = 'Change files',
  ): string {
    const ref = `refs/heads/${branch}`;
    const parent = r.refs.get(ref) ?? r.refs.get(`refs/heads/${r.defaultBranch}`);
    const base = parent ? new Map(r.trees.get(r.commits.get(parent)?.tree ?? '')) : new Map<string, string>();
    for (const [p, c] of Object.entries(files)) {
      if (c === null) base.delete(p);
      else base.set(p, this.putBlob(r, Buffer.from(c)));
    }
    const sha = this.putCommit(r, { message, tree: this.putTree(r, base), parents: parent ? [parent] : [] });
    r.refs.set(ref, sha);
    return sha;
  }

  /** Whether `ancestor` is reachable from `sha` through parents. */
  isAncestor(r: Repo, ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const s = stack.pop() as string;
      if (s === ancestor) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(r.commits.get(s)?.parents ?? []));
    }
    return false;
  }

  /** Files that differ between two commits, as the REST API lists them. */
  diff(
    r: Repo,
    baseSha: string,
    headSha: string,
  ): { filename: string; status: string; sha: string | null }[] {
    const a = r.trees.get(r.commits.get(baseSha)?.tree ?? '') ?? new Map<string, string>();
    const b = r.trees.get(r.commits.get(headSha)?.tree ?? '') ?? new Map<string, string>();
    const out: { filename: string; status: string; sha: string | null }[] = [];
    for (const [p, s] of b) {
      if (!a.has(p)) out.push({ filename: p, status: 'added', sha: s });
      else if (a.get(p) !== s) out.push({ filename: p, status: 'modified', sha: s });
    }
    for (const p of a.keys()) if (!b.has(p)) out.push({ filename: p, status: 'removed', sha: null });
    return out.sort((x, y) => x.filename.localeCompare(y.filename));
  }

  /** Commits reachable from head but not from base, oldest first. */
  commitsBetween(r: Repo, baseSha: string, headSha: string): Commit[] {
    const out: Commit[] = [];
    const seen = new Set<string>();
    const stack = [headSha];
    while (stack.length > 0) {
      const s = stack.pop() as string;
      if (seen.has(s) || this.isAncestor(r, s, baseSha)) continue;
      seen.add(s);
      const c = r.commits.get(s);
      if (!c) continue;
      out.push(c);
      stack.push(...c.parents);
    }
    return out.reverse();
  }

  addIssue(r: Repo, title: string, body: string | null = null): Issue {
    const issue: Issue = {
      number: r.nextNumber++,
      title,
      body,
      state: 'open',
      labels: [],
      user: ACTIONS_BOT,
    };
    r.issues.set(issue.number, issue);
    return issue;
  }

  addPull(
    r: Repo,
    p: { title: string; head: string; base?: string; body?: string | null; draft?: boolean },
  ): Issue {
    const issue = this.addIssue(r, p.title, p.body ?? null);
    issue.user = { login: 'octocat', id: 583231, type: 'User' };
    issue.pull = {
      number: issue.number,
      id: this.id(),
      head: p.head,
      base: p.base ?? r.defaultBranch,
      draft: p.draft ?? false,
      merged: false,
      maintainerCanModify: true,
    };
    return issue;
  }

  addComment(r: Repo, issueNumber: number, body: string, user: User = ACTIONS_BOT): Comment {
    const t = this.timestamp();
    const c: Comment = { id: this.id(), issueNumber, body, user, createdAt: t, updatedAt: t };
    r.comments.set(c.id, c);
    return c;
  }

  addWorkflowRun(
    r: Repo,
    run: {
      name: string;
      path?: string;
      headBranch?: string;
      headSha?: string;
      event?: string;
      conclusion?: string | null;
      jobs: { name: string; conclusion?: string | null; log?: string; steps?: string[] }[];
      artifacts?: { name: string; sizeInBytes: number }[];
    },
  ): WorkflowRun {
    const id = this.id();
    const t = this.timestamp();
    const headBranch = run.headBranch ?? r.defaultBranch;
    const wr: WorkflowRun = {
      id,
      name: run.name,
      workflowId: 7000 + [...run.name].reduce((a, c) => a + c.charCodeAt(0), 0),
      path: run.path ?? `.github/workflows/${run.name.toLowerCase().replace(/\W+/g, '-')}.yml`,
      headBranch,
      headSha: run.headSha ?? r.refs.get(`refs/heads/${headBranch}`) ?? '0'.repeat(40),
      event: run.event ?? 'push',
      status: 'completed',
      conclusion: run.conclusion === undefined ? 'success' : run.conclusion,
      runNumber: r.runs.size + 1,
      runAttempt: 1,
      createdAt: t,
      updatedAt: t,
      jobs: [],
      artifacts: (run.artifacts ?? []).map((a) => ({ id: this.id(), ...a })),
    };
    for (const j of run.jobs) {
      const job: Job = {
        id: this.id(),
        runId: id,
        name: j.name,
        status: 'completed',
        conclusion: j.conclusion === undefined ? 'success' : j.conclusion,
        startedAt: t,
        completedAt: t,
        steps: (j.steps ?? ['Set up job', 'Run tests']).map((name, i) => ({
          name,
          status: 'completed',
          conclusion: j.conclusion === undefined ? 'success' : j.conclusion,
          number: i + 1,
        })),
        log: j.log ?? '',
      };
      wr.jobs.push(job);
      this.jobLogs.set(job.id, job.log);
    }
    r.runs.set(id, wr);
    return wr;
  }
}
