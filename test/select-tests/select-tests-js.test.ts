import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScratchRepo } from './repo.js';
import { branchFrom, chainOf, runSelect } from './scenario.js';

/**
 * A small TypeScript monorepo with every import form the graph follows: a tsconfig alias set in an
 * extended base config, a workspace package reached through its `exports` (pointing at build
 * output that is not checked in), a barrel, type-only, dynamic and JSON imports, `jest.mock`,
 * snapshots and fixtures.
 */
const FILES: Record<string, string> = {
  '.gitignore': 'ai_analysis/\n',
  'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['packages/*'] }, null, 2),
  'tsconfig.base.json': `{
  // aliases live in the base config
  "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["src/lib/*"] }, "strict": true, },
}`,
  'tsconfig.json': '{ "extends": "./tsconfig.base.json", "include": ["src", "test"] }',
  'packages/util/package.json': JSON.stringify({
    name: '@acme/util',
    exports: {
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
      './strings': './dist/strings.js',
    },
  }),
  'packages/util/src/index.ts': `export * from './strings.js';\nexport * from './numbers.js';\n`,
  'packages/util/src/strings.ts': `export const upper = (s: string): string => s.toUpperCase();\n`,
  'packages/util/src/numbers.ts': `export const round = (n: number): number => Math.round(n * 100) / 100;\n`,
  'src/lib/types.ts': `export type Money = number;\n`,
  'src/lib/price.ts': `import { round } from '@acme/util';\nimport type { Money } from './types';\nexport const price = (n: number): Money => round(n);\n`,
  'src/lib/format.ts': `import { upper } from '@acme/util/strings';\nexport const format = (s: string): string => upper(s);\n`,
  'src/lib/lazy.ts': `export const lazy = 1;\n`,
  'src/lib/loader.ts': `// import { nothing } from './not-real';\nexport async function load(): Promise<number> {\n  const m = await import('./lazy.js');\n  return m.lazy;\n}\n`,
  'src/lib/config.json': `{ "currency": "EUR" }\n`,
  'src/lib/settings.ts': `import config from './config.json';\nexport const settings = { ...config };\n`,
  'src/lib/old.ts': `export const old = 'old';\n`,
  'src/lib/uses-old.ts': `import { old } from './old';\nexport const usesOld = (): string => old;\n`,
  'src/lib/mover.ts': `export const m = 'm';\n`,
  'src/lib/unused.ts': `export const unused = true;\n`,
  'src/api/client.ts': `export const fetchIt = async (): Promise<string> => 'real';\n`,
  'src/components/button.ts': `export const button = (label: string): string => \`<button>\${label}</button>\`;\n`,
  'src/components/__tests__/button.test.ts': `import { button } from '../button';\ntest('button', () => expect(button('ok')).toMatchSnapshot());\n`,
  'src/components/__tests__/__snapshots__/button.test.ts.snap': `exports[\`button 1\`] = \`"<button>ok</button>"\`;\n`,
  'test/price.test.ts': `import { price } from '@lib/price';\ntest('price', () => expect(price(1.234)).toBe(1.23));\n`,
  'test/format.test.ts': `import { format } from '@lib/format';\ntest('format', () => expect(format('a')).toBe('A'));\n`,
  'test/loader.test.ts': `import { load } from '../src/lib/loader';\ntest('load', async () => expect(await load()).toBe(1));\n`,
  'test/settings.test.ts': `import { settings } from '@lib/settings';\ntest('settings', () => expect(settings.currency).toBe('EUR'));\n`,
  'test/old.test.ts': `import { usesOld } from '@lib/uses-old';\ntest('old', () => expect(usesOld()).toBe('old'));\n`,
  'test/mover.test.ts': `import { m } from '../src/lib/mover';\ntest('m', () => expect(m).toBe('m'));\n`,
  'test/types.test.ts': `import type { Money } from '@lib/types';\nconst x: Money = 1;\ntest('types', () => expect(x).toBe(1));\n`,
  'test/client.test.ts': `jest.mock('../src/api/client');\ntest('mocked', () => expect(1).toBe(1));\n`,
  'test/fixture.test.ts': `import { readFileSync } from 'node:fs';\ntest('fixture', () => expect(readFileSync(__dirname + '/__fixtures__/data.txt', 'utf8')).toBe('x'));\n`,
  'test/__fixtures__/data.txt': 'x',
  'scripts/deploy.sh': '#!/bin/sh\necho deploy\n',
  'docs/guide.md': '# Guide\n',
  'README.md': '# shop\n',
};

// Each case starts the CLI in a child process (1-2 s each on an idle machine, far more on a busy one).
jest.setTimeout(120_000);

const ALL_TESTS = [
  'src/components/__tests__/button.test.ts',
  'test/client.test.ts',
  'test/fixture.test.ts',
  'test/format.test.ts',
  'test/loader.test.ts',
  'test/mover.test.ts',
  'test/old.test.ts',
  'test/price.test.ts',
  'test/settings.test.ts',
  'test/types.test.ts',
];

describe('select-tests on a TypeScript monorepo (ai-ci run select-tests --json)', () => {
  let repo: ScratchRepo;
  let base: string;
  beforeAll(() => {
    repo = new ScratchRepo('ai-ci-sel-js-');
    repo.write(FILES);
    base = repo.commit('base');
  });
  afterAll(() => repo.cleanup());

  it('workspace package through exports and a barrel: only the test that reaches the changed file', async () => {
    branchFrom(repo, base, 'numbers', (r) =>
      r.write({
        'packages/util/src/numbers.ts': 'export const round = (n: number): number => Math.round(n);\n',
      }),
    );
    const r = await runSelect(repo, { base });
    expect(r.code).toBe(0);
    expect(r.outputs.mode).toBe('selective');
    expect(r.tests).toEqual(['test/price.test.ts']);
    expect(chainOf(r.report, 'test/price.test.ts')).toEqual([
      'test/price.test.ts',
      'src/lib/price.ts',
      'packages/util/src/index.ts',
      'packages/util/src/numbers.ts',
    ]);
    expect(r.outputs['test-count']).toBe('1');
    expect(r.outputs['total-test-count']).toBe(String(ALL_TESTS.length));
    expect(r.outputs['report-path']).toBe('ai_analysis/selection_report.json');
    expect(r.report.type).toBe('ai-ci/selection');
    expect(r.report.version).toBe(1);
    expect(r.matrix).toEqual({ include: [{ shard: 1, tests: 'test/price.test.ts' }] });
    expect(readFileSync(join(repo.dir, r.outputs['tests-file']), 'utf8')).toBe('test/price.test.ts\n');
    expect(r.summary).toContain(
      '`test/price.test.ts` → `src/lib/price.ts` → `packages/util/src/index.ts` → `packages/util/src/numbers.ts`',
    );
    expect(r.report.graph?.unresolved).toEqual([]);
  });

  it('package subpath export and barrel both lead to strings.ts', async () => {
    branchFrom(repo, base, 'strings', (r) =>
      r.write({
        'packages/util/src/strings.ts':
          'export const upper = (s: string): string => s.toLocaleUpperCase();\n',
      }),
    );
    const r = await runSelect(repo, { base });
    expect(r.tests).toEqual(['test/format.test.ts', 'test/price.test.ts']);
    expect(chainOf(r.report, 'test/format.test.ts')).toEqual([
      'test/format.test.ts',
      'src/lib/format.ts',
      'packages/util/src/strings.ts',
    ]);
  });

  it('type-only imports are followed', async () => {
    branchFrom(repo, base, 'types', (r) => r.write({ 'src/lib/types.ts': 'export type Money = bigint;\n' }));
    const r = await runSelect(repo, { base });
    expect(r.tests).toEqual(['test/price.test.ts', 'test/types.test.ts']);
    expect(chainOf(r.report, 'test/types.test.ts')).toEqual(['test/types.test.ts', 'src/lib/types.ts']);
  });

  it('dynamic import() with a literal is followed', async () => {
    branchFrom(repo, base, 'lazy', (r) => r.write({ 'src/lib/lazy.ts': 'export const lazy = 2;\n' }));
    const r = await runSelect(repo, { base });
    expect(r.tests).toEqual(['test/loader.test.ts']);
    expect(chainOf(r.report, 'test/loader.test.ts')).toEqual([
      'test/loader.test.ts',
      'src/lib/loader.ts',
      'src/lib/lazy.ts',
    ]);
  });

  it('JSON imports and jest.mock paths are dependencies', async () => {
    branchFrom(repo, base, 'json-and-mock', (r) =>
      r.write({
        'src/lib/config.json': '{ "currency": "USD" }\n',
        'src/api/client.ts': "export const fetchIt = async (): Promise<string> => 'v2';\n",
      }),
    );
    const r = await runSelect(repo, { base });
    expect(r.tests).toEqual(['test/client.test.ts', 'test/settings.test.ts']);
    expect(r.report.selected.map((s) => s.rule)).toEqual(['dependency', 'dependency']);
  });

  it('a deleted module selects what imported it at the base revision', async () => {
    branchFrom(repo, base, 'delete', (r) => r.remove('src/lib/old.ts'));
    const r = await runSelect(repo, { base });
    expect(r.report.changedFiles).toEqual([{ status: 'deleted', path: 'src/lib/old.ts' }]);
    expect(r.tests).toEqual(['test/old.test.ts']);
    expect(r.report.selected).toEqual([
      {
        test: 'test/old.test.ts',
        rule: 'deleted-dependency',
        chain: ['test/old.test.ts', 'src/lib/uses-old.ts', 'src/lib/old.ts'],
      },
    ]);
  });

  it('a rename keeps both paths and selects the importers of the old one', async () => {
    branchFrom(repo, base, 'rename', (r) => r.move('src/lib/mover.ts', 'src/lib/moved.ts'));
    const r = await runSelect(repo, { base });
    expect(r.report.changedFiles).toEqual([
      { status: 'renamed', path: 'src/lib/moved.ts', oldPath: 'src/lib/mover.ts' },
    ]);
    expect(r.tests).toEqual(['test/mover.test.ts']);
    expect(chainOf(r.report, 'test/mover.test.ts')).toEqual(['test/mover.test.ts', 'src/lib/mover.ts']);
  });

  it('a changed test selects itself; snapshots and fixtures select their owners', async () => {
    branchFrom(repo, base, 'test-and-data', (r) =>
      r.write({
        'test/format.test.ts': `import { format } from '@lib/format';\ntest('format', () => expect(format('b')).toBe('B'));\n`,
        'src/components/__tests__/__snapshots__/button.test.ts.snap':
          'exports[`button 1`] = `"<button>OK</button>"`;\n',
      }),
    );
    const r = await runSelect(repo, { base });
    expect(r.report.selected).toEqual([
      {
        test: 'src/components/__tests__/button.test.ts',
        rule: 'test-data',
        chain: [
          'src/components/__tests__/button.test.ts',
          'src/components/__tests__/__snapshots__/button.test.ts.snap',
        ],
      },
      { test: 'test/format.test.ts', rule: 'changed-test', chain: ['test/format.test.ts'] },
    ]);
    branchFrom(repo, base, 'fixture', (r) => r.write({ 'test/__fixtures__/data.txt': 'y' }));
    const f = await runSelect(repo, { base });
    expect(f.tests).toEqual(ALL_TESTS.filter((t) => t.startsWith('test/')));
    expect(chainOf(f.report, 'test/fixture.test.ts')).toEqual([
      'test/fixture.test.ts',
      'test/__fixtures__/data.txt',
    ]);
  });

  it('documentation only: mode none with a one-shard, zero matrix', async () => {
    branchFrom(repo, base, 'docs', (r) =>
      r.write({ 'README.md': '# shop\n\nMore.\n', 'docs/guide.md': '# Guide v2\n' }),
    );
    const r = await runSelect(repo, { base });
    expect(r.outputs.mode).toBe('none');
    expect(r.outputs.reason).toBe(
      "Every changed file is documentation or outside every test's inputs (README.md, docs/guide.md): no test to run.",
    );
    expect(r.tests).toEqual([]);
    expect(r.matrix).toEqual({ include: [{ shard: 0, tests: '' }] });
    expect(r.outputs['test-count']).toBe('0');
  });

  it('a module no test imports: mode none', async () => {
    branchFrom(repo, base, 'unused', (r) =>
      r.write({ 'src/lib/unused.ts': 'export const unused = false;\n' }),
    );
    const r = await runSelect(repo, { base });
    expect(r.outputs.mode).toBe('none');
    expect(r.outputs.reason).toBe(
      'No test depends on the changed files (src/lib/unused.ts): no test to run.',
    );
  });

  it('critical file: full suite, split into shards', async () => {
    branchFrom(repo, base, 'critical', (r) =>
      r.write({
        'package.json': JSON.stringify({
          name: 'shop',
          private: true,
          workspaces: ['packages/*'],
          version: '2.0.0',
        }),
      }),
    );
    const r = await runSelect(repo, { base, inputs: { shards: '3' } });
    expect(r.outputs.mode).toBe('full');
    expect(r.outputs.reason).toBe('Critical file changed (package.json): running every test.');
    expect(r.tests).toEqual(ALL_TESTS);
    expect(r.matrix.include.map((s) => s.shard)).toEqual([1, 2, 3]);
    expect(r.matrix.include.flatMap((s) => s.tests.split(' ')).sort()).toEqual(ALL_TESTS);
    expect(r.matrix.include.map((s) => s.tests.split(' ').length)).toEqual([4, 3, 3]);
  });

  it('user critical paths add to the defaults', async () => {
    branchFrom(repo, base, 'user-critical', (r) =>
      r.write({ 'src/lib/unused.ts': 'export const unused = 2;\n' }),
    );
    const r = await runSelect(repo, { base, inputs: { 'critical-paths': 'src/lib/unused.ts' } });
    expect(r.outputs.reason).toBe('Critical file changed (src/lib/unused.ts): running every test.');
  });

  it('more files than the threshold (input and env fallback): full suite', async () => {
    branchFrom(repo, base, 'many', (r) =>
      r.write({
        'src/lib/lazy.ts': 'export const lazy = 3;\n',
        'src/lib/unused.ts': '\n',
        'src/lib/mover.ts': "export const m = 'n';\n",
      }),
    );
    const r = await runSelect(repo, { base, inputs: { threshold: '2' } });
    expect(r.outputs.mode).toBe('full');
    expect(r.outputs.reason).toBe(
      '3 files changed, more than the threshold of 2 (input threshold / TEST_SELECTION_THRESHOLD): running every test.',
    );
    const e = await runSelect(repo, { base, env: { TEST_SELECTION_THRESHOLD: '2' } });
    expect(e.outputs.mode).toBe('full');
    const ok = await runSelect(repo, { base, env: { TEST_SELECTION_THRESHOLD: '3' } });
    expect(ok.outputs.mode).toBe('selective');
    expect(ok.tests).toEqual(['test/loader.test.ts', 'test/mover.test.ts']);
  });

  it('a change that cannot be resolved into the graph runs everything', async () => {
    branchFrom(repo, base, 'script', (r) => r.write({ 'scripts/deploy.sh': '#!/bin/sh\necho deploy v2\n' }));
    const r = await runSelect(repo, { base });
    expect(r.outputs.mode).toBe('full');
    expect(r.outputs.reason).toBe(
      "scripts/deploy.sh changed and cannot be resolved into the import graph (no test's imports reach it, and it is not documentation): running every test.",
    );
    branchFrom(repo, base, 'broken-import', (r) =>
      r.write({ 'src/lib/lazy.ts': "import { gone } from './missing';\nexport const lazy = gone;\n" }),
    );
    const b = await runSelect(repo, { base });
    expect(b.outputs.reason).toBe(
      "src/lib/lazy.ts changed and imports './missing', which cannot be resolved into the import graph: running every test.",
    );
  });

  it('disabled by TEST_SELECTION_ENABLED, or no base (schedule): full suite with the reason', async () => {
    branchFrom(repo, base, 'disabled', (r) => r.write({ 'src/lib/lazy.ts': 'export const lazy = 4;\n' }));
    const d = await runSelect(repo, { base, env: { TEST_SELECTION_ENABLED: 'false' } });
    expect(d.outputs.mode).toBe('full');
    expect(d.outputs.reason).toBe(
      'Test selection is disabled (input enabled / TEST_SELECTION_ENABLED is false): running every test.',
    );
    const s = await runSelect(repo, { eventName: 'schedule', payload: {} });
    expect(s.outputs.mode).toBe('full');
    expect(s.outputs.reason).toBe(
      'No base revision to compare with (none (schedule event without a base input)): running every test.',
    );
    const w = await runSelect(repo, { eventName: 'workflow_dispatch', payload: {}, inputs: { base } });
    expect(w.tests).toEqual(['test/loader.test.ts']);
  });

  it('pull_request events compare with the base SHA', async () => {
    branchFrom(repo, base, 'pr', (r) => r.write({ 'src/lib/lazy.ts': 'export const lazy = 5;\n' }));
    const r = await runSelect(repo, {
      eventName: 'pull_request',
      payload: { pull_request: { number: 7, base: { sha: base } } },
    });
    expect(r.report.baseSource).toBe('pull_request.base.sha');
    expect(r.tests).toEqual(['test/loader.test.ts']);
  });
});
