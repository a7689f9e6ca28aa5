import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { recordingLogger } from '../logger.js';
import { BaselineStore } from '../baseline/baseline-store.js';
import { describeWithRedis, RedisServer } from '../../../test/helpers/redis-server.js';
import { DecisionCache, decisionStats } from './decision-cache.js';
import { openStore } from './open-store.js';
import { RedisKv } from './redis-store.js';
import { sampleRun } from './test-support.js';

describeWithRedis('Redis tier (real redis-server)', () => {
  let server: RedisServer;
  let raw: Redis;
  let dir: string;

  beforeAll(async () => {
    server = await RedisServer.start();
    raw = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: true });
    await raw.connect();
  });
  afterAll(async () => {
    await raw.quit();
    await server.destroy();
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-cache-'));
    if (!server.running) await server.restart();
    await raw.flushall();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const env = () => ({ REDIS_URL: server.url, AI_CI_CACHE_DIR: dir, GITHUB_REPOSITORY: 'acme/widgets' });

  it('sets, gets and expires values under the repository namespace, compressing large ones', async () => {
    const logger = recordingLogger();
    const store = await openStore({ action: 'ai-triage', logger, env: env() });
    expect(store.tier).toBe('redis');
    expect(store.historyNote).toBeUndefined();
    await store.set('small', 'hello', 120);
    const big = JSON.stringify({
      lines: Array.from({ length: 200 }, (_, i) => `line ${i} of a repetitive log`),
    });
    await store.set('big', big);
    expect(await store.get('small')).toBe('hello');
    expect(await store.get('big')).toBe(big);
    expect(await store.get('absent')).toBeUndefined();

    const ttl = await raw.ttl('ai-ci:acme/widgets:small');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120);
    expect(await raw.ttl('ai-ci:acme/widgets:big')).toBe(-1);
    const stored = await raw.getBuffer('ai-ci:acme/widgets:big');
    expect(stored?.[0]).toBe(0x01);
    expect(stored!.length).toBeLessThan(Buffer.byteLength(big) / 4);
    expect((await raw.getBuffer('ai-ci:acme/widgets:small'))?.toString()).toBe('\u0000hello');

    expect(await store.incr('n', 2)).toBe(2);
    expect(await store.incr('n', 0.5)).toBe(2.5);
    // A counter reads back through get (auto-fix's attempts, LLM budgets) without leaving Redis.
    expect(await store.get('n')).toBe('2.5');
    expect(store.tier).toBe('redis');
    await store.hset('h', { a: '1' });
    expect(await store.hincr('h', 'b', 3)).toBe(3);
    expect(await store.hgetall('h')).toEqual({ a: '1', b: '3' });
    expect(await store.scan('')).toEqual(['big', 'h', 'n', 'small']);
    await store.del('small');
    expect(await store.get('small')).toBeUndefined();
    await store.close();
    expect(logger.messages('warning')).toEqual([]);
  });

  it('counts decision-cache hits, misses and time saved per action', async () => {
    const store = await openStore({ action: 'ai-triage', logger: recordingLogger(), env: env() });
    const dc = new DecisionCache(store, { action: 'ai-triage', env: {} });
    const key = {
      kind: 'root-cause',
      model: 'qwen2.5:7b',
      promptVersion: '3',
      inputs: { cluster: 'ECONNREFUSED', n: 4 },
      temperature: 0,
    };
    expect(await dc.get(key)).toBeUndefined();
    expect(await dc.put(key, { value: { cause: 'db down' }, confidence: 0.92, latencyMs: 1500 })).toBe(true);
    expect(
      await dc.put({ ...key, inputs: { other: 1 } }, { value: 'x', confidence: 0.5, latencyMs: 10 }),
    ).toBe(false);
    expect(
      await dc.put(
        { ...key, temperature: 0.7, inputs: { hot: 1 } },
        { value: 'x', confidence: 0.99, latencyMs: 10 },
      ),
    ).toBe(false);
    const hit = await dc.get({ ...key, inputs: { n: 4, cluster: 'ECONNREFUSED' } });
    expect(hit?.value).toEqual({ cause: 'db down' });
    expect(hit?.confidence).toBe(0.92);
    const hashKey = `ai-ci:acme/widgets:decision:ai-triage:${DecisionCache.hashKey(key)}`;
    const ttl = await raw.ttl(hashKey);
    expect(ttl).toBeGreaterThan(6 * 86400);
    expect(ttl).toBeLessThanOrEqual(7 * 86400);
    await store.close();

    const again = await openStore({ action: 'cli', logger: recordingLogger(), env: env() });
    const stats = await decisionStats(again);
    expect(stats.tier).toBe('redis');
    expect(stats.actions).toEqual([
      {
        action: 'ai-triage',
        hits: 1,
        misses: 1,
        hitRate: 0.5,
        entries: 1,
        stored: 1,
        rejectedLowConfidence: 1,
        timeSavedMs: 1500,
      },
    ]);
    expect(await raw.hgetall('ai-ci:acme/widgets:decision-stats:ai-triage')).toEqual({
      hits: '1',
      misses: '1',
      savedMs: '1500',
      stored: '1',
      rejected: '1',
    });
    await again.close();
  });

  it('finishes a run on the file tier when Redis dies mid-run, and merges its writes into Redis later', async () => {
    // A persistent Redis (AOF, fsync always), as production uses: it comes back with its data.
    const durable = await RedisServer.start({
      extraArgs: ['--appendonly', 'yes', '--appendfsync', 'always'],
    });
    const denv = { ...env(), REDIS_URL: durable.url };
    try {
      const logger = recordingLogger();
      const store = await openStore({ action: 'adaptive-gate', logger, env: denv });
      const baseline = new BaselineStore(store, { logger, repo: 'acme/widgets', branch: 'main' });
      await store.set('before', 'v1');
      await baseline.recordRun(sampleRun('100', 1, '2026-11-01T10:00:00Z'));

      await durable.kill(); // the outage happens between two operations of the run

      await store.set('during', 'v2');
      await store.hincr('decision-stats:adaptive-gate', 'hits', 2);
      const b = await baseline.recordRun(sampleRun('101', 1, '2026-11-02T10:00:00Z'));
      expect(store.tier).toBe('file');
      expect(b.runs.map((r) => r.runId)).toEqual(['101']);
      expect(await store.get('during')).toBe('v2');
      expect(logger.messages('warning')).toHaveLength(1);
      expect(logger.messages('warning')[0]).toMatch(
        /^ai-ci cache: redis is unavailable .*continuing on the file tier/,
      );
      expect(store.historyNote).toMatch(/Redis was unreachable/);
      await store.close();

      await durable.restart();
      const nextLogger = recordingLogger();
      const next = await openStore({ action: 'adaptive-gate', logger: nextLogger, env: denv });
      expect(next.tier).toBe('redis');
      expect(nextLogger.messages('info')).toContain(
        'ai-ci cache: merged 3 write(s) made during an earlier Redis outage into Redis.',
      );
      const check = new Redis({ host: '127.0.0.1', port: durable.port, lazyConnect: true });
      await check.connect();
      expect((await check.getBuffer('ai-ci:acme/widgets:during'))?.subarray(1).toString()).toBe('v2');
      expect((await check.getBuffer('ai-ci:acme/widgets:before'))?.subarray(1).toString()).toBe('v1');
      expect(await check.hget('ai-ci:acme/widgets:decision-stats:adaptive-gate', 'hits')).toBe('2');
      await check.quit();
      const merged = await new BaselineStore(next, {
        logger: nextLogger,
        repo: 'acme/widgets',
        branch: 'main',
      }).load();
      expect(merged.runs.map((r) => `${r.runId}#${r.attempt}`)).toEqual(['100#1', '101#1']);
      await next.close();
      // The journal left the file tier once merged: a third run has nothing to replay.
      const third = await openStore({ action: 'adaptive-gate', logger: recordingLogger(), env: denv });
      expect(await third.syncPending()).toBe(0);
      await third.close();
    } finally {
      await durable.destroy();
    }
  });

  it('lands all of 20 concurrent baseline updates from 20 runners', async () => {
    const runs = Array.from({ length: 20 }, (_, i) =>
      sampleRun(String(500 + i), 1, new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString()),
    );
    await Promise.all(
      runs.map(async (run) => {
        const logger = recordingLogger();
        const store = await openStore({ action: 'adaptive-gate', logger, env: env() });
        await new BaselineStore(store, {
          logger,
          repo: 'acme/widgets',
          branch: 'main',
          window: 25,
        }).recordRun(run);
        await store.close();
      }),
    );
    const store = await openStore({ action: 'adaptive-gate', logger: recordingLogger(), env: env() });
    const b = await new BaselineStore(store, {
      logger: recordingLogger(),
      repo: 'acme/widgets',
      branch: 'main',
      window: 25,
    }).load();
    expect(b.runs.map((r) => r.runId)).toEqual(runs.map((r) => r.runId));
    await store.close();
  });

  it('stops calling Redis after repeated failures in one run (circuit breaker)', async () => {
    const kv = await RedisKv.connect({
      target: { kind: 'standalone', host: '127.0.0.1', port: server.port },
      logger: recordingLogger(),
      env: { AI_CI_REDIS_MAX_FAILURES: '2' },
    });
    await kv.set('a', '1');
    await server.kill();
    await expect(kv.get('a')).rejects.toThrow(/GET failed/);
    await expect(kv.get('a')).rejects.toThrow(/GET failed/);
    expect(kv.breakerOpen).toBe(true);
    await server.restart();
    // Redis is back, but this run no longer tries it.
    await expect(kv.get('a')).rejects.toThrow(/not retried after 2 failures in this run/);
    await kv.close();
  });

  it('warns once and uses the file tier when Redis is unreachable at start', async () => {
    await server.kill();
    const logger = recordingLogger();
    const store = await openStore({ action: 'select-tests', logger, env: env() });
    expect(store.tier).toBe('file');
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('warning')[0]).toMatch(/Redis 127\.0\.0\.1:\d+ is unreachable/);
    await store.close();
  });
});
