import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sample project's name on the pretend GitHub: the run context and the cache namespace use it. */
export const SAMPLE_REPOSITORY = 'demo/sample-shop';
export const SAMPLE_BRANCH = 'feature/whole-dollar-receipts';

/**
 * Finds `src/demo/sample-project` from wherever this code runs: `src/demo/` under tsx, `dist/`
 * or `dist/cli/` in the bundle. The sample is plain files in the repository, not bundled.
 */
export function sampleProjectDir(from?: string): string {
  // The bundler may rewrite import.meta.url; the entry script's own path is a second place to start.
  const starts = from
    ? [from]
    : [dirname(fileURLToPath(import.meta.url)), ...(process.argv[1] ? [dirname(process.argv[1])] : [])];
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 6; i++) {
      for (const candidate of [join(dir, 'sample-project'), join(dir, 'src', 'demo', 'sample-project')]) {
        if (existsSync(join(candidate, 'package.json'))) return candidate;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error(
    `The demo's sample project (src/demo/sample-project) was not found above ${starts.join(' or ')}.`,
  );
}

export interface SampleRepo {
  dir: string;
  /** The default branch's head: the pull request's base. */
  baseSha: string;
  /** The change under test. */
  headSha: string;
  /** A `pull_request` webhook payload for the change, as the runner would give it. */
  eventFile: string;
  /** The file the change broke, repository-relative. */
  changedFile: string;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    // The user's own git config (hooks, signing, templates) must not change the sample's history.
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Sample Dev',
      GIT_AUTHOR_EMAIL: 'dev@sample-shop.example',
      GIT_COMMITTER_NAME: 'Sample Dev',
      GIT_COMMITTER_EMAIL: 'dev@sample-shop.example',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/**
 * Copies the sample into `dir` and gives it a short history on `main` (the shop library, then the
 * cart), ready for the baseline run. `breakSampleRepo` then adds the pull request's change.
 */
export function createSampleRepo(dir: string, sample: string = sampleProjectDir()): string {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  const copy = (rel: string): void => cpSync(join(sample, rel), join(dir, rel), { recursive: true });
  for (const rel of [
    'package.json',
    'README.md',
    'src/money.js',
    'src/slug.js',
    'test/money.test.js',
    'test/slug.test.js',
  ])
    copy(rel);
  // Reports and ai-ci's output are build products, as in a real project's .gitignore.
  writeFileSync(join(dir, '.gitignore'), 'reports/\nai_analysis/\nci_metrics/\n.ai-ci/\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Money helpers and slugs');
  copy('src/cart.js');
  copy('test/cart.test.js');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Cart totals and receipt line');
  git(dir, 'remote', 'add', 'origin', `https://github.com/${SAMPLE_REPOSITORY}.git`);
  return git(dir, 'rev-parse', 'HEAD');
}

/** The pull request: receipts show whole dollars, which rounds away the cents the tests expect. */
export function breakSampleRepo(dir: string): SampleRepo {
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', SAMPLE_BRANCH);
  const changedFile = 'src/money.js';
  const path = join(dir, changedFile);
  const before = readFileSync(path, 'utf8');
  const after = before.replace('(Math.abs(cents) / 100).toFixed(2)', 'Math.round(Math.abs(cents) / 100)');
  if (after === before)
    throw new Error(`The sample's ${changedFile} no longer has the line the demo changes.`);
  writeFileSync(path, after);
  git(dir, 'commit', '-q', '-am', 'Receipts: show whole dollars');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  const eventFile = join(dir, '.ai-ci', 'event.json');
  mkdirSync(dirname(eventFile), { recursive: true });
  writeFileSync(
    eventFile,
    JSON.stringify(
      {
        action: 'synchronize',
        number: 1,
        pull_request: {
          number: 1,
          title: 'Receipts: show whole dollars',
          head: { sha: headSha, ref: SAMPLE_BRANCH, repo: { full_name: SAMPLE_REPOSITORY } },
          base: { sha: baseSha, ref: 'main', repo: { full_name: SAMPLE_REPOSITORY } },
        },
        repository: { full_name: SAMPLE_REPOSITORY, default_branch: 'main' },
      },
      null,
      2,
    ),
  );
  return { dir, baseSha, headSha, eventFile, changedFile };
}
