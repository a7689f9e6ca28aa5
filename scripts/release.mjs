#!/usr/bin/env node
// npm run release -- <owner> <version>
// Points every reference to our own actions and reusable workflows (in .github/workflows/ and
// action-templates/) at <owner>/ai-ci/...@v<major>, commits that, tags v<version> and moves the
// major tag v<major> to it, as actions/checkout and actions/cache do. Nothing is pushed: the
// script prints the two push commands. It refuses a dirty tree or an existing version tag.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUR_REF =
  /(uses:\s*)[A-Za-z0-9_.-]+\/ai-ci\/(actions\/[a-z0-9-]+|\.github\/workflows\/[a-z0-9-]+\.ya?ml)@[\w.-]+/g;

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
}

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Rewrites our references in one file's text; returns the new text and how many were rewritten. */
export function rewriteRefs(text, owner, major) {
  let count = 0;
  const next = text.replace(OUR_REF, (_m, uses, path) => {
    count++;
    return `${uses}${owner}/ai-ci/${path}@v${major}`;
  });
  return { text: next, count };
}

function workflowFiles() {
  const files = [];
  for (const dir of ['.github/workflows', 'action-templates']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) if (/\.ya?ml$/.test(name)) files.push(join(abs, name));
  }
  return files;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [owner, rawVersion, ...rest] = process.argv.slice(2);
  if (!owner || !rawVersion || rest.length)
    fail('usage: npm run release -- <owner> <version>   (e.g. npm run release -- my-org 1.2.0)');
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(owner)) fail(`'${owner}' is not a GitHub owner name.`);
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(rawVersion);
  if (!m) fail(`'${rawVersion}' is not a version: expected X.Y.Z.`);
  const version = `v${m[1]}.${m[2]}.${m[3]}`;
  const major = m[1];
  if (git('status', '--porcelain'))
    fail('the working tree has uncommitted changes; commit or remove them first.');
  if (git('tag', '--list', version)) fail(`tag ${version} already exists.`);

  let total = 0;
  const changed = [];
  for (const file of workflowFiles()) {
    const before = readFileSync(file, 'utf8');
    const { text, count } = rewriteRefs(before, owner, major);
    total += count;
    if (text !== before) {
      writeFileSync(file, text);
      changed.push(relative(root, file));
    }
  }
  if (total === 0)
    fail('no reference to <owner>/ai-ci/... was found in .github/workflows or action-templates.');
  if (changed.length) {
    git('add', '--', ...changed);
    git(
      'commit',
      '-q',
      '-m',
      `Release ${version}: our actions referenced as ${owner}/ai-ci/...@v${major}`,
      '--',
      ...changed,
    );
  }
  git('tag', '-a', version, '-m', `ai-ci ${version}`);
  // The major tag moves with every release of that major, so `@v1` users get fixes.
  git('tag', '-f', `v${major}`, version + '^{}');
  const sha = git('rev-parse', 'HEAD');
  process.stdout.write(
    `${total} reference(s) point at ${owner}/ai-ci@v${major} (${changed.length} file(s) changed).\n` +
      `Tagged ${version} and moved v${major} to ${sha.slice(0, 12)}. Publish with:\n` +
      `  git push origin HEAD ${version} && git push --force origin v${major}\n`,
  );
}
