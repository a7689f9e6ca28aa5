import { computeCoupling } from '../../src/graph/analysis/coupling.js';
import { checkRules, parseRulesConfig } from '../../src/graph/analysis/rules.js';
import type { EdgeKind } from '../../src/graph/types.js';

type E = [string, string, EdgeKind];

const edges: E[] = [
  ['src/ui/page.ts', 'src/core/model.ts', 'runtime'],
  ['src/ui/page.ts', 'src/core/model.ts', 'type-only'],
  ['src/ui/page.ts', 'src/db/conn.ts', 'runtime'],
  ['src/ui/widget.ts', 'src/core/model.ts', 'type-only'],
  ['src/core/model.ts', 'src/db/conn.ts', 'dynamic'],
  ['src/features/a/x.ts', 'src/features/b/y.ts', 'runtime'],
  ['src/features/a/x.ts', 'src/features/a/z.ts', 'runtime'],
];

describe('computeCoupling', () => {
  const c = computeCoupling({ nodes: ['README.ts'], edges });

  it('counts distinct importers and imports per module, several kinds once', () => {
    const byPath = Object.fromEntries(c.modules.map((m) => [m.path, m]));
    expect(byPath['src/core/model.ts']).toEqual({
      path: 'src/core/model.ts',
      fanIn: 2,
      fanOut: 1,
      instability: 0.333,
    });
    expect(byPath['src/ui/page.ts']).toMatchObject({ fanIn: 0, fanOut: 2, instability: 1 });
    expect(byPath['README.ts']).toMatchObject({ fanIn: 0, fanOut: 0, instability: 0 });
  });

  it('aggregates per folder from imports that cross the folder boundary', () => {
    const byFolder = Object.fromEntries(c.folders.map((f) => [f.folder, f]));
    expect(byFolder['src/core']).toEqual({
      folder: 'src/core',
      modules: 1,
      fanIn: 2,
      fanOut: 1,
      instability: 0.333,
      internalEdges: 0,
    });
    expect(byFolder['src/db']).toMatchObject({ fanIn: 2, fanOut: 0, instability: 0 });
    expect(byFolder['src/features/a']).toMatchObject({ modules: 2, fanOut: 1, internalEdges: 1 });
    expect(byFolder['.']).toMatchObject({ modules: 1 });
    expect(c.folderEdges).toContainEqual({ from: 'src/ui', to: 'src/core', imports: 2 });
  });

  it('ranks the most depended-upon modules by fan-in, then path', () => {
    expect(c.mostDependedUpon.map((m) => [m.path, m.fanIn])).toEqual([
      ['src/core/model.ts', 2],
      ['src/db/conn.ts', 2],
      ['src/features/a/z.ts', 1],
      ['src/features/b/y.ts', 1],
    ]);
  });
});

describe('forbidden rules', () => {
  const config = parseRulesConfig(
    `
forbidden:
  - name: ui-not-to-db
    severity: error
    comment: UI goes through core
    from: { path: '^src/ui/' }
    to: { path: '^src/db/' }
  - name: no-cross-feature
    severity: warn
    from: { path: '^src/features/([^/]+)/' }
    to: { path: '^src/features/', pathNot: '^src/features/$1/' }
  - name: core-runtime-only
    severity: info
    from: { path: '^src/core/' }
    to: { path: '^src/db/', kinds: [dynamic] }
  - name: widget-types
    from: { path: '^src/ui/', pathNot: ['page'] }
    to: { path: ['^src/core/'] }
`,
    'rules.yml',
  );

  it('reports each breaking edge once per rule, sorted, with $1 groups from the from-side', () => {
    expect(checkRules({ edges }, config)).toEqual([
      {
        rule: 'core-runtime-only',
        severity: 'info',
        from: 'src/core/model.ts',
        to: 'src/db/conn.ts',
        kind: 'dynamic',
      },
      {
        rule: 'no-cross-feature',
        severity: 'warn',
        from: 'src/features/a/x.ts',
        to: 'src/features/b/y.ts',
        kind: 'runtime',
      },
      {
        rule: 'ui-not-to-db',
        severity: 'error',
        from: 'src/ui/page.ts',
        to: 'src/db/conn.ts',
        kind: 'runtime',
        comment: 'UI goes through core',
      },
      {
        rule: 'widget-types',
        severity: 'error',
        from: 'src/ui/widget.ts',
        to: 'src/core/model.ts',
        kind: 'type-only',
      },
    ]);
  });

  it('reads the same rules from JSON', () => {
    const json = parseRulesConfig(
      '{"forbidden":[{"name":"r","from":{"path":"^a"},"to":{"path":"^b"}}]}',
      'r.json',
    );
    expect(json.forbidden).toEqual([
      { name: 'r', severity: 'error', from: { path: ['^a'] }, to: { path: ['^b'] } },
    ]);
  });

  it('names the place of a mistake in the rules file', () => {
    expect(() => parseRulesConfig('forbidden: [{ from: { path: "(" } }]', 'r.yml')).toThrow(
      /r.yml: forbidden\[0\].from: '\(' is not a valid regular expression/,
    );
    expect(() => parseRulesConfig('forbidden: [{ severity: fatal }]', 'r.yml')).toThrow(
      /severity 'fatal' is not one of error, warn, info/,
    );
    expect(() => parseRulesConfig('forbidden: [{ to: { kinds: [static] } }]', 'r.yml')).toThrow(
      /'static' is not one of runtime/,
    );
    expect(() => parseRulesConfig('forbidden: {', 'r.yml')).toThrow(/not valid YAML or JSON/);
    expect(() => parseRulesConfig('- a', 'r.yml')).toThrow(/must hold an object/);
  });
});
