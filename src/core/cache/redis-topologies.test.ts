import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordingLogger } from '../logger.js';
import { BaselineStore } from '../baseline/baseline-store.js';
import {
  describeWithRedis,
  makeTestCertificate,
  RedisServer,
  startRedisCluster,
  startRedisSentinel,
  type RedisClusterSetup,
  type RedisSentinelSetup,
} from '../../../test/helpers/redis-server.js';
import { DecisionCache, decisionStats } from './decision-cache.js';
import { openStore } from './open-store.js';
import { sampleRun } from './test-support.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-topo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The same round trip on every topology: values, scan across nodes, CAS merges, counters. */
async function exercise(env: NodeJS.ProcessEnv): Promise<void> {
  const logger = recordingLogger();
  const store = await openStore({
    action: 'ai-triage',
    logger,
    env: { ...env, AI_CI_CACHE_DIR: dir, GITHUB_REPOSITORY: 'acme/widgets' },
  });
  expect(store.tier).toBe('redis');
  const keys = Array.from({ length: 12 }, (_, i) => `item:${i}`);
  for (const k of keys) await store.set(k, `value of ${k}`);
  expect(await store.get('item:7')).toBe('value of item:7');
  expect(await store.scan('item:')).toEqual([...keys].sort());
  const dc = new DecisionCache(store, { action: 'ai-triage', env: {} });
  const key = { kind: 'k', model: 'm', promptVersion: '1', inputs: [1, 2] };
  await dc.put(key, { value: 'v', confidence: 1, latencyMs: 40 });
  expect((await dc.get(key))?.value).toBe('v');
  const baseline = new BaselineStore(store, { logger, repo: 'acme/widgets', branch: 'main' });
  await baseline.recordRun(sampleRun('1', 1, '2026-11-01T00:00:00Z'));
  const b = await baseline.recordRun(sampleRun('2', 1, '2026-11-02T00:00:00Z'));
  expect(b.runs.map((r) => r.runId)).toEqual(['1', '2']);
  await dc.flush();
  expect((await decisionStats(store, 'ai-triage')).actions[0]).toMatchObject({
    hits: 1,
    misses: 0,
    entries: 1,
    timeSavedMs: 40,
  });
  await store.close();
  expect(logger.messages('warning')).toEqual([]);
}

describeWithRedis('Redis Cluster (3 masters started by the test)', () => {
  let cluster: RedisClusterSetup;
  beforeAll(async () => {
    cluster = await startRedisCluster(3);
  }, 60_000);
  afterAll(async () => cluster?.destroy());

  it('serves the store from REDIS_CLUSTER_NODES, keys spread over the nodes', async () => {
    await exercise({ REDIS_CLUSTER_NODES: cluster.nodeList });
    const perNode = await Promise.all(cluster.nodes.map((n) => n.command(['DBSIZE'])));
    expect(perNode.filter((r) => r !== ':0\r\n')).toHaveLength(3);
  });
});

describeWithRedis('Redis Sentinel (master + sentinel started by the test)', () => {
  let setup: RedisSentinelSetup;
  beforeAll(async () => {
    setup = await startRedisSentinel();
  }, 30_000);
  afterAll(async () => setup?.destroy());

  it('finds the master through REDIS_SENTINELS and REDIS_SENTINEL_NAME', async () => {
    await exercise({ REDIS_SENTINELS: setup.sentinelList, REDIS_SENTINEL_NAME: setup.name });
    expect(await setup.master.command(['EXISTS', 'ai-ci:acme/widgets:item:3'])).toBe(':1\r\n');
  });
});

describeWithRedis('Redis over TLS (rediss://, certificate made by the test)', () => {
  let server: RedisServer;
  let certDir: string;
  let caFile: string;
  beforeAll(async () => {
    certDir = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-tls-'));
    const files = makeTestCertificate(certDir);
    caFile = files.ca;
    server = await RedisServer.start({ tls: files, password: 's3cr3t/pw' });
  }, 30_000);
  afterAll(async () => {
    await server?.destroy();
    rmSync(certDir, { recursive: true, force: true });
  });

  it('connects with the CA from REDIS_TLS_CA_FILE and the password from the URL', async () => {
    expect(server.url).toMatch(/^rediss:\/\/:s3cr3t%2Fpw@127\.0\.0\.1:\d+$/);
    await exercise({ REDIS_URL: server.url, REDIS_TLS_CA_FILE: caFile });
  });

  it('degrades with one warning when the certificate is not trusted', async () => {
    const otherCa = path.join(certDir, 'other-ca.crt');
    writeFileSync(otherCa, makeTestCertificate(mkdtempSync(path.join(certDir, 'other-'))).caPem);
    const logger = recordingLogger();
    const store = await openStore({
      action: 'x',
      logger,
      env: {
        REDIS_URL: server.url,
        REDIS_TLS_CA_FILE: otherCa,
        AI_CI_CACHE_DIR: dir,
        GITHUB_REPOSITORY: 'acme/widgets',
      },
    });
    expect(store.tier).toBe('file');
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('warning')[0]).toMatch(/Redis 127\.0\.0\.1:\d+ \(TLS\) is unreachable/);
    await store.close();
  });

  it('degrades when the password is wrong, without printing it', async () => {
    const logger = recordingLogger();
    const url = server.url.replace('s3cr3t%2Fpw', 'wrong-pass');
    const store = await openStore({
      action: 'x',
      logger,
      env: {
        REDIS_URL: url,
        REDIS_TLS_CA_FILE: caFile,
        AI_CI_CACHE_DIR: dir,
        GITHUB_REPOSITORY: 'acme/widgets',
      },
    });
    expect(store.tier).toBe('file');
    expect(logger.messages('warning')[0]).toMatch(/WRONGPASS|invalid username-password/);
    expect(logger.records.map((r) => r.message).join('\n')).not.toContain('wrong-pass');
    await store.close();
  });
});
