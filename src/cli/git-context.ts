import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';

/** The `GITHUB_*` facts a local checkout can tell: repository, SHA, ref, default branch. */
export interface LocalGitContext {
  repository: string;
  sha: string;
  ref: string;
  defaultBranch: string;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** `git@github.com:o/r.git`, `https://github.com/o/r(.git)`, `ssh://git@host/o/r` -> `o/r`. */
export function repositoryFromRemote(url: string): string | undefined {
  const m = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export function readLocalGitContext(dir: string, repositoryOverride?: string): LocalGitContext {
  const inRepo = git(dir, ['rev-parse', '--is-inside-work-tree']) === 'true';
  const fallbackRepo = `local/${basename(dir) || 'repo'}`;
  if (!inRepo) {
    return { repository: repositoryOverride ?? fallbackRepo, sha: '', ref: '', defaultBranch: 'main' };
  }
  const remote = git(dir, ['remote', 'get-url', 'origin']);
  const repository =
    repositoryOverride ?? (remote ? repositoryFromRemote(remote) : undefined) ?? fallbackRepo;
  const sha = git(dir, ['rev-parse', 'HEAD']) ?? '';
  const symbolic = git(dir, ['symbolic-ref', '-q', 'HEAD']);
  const ref = symbolic ?? '';
  const originHead = git(dir, ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD']);
  const defaultBranch = originHead?.replace(/^origin\//, '') ?? guessDefault(dir, ref);
  return { repository, sha, ref, defaultBranch };
}

/** Without `origin/HEAD`: the configured initial branch, main or master when one exists, else the current branch. */
function guessDefault(dir: string, ref: string): string {
  const configured = git(dir, ['config', '--get', 'init.defaultBranch']);
  for (const b of [configured, 'main', 'master']) {
    if (b && git(dir, ['rev-parse', '--verify', '-q', `refs/heads/${b}`])) return b;
  }
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : 'main';
}
