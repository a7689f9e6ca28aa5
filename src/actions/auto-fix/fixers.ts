import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { git, runCommand } from './local-git.js';

export interface FixerResult {
  tool: string;
  patch: string;
}

/** Files the fixer may touch must be clean, so that its diff is its own and can be taken back. */
async function clean(cwd: string, files: string[]): Promise<boolean> {
  const status = await git(cwd, ['status', '--porcelain', '--', ...files]);
  return status.trim() === '';
}

/**
 * Lint and formatting failures are fixed by the project's own tool (eslint --fix, prettier
 * --write) when it is installed: deterministic, no LLM call. The working tree is restored; the
 * patch is what the tool changed.
 */
export async function deterministicFix(
  cwd: string,
  rc: { kind: string; title: string; file: string | null; lines: Array<{ text: string }> },
  files: string[],
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Promise<FixerResult | undefined> {
  if (rc.kind !== 'lint' || files.length === 0) return undefined;
  const existing = files.filter((f) => existsSync(join(cwd, f)));
  if (!existing.length || !(await clean(cwd, existing))) return undefined;
  const text = `${rc.title}\n${rc.lines.map((l) => l.text).join('\n')}`;
  const bin = (name: string): string | undefined => {
    const p = join(cwd, 'node_modules', '.bin', name);
    return existsSync(p) ? p : undefined;
  };
  const quoted = existing.map((f) => `'${f.replace(/'/g, "'\\''")}'`).join(' ');
  const candidates: Array<[string, string | undefined, string]> = [
    ['prettier', bin('prettier'), `--write ${quoted}`],
    ['eslint', bin('eslint'), `--fix ${quoted}`],
  ];
  // A prettier rule failure is prettier's to fix; everything else eslint's.
  const order = /prettier|code style|formatting/i.test(text) ? candidates : [candidates[1], candidates[0]];
  for (const [tool, path, args] of order) {
    if (!path) continue;
    const r = await runCommand(cwd, `'${path}' ${args}`, 120_000, env);
    const patch = await git(cwd, ['diff', '--', ...existing]);
    if (patch.trim() !== '') {
      await git(cwd, ['apply', '-R', '-'], patch);
      logger.info(`auto-fix: ${tool} fixed ${existing.join(', ')} (exit ${r.exitCode}).`);
      return { tool, patch };
    }
  }
  return undefined;
}
