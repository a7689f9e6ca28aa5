import { readUsage } from '../../src/actions/ci-metrics/usage.js';
import { budgetStore } from '../../src/core/cache/budget-store.js';
import { MemoryKv } from '../../src/core/cache/memory-store.js';
import { TieredStore } from '../../src/core/cache/tiered-store.js';
import { recordUsage } from '../../src/core/llm/budget.js';
import { recordingLogger } from '../../src/core/logger.js';

describe("reading the core's accounting", () => {
  it('sums what the LLM client recorded today per backend, and the decision-cache hit ratio', async () => {
    const store = new TieredStore({
      namespace: 'ai-ci:octo/demo:',
      chain: [new MemoryKv()],
      logger: recordingLogger(),
    });
    const now = () => new Date('2026-11-20T09:00:00Z');
    const bs = budgetStore(store);
    const opts = { scope: 'octo/demo', now };
    await recordUsage(bs, { backend: 'local', promptTokens: 1200, completionTokens: 150, costUsd: 0 }, opts);
    await recordUsage(bs, { backend: 'local', promptTokens: 800, completionTokens: 90, costUsd: 0 }, opts);
    await recordUsage(
      bs,
      { backend: 'cloud', promptTokens: 3000, completionTokens: 400, costUsd: 0.0123 },
      opts,
    );
    // Yesterday's usage is not today's.
    await recordUsage(
      bs,
      { backend: 'cloud', promptTokens: 5, completionTokens: 5, costUsd: 1 },
      { scope: 'octo/demo', now: () => new Date('2026-11-19T09:00:00Z') },
    );
    await store.hincrMany('decision-stats:ai-triage', { hits: 3, misses: 1 });
    await store.hincrMany('decision-stats:pr-feedback', { hits: 1, misses: 3 });
    expect(await readUsage(store, 'octo/demo', '2026-11-20')).toEqual({
      llm: {
        local: { calls: 2, promptTokens: 2000, completionTokens: 240, costUsd: 0 },
        cloud: { calls: 1, promptTokens: 3000, completionTokens: 400, costUsd: 0.0123 },
      },
      cacheHitRatio: 0.5,
    });
  });

  it('reports nothing, not zeros, when nothing was recorded', async () => {
    const store = new TieredStore({
      namespace: 'ai-ci:octo/demo:',
      chain: [new MemoryKv()],
      logger: recordingLogger(),
    });
    expect(await readUsage(store, 'octo/demo', '2026-11-20')).toEqual({ llm: null, cacheHitRatio: null });
  });
});
