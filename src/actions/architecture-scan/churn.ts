import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../../core/logger.js';
import { timeoutMs } from '../../core/timeouts.js';

/** How often and how much each file changed in the window, from `git log --numstat`. */
export interface FileChurn {
  /** Commits that touched the file. */
  commits: number;
  added: number;
  deleted: number;
}

export type Churn =
  | { available: true; since: string; commits: number; files: Map<string, FileChurn> }
  | { available: false; reason: string };

export const SHALLOW_HINT =
  'check out the full history (actions/checkout with `fetch-depth: 0`) to rank hotspots by churn';

interface GitOut {
  code: number;
  stdout: string;
}

function git(root: string, args: string[], onLine?: (line: string) => void): Promise<GitOut> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs('AI_CI_GIT_TIMEOUT_MS', 120_000));
    let stdout = '';
    if (onLine) createInterface({ input: child.stdout }).on('line', onLine);
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ code: -1, stdout: '' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout });
    });
  });
}

/**
 * Churn per file over the last `windowMs`, paths relative to `root` (which may be a folder inside
 * the repository). A shallow clone or a folder without history yields `available: false` with a
 * reason naming the fix, since counting the one fetched commit would rank every file equally.
 * The log is read line by line, so memory stays proportional to the number of files.
 */
export async function readChurn(
  root: string,
  windowMs: number,
  logger: Logger,
  now: Date = new Date(),
): Promise<Churn> {
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0 || inside.stdout.trim() !== 'true') {
    return { available: false, reason: `no git history in this directory: ${SHALLOW_HINT}` };
  }
  const shallow = await git(root, ['rev-parse', '--is-shallow-repository']);
  if (shallow.stdout.trim() === 'true') {
    return { available: false, reason: `the clone is shallow: ${SHALLOW_HINT}` };
  }
  const head = await git(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (head.code !== 0)
    return { available: false, reason: `the repository has no commits yet: ${SHALLOW_HINT}` };
  const since = new Date(now.getTime() - windowMs).toISOString();
  const files = new Map<string, FileChurn>();
  let commits = 0;
  const res = await git(
    root,
    [
      '-c',
      'core.quotepath=off',
      'log',
      `--since=${since}`,
      '--no-renames',
      '--no-merges',
      '--numstat',
      '--format=%x00commit',
      '--relative',
      'HEAD',
    ],
    (line) => {
      if (line === '\0commit') {
        commits++;
        return;
      }
      const m = /^(\d+|-)\t(\d+|-)\t(.+)$/.exec(line);
      if (!m) return;
      const path = m[3];
      const entry = files.get(path) ?? { commits: 0, added: 0, deleted: 0 };
      entry.commits++;
      if (m[1] !== '-') entry.added += Number(m[1]);
      if (m[2] !== '-') entry.deleted += Number(m[2]);
      files.set(path, entry);
    },
  );
  if (res.code !== 0) {
    logger.warning(`git log failed (exit ${res.code}); hotspots rank by complexity alone.`);
    return { available: false, reason: `git log failed (exit ${res.code})` };
  }
  return { available: true, since, commits, files };
}
