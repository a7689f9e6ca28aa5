import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchitectureAnalysis } from '../../src/actions/architecture-scan/analyze.js';
import { runCli } from '../helpers/cli.js';
import { sarifValidator } from './sarif-schema.js';
import { commitAll, makeRepo, writeFiles } from './repo.js';

/**
 * The action end to end, as the runner starts it, on small real repositories made here. Ollama is
 * pointed at a closed local port so the narrative falls back at once.
 */
const CACHE = mkdtempSync(join(tmpdir(), 'arch-cache-'));
const ENV = { OLLAMA_LOCAL_URL: 'http://127.0.0.1:9', AI_CI_CACHE_DIR: CACHE, REDIS_URL: undefined };

const JS_REPO: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/lib/*'] } } }),
  // 2-cycle
  'src/two/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
  'src/two/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
  // figure-eight: a -> b -> c -> a and c -> d -> e -> c
  'src/eight/a.ts': "import './b';\n",
  'src/eight/b.ts': "import './c';\n",
  'src/eight/c.ts': "import './a';\nimport './d';\n",
  'src/eight/d.ts': "import './e';\n",
  'src/eight/e.ts': "import './c';\n",
  // through a barrel: x imports the folder's index, which re-exports x
  'src/barrel/index.ts': "export * from './x';\nexport * from './y';\n",
  'src/barrel/x.ts': "import { y } from '.';\nexport const x = () => y;\n",
  'src/barrel/y.ts': 'export const y = 1;\n',
  // type-only one way
  'src/types/p.ts': "import type { Q } from './q';\nexport const p = (q: Q) => q;\n",
  'src/types/q.ts': "import { p } from './p';\nexport type Q = typeof p;\n",
  // dynamic one way
  'src/dyn/m.ts': "export const m = 1;\nexport async function load() { return import('./n'); }\n",
  'src/dyn/n.ts': "import { m } from './m';\nexport const n = m;\n",
  // through a tsconfig `paths` alias
  'src/alias/u.ts': "import { v } from '@lib/v';\nexport const u = v;\n",
  'src/lib/v.ts': "import { u } from '../alias/u';\nexport const v = () => u;\n",
  // a forbidden import, an unresolved one, and a complex function
  'src/ui/page.ts':
    "import { conn } from '../db/conn';\nimport { gone } from './nope';\nexport const page = [conn, gone];\n",
  'src/db/conn.ts': 'export const conn = 1;\n',
  'src/hot/hot.ts': `export function hot(xs: number[][]): number {
  let n = 0;
  for (const row of xs) {
    for (const x of row) {
      if (x > 0 && x < 10 || x === 42) {
        while (n < x) {
          if (n % 2) { n++; } else if (n % 3) { n += 2; } else { n += 3; }
        }
      }
    }
  }
  return n;
}
`,
  'arch-rules.yml':
    "forbidden:\n  - name: ui-not-db\n    severity: error\n    from: { path: '^src/ui/' }\n    to: { path: '^src/db/' }\n",
};

const CYCLES = [
  ['src/alias/u.ts', 'src/lib/v.ts'],
  ['src/barrel/index.ts', 'src/barrel/x.ts'],
  ['src/dyn/m.ts', 'src/dyn/n.ts'],
  ['src/eight/a.ts', 'src/eight/b.ts', 'src/eight/c.ts', 'src/eight/d.ts', 'src/eight/e.ts'],
  ['src/two/a.ts', 'src/two/b.ts'],
  ['src/types/p.ts', 'src/types/q.ts'],
];

function readAnalysis(root: string, path = 'architecture_analysis.json'): ArchitectureAnalysis {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as ArchitectureAnalysis;
}

describe('architecture-scan end to end', () => {
  const roots: string[] = [];
  afterAll(() => [...roots, CACHE].forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('finds cycles of every shape, the violation, the unresolved import and the hotspot; SARIF validates', async () => {
    const root = makeRepo(JS_REPO);
    roots.push(root);
    const res = await runCli(
      [
        'run',
        'architecture-scan',
        '--repo',
        root,
        '--input',
        'config=arch-rules.yml',
        '--input',
        'output-dir=out',
        '--json',
      ],
      {
        env: ENV,
      },
    );
    expect(res.json?.outcome).toBe('success');
    expect(res.json?.outputs).toMatchObject({
      cycles: '6',
      violations: '1',
      unresolved: '1',
      'sarif-path': 'out/architecture.sarif',
      'report-path': 'out/architecture_report.md',
      'analysis-path': 'out/architecture_analysis.json',
    });
    const a = readAnalysis(root, 'out/architecture_analysis.json');
    expect(a.type).toBe('ai-ci/architecture');
    expect(a.modules).toBe(19);
    expect(a.cycles.map((c) => c.members)).toEqual(CYCLES);
    const byFirst = Object.fromEntries(a.cycles.map((c) => [c.members[0], c]));
    expect(byFirst['src/eight/a.ts'].example).toEqual([
      'src/eight/a.ts',
      'src/eight/b.ts',
      'src/eight/c.ts',
      'src/eight/a.ts',
    ]);
    expect(byFirst['src/barrel/index.ts'].example).toEqual([
      'src/barrel/index.ts',
      'src/barrel/x.ts',
      'src/barrel/index.ts',
    ]);
    expect(byFirst['src/types/p.ts'].kinds).toEqual(['runtime', 'type-only']);
    expect(byFirst['src/dyn/m.ts'].kinds).toEqual(['runtime', 'dynamic']);
    expect(a.violations.map((v) => [v.rule, v.from, v.to])).toEqual([
      ['ui-not-db', 'src/ui/page.ts', 'src/db/conn.ts'],
    ]);
    expect(a.unresolved).toEqual([{ from: 'src/ui/page.ts', specifier: './nope' }]);
    // for +1, for +2, if +3, && || +2, while +4, if +5, else if +1, else +1 = 19
    expect(a.complexity.top[0]).toEqual({
      path: 'src/hot/hot.ts',
      name: 'hot',
      line: 1,
      cognitive: 19,
      cyclomatic: 9,
    });
    expect(a.hotspots[0]).toMatchObject({ path: 'src/hot/hot.ts', cognitive: 19, commits: 1, score: 19 });
    expect(a.churn.available).toBe(true);
    expect(res.json?.outputs['health-score']).toBe(a.score.toFixed(1));

    const sarif = JSON.parse(readFileSync(join(root, 'out/architecture.sarif'), 'utf8')) as {
      runs: Array<{ results: unknown[] }>;
    };
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(7);
    const report = readFileSync(join(root, 'out/architecture_report.md'), 'utf8');
    expect(report).toContain('```mermaid\nflowchart LR');
    expect(report).toMatch(/LLM narrative: unavailable \(/);
    expect(res.json?.summary).toContain('flowchart LR');
  }, 120_000);

  it('ignores type-only and dynamic edges on request, and fails on unresolved imports when asked', async () => {
    const root = makeRepo(JS_REPO);
    roots.push(root);
    const res = await runCli(
      [
        'run',
        'architecture-scan',
        '--repo',
        root,
        '--input',
        'ignore-type-only=true',
        '--input',
        'ignore-dynamic=yes',
        '--input',
        'fail-on-unresolved=1',
        '--json',
      ],
      { env: ENV },
    );
    expect(res.json?.outcome).toBe('failure');
    expect(
      res.json?.annotations.some(
        (x) => x.level === 'error' && x.message.includes('1 unresolved import (fail-on-unresolved)'),
      ),
    ).toBe(true);
    const a = readAnalysis(root);
    expect(a.cycles.map((c) => c.members)).toEqual(
      CYCLES.filter((c) => !c[0].startsWith('src/types') && !c[0].startsWith('src/dyn')),
    );
    expect(a.options).toMatchObject({ ignoreTypeOnly: true, ignoreDynamic: true });
  }, 120_000);

  it('separates new and grown cycles from known ones against a baseline file, and fails only on new ones', async () => {
    const root = makeRepo(JS_REPO);
    roots.push(root);
    const first = await runCli(
      [
        'run',
        'architecture-scan',
        '--repo',
        root,
        '--input',
        'config=arch-rules.yml',
        '--input',
        'fail-on=new',
        '--input',
        'baseline=none.json',
        '--json',
      ],
      { env: ENV },
    );
    // No baseline: every finding is new.
    expect(first.json?.outcome).toBe('failure');
    copyFileSync(join(root, 'architecture_analysis.json'), join(root, 'prev.json'));
    // Unchanged code against its own baseline passes.
    const same = await runCli(
      [
        'run',
        'architecture-scan',
        '--repo',
        root,
        '--input',
        'config=arch-rules.yml',
        '--input',
        'fail-on=new',
        '--input',
        'baseline=prev.json',
        '--json',
      ],
      { env: ENV },
    );
    expect(same.json?.outcome).toBe('success');
    writeFiles(root, {
      'src/two/b.ts': "import { a } from './a';\nimport './c';\nexport const b = () => a;\n",
      'src/two/c.ts': "import './a';\n",
      'src/fresh/f.ts': "import './g';\n",
      'src/fresh/g.ts': "import './f';\n",
    });
    commitAll(root, 'grow a cycle, add one');
    const res = await runCli(
      [
        'run',
        'architecture-scan',
        '--repo',
        root,
        '--input',
        'config=arch-rules.yml',
        '--input',
        'fail-on=new',
        '--input',
        'baseline=prev.json',
        '--json',
      ],
      { env: ENV },
    );
    expect(res.json?.outcome).toBe('failure');
    expect(
      res.json?.annotations.some((x) =>
        x.message.includes('Architecture scan failed: 2 new or grown import cycles.'),
      ),
    ).toBe(true);
    const a = readAnalysis(root);
    const status = Object.fromEntries(a.cycles.map((c) => [c.members.join(','), c.status]));
    expect(status).toEqual({
      'src/alias/u.ts,src/lib/v.ts': 'known',
      'src/barrel/index.ts,src/barrel/x.ts': 'known',
      'src/dyn/m.ts,src/dyn/n.ts': 'known',
      'src/eight/a.ts,src/eight/b.ts,src/eight/c.ts,src/eight/d.ts,src/eight/e.ts': 'known',
      'src/fresh/f.ts,src/fresh/g.ts': 'new',
      'src/two/a.ts,src/two/b.ts,src/two/c.ts': 'grown',
      'src/types/p.ts,src/types/q.ts': 'known',
    });
    expect(a.violations.map((v) => v.status)).toEqual(['known']);
    expect(a.baseline).toMatchObject({
      source: 'prev.json',
      newCycles: 1,
      grownCycles: 1,
      knownCycles: 5,
      newViolations: 0,
      knownViolations: 1,
    });
  }, 180_000);

  it('keeps a default-branch result in the store and compares the next run with it', async () => {
    const root = makeRepo(JS_REPO);
    const cache = mkdtempSync(join(tmpdir(), 'arch-store-'));
    roots.push(root, cache);
    const env = { ...ENV, AI_CI_CACHE_DIR: cache };
    const first = await runCli(['run', 'architecture-scan', '--repo', root, '--json'], { env });
    expect(first.json?.outcome).toBe('success');
    expect(readAnalysis(root).baseline).toBeUndefined();
    writeFiles(root, { 'src/fresh/f.ts': "import './g';\n", 'src/fresh/g.ts': "import './f';\n" });
    commitAll(root, 'a new cycle');
    const second = await runCli(
      ['run', 'architecture-scan', '--repo', root, '--input', 'fail-on=new', '--json'],
      { env },
    );
    expect(second.json?.outcome).toBe('failure');
    const a = readAnalysis(root);
    expect(a.baseline).toMatchObject({
      source: 'store (last default-branch run)',
      newCycles: 1,
      grownCycles: 0,
      knownCycles: 6,
    });
  }, 120_000);

  it('graphs Python and Go, and reports churn unavailable without git history', async () => {
    const root = makeRepo(
      {
        'pkg/__init__.py': '',
        'pkg/a.py': 'from pkg.b import g\n\ndef f():\n    return g()\n',
        'pkg/b.py': 'from pkg.a import f\n\ndef g():\n    return 1\n',
        'go.mod': 'module example.com/m\n\ngo 1.22\n',
        'p/p.go': 'package p\n\nimport "example.com/m/q"\n\nvar P = q.Q\n',
        'q/q.go': 'package q\n\nimport "example.com/m/p"\n\nvar Q = p.P\n',
      },
      { git: false },
    );
    roots.push(root);
    const res = await runCli(['run', 'architecture-scan', '--repo', root, '--json'], { env: ENV });
    expect(res.json?.outcome).toBe('success');
    const a = readAnalysis(root);
    expect(a.scanned.languages).toEqual(['go', 'python']);
    expect(a.cycles.map((c) => c.members)).toEqual([
      ['p/p.go', 'q/q.go'],
      ['pkg/a.py', 'pkg/b.py'],
    ]);
    expect(a.churn).toEqual({
      available: false,
      reason:
        'no git history in this directory: check out the full history (actions/checkout with `fetch-depth: 0`) to rank hotspots by churn',
    });
  }, 120_000);
});
