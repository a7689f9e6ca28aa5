import { recordingLogger } from '../logger.js';
import { budgetStore } from './budget-store.js';
import { canonicalJson } from './canonical-json.js';
import { decodeValue, encodeValue } from './codec.js';
import { clearDecisions, DecisionCache, decisionStats } from './decision-cache.js';
import { MemoryKv } from './memory-store.js';
import { TieredStore } from './tiered-store.js';

const memStore = () =>
  new TieredStore({ namespace: 'ai-ci:acme/widgets:', chain: [new MemoryKv()], logger: recordingLogger() });
const key = {
  kind: 'fix-confidence',
  model: 'qwen2.5-coder:7b',
  promptVersion: '2',
  inputs: { file: 'src/a.ts', line: 3 },
};

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 'x' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":"x","z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, NaN, 'é'])).toBe('[null,null,"é"]');
  });
});

describe('value codec', () => {
  it('compresses only values over the threshold and round-trips both', () => {
    const small = encodeValue('a'.repeat(1024));
    const big = encodeValue('a'.repeat(1025));
    expect(small[0]).toBe(0);
    expect(small.length).toBe(1025);
    expect(big[0]).toBe(1);
    expect(big.length).toBeLessThan(40);
    expect(decodeValue(big)).toBe('a'.repeat(1025));
    expect(() => decodeValue(Buffer.from([7, 1, 2]))).toThrow('unknown value encoding tag 7');
    expect(() => decodeValue(Buffer.from([1, 0xff, 0xfe]))).toThrow(/compressed value does not inflate/);
  });
});

describe('DecisionCache', () => {
  it('hashes equal inputs equally whatever their key order', () => {
    expect(DecisionCache.hashKey({ ...key, inputs: { line: 3, file: 'src/a.ts' } })).toBe(
      DecisionCache.hashKey(key),
    );
    expect(DecisionCache.hashKey({ ...key, promptVersion: '3' })).not.toBe(DecisionCache.hashKey(key));
    expect(DecisionCache.hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads threshold, TTL and the switch from the environment, per action first', () => {
    const store = memStore();
    const env = {
      AGENT_CACHE_CONFIDENCE_THRESHOLD: '0.6',
      AGENT_CACHE_CONFIDENCE_THRESHOLD_AUTO_FIX: '0.95',
      AGENT_CACHE_TTL_DAYS: '2',
    };
    expect(new DecisionCache(store, { action: 'auto-fix', env })).toMatchObject({
      threshold: 0.95,
      ttlSeconds: 172800,
      enabled: true,
    });
    expect(new DecisionCache(store, { action: 'ai-triage', env })).toMatchObject({ threshold: 0.6 });
    expect(new DecisionCache(store, { action: 'ai-triage', env: {} })).toMatchObject({
      threshold: 0.8,
      ttlSeconds: 604800,
    });
    expect(
      new DecisionCache(store, { action: 'ai-triage', env: { AGENT_CACHE_ENABLED: 'false' } }).enabled,
    ).toBe(false);
  });

  it('stores only confident, deterministic decisions; disabled stores nothing', async () => {
    const store = memStore();
    const dc = new DecisionCache(store, { action: 'auto-fix', env: {} });
    expect(await dc.put(key, { value: 1, confidence: 0.79, latencyMs: 5 })).toBe(false);
    expect(await dc.put({ ...key, temperature: 0.2 }, { value: 1, confidence: 0.99, latencyMs: 5 })).toBe(
      false,
    );
    expect(await dc.put({ ...key, temperature: 0.1 }, { value: 1, confidence: 0.8, latencyMs: 5 })).toBe(
      true,
    );
    const off = new DecisionCache(store, { action: 'auto-fix', env: { AGENT_CACHE_ENABLED: 'false' } });
    expect(await off.get(key)).toBeUndefined();
    expect(await off.put({ ...key, inputs: 2 }, { value: 1, confidence: 1, latencyMs: 5 })).toBe(false);
    expect(await store.scan('decision:')).toHaveLength(1);
  });

  it('redacts secrets in cached values', async () => {
    const store = memStore();
    const dc = new DecisionCache(store, { action: 'ai-triage', env: {} });
    await dc.put(key, {
      value: { note: 'use token ghp_abcdefghijklmnopqrstuvwxyz0123456789 here' },
      confidence: 1,
      latencyMs: 1,
    });
    const raw = await store.get(dc.storeKey(key));
    expect(raw).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect((await dc.get(key))?.value).toEqual({ note: 'use token *** here' });
  });

  it('treats a value failing validation as a miss and drops it', async () => {
    const store = memStore();
    const dc = new DecisionCache(store, { action: 'ai-triage', env: {} });
    await dc.put(key, { value: { old: true }, confidence: 1, latencyMs: 1 });
    const isNew = (v: unknown): v is { summary: string } =>
      typeof v === 'object' && v !== null && 'summary' in v;
    expect(await dc.get(key, isNew)).toBeUndefined();
    expect(await store.get(dc.storeKey(key))).toBeUndefined();
  });

  it('computes on a miss, serves the hit, and reports stats per action and overall', async () => {
    const store = memStore();
    const triage = new DecisionCache(store, { action: 'ai-triage', env: {} });
    const gate = new DecisionCache(store, { action: 'adaptive-gate', env: {} });
    let calls = 0;
    const compute = async () => ({ value: `answer ${++calls}`, confidence: 0.9 });
    expect(await triage.getOrCompute(key, compute)).toEqual({
      value: 'answer 1',
      confidence: 0.9,
      fromCache: false,
    });
    expect(await triage.getOrCompute(key, compute)).toEqual({
      value: 'answer 1',
      confidence: 0.9,
      fromCache: true,
    });
    await gate.get(key);
    await triage.flush();
    await gate.flush();
    const stats = await decisionStats(store);
    expect(stats.actions.map((a) => [a.action, a.hits, a.misses, a.entries, a.stored])).toEqual([
      ['adaptive-gate', 0, 1, 0, 0],
      ['ai-triage', 1, 1, 1, 1],
    ]);
    expect(stats.overall).toMatchObject({ hits: 1, misses: 2, entries: 1, stored: 1 });
    expect(stats.overall.hitRate).toBeCloseTo(1 / 3, 10);
    expect(await clearDecisions(store, 'ai-triage')).toBe(1);
    expect((await decisionStats(store)).actions.map((a) => a.action)).toEqual(['adaptive-gate']);
  });
});

describe('budgetStore', () => {
  it('adds integer and fractional amounts under budget:<key>', async () => {
    const store = memStore();
    const b = budgetStore(store);
    expect(await b.get('tokens:2026-11-21')).toBeUndefined();
    expect(await b.incrBy('tokens:2026-11-21', 1200)).toBe(1200);
    expect(await b.incrBy('tokens:2026-11-21', 300)).toBe(1500);
    expect(await b.incrBy('cost', 0.25)).toBe(0.25);
    expect(await b.get('tokens:2026-11-21')).toBe(1500);
    expect(await store.scan('budget:')).toEqual(['budget:cost', 'budget:tokens:2026-11-21']);
  });
});
