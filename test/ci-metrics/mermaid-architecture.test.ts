import { analyzeArchitecture } from '../../src/actions/architecture-scan/analyze.js';
import { renderReport, renderSummary } from '../../src/actions/architecture-scan/report.js';
import { parseRulesConfig } from '../../src/graph/analysis/rules.js';
import type { EdgeKind, ModuleGraph } from '../../src/graph/types.js';
import { parseMermaidAll } from './mermaid-parse.js';

/** Every ```mermaid block of a Markdown text. */
export function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
}

const E = (a: string, b: string, k: EdgeKind = 'runtime'): [string, string, EdgeKind] => [a, b, k];

/**
 * The other diagrams ai-ci emits (architecture-scan's folder graph) pass the same parser: folder
 * names with spaces, quotes, brackets and a root module, a cycle and a forbidden edge.
 */
describe("architecture-scan's Mermaid diagrams", () => {
  it('are accepted by mermaid, in the report and in the job summary', async () => {
    const nodes = [
      'index.ts',
      'src/a b/one.ts',
      'src/"q"/two.ts',
      'src/[x]/three.ts',
      'src/ui/page.ts',
      'src/db/q.ts',
    ];
    const graph: ModuleGraph = {
      root: '/nonexistent',
      nodes,
      edges: [
        E('index.ts', 'src/a b/one.ts'),
        E('src/a b/one.ts', 'src/"q"/two.ts'),
        E('src/"q"/two.ts', 'src/a b/one.ts', 'type-only'),
        E('src/[x]/three.ts', 'src/"q"/two.ts'),
        E('src/ui/page.ts', 'src/db/q.ts'),
      ],
      unresolved: [],
      languages: ['js'],
    };
    const a = analyzeArchitecture({
      graph,
      paths: ['.'],
      filter: {},
      rules: parseRulesConfig(
        'forbidden: [{ name: ui-db, from: { path: "^src/ui" }, to: { path: "^src/db" } }]',
        'r.yml',
      ),
      complexity: [],
      churn: { available: false, reason: 'no git' },
      churnWindowMs: 90 * 86_400_000,
      baseline: undefined,
    });
    const diagrams = [
      ...mermaidBlocks(renderReport(a, { note: 'LLM narrative: not configured.' })),
      ...mermaidBlocks(renderSummary(a)),
    ];
    expect(diagrams).toHaveLength(2);
    const results = await parseMermaidAll(diagrams);
    expect(results).toEqual([
      { ok: true, type: 'flowchart-v2' },
      { ok: true, type: 'flowchart-v2' },
    ]);
  }, 60_000);
});
