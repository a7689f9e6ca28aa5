import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real git repository in a temp folder, with the files given, committed. */
export function makeRepo(files: Record<string, string>, opts: { git?: boolean; date?: string } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'arch-repo-'));
  writeFiles(root, files);
  if (opts.git !== false) {
    git(root, ['init', '-q', '-b', 'main']);
    commitAll(root, 'initial', opts.date);
  }
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, dirname(p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
}

export function git(root: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: root,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      ...env,
    },
    encoding: 'utf8',
  });
}

export function commitAll(root: string, message: string, date?: string): void {
  git(root, ['add', '-A']);
  const env: Record<string, string> = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
  git(root, ['commit', '-q', '--allow-empty', '-m', message], env);
}
