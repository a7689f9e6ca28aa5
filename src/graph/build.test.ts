import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScratchRepo, tempDir } from '../../test/select-tests/repo.js';
import { buildGraph, loadScanCache, saveScanCache } from './build.js';
import { extractEntry, fileCacheBackend } from './cache.js';
import { chainFrom, dependentsOf, importersIndex } from './query.js';

const edgesOf = (g: { edges: Array<[string, string, string]> }): string[] =>
  g.edges.map(([a, b, k]) => `${a} -> ${b} (${k})`).sort();

describe('buildGraph: JS/TS resolution', () => {
  let repo: ScratchRepo;
  beforeAll(() => {
    repo = new ScratchRepo('ai-ci-graph-');
    repo.write({
      'pnpm-workspace.yaml': "packages:\n  - 'libs/*'\n  - '!libs/ignored'\n",
      'package.json': '{ "name": "root" }',
      'tsconfig.json':
        '{ "extends": "@acme/tsconfig/base.json", "compilerOptions": { "paths": { "~/*": ["./src/*"], "exact-alias": ["./src/exact.ts"] } } }',
      'src/exact.ts': 'export const e = 1;\n',
      'src/a.ts': [
        "import { b } from './b.js';",
        "import { c } from '~/c';",
        "import { e } from 'exact-alias';",
        "import { d } from 'src/d';",
        "import * as ui from '@acme/ui/button';",
        "import { icons } from '@acme/ui/icons/arrow';",
        "import core from '@acme/core';",
        "import type { T } from './types';",
        "import { x } from './missing';",
        "import { y } from '~/also-missing';",
        "import react from 'react';",
        "import fs from 'node:fs';",
        "const lazy = () => import('./lazy.mjs');",
        "const svg = require('./logo.svg?raw');",
        'export const a = b + c + e + d;',
      ].join('\n'),
      'src/b.ts': 'export const b = 1;\n',
      'src/c/index.tsx': 'export const c = 1;\n',
      'src/d.js': 'export const d = 1;\n',
      'src/types.d.ts': 'export type T = 1;\n',
      'src/lazy.mts': 'export default 1;\n',
      'src/logo.svg': '<svg/>',
      'libs/ui/package.json': JSON.stringify({
        name: '@acme/ui',
        exports: {
          './button': { types: './build/button.d.ts', default: './build/button.js' },
          './icons/*': './src/icons/*.ts',
        },
      }),
      'libs/ui/src/button.ts': 'export const button = 1;\n',
      'libs/ui/src/icons/arrow.ts': 'export const icons = 1;\n',
      'libs/core/package.json': JSON.stringify({ name: '@acme/core', main: 'lib/index.js' }),
      'libs/core/lib/index.js': 'module.exports = 1;\n',
      'libs/ignored/package.json': JSON.stringify({ name: 'ignored-pkg' }),
    });
    // A base config from a package: outside the tracked files, read from node_modules.
    mkdirSync(join(repo.dir, 'node_modules/@acme/tsconfig'), { recursive: true });
    writeFileSync(
      join(repo.dir, 'node_modules/@acme/tsconfig/base.json'),
      '{ "compilerOptions": { "baseUrl": "../../.." } }',
    );
    writeFileSync(join(repo.dir, '.gitignore'), 'node_modules/\n');
    repo.commit('graph');
  });
  afterAll(() => repo.cleanup());

  it('resolves relative, alias, baseUrl from an extended package config, workspace exports and main', async () => {
    const g = await buildGraph({ root: repo.dir });
    expect(edgesOf(g)).toEqual([
      'src/a.ts -> libs/core/lib/index.js (runtime)',
      'src/a.ts -> libs/ui/src/button.ts (runtime)',
      'src/a.ts -> libs/ui/src/icons/arrow.ts (runtime)',
      'src/a.ts -> src/b.ts (runtime)',
      'src/a.ts -> src/c/index.tsx (runtime)',
      'src/a.ts -> src/d.js (runtime)',
      'src/a.ts -> src/exact.ts (runtime)',
      'src/a.ts -> src/lazy.mts (dynamic)',
      'src/a.ts -> src/logo.svg (runtime)',
      'src/a.ts -> src/types.d.ts (type-only)',
    ]);
    expect(g.unresolved).toEqual([
      { from: 'src/a.ts', specifier: './missing' },
      { from: 'src/a.ts', specifier: '~/also-missing' },
    ]);
    expect(g.workspaces.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: '@acme/core', dir: 'libs/core' },
      { name: '@acme/ui', dir: 'libs/ui' },
    ]);
    expect(g.languages).toEqual(['js']);
    expect(g.nodes).toContain('src/logo.svg');
  });

  it('builds the graph of an older revision from git objects', async () => {
    const before = repo.head();
    repo.write({ 'src/b.ts': "import { c } from './c';\nexport const b = c;\n" });
    repo.commit('b imports c');
    const now = await buildGraph({ root: repo.dir });
    const then = await buildGraph({ root: repo.dir, revision: before });
    expect(edgesOf(now)).toContain('src/b.ts -> src/c/index.tsx (runtime)');
    expect(edgesOf(then)).not.toContain('src/b.ts -> src/c/index.tsx (runtime)');
    expect(edgesOf(then)).toContain('src/a.ts -> src/b.ts (runtime)');
  });

  it('a warm build reads only files whose content is new, and gives the same graph', async () => {
    const cacheDir = tempDir('ai-ci-graph-cache-');
    const cacheFile = join(cacheDir, 'graph.json');
    const backend = fileCacheBackend(cacheFile);
    const c1 = await loadScanCache(backend);
    const cold = await buildGraph({ root: repo.dir, cache: c1 });
    expect(cold.stats.cacheHits).toBe(0);
    expect(cold.stats.scanned).toBe(10);
    await saveScanCache(backend, c1);
    repo.write({ 'src/d.js': "import { b } from './b';\nexport const d = b;\n" });
    const c2 = await loadScanCache(backend);
    const warm = await buildGraph({ root: repo.dir, cache: c2 });
    // Only the edited (uncommitted) file is read and scanned.
    expect(warm.stats.scanned).toBe(1);
    expect(warm.stats.cacheHits).toBe(9);
    expect(edgesOf(warm)).toEqual([...edgesOf(cold), 'src/d.js -> src/b.ts (runtime)'].sort());
    writeFileSync(cacheFile, '{ corrupt');
    const c3 = await loadScanCache(backend);
    expect((await buildGraph({ root: repo.dir, cache: c3 })).stats.cacheHits).toBe(0);
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reuses resolved edges of unchanged files when the file set is the same, and rejects corrupt ones', async () => {
    const cacheDir = tempDir('ai-ci-graph-res-');
    const backend = fileCacheBackend(join(cacheDir, 'graph.json'));
    // An untracked file (no hash until read) keeps its edges too when its content is unchanged.
    repo.write({ 'src/untracked.ts': "import { b } from './b';\nexport const u = b;\n" });
    const c1 = await loadScanCache(backend);
    const cold = await buildGraph({ root: repo.dir, cache: c1 });
    expect(edgesOf(cold)).toContain('src/untracked.ts -> src/b.ts (runtime)');
    await saveScanCache(backend, c1);
    // Same files, one content changed: everything else keeps its resolved edges.
    const before = readFileSync(join(repo.dir, 'src/b.ts'), 'utf8');
    repo.write({ 'src/b.ts': `${before}// edited\n` });
    const warm = await buildGraph({ root: repo.dir, cache: await loadScanCache(backend) });
    expect(warm.stats.scanned).toBe(1);
    expect(warm.stats.reusedResolutions).toBe(cold.nodes.filter((n) => /\.[cm]?[jt]sx?$/.test(n)).length - 1);
    expect(edgesOf(warm)).toEqual(edgesOf(cold));
    expect(warm.nodes).toEqual(cold.nodes);
    // A stored target pointing past the file list is corrupt: that file is resolved again.
    const text = readFileSync(join(cacheDir, 'graph.json'), 'utf8');
    const nl = text.indexOf('\n');
    const head = JSON.parse(text.slice(0, nl)) as { res: { files: unknown[][] } };
    const victim = head.res.files.findIndex((e) => Array.isArray(e) && e.length > 1);
    head.res.files[victim][1] = 4 * 100_000;
    writeFileSync(join(cacheDir, 'graph.json'), `${JSON.stringify(head)}\n${text.slice(nl + 1)}`);
    const repaired = await buildGraph({ root: repo.dir, cache: await loadScanCache(backend) });
    expect(repaired.stats.reusedResolutions).toBe(warm.stats.reusedResolutions - 1);
    expect(edgesOf(repaired)).toEqual(edgesOf(cold));
    repo.write({ 'src/b.ts': before });
    rmSync(join(repo.dir, 'src/untracked.ts'));
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('cuts one scan entry out of the stored entries without parsing the rest', () => {
    const entries = {
      'aa:js': ['r./x', 'd?./we"ird]\\', 't./y'],
      'bb:py': [],
      'cc:go': ['rexample.com/m/pkg'],
    };
    const text = JSON.stringify(entries);
    expect(extractEntry(text, 'aa:js')).toEqual(entries['aa:js']);
    expect(extractEntry(text, 'bb:py')).toEqual([]);
    expect(extractEntry(text, 'cc:go')).toEqual(entries['cc:go']);
    expect(extractEntry(text, 'dd:js')).toBeUndefined();
    expect(extractEntry(text.slice(0, 20), 'aa:js')).toBeUndefined();
  });

  it('walks a folder that is not a git work tree', async () => {
    const dir = tempDir('ai-ci-graph-plain-');
    mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
    writeFileSync(join(dir, 'a.js'), "const b = require('./b');\n");
    writeFileSync(join(dir, 'b.js'), 'module.exports = 1;\n');
    writeFileSync(join(dir, 'node_modules/x/index.js'), "require('../../a');\n");
    const g = await buildGraph({ root: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(edgesOf(g)).toEqual(['a.js -> b.js (runtime)']);
    expect(g.files).toEqual(['a.js', 'b.js']);
  });

  it('keeps a file that imports itself, so the cycle it makes is seen', async () => {
    const dir = tempDir('ai-ci-graph-self-');
    writeFileSync(join(dir, 'loop.ts'), "import { x } from './loop';\nexport const y = x;\n");
    const g = await buildGraph({ root: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(edgesOf(g)).toEqual(['loop.ts -> loop.ts (runtime)']);
    const { findCycles } = await import('./analysis/scc.js');
    expect(findCycles(g)).toEqual([
      { members: ['loop.ts'], example: ['loop.ts', 'loop.ts'], kinds: ['runtime'] },
    ]);
  });
});

describe('graph queries', () => {
  it('finds dependents breadth-first with the shortest chain to the change', () => {
    const g = {
      edges: [
        ['t1', 'a', 'runtime'],
        ['a', 'b', 'runtime'],
        ['b', 'c', 'type-only'],
        ['t1', 'c', 'runtime'],
        ['t2', 'b', 'dynamic'],
        ['c', 'a', 'runtime'],
      ] as Array<[string, string, 'runtime' | 'type-only' | 'dynamic']>,
    };
    const next = dependentsOf(importersIndex(g), ['c']);
    expect([...next.keys()].sort()).toEqual(['a', 'b', 'c', 't1', 't2']);
    expect(chainFrom(next, 't1')).toEqual(['t1', 'c']);
    expect(chainFrom(next, 't2')).toEqual(['t2', 'b', 'c']);
    const runtimeOnly = dependentsOf(importersIndex(g, new Set(['runtime'])), ['c']);
    expect([...runtimeOnly.keys()].sort()).toEqual(['c', 't1']);
  });
});
