import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyzeArchitecture } from '../../src/actions/architecture-scan/analyze.js';
import { readBaseline } from '../../src/actions/architecture-scan/baseline.js';
import { folderDiagram, renderReport } from '../../src/actions/architecture-scan/report.js';
import { healthScore } from '../../src/actions/architecture-scan/score.js';
import { importLineFinder, toSarif } from '../../src/actions/architecture-scan/sarif.js';
import { parseRulesConfig } from '../../src/graph/analysis/rules.js';
import type { EdgeKind, ModuleGraph } from '../../src/graph/types.js';
import { sarifValidator } from './sarif-schema.js';

const files: Record<string, string> = {
  'src/a/one.ts': "import { two } from '../b/two';\nexport const one = 1;\n",
  'src/b/two.ts': "import { x } from './three';\nimport { one } from '../a/one';\nexport const two = 2;\n",
  'src/b/three.ts':
    "import { one } from '../a/one';\nexport function x(n: number) { if (n) { for (;;) { if (n) return 1; } } return 0; }\n",
  'src/c/self.ts': "import './self';\n",
  'src/ui/page.ts': "import { q } from '../db/q';\n",
  'src/db/q.ts': 'export const q = 1;\n',
};
const E = (a: string, b: string, k: EdgeKind = 'runtime'): [string, string, EdgeKind] => [a, b, k];
const graph = (root: string): ModuleGraph => ({
  root,
  nodes: Object.keys(files),
  edges: [
    E('src/a/one.ts', 'src/b/two.ts'),
    E('src/b/two.ts', 'src/b/three.ts'),
    E('src/b/two.ts', 'src/a/one.ts', 'type-only'),
    E('src/b/three.ts', 'src/a/one.ts'),
    E('src/c/self.ts', 'src/c/self.ts'),
    E('src/ui/page.ts', 'src/db/q.ts'),
  ],
  unresolved: [{ from: 'src/ui/page.ts', specifier: './missing' }],
  languages: ['js'],
});
const rules = parseRulesConfig(
  'forbidden: [{ name: ui-db, from: { path: "^src/ui" }, to: { path: "^src/db" } }]',
  'r.yml',
);

describe('analysis, report and SARIF from one graph', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'arch-report-'));
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(join(root, dirname(p)), { recursive: true });
      writeFileSync(join(root, p), text);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const analyze = (baseline?: unknown) =>
    analyzeArchitecture({
      graph: graph(root),
      paths: ['.'],
      filter: {},
      rules,
      complexity: [],
      churn: { available: false, reason: 'the clone is shallow' },
      churnWindowMs: 90 * 86_400_000,
      baseline: baseline ? { source: 'prev.json', facts: readBaseline(baseline).facts! } : undefined,
    });

  it('holds the contract fields with exact counts', () => {
    const a = analyze();
    expect(a).toMatchObject({ type: 'ai-ci/architecture', version: 1, modules: 6, edges: 6 });
    expect(a.graph.edges[0]).toEqual(['src/a/one.ts', 'src/b/two.ts', 'runtime']);
    expect(a.cycles.map((c) => [c.members, c.example, c.kinds])).toEqual([
      [
        ['src/a/one.ts', 'src/b/three.ts', 'src/b/two.ts'],
        ['src/a/one.ts', 'src/b/two.ts', 'src/a/one.ts'],
        ['runtime', 'type-only'],
      ],
      [['src/c/self.ts'], ['src/c/self.ts', 'src/c/self.ts'], ['runtime']],
    ]);
    expect(a.violations.map((v) => [v.rule, v.from, v.to])).toEqual([
      ['ui-db', 'src/ui/page.ts', 'src/db/q.ts'],
    ]);
    expect(a.unresolved).toEqual([{ from: 'src/ui/page.ts', specifier: './missing' }]);
    // cycles: 0.5*2 + 10*4/6 = 7.67 -> capped at 4; violations: 1 error; unresolved: 10*1/7 = 1.43 -> 1.
    expect(a.scoreBreakdown.penalties).toEqual({ cycles: 4, violations: 1, complexity: 0, unresolved: 1 });
    expect(a.score).toBe(4);
    expect(a.priorities[0]).toBe(
      'Break the cycle of 3 modules through src/a/one.ts → src/b/two.ts → src/a/one.ts: consider removing or inverting the import src/a/one.ts → src/b/two.ts.',
    );
  });

  it('separates new, grown and known findings from a baseline', () => {
    const a = analyze({
      type: 'ai-ci/architecture',
      cycles: [{ members: ['src/a/one.ts', 'src/b/two.ts'] }, { members: ['src/x.ts', 'src/y.ts'] }],
      violations: [{ rule: 'ui-db', from: 'src/ui/page.ts', to: 'src/db/q.ts', kind: 'runtime' }],
    });
    expect(a.cycles.map((c) => c.status)).toEqual(['grown', 'new']);
    expect(a.violations.map((v) => v.status)).toEqual(['known']);
    expect(a.baseline).toEqual({
      source: 'prev.json',
      newCycles: 1,
      grownCycles: 1,
      knownCycles: 0,
      fixedCycles: [['src/x.ts', 'src/y.ts']],
      newViolations: 0,
      knownViolations: 1,
    });
  });

  it('writes SARIF 2.1.0 that validates against the official schema, with stable fingerprints and import lines', () => {
    const a = analyze();
    const sarif = toSarif(a, importLineFinder(root));
    const validate = sarifValidator();
    expect(validate(sarif)).toBe(true);
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/a/one.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(results[2]).toMatchObject({ ruleId: 'architecture/forbidden/ui-db', level: 'error' });
    // two.ts imports one.ts on its second line.
    expect(importLineFinder(root)('src/b/two.ts', 'src/a/one.ts')).toBe(2);
    const again = toSarif(analyze(), importLineFinder(root));
    expect(again.runs[0].results.map((r) => r.partialFingerprints)).toEqual(
      results.map((r) => r.partialFingerprints),
    );
    const broken = JSON.parse(JSON.stringify(sarif)) as {
      runs: Array<{ results: Array<{ level: string }> }>;
    };
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('renders the same report bytes for the same facts, with the folder diagram and its red cycle', () => {
    const a = analyze();
    const text = renderReport(a, { note: 'LLM narrative: not configured.' });
    expect(renderReport(analyze(), { note: 'LLM narrative: not configured.' })).toBe(text);
    expect(text).toContain(
      '**Health score: 4.0 / 10** · 6 modules · 6 imports · 2 cycles · 1 rule violation · 1 unresolved import',
    );
    expect(text).toContain('LLM narrative: not configured.');
    expect(text).toContain('Churn unavailable: the clone is shallow. Hotspots rank by complexity alone.');
    expect(folderDiagram(a).split('\n')).toEqual([
      'flowchart LR',
      '  f0["src/a"]',
      '  f1["src/b"]',
      '  f2["src/c"]',
      '  f3["src/db"]',
      '  f4["src/ui"]',
      '  f0 -->|1| f1',
      '  f1 -->|2| f0',
      '  f4 -->|1| f3',
      '  classDef cycle fill:#ffd6d6,stroke:#c00,stroke-width:2px',
      '  class f0,f1,f2 cycle',
      '  linkStyle 0,1 stroke:#c00,stroke-width:2px',
    ]);
  });
});

describe('healthScore', () => {
  it('is 10 for a clean graph and floors at 0', () => {
    const clean = {
      modules: 10,
      edges: 9,
      cycles: 0,
      modulesInCycles: 0,
      violations: { error: 0, warn: 0, info: 0 },
      functions: 5,
      complexFunctions: 0,
      unresolved: 0,
    };
    expect(healthScore(clean).score).toBe(10);
    expect(
      healthScore({
        ...clean,
        cycles: 9,
        modulesInCycles: 10,
        violations: { error: 5, warn: 0, info: 0 },
        complexFunctions: 5,
        unresolved: 9,
      }).score,
    ).toBe(0);
    expect(healthScore({ ...clean, violations: { error: 0, warn: 1, info: 2 } }).score).toBe(9.3);
  });
});

describe('folderDiagram limits', () => {
  it('keeps at most 40 folders and 150 arrows, cycle arrows first, and says what it left out', () => {
    const edges: Array<[string, string, EdgeKind]> = [];
    for (let i = 0; i < 60; i++)
      for (let j = 0; j < 60; j++)
        if (i !== j && (i + j) % 3 === 0) edges.push([`f${i}/m.ts`, `f${j}/m.ts`, 'runtime']);
    const a = analyzeArchitecture({
      graph: { root: '/r', nodes: [], edges, unresolved: [], languages: ['js'] },
      paths: ['.'],
      filter: {},
      complexity: [],
      churn: { available: false, reason: 'none' },
      churnWindowMs: 1,
    });
    const lines = folderDiagram(a).split('\n');
    expect(lines.filter((l) => /^ {2}f\d+\["/.test(l))).toHaveLength(40);
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(150);
    expect(lines[lines.length - 1]).toMatch(
      /^ {2}more\["… 20 more folders and \d+ more folder imports not shown"\]$/,
    );
    const styled = lines.find((l) => l.startsWith('  linkStyle '))!;
    expect(
      styled
        .split(' ')[3]
        .split(',')
        .map(Number)
        .every((i) => i < 150),
    ).toBe(true);
  });
});
