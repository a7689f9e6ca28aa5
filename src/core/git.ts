import { execFile } from 'node:child_process';
import { ConfigurationError } from './errors.js';
import type { Logger } from './logger.js';

/**
 * Git access for the actions: which commits a run compares, what changed between them, and files
 * as they were at a revision. Everything runs the real `git` binary in the checkout; no library
 * re-implements it.
 */

export const ZERO_SHA = '0000000000000000000000000000000000000000';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

export interface ChangedFile {
  status: ChangeStatus;
  /** Path at head (for a deletion: the path that was deleted). Relative to the repository root, `/`. */
  path: string;
  /** For a rename or copy: the path at base. */
  oldPath?: string;
}

export interface BaseHead {
  /** The commit to compare with; `undefined` when the event has none (a schedule without a `base` input). */
  base: string | undefined;
  head: string;
  /** How the base was found, for reports: `input`, `push.before`, `merge-base(main)`, `pull_request.base.sha`, ... */
  source: string;
}

export interface EventFacts {
  eventName: string;
  payload: Record<string, unknown>;
  /** `GITHUB_SHA`; empty means "HEAD of the checkout". */
  sha?: string;
  defaultBranch?: string;
}

export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args.join(' ')} failed (${code ?? 'signal'}): ${stderr.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
}

const MAX_BUFFER = 512 * 1024 * 1024;

export class GitRepo {
  constructor(
    /** A directory inside the work tree. */
    readonly cwd: string,
    private readonly logger?: Logger,
  ) {}

  /** Runs git and returns stdout; throws {@link GitError} on a non-zero exit. */
  run(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        args,
        {
          cwd: this.cwd,
          maxBuffer: MAX_BUFFER,
          // Bytes, decoded once at the end: decoding each chunk and joining the pieces tripled the
          // garbage for listings of 10,000 files.
          encoding: 'buffer',
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        },
        (err, stdout, stderr) => {
          if (err) {
            const code =
              typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null;
            reject(new GitError(args, code, stderr.length ? stderr.toString('utf8') : err.message));
          } else resolve(stdout.toString('utf8'));
        },
      );
    });
  }

  /** Like {@link run} but `undefined` instead of an error. */
  async tryRun(args: string[]): Promise<string | undefined> {
    try {
      return await this.run(args);
    } catch {
      return undefined;
    }
  }

  /** Commits and the work tree's top folder already asked for with {@link prime}. */
  private readonly known = new Map<string, string>();
  private knownTop: { top: string; head: string } | undefined;
  private readonly knownParents = new Map<string, string[]>();

  /**
   * Resolves the work tree's top folder, HEAD and `revs` in one git process (each spawn costs
   * milliseconds, and a warm select-tests run is mostly waiting on them). Only complete answers are
   * kept; anything missing (a rev not fetched yet, an empty repository) is then asked the slow way.
   */
  async prime(revs: string[]): Promise<void> {
    const wanted = [...new Set(revs)].filter((r) => /^[\w./@{}~^][\w./@{}~^-]*$/.test(r));
    // The first rev's parents come last (`^@`, none for a root commit); they are kept only outside a
    // shallow clone, where a grafted boundary commit would show none (parentsOf reads the object then).
    const out = await this.tryRun([
      'rev-parse',
      '--show-toplevel',
      '--is-shallow-repository',
      'HEAD',
      ...wanted.map((r) => `${r}^{commit}`),
      ...(wanted.length ? [`${wanted[0]}^@`] : []),
    ]);
    const lines = out?.trim().split('\n');
    if (!lines || lines.length < wanted.length + 3) return;
    const [top, shallow, head, ...rest] = lines;
    if (shallow !== 'true' && shallow !== 'false') return;
    if (![head, ...rest].every((l) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(l))) return;
    this.knownTop = { top, head };
    wanted.forEach((r, k) => this.known.set(r, rest[k]));
    if (shallow === 'false' && wanted.length) this.knownParents.set(rest[0], rest.slice(wanted.length));
  }

  /** The full SHA of a commit-ish, or `undefined` when it is not in the repository. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const known = this.known.get(rev);
    if (known) return known;
    const out = await this.tryRun(['rev-parse', '--verify', '-q', `${rev}^{commit}`]);
    return out?.trim() || undefined;
  }

  async topLevel(): Promise<string> {
    return (await this.run(['rev-parse', '--show-toplevel'])).trim();
  }

  /** The work tree's top folder and the checked-out commit, in one call (undefined HEAD in an empty repository). */
  async topLevelAndHead(): Promise<{ top: string; head: string | undefined }> {
    if (this.knownTop) return { ...this.knownTop };
    const out =
      (await this.tryRun(['rev-parse', '--show-toplevel', 'HEAD'])) ??
      (await this.run(['rev-parse', '--show-toplevel']));
    const [top, head] = out.trim().split('\n');
    return { top, head: head || undefined };
  }

  async isShallow(): Promise<boolean> {
    return (await this.tryRun(['rev-parse', '--is-shallow-repository']))?.trim() === 'true';
  }

  async hasRemote(name = 'origin'): Promise<boolean> {
    return (await this.tryRun(['remote', 'get-url', name])) !== undefined;
  }

  /** The parents recorded in a commit object (readable even at a shallow boundary, unlike rev-list). */
  async parentsOf(sha: string): Promise<string[]> {
    const known = this.knownParents.get(sha);
    if (known) return [...known];
    const body = await this.tryRun(['cat-file', '-p', sha]);
    if (!body) return [];
    const parents: string[] = [];
    for (const line of body.split('\n')) {
      if (line === '') break;
      if (line.startsWith('parent ')) parents.push(line.slice(7).trim());
    }
    return parents;
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    return (await this.tryRun(['merge-base', a, b]))?.trim() || undefined;
  }

  async isAncestor(a: string, b: string): Promise<boolean> {
    return (await this.tryRun(['merge-base', '--is-ancestor', a, b])) !== undefined;
  }

  /**
   * Makes sure `rev` is present, fetching it from `origin` when the checkout lacks it (a shallow
   * clone, or a base branch never fetched). Returns the full SHA.
   */
  async ensureCommit(rev: string): Promise<string> {
    const have = await this.resolveCommit(rev);
    if (have) return have;
    const shallow = await this.isShallow();
    if (await this.hasRemote()) {
      this.logger?.info(
        `Fetching ${rev} from origin (not in the checkout${shallow ? ', shallow clone' : ''}).`,
      );
      const depth = shallow ? ['--depth=1'] : [];
      await this.tryRun(['fetch', '--no-tags', '--no-recurse-submodules', ...depth, 'origin', rev]);
      const got = (await this.resolveCommit(rev)) ?? (await this.resolveCommit('FETCH_HEAD'));
      if (got && (/^[0-9a-f]{40}$/.test(rev) ? got === rev : true)) return got;
    }
    throw new ConfigurationError(
      shallow
        ? `Commit ${rev} is not in this shallow clone and could not be fetched. Check out with \`fetch-depth: 0\` (actions/checkout) so ai-ci can compare with it.`
        : `Commit ${rev} is not in the repository and could not be fetched from origin.`,
    );
  }

  /**
   * The commit the diff should start from: `base` itself when it is an ancestor (or a recorded
   * parent) of `head`, else their merge base, deepening a shallow clone until it is found.
   */
  async diffStart(base: string, head: string, opts: { maxDeepenSteps?: number } = {}): Promise<string> {
    if (base === head) return base;
    if ((await this.parentsOf(head)).includes(base)) return base;
    if (await this.isAncestor(base, head)) return base;
    let mb = await this.mergeBase(base, head);
    if (mb) return mb;
    if (await this.isShallow()) {
      if (!(await this.hasRemote())) throw this.shallowError(base, head);
      const steps = opts.maxDeepenSteps ?? 6;
      let depth = 50;
      for (let i = 0; i < steps && !mb; i++) {
        this.logger?.info(
          `Shallow clone: deepening by ${depth} commits to find the merge base of ${short(base)} and ${short(head)}.`,
        );
        const ok = await this.tryRun([
          'fetch',
          '--no-tags',
          '--no-recurse-submodules',
          `--deepen=${depth}`,
          'origin',
          base,
          head,
        ]);
        if (ok === undefined)
          await this.tryRun(['fetch', '--no-tags', '--no-recurse-submodules', `--deepen=${depth}`, 'origin']);
        mb = await this.mergeBase(base, head);
        depth *= 4;
        if (!(await this.isShallow())) break;
      }
      if (!mb && (await this.isShallow())) {
        await this.tryRun(['fetch', '--no-tags', '--no-recurse-submodules', '--unshallow', 'origin']);
        mb = await this.mergeBase(base, head);
      }
      if (mb) return mb;
      throw this.shallowError(base, head);
    }
    // Unrelated histories: the best we can do is compare the two trees.
    this.logger?.warning(
      `Commits ${short(base)} and ${short(head)} share no history; comparing their trees directly.`,
    );
    return base;
  }

  private shallowError(base: string, head: string): ConfigurationError {
    return new ConfigurationError(
      `The checkout is a shallow clone without the history that joins ${short(base)} and ${short(head)}, and it could not be deepened. Check out with \`fetch-depth: 0\` (actions/checkout) so ai-ci can find what changed.`,
    );
  }

  /**
   * Files changed between `base` and `head` (commits, or `head` undefined for the working tree),
   * with renames detected (`-M`) and deletions listed.
   */
  changedFiles(base: string, head?: string): Promise<ChangedFile[]> {
    const key = `${base}..${head ?? ''}`;
    let diff = this.diffs.get(key);
    if (!diff) {
      diff = this.diffUncached(base, head);
      this.diffs.set(key, diff);
      // A speculative diff nobody asks for must not become an unhandled rejection.
      diff.catch(() => undefined);
    }
    return diff;
  }

  /** Diffs already started: {@link resolveBaseHead} starts the likely one beside its other git calls. */
  private readonly diffs = new Map<string, Promise<ChangedFile[]>>();

  private async diffUncached(base: string, head?: string): Promise<ChangedFile[]> {
    const args = [
      '-c',
      'core.quotepath=off',
      'diff',
      '--name-status',
      '-M',
      '-z',
      '--no-ext-diff',
      '--no-color',
      base,
    ];
    if (head) args.push(head);
    args.push('--');
    const out = await this.run(args);
    return parseNameStatus(out);
  }

  /** A file's bytes at a revision as UTF-8 text; `undefined` when it does not exist there. */
  async fileAtRevision(rev: string, path: string): Promise<string | undefined> {
    return this.tryRun(['cat-file', '-p', `${rev}:${path}`]);
  }

  /** Every file tracked at a revision, repository-relative. */
  async listFilesAtRevision(rev: string): Promise<string[]> {
    const out = await this.run(['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', '--name-only', rev]);
    return out.split('\0').filter((s) => s !== '');
  }

  /** `path -> blob SHA` of every file at a revision (content hashes without reading the files). */
  async blobsAtRevision(rev: string): Promise<Map<string, string>> {
    const out = await this.run(['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', rev]);
    const map = new Map<string, string>();
    for (const rec of out.split('\0')) {
      if (!rec) continue;
      // "<mode> <type> <sha>\t<path>"
      const tab = rec.indexOf('\t');
      const meta = rec.slice(0, tab).split(' ');
      if (meta[1] === 'blob') map.set(rec.slice(tab + 1), meta[2]);
    }
    return map;
  }

  /**
   * Line numbers (at head) added or changed between `base` and `head`, per file, from
   * `git diff -U0`. Deleted files are absent; a renamed file is keyed by its new path.
   */
  async addedLines(base: string, head?: string, paths: string[] = []): Promise<Map<string, number[]>> {
    const args = ['-c', 'core.quotepath=off', 'diff', '-U0', '-M', '--no-ext-diff', '--no-color', base];
    if (head) args.push(head);
    args.push('--', ...paths);
    return parseAddedLines(await this.run(args));
  }
}

/** Parses `git diff --name-status -z` output. */
export function parseNameStatus(out: string): ChangedFile[] {
  const parts = out.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length;) {
    const code = parts[i++];
    if (!code) continue;
    const letter = code[0];
    if (letter === 'R' || letter === 'C') {
      const oldPath = parts[i++];
      const path = parts[i++];
      files.push({ status: letter === 'R' ? 'renamed' : 'copied', path, oldPath });
    } else {
      const path = parts[i++];
      const status: ChangeStatus =
        letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : letter === 'T' ? 'type-changed' : 'modified';
      files.push({ status, path });
    }
  }
  return files;
}

/** Parses unified diff text with `-U0` into added line numbers per new path. */
export function parseAddedLines(diff: string): Map<string, number[]> {
  const result = new Map<string, number[]>();
  let current: number[] | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') current = undefined;
      else {
        const p = unquote(target).replace(/^b\//, '');
        current = result.get(p) ?? [];
        result.set(p, current);
      }
      continue;
    }
    if (line.startsWith('@@') && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let k = 0; k < count; k++) current.push(start + k);
    }
  }
  for (const [k, v] of result) if (!v.length) result.delete(k);
  return result;
}

function unquote(p: string): string {
  if (!p.startsWith('"')) return p;
  // git C-quotes paths with unusual bytes; octal escapes are UTF-8 bytes.
  const bytes: number[] = [];
  const s = p.slice(1, -1);
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const n = s[i + 1];
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
        i += 3;
        continue;
      }
      const map: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
      bytes.push(map[n] ?? n.charCodeAt(0));
      i += 1;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function short(sha: string): string {
  return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : sha;
}

function rec(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * Which two commits a run compares, per event. Explicit `base`/`head` inputs win; then
 * - `push`: the payload's `before`; an all-zero `before` (a new branch) falls back to the merge
 *   base with the default branch;
 * - `pull_request`, `pull_request_target`: `pull_request.base.sha`;
 * - `merge_group`: `merge_group.base_sha`;
 * - `schedule`, `workflow_dispatch` and others: no base unless an input gives one.
 * Head is the `head` input, else `GITHUB_SHA`, else `HEAD`. Commits missing from a shallow clone
 * are fetched; the returned base is the commit to diff from (the merge base when the base is not an
 * ancestor of head).
 */
export async function resolveBaseHead(
  git: GitRepo,
  event: EventFacts,
  inputs: { base?: string; head?: string } = {},
  logger?: Logger,
  opts: { prefetchChangedFiles?: boolean } = {},
): Promise<BaseHead> {
  const headRev = inputs.head ?? (event.sha || 'HEAD');
  const payload = event.payload ?? {};
  const baseGuess = inputs.base ?? baseFromEvent(event.eventName, payload);
  await git.prime(baseGuess ? [headRev, baseGuess] : [headRev]);
  const head = await git.ensureCommit(headRev);
  let base: string | undefined;
  let source: string;
  if (inputs.base) {
    base = inputs.base;
    source = 'input';
  } else {
    switch (event.eventName) {
      case 'push': {
        const before = str(payload.before);
        if (before && before !== ZERO_SHA) {
          base = before;
          source = 'push.before';
        } else {
          const def = event.defaultBranch;
          const mb = def ? await mergeBaseWithBranch(git, def, head, logger) : undefined;
          base = mb;
          source = mb
            ? `merge-base(${def})`
            : before === ZERO_SHA
              ? 'none (new branch without a default branch to compare with)'
              : 'none (push payload without before)';
        }
        break;
      }
      case 'pull_request':
      case 'pull_request_target': {
        base = str(rec(rec(payload.pull_request)?.base)?.sha);
        source = base ? 'pull_request.base.sha' : 'none (pull_request payload without base.sha)';
        break;
      }
      case 'merge_group': {
        base = str(rec(payload.merge_group)?.base_sha);
        source = base ? 'merge_group.base_sha' : 'none (merge_group payload without base_sha)';
        break;
      }
      default:
        source = `none (${event.eventName || 'unknown'} event without a base input)`;
    }
  }
  if (!base) return { base: undefined, head, source };
  const baseSha = await git.ensureCommit(base);
  // The diff usually starts at the base itself (a push's parent, a pull request's merge commit's
  // first parent): a caller that will list changed files has it started now, beside the ancestry check.
  if (opts.prefetchChangedFiles) void git.changedFiles(baseSha, head);
  const start = await git.diffStart(baseSha, head);
  if (start !== baseSha) source = `${source} -> merge-base`;
  return { base: start, head, source };
}

/** The base a push, pull request or merge group names in its payload, if any. */
function baseFromEvent(eventName: string, payload: Record<string, unknown>): string | undefined {
  if (eventName === 'push') {
    const before = str(payload.before);
    return before && before !== ZERO_SHA ? before : undefined;
  }
  if (eventName === 'pull_request' || eventName === 'pull_request_target')
    return str(rec(rec(payload.pull_request)?.base)?.sha);
  if (eventName === 'merge_group') return str(rec(payload.merge_group)?.base_sha);
  return undefined;
}

/** Merge base of `head` with the default branch, trying `origin/<branch>`, the local branch, then a fetch. */
async function mergeBaseWithBranch(
  git: GitRepo,
  branch: string,
  head: string,
  logger?: Logger,
): Promise<string | undefined> {
  for (const ref of [`refs/remotes/origin/${branch}`, `refs/heads/${branch}`]) {
    const sha = await git.resolveCommit(ref);
    if (sha) {
      if (sha === head) return undefined;
      return git.diffStart(sha, head);
    }
  }
  if (await git.hasRemote()) {
    logger?.info(`Fetching the default branch ${branch} to find where this branch started.`);
    const fetched = await git.tryRun([
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      'origin',
      `+refs/heads/${branch}:refs/remotes/origin/${branch}`,
    ]);
    if (fetched !== undefined) {
      const sha = await git.resolveCommit(`refs/remotes/origin/${branch}`);
      if (sha && sha !== head) return git.diffStart(sha, head);
    }
  }
  return undefined;
}
