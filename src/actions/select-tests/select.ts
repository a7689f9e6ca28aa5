import { posix } from 'node:path';
import { globMatcher } from '../../core/files.js';
import type { ChangedFile } from '../../core/git.js';
import { sortedIndexOf, type BuiltGraph } from '../../graph/build.js';
import { chainFrom, dependentsOf, importersIndex } from '../../graph/query.js';
import { catalogTests, type TestCatalog } from './tests.js';

/** Changes to these run the whole suite (they change how every test runs). `critical-paths` adds to them. */
export const DEFAULT_CRITICAL_PATHS = [
  '.github/**',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/pnpm-workspace.yaml',
  '**/bun.lock',
  '**/bun.lockb',
  '**/poetry.lock',
  '**/Pipfile.lock',
  '**/uv.lock',
  '**/package.json',
  '**/tsconfig*.json',
  '**/jsconfig*.json',
  '**/jest.config.*',
  '**/jest.setup.*',
  '**/vitest.config.*',
  '**/vitest.workspace.*',
  '**/vite.config.*',
  '**/babel.config.*',
  '**/.babelrc*',
  '**/pytest.ini',
  '**/tox.ini',
  '**/setup.cfg',
  '**/setup.py',
  '**/requirements*.txt',
  '**/Pipfile',
  '**/pyproject.toml',
  '**/go.mod',
  '**/go.sum',
  '**/go.work',
  '**/go.work.sum',
];

/** Changes only to these select nothing: no test reads them. `ignore-paths` adds to them. */
export const DEFAULT_IGNORE_PATHS = [
  '**/*.md',
  '**/*.mdx',
  '**/*.rst',
  'docs/**',
  '**/*.{png,jpg,jpeg,gif,svg,ico,webp,avif,bmp}',
  '**/LICENSE',
  '**/LICENSE.*',
  '**/LICENCE*',
  '**/COPYING*',
  '**/NOTICE*',
  '**/CHANGELOG*',
  '**/AUTHORS*',
  '**/CODEOWNERS',
  '**/.gitignore',
  '**/.gitattributes',
  '**/.editorconfig',
  '**/.mailmap',
];

export type Mode = 'selective' | 'full' | 'none';

export interface SelectionSettings {
  enabled: boolean;
  /** More changed files than this run the full suite. */
  threshold: number;
  /** User globs added to {@link DEFAULT_CRITICAL_PATHS}; they win over ignore paths. */
  criticalPaths: string[];
  /** User globs added to {@link DEFAULT_IGNORE_PATHS}. */
  ignorePaths: string[];
  /** Globs identifying tests (replaces the defaults when set). */
  testPatterns?: string[];
}

export interface SelectedTest {
  /** Path, pytest path or Go package (`./dir`). */
  id: string;
  /** Why: `[test file, ..., changed file]`, or one element when the test itself changed. */
  chain: string[];
  /** The rule that selected it. */
  rule: 'changed-test' | 'dependency' | 'deleted-dependency' | 'test-data' | 'conftest' | 'full';
}

export interface Selection {
  mode: Mode;
  reason: string;
  /** Selected test ids, sorted (every test in `full` mode). */
  tests: string[];
  /** Every test found. */
  allTests: string[];
  /** Per selected test, why (absent in `full` mode). */
  explain: SelectedTest[];
  changedFiles: ChangedFile[];
  /** Changed files no test reads (documentation, ignored paths). */
  ignoredFiles: string[];
}

export interface SelectionInput {
  graph: BuiltGraph;
  /** The base revision's graph, built only when a file was deleted or renamed. */
  baseGraph?: () => Promise<BuiltGraph | undefined>;
  /** `undefined` when there is no base to compare with. */
  changes: ChangedFile[] | undefined;
  /** Why there is no base, for the reason. */
  noBaseReason?: string;
  settings: SelectionSettings;
}

function list(files: string[], max = 5): string {
  const shown = files.slice(0, max).join(', ');
  return files.length > max ? `${shown} and ${files.length - max} more` : shown;
}

function dirOf(p: string): string {
  const d = posix.dirname(p);
  return d === '.' ? '' : d;
}

function under(dir: string, file: string): boolean {
  return dir === '' || file.startsWith(`${dir}/`);
}

export async function selectTests(input: SelectionInput): Promise<Selection> {
  const { graph, settings } = input;
  const catalog = catalogTests(graph.files, settings.testPatterns);
  const changes = input.changes ?? [];
  const full = (reason: string, ignoredFiles: string[] = []): Selection => ({
    mode: 'full',
    reason,
    tests: catalog.ids,
    allTests: catalog.ids,
    explain: [],
    changedFiles: changes,
    ignoredFiles,
  });

  if (!settings.enabled)
    return full(
      'Test selection is disabled (input enabled / TEST_SELECTION_ENABLED is false): running every test.',
    );
  if (input.changes === undefined)
    return full(`No base revision to compare with (${input.noBaseReason ?? 'unknown'}): running every test.`);

  const userCritical = globMatcher(settings.criticalPaths);
  const defaultCritical = globMatcher(DEFAULT_CRITICAL_PATHS);
  const ignored = globMatcher([...DEFAULT_IGNORE_PATHS, ...settings.ignorePaths]);
  const pathsOf = (c: ChangedFile): string[] =>
    c.oldPath && c.oldPath !== c.path ? [c.path, c.oldPath] : [c.path];

  // 1. Documentation and other files no test reads.
  const ignoredFiles: string[] = [];
  const relevant: ChangedFile[] = [];
  for (const c of changes) {
    const paths = pathsOf(c);
    if (paths.every((p) => !userCritical(p) && ignored(p))) ignoredFiles.push(c.path);
    else relevant.push(c);
  }
  if (changes.length === 0) {
    return {
      mode: 'none',
      reason: 'No file changed between base and head: no test to run.',
      tests: [],
      allTests: catalog.ids,
      explain: [],
      changedFiles: changes,
      ignoredFiles,
    };
  }
  if (relevant.length === 0) {
    return {
      mode: 'none',
      reason: `Every changed file is documentation or outside every test's inputs (${list(ignoredFiles)}): no test to run.`,
      tests: [],
      allTests: catalog.ids,
      explain: [],
      changedFiles: changes,
      ignoredFiles,
    };
  }

  // 2. Too many changes, or a change to how every test runs.
  if (changes.length > settings.threshold) {
    return full(
      `${changes.length} files changed, more than the threshold of ${settings.threshold} (input threshold / TEST_SELECTION_THRESHOLD): running every test.`,
      ignoredFiles,
    );
  }
  const critical = relevant.flatMap(pathsOf).filter((p) => userCritical(p) || defaultCritical(p));
  if (critical.length)
    return full(`Critical file changed (${list([...new Set(critical)])}): running every test.`, ignoredFiles);

  // 3. Selection.
  // Both lists are sorted: a handful of lookups does not pay for building two 10,000-entry sets.
  const nodes = { has: (p: string) => sortedIndexOf(graph.nodes, p) >= 0 };
  const allFiles = { has: (p: string) => sortedIndexOf(graph.files, p) >= 0 };
  const unresolvedFrom = new Map<string, string[]>();
  for (const u of graph.unresolved) {
    const l = unresolvedFrom.get(u.from) ?? [];
    l.push(u.specifier);
    unresolvedFrom.set(u.from, l);
  }
  const selected = new Map<string, SelectedTest>();
  const pick = (file: string, chain: string[], rule: SelectedTest['rule']): void => {
    if (!catalog.isTest(file) || !allFiles.has(file)) return;
    const id = catalog.idOf(file);
    if (!selected.has(id)) selected.set(id, { id, chain, rule });
  };
  const headSeeds: string[] = [];
  const baseSeeds: string[] = [];
  const unresolvable: string[] = [];

  for (const c of relevant) {
    const alive = c.status !== 'deleted';
    const gone = c.status === 'deleted' ? [c.path] : c.status === 'renamed' && c.oldPath ? [c.oldPath] : [];
    let handled = false;

    if (alive) {
      const p = c.path;
      if (catalog.isTest(p)) {
        pick(p, [p], 'changed-test');
        handled = true;
      }
      if (posix.basename(p) === 'conftest.py') {
        const d = dirOf(p);
        for (const t of catalog.files) if (t.endsWith('.py') && under(d, t)) pick(t, [t, p], 'conftest');
        handled = true;
      }
      if (testDataOwners(p, catalog, pick)) handled = true;
      if (nodes.has(p)) {
        const bad = unresolvedFrom.get(p);
        if (bad && !catalog.isTest(p)) {
          return full(
            `${p} changed and imports ${list(
              bad.map((s) => `'${s}'`),
              3,
            )}, which cannot be resolved into the import graph: running every test.`,
            ignoredFiles,
          );
        }
        headSeeds.push(p);
        handled = true;
      }
    }
    for (const g of gone) {
      // A deleted test is simply not run; a deleted module selects what imported it at base.
      if (catalog.isTest(g)) handled = true;
      if (testDataOwners(g, catalog, pick)) handled = true;
      baseSeeds.push(g);
    }
    if (!handled && alive) unresolvable.push(c.path);
  }

  // Deleted and renamed-away files: who imported them at the base revision.
  const unknownGone: string[] = [];
  if (baseSeeds.length) {
    const base = input.baseGraph ? await input.baseGraph() : undefined;
    if (!base)
      return full(
        `Files were deleted or renamed (${list(baseSeeds)}) and the base revision's import graph is not available: running every test.`,
        ignoredFiles,
      );
    const baseNodes = new Set(base.nodes);
    const seeds = baseSeeds.filter((s) => baseNodes.has(s));
    for (const s of baseSeeds)
      if (!baseNodes.has(s) && !catalog.isTest(s) && !isTestData(s)) unknownGone.push(s);
    const next = dependentsOf(importersIndex(base), seeds);
    next.forEach((_step, file) => pick(file, chainFrom(next, file), 'deleted-dependency'));
  }
  const cannot = [...unresolvable, ...unknownGone];
  if (cannot.length) {
    return full(
      `${list(cannot)} changed and cannot be resolved into the import graph (no test's imports reach it, and it is not documentation): running every test.`,
      ignoredFiles,
    );
  }

  const next = dependentsOf(importersIndex(graph), headSeeds);
  next.forEach((_step, file) => pick(file, chainFrom(next, file), 'dependency'));

  const explain = [...selected.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tests = explain.map((e) => e.id);
  if (!tests.length) {
    return {
      mode: 'none',
      reason: `No test depends on the changed files (${list(relevant.map((c) => c.path))})${ignoredFiles.length ? `; the other changes are documentation (${list(ignoredFiles, 3)})` : ''}: no test to run.`,
      tests: [],
      allTests: catalog.ids,
      explain: [],
      changedFiles: changes,
      ignoredFiles,
    };
  }
  return {
    mode: 'selective',
    reason: `${tests.length} of ${catalog.ids.length} tests depend on the ${relevant.length} changed file${relevant.length === 1 ? '' : 's'}${ignoredFiles.length ? ` (${ignoredFiles.length} documentation file${ignoredFiles.length === 1 ? '' : 's'} ignored)` : ''}.`,
    tests,
    allTests: catalog.ids,
    explain,
    changedFiles: changes,
    ignoredFiles,
  };
}

function isTestData(p: string): boolean {
  return /(^|\/)(__snapshots__|__fixtures__|testdata)\//.test(p);
}

/**
 * A change under a test's own data selects the tests that own it: `__snapshots__/<name>.snap`
 * belongs to `<name>` beside the folder (else every test there); `__fixtures__/` and `testdata/`
 * belong to the tests of the folder that holds them.
 */
function testDataOwners(
  p: string,
  catalog: TestCatalog,
  pick: (file: string, chain: string[], rule: SelectedTest['rule']) => void,
): boolean {
  const snap = /^(.*?)(?:^|\/)__snapshots__\/(.+)\.snap$/.exec(p);
  if (snap) {
    const dir = snap[1];
    const owner = dir ? `${dir}/${snap[2]}` : snap[2];
    if (catalog.isTest(owner)) pick(owner, [owner, p], 'test-data');
    else for (const t of catalog.files) if (dirOf(t) === dir) pick(t, [t, p], 'test-data');
    return true;
  }
  const m = /^(?:(.*)\/)?(__fixtures__|testdata)\//.exec(p);
  if (m) {
    const dir = m[1] ?? '';
    for (const t of catalog.files) if (under(dir, t)) pick(t, [t, p], 'test-data');
    return true;
  }
  return false;
}
