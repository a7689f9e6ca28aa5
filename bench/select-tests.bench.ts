import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
  realpathSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTsRepoDetailed, type GenTsRepoDetails } from './gen-ts-repo.js';
import type { BenchOptions, BenchResult } from './types.js';

/**
 * select-tests against `jest --listTests --findRelatedTests` on a generated 10,000-module,
 * 1,000-test TypeScript repository (bench/gen-ts-repo.ts).
 *
 * Both sides run as fresh processes, as they would in a workflow step: ours is the selection logic
 * bundled with esbuild, lazily imported modules in their own chunks (as ncc ships the action), and
 * started with node; jest is the CLI of our
 * own devDependency. Cold = no caches; warm = a cached graph (ours) / haste map (jest) and one
 * changed file.
 *
 * Safety: 50 seeded single-file changes, each compared with jest's selection (ours must contain
 * jest's), and each change is a fault (a module's constant, a folder's config.json): for some of
 * them every test is really executed (the whole suite bundled by esbuild and run by node) and every
 * failing test must be in our selection.
 */
export const names = [
  'select-tests-cold',
  'select-tests-vs-jest',
  'select-tests-warm',
  'select-tests-warm-vs-jest',
  'select-tests-superset-of-jest',
  'select-tests-faults-selected',
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
): Promise<{ ms: number; stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, stdout, stderr, code: code ?? 1 }));
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

async function esbuildBundle(
  entry: string,
  outfile: string,
  opts: { tsconfig?: string; external?: string[]; splitting?: boolean } = {},
): Promise<void> {
  const esbuild = await import('esbuild');
  // With splitting, lazily imported modules (report parsers, yaml) land in chunks loaded only when
  // used, as ncc ships the action; `outfile` then names the entry chunk in its folder.
  const out = opts.splitting
    ? {
        entryPoints: { [basename(outfile, '.mjs')]: entry },
        outdir: dirname(outfile),
        splitting: true,
        outExtension: { '.js': '.mjs' },
      }
    : { entryPoints: [entry], outfile };
  await esbuild.build({
    ...out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    ...(opts.tsconfig ? { tsconfig: opts.tsconfig } : {}),
    ...(opts.external ? { external: opts.external } : {}),
  });
}

/** The selection as the action runs it, bundled, reading its arguments from argv. */
const ENTRY = (root: string): string => `
import { runSelection } from ${JSON.stringify(join(root, 'src/actions/select-tests/run.ts'))};
import { fileCacheBackend } from ${JSON.stringify(join(root, 'src/graph/cache.ts'))};
const [workspace, base, cacheFile] = process.argv.slice(2);
const quiet = { debug() {}, info() {}, warning(m) { process.stderr.write(m + '\\n'); }, error(m) { process.stderr.write(m + '\\n'); }, notice() {}, group: async (_n, fn) => fn() };
const settings = { base: undefined, head: undefined, enabled: true, threshold: 20, criticalPaths: [], ignorePaths: [], testPatterns: undefined, languages: undefined, shards: 4, workingDirectory: '.', timingReports: undefined, outputDir: 'ai_analysis' };
const r = await runSelection({ settings, workspace, event: { eventName: 'push', payload: { before: base }, sha: '' }, logger: quiet, graphCache: cacheFile ? fileCacheBackend(cacheFile) : undefined });
process.stdout.write(JSON.stringify({ mode: r.selection.mode, reason: r.selection.reason, tests: r.selection.tests }));
`;

/** Runs every generated test: globals first, then each test file, failures collected by file. */
function harnessEntry(tests: string[]): string {
  return [
    `import './harness-globals.mjs';`,
    ...tests.map((t) => `import ${JSON.stringify('./' + t)};`),
    `const failed = new Set();`,
    `for (const [file, fn] of globalThis.__cases) { try { await fn(); } catch { failed.add(file); } }`,
    `process.stdout.write(JSON.stringify([...failed].sort()));`,
  ].join('\n');
}

const HARNESS_GLOBALS = `
globalThis.__cases = [];
let current = '';
globalThis.describe = (name, fn) => { const prev = current; current = name; fn(); current = prev; };
globalThis.it = (_n, fn) => globalThis.__cases.push([current, fn]);
globalThis.expect = (a) => ({ toBe(e) { if (a !== e) throw new Error('expected ' + e + ', got ' + a); } });
`;

interface Change {
  file: string;
  kind: 'constant' | 'config' | 'barrel';
  apply(dir: string): void;
}

function pickChange(gen: GenTsRepoDetails, rand: () => number): Change {
  const r = rand();
  if (r < 0.8) {
    const i = Math.floor(rand() * gen.modules.length);
    const file = gen.modules[i];
    return {
      file,
      kind: 'constant',
      apply: (dir) => {
        const p = join(dir, file);
        const text = readFileSync(p, 'utf8');
        const line = gen.constantLine(i);
        const n = Number(line.slice(line.lastIndexOf('=') + 1, -1));
        writeFileSync(p, text.replace(line, `export const K${i} = ${n + 1};`));
      },
    };
  }
  const i = Math.floor(rand() * gen.modules.length);
  const folder = dirname(gen.modules[i]);
  if (r < 0.9) {
    const file = `${folder}/config.json`;
    return {
      file,
      kind: 'config',
      apply: (dir) => {
        const p = join(dir, file);
        const k = (JSON.parse(readFileSync(p, 'utf8')) as { k: number }).k;
        writeFileSync(p, JSON.stringify({ k: k + 1 }) + '\n');
      },
    };
  }
  const file = `${folder}/index.ts`;
  return { file, kind: 'barrel', apply: (dir) => appendFileSync(join(dir, file), '// touched\n') };
}

export default async function runBench(opts: BenchOptions): Promise<BenchResult[]> {
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'ai-ci-bench-select-')));
  try {
    return await benchIn(work, opts);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function benchIn(work: string, opts: BenchOptions): Promise<BenchResult[]> {
  const dir = join(work, 'repo');
  const gen = await generateTsRepoDetailed(dir, { modules: 10_000, tests: 1_000, seed: 20261122, cycles: 5 });
  appendFileSync(join(dir, '.gitignore'), 'ai_analysis/\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');

  const entry = join(work, 'select-entry.mjs');
  writeFileSync(entry, ENTRY(ROOT));
  const bundle = join(work, 'select', 'select.mjs');
  await esbuildBundle(entry, bundle, { splitting: true });
  writeFileSync(join(dir, 'harness-globals.mjs'), HARNESS_GLOBALS);
  writeFileSync(join(dir, 'harness-entry.mjs'), harnessEntry(gen.tests));

  const commitChange = (name: string, change: Change): void => {
    git(dir, 'checkout', '-q', '-B', name, base);
    change.apply(dir);
    git(dir, '-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-q', '-a', '-m', name);
  };
  const ours = async (
    cacheFile: string | undefined,
  ): Promise<{ ms: number; tests: string[]; mode: string }> => {
    const r = await run(process.execPath, [bundle, dir, base, cacheFile ?? ''], dir);
    if (r.code !== 0) throw new Error(`selection failed: ${r.stderr.slice(0, 500)}`);
    const out = JSON.parse(r.stdout) as { tests: string[]; mode: string };
    return { ms: r.ms, tests: out.tests, mode: out.mode };
  };
  const jest = async (file: string, cacheDir: string): Promise<{ ms: number; tests: string[] }> => {
    const r = await run(
      process.execPath,
      [
        JEST,
        '--config',
        join(dir, 'jest.config.json'),
        '--rootDir',
        dir,
        '--cacheDirectory',
        cacheDir,
        '--listTests',
        '--findRelatedTests',
        join(dir, file),
      ],
      dir,
    );
    if (r.code !== 0) throw new Error(`jest failed: ${r.stderr.slice(0, 500)}`);
    const tests = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('/'))
      .map((l) => relative(dir, l.trim()).split('\\').join('/'))
      .sort();
    return { ms: r.ms, tests };
  };

  const rand = rng(7);
  const changes: Change[] = [];
  while (changes.length < 50) changes.push(pickChange(gen, rand));

  // Speed: three cold runs each (fresh caches), then warm runs on other single-file changes.
  const coldOurs: number[] = [];
  const coldJest: number[] = [];
  for (let k = 0; k < 3; k++) {
    commitChange(`cold${k}`, changes[k]);
    coldOurs.push((await ours(undefined)).ms);
    coldJest.push((await jest(changes[k].file, join(work, `jest-cold-${k}`))).ms);
  }
  const cacheFile = join(work, 'graph-cache.json');
  const jestCache = join(work, 'jest-warm');
  await ours(cacheFile); // fills the graph cache
  await jest(changes[0].file, jestCache); // fills the haste map

  // Safety (and warm timings): every change, ours warm vs jest warm.
  const warmOurs: number[] = [];
  const warmJest: number[] = [];
  const exceptions: string[] = [];
  let superset = 0;
  const faultRuns = opts.large ? 12 : 4;
  let faultsChecked = 0;
  let faultsSelected = 0;
  let failingTotal = 0;
  const faultMisses: string[] = [];
  let oursTotal = 0;
  let jestTotal = 0;
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k];
    commitChange(`change${k}`, c);
    const o = await ours(cacheFile);
    const j = await jest(c.file, jestCache);
    warmOurs.push(o.ms);
    warmJest.push(j.ms);
    oursTotal += o.tests.length;
    jestTotal += j.tests.length;
    const mine = new Set(o.tests);
    const missing = j.tests.filter((t) => !mine.has(t));
    if (missing.length === 0) superset++;
    else
      exceptions.push(
        `${c.file}: jest also selects ${missing.slice(0, 3).join(', ')} (${o.mode}: ${missing.length} missing)`,
      );
    if (faultsChecked < faultRuns && c.kind !== 'barrel') {
      const harness = join(work, `harness-${k}.mjs`);
      await esbuildBundle(join(dir, 'harness-entry.mjs'), harness, { tsconfig: join(dir, 'tsconfig.json') });
      const h = await run(process.execPath, [harness], dir);
      if (h.code !== 0) throw new Error(`test harness failed: ${h.stderr.slice(0, 500)}`);
      const failing = JSON.parse(h.stdout) as string[];
      // A fault no test reaches proves nothing either way; only faults that fail tests count.
      if (failing.length === 0) continue;
      faultsChecked++;
      failingTotal += failing.length;
      const missed = failing.filter((t) => !mine.has(t));
      if (missed.length === 0) faultsSelected++;
      else faultMisses.push(`${c.file}: ${missed.length} failing test(s) not selected, e.g. ${missed[0]}`);
    }
  }
  if (!existsSync(cacheFile)) throw new Error('the graph cache was never written');

  const cold = median(coldOurs) / 1000;
  const jestCold = median(coldJest) / 1000;
  const warm = median(warmOurs) / 1000;
  const jestWarm = median(warmJest) / 1000;
  return [
    {
      name: 'select-tests-cold',
      value: cold,
      unit: 's',
      op: '<=',
      target: 1.0,
      extra: `fresh process, no cache, 10,000 modules / 1,000 tests; runs ${coldOurs.map((m) => (m / 1000).toFixed(2)).join(', ')} s`,
    },
    {
      name: 'select-tests-vs-jest',
      value: jestCold / cold,
      unit: 'x',
      op: '>=',
      target: 2,
      extra: `jest --listTests --findRelatedTests cold ${jestCold.toFixed(2)} s vs ours ${cold.toFixed(2)} s`,
    },
    {
      name: 'select-tests-warm',
      value: warm,
      unit: 's',
      op: '<=',
      target: 0.3,
      extra: `cached graph, one changed file, median of ${warmOurs.length}`,
    },
    {
      name: 'select-tests-warm-vs-jest',
      value: jestWarm / warm,
      unit: 'x',
      op: '>=',
      target: 5,
      extra: `jest warm ${jestWarm.toFixed(2)} s vs ours ${warm.toFixed(2)} s`,
    },
    {
      name: 'select-tests-superset-of-jest',
      value: superset,
      unit: `/${changes.length}`,
      op: '==',
      target: changes.length,
      extra: `avg selected: ours ${(oursTotal / changes.length).toFixed(1)}, jest ${(jestTotal / changes.length).toFixed(1)}${exceptions.length ? `; exceptions: ${exceptions.slice(0, 3).join('; ')}` : ''}`,
    },
    {
      name: 'select-tests-faults-selected',
      value: faultsSelected,
      unit: `/${faultsChecked}`,
      op: '==',
      target: faultsChecked,
      extra: `injected faults whose failing tests (${failingTotal} in all, found by running every test) were all selected${faultMisses.length ? `; ${faultMisses.slice(0, 3).join('; ')}` : ''}`,
    },
  ];
}
