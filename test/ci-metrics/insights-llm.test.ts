import { buildInsights } from '../../src/actions/ci-metrics/insights/insights.js';
import { recordingLogger } from '../../src/core/logger.js';
import { rig, type Rig } from '../standins/ollama/harness.js';
import { generateHistory } from './history-fixture.js';

describe('the insights narrative', () => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig({}, {}, { withCloudKey: false });
  });
  afterEach(async () => r.close());

  it('is written by the local model from the facts, with every number from the history', async () => {
    r.local.enqueue({
      kind: 'answer',
      content: 'Build time rose to 14 min on 2026-11-02; look at the test matrix.',
    });
    const i = await buildInsights(generateHistory({ changeDay: 41 }), {
      logger: recordingLogger(),
      llm: r.client,
    });
    expect([i.narrativeSource, i.narrative]).toEqual([
      'llm',
      'Build time rose to 14 min on 2026-11-02; look at the test matrix.',
    ]);
    const reqs = r.local.modelRequests();
    expect(reqs).toHaveLength(1);
    const sent = JSON.stringify(reqs[0].body);
    expect(sent).toContain('5.0% of 180 successful runs');
    expect(sent).toContain('2026-11-02');
    expect(r.cloud.modelRequests()).toHaveLength(0);
  });

  it('falls back to the deterministic text, saying why, when no model answers', async () => {
    await r.local.close();
    const i = await buildInsights(generateHistory({ changeDay: 41 }), {
      logger: recordingLogger(),
      llm: r.client,
    });
    expect(i.narrativeSource).toBe('deterministic');
    expect(i.narrativeNote).toBeTruthy();
    expect(i.narrative).toMatch(/^180 runs over 60 days with data\. Off target: Flaky test rate/);
  });
});
