import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDependencyFile, packagesTouched } from '../../src/actions/adaptive-gate/dependency-changes.js';
import { GitRepo } from '../../src/core/git.js';
import { DEPS } from './scratch-repo.js';

const read = (name: string): string => readFileSync(join(DEPS, name), 'utf8');
const lineOf = (text: string, needle: string, from = 0): number => {
  const lines = text.split('\n');
  const i = lines.findIndex((l, k) => k >= from && l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i + 1;
};

describe('packages touched by a lockfile diff (real git)', () => {
  let dir: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ai-ci-deps-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'dev@example.com');
    git('config', 'user.name', 'Dev');
    writeFileSync(join(dir, 'package.json'), '{\n  "name": "x",\n  "dependencies": {}\n}\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'empty');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function touched(base: string): Promise<string[]> {
    const repo = new GitRepo(dir);
    const added = await repo.addedLines(base, 'HEAD');
    const out = new Set<string>();
    for (const [path, lines] of added) {
      if (!isDependencyFile(path)) continue;
      for (const p of packagesTouched(path, (await repo.fileAtRevision('HEAD', path)) ?? '', lines))
        out.add(p);
    }
    return [...out].sort();
  }

  it('a new lockfile touches every package in it; the manifest names the direct one', async () => {
    const base = git('rev-parse', 'HEAD');
    cpSync(join(DEPS, 'package-lock.json'), join(dir, 'package-lock.json'));
    writeFileSync(
      join(dir, 'package.json'),
      '{\n  "name": "x",\n  "dependencies": {\n    "github-build": "1.2.0"\n  }\n}\n',
    );
    git('add', '-A');
    git('commit', '-q', '-m', 'add github-build');
    expect(await touched(base)).toEqual(['axios', 'debug', 'follow-redirects', 'github-build', 'ms']);
  });

  it('a version bump touches only the bumped entry, though only its version lines changed', async () => {
    cpSync(join(DEPS, 'package-lock.json'), join(dir, 'package-lock.json'));
    git('add', '-A');
    git('commit', '-q', '-m', 'lockfile');
    const base = git('rev-parse', 'HEAD');
    const text = readFileSync(join(dir, 'package-lock.json'), 'utf8');
    // The top-level "ms" entry: 2.0.0 -> 2.1.3 (the nested requires keep their ranges).
    const start = text.indexOf('    "ms": {');
    const bumped =
      text.slice(0, start) +
      text
        .slice(start)
        .replace('"version": "2.0.0"', '"version": "2.1.3"')
        .replace('ms-2.0.0.tgz', 'ms-2.1.3.tgz');
    writeFileSync(join(dir, 'package-lock.json'), bumped);
    git('commit', '-q', '-am', 'bump ms');
    expect(await touched(base)).toEqual(['ms']);
  });
});

describe('owner of a lockfile line (real lockfiles)', () => {
  it('package-lock v1: nested entries and requires belong to the innermost package', () => {
    const text = read('package-lock.json');
    const gb = lineOf(text, '"github-build": {');
    expect(packagesTouched('package-lock.json', text, [lineOf(text, '"version": "1.2.0"')])).toEqual([
      'github-build',
    ]);
    expect(packagesTouched('package-lock.json', text, [lineOf(text, '"version": "0.15.3"', gb)])).toEqual([
      'axios',
    ]);
    expect(packagesTouched('package-lock.json', text, [lineOf(text, '"debug": "^2.2.0"')])).toEqual([
      'follow-redirects',
    ]);
    expect(packagesTouched('package-lock.json', text, [2, 3, 4])).toEqual([]);
  });
  it('yarn.lock: the block header, scoped names included', () => {
    const text = read('yarn.lock.txt');
    expect(packagesTouched('yarn.lock', text, [6, 7])).toEqual(['@ungap/promise-all-settled']);
    expect(packagesTouched('yarn.lock', text, [11, 14])).toEqual(['align-text']);
  });
  it('pnpm-lock.yaml v5: packages keys and importer dependencies', () => {
    const text = read('pnpm-lock.yaml.txt');
    expect(packagesTouched('pnpm-lock.yaml', text, [lineOf(text, 'resolution:')])).toEqual(['cryo']);
    expect(packagesTouched('pnpm-lock.yaml', text, [lineOf(text, 'cryo: 0.0.6', 5)])).toEqual(['cryo']);
  });
  it('go.mod and go.sum: the module path', () => {
    const mod = read('go.mod.txt');
    expect(
      packagesTouched('go.mod', mod, [lineOf(mod, 'golang.org/x/net'), lineOf(mod, 'golang.org/x/text')]),
    ).toEqual(['golang.org/x/net', 'golang.org/x/text']);
    expect(packagesTouched('go.sum', read('go.sum.txt'), [1, 2, 7])).toEqual([
      'golang.org/x/crypto',
      'golang.org/x/text',
    ]);
  });
  it('knows which files are dependency files', () => {
    expect(
      [
        'package-lock.json',
        'a/b/yarn.lock',
        'go.sum',
        'requirements-dev.txt',
        'Cargo.lock',
        'src/price.js',
      ].map(isDependencyFile),
    ).toEqual([true, true, true, true, true, false]);
  });
});
