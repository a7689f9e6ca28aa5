import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';

/**
 * A seeded generator of a TypeScript repository for the select-tests and architecture-scan
 * benchmarks. Same seed, same repository, byte for byte.
 *
 * What it contains, so that both benchmarks meet the import forms real repositories use:
 * - `tsconfig.json` extending `tsconfig.base.json`, which holds `baseUrl` and `paths` aliases
 *   (`@core/*`, `@shared/*`, `@features/*`, `@app/*`);
 * - modules `src/<area>/g<k>/m<i>.ts` grouped by folder, each folder with a barrel `index.ts`
 *   (`export * from './m<i>'`) and a `config.json` some modules import;
 * - imports by relative path (some with the `.js` suffix ESM TypeScript uses), by alias, by
 *   `baseUrl`, through barrels, type-only (`import type`) and dynamic (`await import('...')`);
 * - planted import cycles (a module deep below another imports a constant back from it);
 * - jest tests (`test/**` and `*.test.ts` beside modules) that import modules and assert exact
 *   values, so an injected fault (a changed constant) makes exactly the dependent tests fail;
 * - `jest.config.json` mapping the aliases, so `jest --listTests --findRelatedTests` resolves
 *   what TypeScript resolves.
 *
 * Every module `m<i>` exports `K<i>` (its constant), `T<i>` (a type), `f<i>()` (its constant plus
 * the values of what it imports, memoised, modulo {@link MOD}) and, when it has a dynamic import,
 * `async a<i>()`.
 */
export interface GenTsRepoOptions {
  /** Number of `m<i>.ts` modules (barrels, configs and tests come on top). */
  modules: number;
  /** Number of test files. */
  tests: number;
  seed: number;
  /** Import cycles to plant (default 3). */
  cycles?: number;
}

export interface GenTsRepoResult {
  /** Each planted cycle as the files along it, repository-relative: `[a, b, ..., z]` with z importing a. */
  plantedCycles: string[][];
  /** Every test file, repository-relative, sorted. */
  tests: string[];
}

/** Extra facts the benchmarks use to inject faults; not part of the shared contract. */
export interface GenTsRepoDetails extends GenTsRepoResult {
  /** Every module file, index = module number. */
  modules: string[];
  /** The line in module `i` that holds its constant, for fault injection: `export const K<i> = <n>;`. */
  constantLine(i: number): string;
}

export const MOD = 1_000_003;
const GROUP_SIZE = 25;
const AREAS = ['core', 'shared', 'features', 'app'] as const;
/** Share of the modules in each area, lowest layer first. */
const AREA_SHARE = [0.1, 0.2, 0.5, 0.2];

type Style = 'relative' | 'relative-js' | 'alias' | 'baseurl' | 'barrel';

interface ModuleSpec {
  index: number;
  group: number;
  area: (typeof AREAS)[number];
  path: string;
  constant: number;
  /** Value imports `f<j>`. */
  deps: Array<{ j: number; style: Style }>;
  typeDeps: number[];
  dynamicDeps: number[];
  /** Cycle back edges: imports `K<j>` from a module above. */
  backDeps: number[];
  usesConfig: boolean;
}

/** mulberry32: small, fast, and the same everywhere. */
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

export async function generateTsRepo(dir: string, opts: GenTsRepoOptions): Promise<GenTsRepoResult> {
  const d = await generateTsRepoDetailed(dir, opts);
  return { plantedCycles: d.plantedCycles, tests: d.tests };
}

export async function generateTsRepoDetailed(dir: string, opts: GenTsRepoOptions): Promise<GenTsRepoDetails> {
  const rand = rng(opts.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const n = Math.max(2, opts.modules);
  const groups = Math.ceil(n / GROUP_SIZE);

  // Areas are contiguous ranges of groups, lowest layer first, so imports point "down".
  const areaOfGroup: Array<(typeof AREAS)[number]> = [];
  let acc = 0;
  for (let a = 0; a < AREAS.length; a++) {
    const upto =
      a === AREAS.length - 1
        ? groups
        : Math.max(acc + 1, Math.round(groups * AREA_SHARE.slice(0, a + 1).reduce((x, y) => x + y, 0)));
    for (let g = acc; g < Math.min(upto, groups); g++) areaOfGroup[g] = AREAS[a];
    acc = Math.min(upto, groups);
  }
  for (let g = 0; g < groups; g++) areaOfGroup[g] ??= 'app';

  const groupDir = (g: number): string => `src/${areaOfGroup[g]}/g${g}`;
  const mods: ModuleSpec[] = [];
  for (let i = 0; i < n; i++) {
    const group = Math.floor(i / GROUP_SIZE);
    const spec: ModuleSpec = {
      index: i,
      group,
      area: areaOfGroup[group],
      path: `${groupDir(group)}/m${i}.ts`,
      constant: int(1, 9999),
      deps: [],
      typeDeps: [],
      dynamicDeps: [],
      backDeps: [],
      usesConfig: rand() < 0.1,
    };
    if (i > 0) {
      const count = int(0, 3);
      const seen = new Set<number>();
      for (let k = 0; k < count; k++) {
        const r = rand();
        const lowInGroup = group * GROUP_SIZE;
        let j: number;
        if (r < 0.55 && i > lowInGroup) j = int(lowInGroup, i - 1);
        else if (r < 0.9 && group > 0) j = int(0, group * GROUP_SIZE - 1);
        else j = int(0, i - 1);
        if (seen.has(j)) continue;
        seen.add(j);
        const sameGroup = mods[j].group === group;
        const style: Style = sameGroup
          ? pick<Style>(['relative', 'relative-js', 'relative'])
          : pick<Style>(['relative', 'alias', 'alias', 'baseurl', 'barrel', 'barrel']);
        spec.deps.push({ j, style });
      }
      if (rand() < 0.15) {
        const j = int(0, i - 1);
        if (!seen.has(j)) spec.typeDeps.push(j);
      }
      if (rand() < 0.05) spec.dynamicDeps.push(int(0, i - 1));
    }
    mods.push(spec);
  }

  // Plant cycles: follow value imports down from a module, then import back up.
  const plantedCycles: string[][] = [];
  const wanted = opts.cycles ?? 3;
  for (let attempt = 0; plantedCycles.length < wanted && attempt < wanted * 200; attempt++) {
    const top = int(Math.floor(n / 2), n - 1);
    const chain = [top];
    let cur = top;
    const len = int(1, 3);
    while (chain.length <= len) {
      const down = mods[cur].deps;
      if (!down.length) break;
      cur = pick(down).j;
      chain.push(cur);
    }
    if (chain.length < 2) continue;
    const bottom = chain[chain.length - 1];
    if (
      mods[bottom].backDeps.length ||
      chain.some((c) => plantedCycles.some((p) => p.includes(mods[c].path)))
    )
      continue;
    mods[bottom].backDeps.push(top);
    plantedCycles.push(chain.map((c) => mods[c].path));
  }

  // Values, bottom-up (back edges read constants only, so the order is well defined).
  const configK = Array.from({ length: groups }, () => int(1, 99));
  const value: number[] = [];
  for (const m of mods) {
    let v = m.constant;
    for (const d of m.deps) v += value[d.j];
    for (const b of m.backDeps) v += mods[b].constant;
    if (m.usesConfig) v += configK[m.group];
    value[m.index] = v % MOD;
  }
  const asyncValue = (m: ModuleSpec): number =>
    m.dynamicDeps.reduce((s, j) => s + value[j], value[m.index]) % MOD;

  const files = new Map<string, string>();
  const rel = (fromFile: string, toFile: string): string => {
    let r = posix.relative(posix.dirname(fromFile), toFile);
    if (!r.startsWith('.')) r = `./${r}`;
    return r;
  };
  const aliasOf = (p: string): string => p.replace(/^src\/(core|shared|features|app)\//, '@$1/');
  const specifier = (from: string, j: number, style: Style): string => {
    const to = mods[j].path.replace(/\.ts$/, '');
    switch (style) {
      case 'relative':
        return rel(from, to);
      case 'relative-js':
        return `${rel(from, to)}.js`;
      case 'alias':
        return aliasOf(to);
      case 'baseurl':
        return to;
      case 'barrel':
        return rand() < 0.5 ? aliasOf(groupDir(mods[j].group)) : rel(from, groupDir(mods[j].group));
    }
  };

  for (const m of mods) {
    const lines: string[] = [];
    const terms = [`K${m.index}`];
    for (const d of m.deps) {
      lines.push(`import { f${d.j} } from '${specifier(m.path, d.j, d.style)}';`);
      terms.push(`f${d.j}()`);
    }
    for (const j of m.typeDeps)
      lines.push(
        `import type { T${j} } from '${specifier(m.path, j, rand() < 0.5 ? 'relative' : 'alias')}';`,
      );
    for (const b of m.backDeps) {
      lines.push(`import { K${b} } from '${specifier(m.path, b, 'relative')}';`);
      terms.push(`K${b}`);
    }
    if (m.usesConfig) {
      lines.push(`import config from './config.json';`);
      terms.push('config.k');
    }
    lines.push('');
    lines.push(`// m${m.index}: a generated module. "import './not-a-dep'" in a comment is not an import.`);
    lines.push(`export const K${m.index} = ${m.constant};`);
    const typeFields = m.typeDeps.map((j) => `  dep${j}?: T${j};`);
    lines.push(`export type T${m.index} = {`, `  v: number;`, ...typeFields, `};`);
    lines.push(`let memo: number | undefined;`);
    lines.push(`/** The value of m${m.index} and everything it imports. */`);
    lines.push(`export function f${m.index}(): number {`);
    lines.push(`  memo ??= (${terms.join(' + ')}) % ${MOD};`);
    lines.push(`  return memo;`);
    lines.push(`}`);
    lines.push(`export const label${m.index}: string = \`m${m.index}: \${'import("x")'}\`;`);
    if (m.dynamicDeps.length) {
      lines.push(`export async function a${m.index}(): Promise<number> {`);
      lines.push(`  let v = f${m.index}();`);
      for (const j of m.dynamicDeps) {
        lines.push(`  const d${j} = await import('${specifier(m.path, j, 'relative')}');`);
        lines.push(`  v += d${j}.f${j}();`);
      }
      lines.push(`  return v % ${MOD};`);
      lines.push(`}`);
    }
    files.set(m.path, lines.join('\n') + '\n');
  }

  for (let g = 0; g < groups; g++) {
    const members = mods.filter((m) => m.group === g);
    files.set(
      `${groupDir(g)}/index.ts`,
      members.map((m) => `export * from './m${m.index}';`).join('\n') + '\n',
    );
    files.set(`${groupDir(g)}/config.json`, JSON.stringify({ k: configK[g] }) + '\n');
  }

  // Tests: mostly on the upper layers, some colocated beside their module.
  const tests: string[] = [];
  const usedColocated = new Set<number>();
  for (let t = 0; t < opts.tests; t++) {
    const first = rand() < 0.7 ? int(Math.floor(n * 0.3), n - 1) : int(0, n - 1);
    const colocated = rand() < 0.3 && !usedColocated.has(first);
    const path = colocated
      ? mods[first].path.replace(/\.ts$/, '.test.ts')
      : `test/${mods[first].area}/t${t}.test.ts`;
    if (colocated) usedColocated.add(first);
    const targets = [first];
    const extra = int(0, 2);
    for (let k = 0; k < extra; k++) {
      const j = int(0, n - 1);
      if (!targets.includes(j)) targets.push(j);
    }
    const lines: string[] = [];
    const body: string[] = [];
    for (const j of targets) {
      const m = mods[j];
      const style: Style =
        colocated && j === first ? 'relative' : pick<Style>(['alias', 'barrel', 'relative', 'baseurl']);
      const names = [`f${j}`];
      if (m.dynamicDeps.length) names.push(`a${j}`);
      lines.push(`import { ${names.join(', ')} } from '${specifier(path, j, style)}';`);
      body.push(`  it('f${j}', () => {`, `    expect(f${j}()).toBe(${value[j]});`, `  });`);
      if (m.dynamicDeps.length)
        body.push(
          `  it('a${j}', async () => {`,
          `    expect(await a${j}()).toBe(${asyncValue(m)});`,
          `  });`,
        );
    }
    files.set(path, [...lines, '', `describe('${path}', () => {`, ...body, `});`, ''].join('\n'));
    tests.push(path);
  }

  const paths: Record<string, string[]> = {};
  for (const a of AREAS) paths[`@${a}/*`] = [`src/${a}/*`];
  files.set(
    'tsconfig.base.json',
    JSON.stringify(
      {
        // Comments and trailing commas are legal in tsconfig; the base keeps the resolution settings.
        compilerOptions: {
          baseUrl: '.',
          paths,
          strict: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          resolveJsonModule: true,
          esModuleInterop: true,
          noEmit: true,
        },
      },
      null,
      2,
    ).replace('{\n  "compilerOptions"', '{\n  // shared compiler settings\n  "compilerOptions"') + '\n',
  );
  files.set('tsconfig.json', `{\n  "extends": "./tsconfig.base.json",\n  "include": ["src", "test"],\n}\n`);
  const mapper: Record<string, string> = {};
  for (const a of AREAS) mapper[`^@${a}/(.*)$`] = `<rootDir>/src/${a}/$1`;
  mapper['^(\\.{1,2}/.*)\\.js$'] = '$1';
  files.set(
    'jest.config.json',
    JSON.stringify(
      {
        testEnvironment: 'node',
        roots: ['<rootDir>/src', '<rootDir>/test'],
        testMatch: ['**/*.test.ts'],
        moduleFileExtensions: ['ts', 'js', 'json'],
        moduleNameMapper: mapper,
        modulePaths: ['<rootDir>'],
      },
      null,
      2,
    ) + '\n',
  );
  files.set(
    'package.json',
    JSON.stringify({ name: 'bench-ts-repo', version: '1.0.0', private: true }, null, 2) + '\n',
  );
  files.set(
    'README.md',
    `# bench-ts-repo\n\nGenerated by bench/gen-ts-repo.ts (seed ${opts.seed}, ${n} modules, ${opts.tests} tests).\n`,
  );
  files.set('.gitignore', 'node_modules/\n');

  const dirs = new Set<string>();
  for (const p of files.keys()) dirs.add(dirname(join(dir, p)));
  for (const d of [...dirs].sort()) await mkdir(d, { recursive: true });
  const entries = [...files.entries()];
  // Bounded parallel writes: fast without exhausting file descriptors.
  for (let k = 0; k < entries.length; k += 256) {
    await Promise.all(entries.slice(k, k + 256).map(([p, text]) => writeFile(join(dir, p), text)));
  }

  return {
    plantedCycles,
    tests: [...tests].sort(),
    modules: mods.map((m) => m.path),
    constantLine: (i: number) => `export const K${i} = ${mods[i].constant};`,
  };
}
