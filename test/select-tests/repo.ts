import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real git repository in a temp dir, driven the way a developer would. */
export class ScratchRepo {
  readonly dir: string;

  constructor(prefix = 'ai-ci-repo-', dir?: string) {
    this.dir = dir ?? realpathSync(mkdtempSync(join(tmpdir(), prefix)));
    if (!dir) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'user.email', 'dev@example.com');
      this.git('config', 'user.name', 'Dev');
      this.git('config', 'commit.gpgsign', 'false');
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  }

  write(files: Record<string, string>): this {
    for (const [p, text] of Object.entries(files)) {
      const full = join(this.dir, p);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    return this;
  }

  remove(...paths: string[]): this {
    for (const p of paths) rmSync(join(this.dir, p), { force: true });
    return this;
  }

  move(from: string, to: string): this {
    mkdirSync(dirname(join(this.dir, to)), { recursive: true });
    renameSync(join(this.dir, from), join(this.dir, to));
    return this;
  }

  /** Stages everything and commits; returns the new SHA. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Writes a webhook payload file for `ai-ci run --event`. */
export function writeEvent(dir: string, payload: unknown): string {
  const file = join(dir, `event-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

export function tempDir(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}
