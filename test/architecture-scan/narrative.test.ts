import { analyzeArchitecture } from '../../src/actions/architecture-scan/analyze.js';
import { narrate, narrativeFacts } from '../../src/actions/architecture-scan/narrative.js';
import { renderReport } from '../../src/actions/architecture-scan/report.js';
import type { EdgeKind } from '../../src/graph/types.js';
import { type Rig, rig } from '../standins/ollama/harness.js';

const E = (a: string, b: string, k: EdgeKind = 'runtime'): [string, string, EdgeKind] => [a, b, k];
const analysis = analyzeArchitecture({
  graph: {
    root: '/repo',
    nodes: ['src/a.ts', 'src/b.ts', 'src/c.ts'],
    edges: [E('src/a.ts', 'src/b.ts'), E('src/b.ts', 'src/a.ts'), E('src/c.ts', 'src/a.ts')],
    unresolved: [],
    languages: ['js'],
  },
  paths: ['.'],
  filter: {},
  complexity: [],
  churn: { available: false, reason: 'the clone is shallow' },
  churnWindowMs: 90 * 86_400_000,
});

describe('LLM narrative (background audience, against an Ollama stand-in)', () => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig({}, {}, { withCloudKey: false });
  });
  afterEach(async () => r.close());

  it('sends the compact facts to the local model and puts its prose in the report', async () => {
    r.local.enqueue({
      kind: 'answer',
      content: 'The a/b cycle is the only structural problem; cut b → a first.',
    });
    const n = await narrate(r.client, analysis);
    expect(n).toEqual({
      text: 'The a/b cycle is the only structural problem; cut b → a first.',
      note: 'LLM narrative by qwen2.5:7b-instruct (local).',
    });
    const sent = JSON.stringify(r.local.modelRequests()[0].body);
    expect(sent).toContain('cycle:2 modules|kinds:runtime|example:src/a.ts>src/b.ts>src/a.ts');
    expect(narrativeFacts(analysis).split('\n')[0]).toBe(
      `score:${analysis.score}/10|modules:3|imports:3|cycles:1|violations:0|unresolved:0`,
    );
    const report = renderReport(analysis, n);
    expect(report).toContain(
      '## Narrative\n\nThe a/b cycle is the only structural problem; cut b → a first.\n',
    );
  });

  it('keeps the deterministic report and says why when the model fails', async () => {
    r.local.respondWith(() => ({ kind: 'error', status: 500, message: 'model runner crashed' }));
    const n = await narrate(r.client, analysis);
    expect(n.text).toBeUndefined();
    expect(n.note).toMatch(/^LLM narrative: unavailable \(.+\)\.$/);
    expect(renderReport(analysis, n)).toContain(n.note);
  });
});
