#!/usr/bin/env node
// Rebuilds dist/ and fails when it differs from what is committed, like
// actions/typescript-action's check-dist: a stale bundle would run old code in users' workflows.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist'], {
  cwd: root,
  encoding: 'utf8',
});
if (status.trim() !== '') {
  process.stderr.write(
    `dist/ differs from a fresh bundle. Run 'npm run bundle' and commit dist/.\n${status}\n` +
      execFileSync('git', ['diff', '--stat', '--', 'dist'], { cwd: root, encoding: 'utf8' }),
  );
  process.exit(1);
}
process.stdout.write('dist/ matches a fresh bundle.\n');
