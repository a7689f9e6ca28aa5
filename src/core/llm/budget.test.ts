import { recordingLogger } from '../logger.js';
import { type Rig, rig } from '../../../test/standins/ollama/harness.js';
import { CloudBudget, MemoryBudgetStore } from './budget.js';

const limits = { perRunUsd: 1, perDayUsd: 100, perMonthUsd: 1000 };

describe('CloudBudget', () => {
  it('warns once at 80, 90 and 100% and refuses a call that would pass the limit', async () => {
    const logger = recordingLogger();
    const b = new CloudBudget(limits, new MemoryBudgetStore(), logger, { runId: 'r1' });
    for (let i = 0; i < 7; i++) await b.record(0.1);
    expect(logger.messages('warning')).toEqual([]);
    await b.record(0.1);
    await b.record(0.05);
    await b.record(0.05);
    expect(logger.messages('warning')).toEqual([
      'LLM cloud budget per run at 80%: $0.8000 of $1.00 (estimated).',
      'LLM cloud budget per run at 90%: $0.9000 of $1.00 (estimated).',
    ]);
    expect(await b.check(0.05)).toEqual({ ok: true });
    expect(await b.check(0.2)).toEqual({
      ok: false,
      period: 'run',
      spentUsd: 0.9,
      limitUsd: 1,
      exhausted: false,
    });
    expect(logger.messages('warning')).toHaveLength(2);
    await b.record(0.1);
    expect(logger.messages('warning')).toHaveLength(3);
    expect(logger.messages('warning')[2]).toBe(
      'LLM cloud budget per run at 100%: $1.0000 of $1.00 (estimated); cloud calls now fall back to the local model.',
    );
    expect(await b.check(0)).toMatchObject({ ok: false, period: 'run' });
    expect(logger.messages('warning')).toHaveLength(3);
  });

  it('keeps day and month totals in the store, shared across runs; keys are per day and month', async () => {
    const store = new MemoryBudgetStore();
    const now = () => new Date('2026-11-21T10:00:00Z');
    const opts = { now, scope: 'octo/repo' };
    const a = new CloudBudget({ perRunUsd: 1, perDayUsd: 0.3, perMonthUsd: 5 }, store, recordingLogger(), {
      ...opts,
      runId: 'a',
    });
    const b = new CloudBudget({ perRunUsd: 1, perDayUsd: 0.3, perMonthUsd: 5 }, store, recordingLogger(), {
      ...opts,
      runId: 'b',
    });
    await a.record(0.3);
    expect(await b.check(0.01)).toEqual({
      ok: false,
      period: 'day',
      spentUsd: 0.3,
      limitUsd: 0.3,
      exhausted: true,
    });
    expect(await store.get('llm-cost:octo/repo:day:2026-11-21')).toBe(300_000);
    expect(await store.get('llm-cost:octo/repo:month:2026-11')).toBe(300_000);
    expect(await store.get('llm-cost:octo/repo:run:a')).toBe(300_000);
    const tomorrow = new CloudBudget(
      { perRunUsd: 1, perDayUsd: 0.3, perMonthUsd: 5 },
      store,
      recordingLogger(),
      {
        scope: 'octo/repo',
        runId: 'c',
        now: () => new Date('2026-11-22T00:00:01Z'),
      },
    );
    expect(await tomorrow.check(0.01)).toEqual({ ok: true });
  });
});

describe('budget store outage', () => {
  it('keeps counting in memory with one warning, so the limit still holds', async () => {
    const logger = recordingLogger();
    const broken = {
      get: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
      incrBy: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
    };
    const b = new CloudBudget({ perRunUsd: 0.2, perDayUsd: 5, perMonthUsd: 50 }, broken, logger, {
      runId: 'x',
    });
    expect(await b.check(0.1)).toEqual({ ok: true });
    await b.record(0.15);
    expect(await b.check(0.1)).toMatchObject({ ok: false, period: 'run', exhausted: false });
    expect(logger.messages('warning')).toEqual([
      'LLM budget store unavailable (connect ECONNREFUSED 127.0.0.1:6379); counting cloud spend in memory for this run.',
    ]);
  });

  it('the client stores daily usage per backend for trends', async () => {
    const store = new MemoryBudgetStore();
    const r = await rig(
      {},
      { budgetStore: store, repository: 'octo/repo', now: () => new Date('2026-11-21T12:00:00Z') },
    );
    try {
      r.local.enqueue({ kind: 'answer', content: 'x', promptEvalCount: 12, evalCount: 3 });
      await r.client.complete({ audience: 'background', system: 's', prompt: 'p' });
      expect(await store.get('llm-usage:octo/repo:day:2026-11-21:local:calls')).toBe(1);
      expect(await store.get('llm-usage:octo/repo:day:2026-11-21:local:prompt_tokens')).toBe(12);
      expect(await store.get('llm-usage:octo/repo:day:2026-11-21:local:completion_tokens')).toBe(3);
    } finally {
      await r.close();
    }
  });
});

describe('budget through the client', () => {
  let r: Rig;
  afterEach(async () => {
    await r?.close();
  });

  it('accounts estimated cost per cloud call, alerts, and cuts over to local at 100%', async () => {
    // $1000 per million output tokens, nothing for input: each 100-token answer costs $0.10.
    r = await rig({
      AI_CI_LLM_PRICES: '{"gpt-oss:120b": {"input": 0, "output": 1000}}',
      'INPUT_MAX-TOKENS': '100',
      'INPUT_CLOUD-BUDGET-RUN': '1',
    });
    r.cloud.respondWith(() => ({
      kind: 'answer',
      content: 'cloud prose',
      evalCount: 100,
      promptEvalCount: 40,
    }));
    r.local.respondWith(() => ({
      kind: 'answer',
      content: 'local prose',
      evalCount: 30,
      promptEvalCount: 40,
    }));
    const backends: string[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await r.client.complete({
        audience: 'user-facing',
        action: 'pr-feedback',
        system: 's',
        prompt: 'p',
      });
      if (res.ok) backends.push(res.backend);
    }
    expect(backends).toEqual([...Array(10).fill('cloud'), 'local']);
    expect(r.cloud.modelRequests()).toHaveLength(10);
    expect(r.warnings()).toEqual([
      'LLM cloud budget per run at 80%: $0.8000 of $1.00 (estimated).',
      'LLM cloud budget per run at 90%: $0.9000 of $1.00 (estimated).',
      'LLM cloud budget per run at 100%: $1.0000 of $1.00 (estimated); cloud calls now fall back to the local model.',
      'LLM cloud backend (gpt-oss:120b at ' +
        r.settings.cloudUrl +
        ') unavailable: cloud budget per run exhausted ($1.0000 of $1.00, estimated); falling back to the local model.',
    ]);
    const stats = r.client.stats();
    expect(stats.backends.cloud).toMatchObject({
      calls: 10,
      promptTokens: 400,
      completionTokens: 1000,
      fallbacks: 1,
    });
    expect(stats.backends.cloud.costUsd).toBeCloseTo(1, 10);
    expect(stats.backends.local).toMatchObject({
      calls: 1,
      promptTokens: 40,
      completionTokens: 30,
      costUsd: 0,
    });
    expect(stats.actions['pr-feedback']).toMatchObject({ calls: 11, fallbacks: 1, noLlm: 0 });
    expect(stats.fallbackReasons).toEqual([
      'cloud: cloud budget per run exhausted ($1.0000 of $1.00, estimated)',
    ]);
  });
});
