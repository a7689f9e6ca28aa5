// A decision-cache hit as a new run sees it (memory front empty): key hashing, GET over loopback,
// inflate, JSON parse, schema validation; beside a raw ioredis GET of the same stored bytes, taken
// in the same run and interleaved so both see the same machine load. Then the same hit on the file
// tier. Starts its own redis-server on a free port.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { Redis } from 'ioredis';
import { DecisionCache, type DecisionKey } from '../src/core/cache/decision-cache.js';
import { openStore } from '../src/core/cache/open-store.js';
import type { Store } from '../src/core/cache/tiered-store.js';
import { recordingLogger } from '../src/core/logger.js';
import { RedisServer, redisServerAvailable } from '../test/helpers/redis-server.js';
import type { BenchOptions, BenchResult } from './types.js';

export const names = [
  'cache-hit-redis-p50',
  'cache-hit-redis-p99',
  'cache-hit-redis-vs-raw',
  'cache-hit-file-p50',
];

interface TriageDecision {
  summary: string;
  rootCause: string;
  clusters: { id: string; signature: string; count: number; files: string[] }[];
}

const validate = new Ajv().compile<TriageDecision>({
  type: 'object',
  required: ['summary', 'rootCause', 'clusters'],
  properties: {
    summary: { type: 'string' },
    rootCause: { type: 'string' },
    clusters: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'signature', 'count', 'files'],
        properties: {
          id: { type: 'string' },
          signature: { type: 'string' },
          count: { type: 'integer' },
          files: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
});
const isDecision = (v: unknown): v is TriageDecision => validate(v);

/** About 2 KB of JSON, so the stored value is compressed as real triage decisions are. */
function decision(i: number): TriageDecision {
  return {
    summary: `Run ${i}: 3 clusters; the integration suite fails because the database refuses connections during start-up.`,
    rootCause: 'PostgreSQL service container not ready when tests start (ECONNREFUSED 127.0.0.1:5432).',
    clusters: Array.from({ length: 10 }, (_, c) => ({
      id: `c${c}`,
      signature: `ECONNREFUSED 127.0.0.1:5432 at Pool.connect (src/db/pool.ts:${40 + c})`,
      count: c * 3 + 1,
      files: ['src/db/pool.ts', `test/integration/orders-${c}.test.ts`],
    })),
  };
}

const keyOf = (i: number): DecisionKey => ({
  kind: 'triage-root-cause',
  model: 'qwen2.5:7b',
  promptVersion: '4',
  inputs: { clusters: ['ECONNREFUSED'], run: i },
  temperature: 0,
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (n: number) => Math.round(n * 10000) / 10000;

async function fill(env: NodeJS.ProcessEnv, n: number): Promise<void> {
  const store = await openStore({ action: 'ai-triage', logger: recordingLogger(), env });
  const dc = new DecisionCache(store, { action: 'ai-triage', env: {} });
  for (let i = 0; i < n; i++)
    await dc.put(keyOf(i), { value: decision(i), confidence: 0.9, latencyMs: 1800 });
  await store.close();
}

/** Times `dc.get` for keys [from, to); every key is a hit served by the tier (not the memory front). */
async function timeHits(
  store: Store,
  from: number,
  to: number,
  raw?: { client: Redis; times: number[] },
): Promise<number[]> {
  const dc = new DecisionCache(store, { action: 'ai-triage', env: {} });
  const times: number[] = [];
  for (let i = from; i < to; i++) {
    if (raw) {
      const k = `${store.namespace}${dc.storeKey(keyOf(i))}`;
      const t0 = performance.now();
      const buf = await raw.client.getBuffer(k);
      raw.times.push(performance.now() - t0);
      if (!buf) throw new Error('raw GET missed');
    }
    const t0 = performance.now();
    const hit = await dc.get(keyOf(i), isDecision);
    times.push(performance.now() - t0);
    if (!hit) throw new Error(`decision ${i} missed`);
  }
  return times;
}

export default async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const n = opts.large ? 20000 : 3000;
  const warm = 300;
  const results: BenchResult[] = [];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ai-ci-bench-cache-'));
  try {
    if (!redisServerAvailable()) {
      if (process.env.AI_CI_REQUIRE_REDIS === '1')
        throw new Error('redis-server is not installed but AI_CI_REQUIRE_REDIS=1');
      console.warn('SKIPPED cache-hit-redis-*: redis-server is not installed');
    } else {
      const server = await RedisServer.start();
      try {
        const env = {
          REDIS_URL: server.url,
          AI_CI_CACHE_DIR: path.join(dir, 'unused'),
          GITHUB_REPOSITORY: 'acme/widgets',
        };
        await fill(env, n + warm);
        const store = await openStore({ action: 'ai-triage', logger: recordingLogger(), env });
        const client = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: true });
        await client.connect();
        await timeHits(store, 0, warm, { client, times: [] });
        const raw = { client, times: [] as number[] };
        const hits = (await timeHits(store, warm, warm + n, raw)).sort((a, b) => a - b);
        raw.times.sort((a, b) => a - b);
        await client.quit();
        await store.close();
        const p50 = percentile(hits, 50);
        const p99 = percentile(hits, 99);
        const rawP50 = percentile(raw.times, 50);
        const rawP99 = percentile(raw.times, 99);
        results.push(
          {
            name: 'cache-hit-redis-p50',
            value: ms(p50),
            unit: 'ms',
            op: '<=',
            target: 0.25,
            extra: `raw GET p50 ${ms(rawP50)} ms, ratio ${(p50 / rawP50).toFixed(2)}x (target <= 2x); ${n} hits`,
          },
          {
            name: 'cache-hit-redis-p99',
            value: ms(p99),
            unit: 'ms',
            op: '<=',
            target: 1,
            extra: `raw GET p99 ${ms(rawP99)} ms`,
          },
          {
            name: 'cache-hit-redis-vs-raw',
            value: Math.round((p50 / rawP50) * 100) / 100,
            unit: 'x',
            op: '<=',
            target: 2,
            extra: 'decision-cache hit p50 / raw ioredis GET p50',
          },
        );
      } finally {
        await server.destroy();
      }
    }

    const fenv = { AI_CI_CACHE_DIR: path.join(dir, 'file-tier'), GITHUB_REPOSITORY: 'acme/widgets' };
    const fileN = Math.min(n, 2000);
    await fill(fenv, fileN + warm);
    const fstore = await openStore({ action: 'ai-triage', logger: recordingLogger(), env: fenv });
    await timeHits(fstore, 0, warm);
    const fileHits = (await timeHits(fstore, warm, warm + fileN)).sort((a, b) => a - b);
    await fstore.close();
    results.push({
      name: 'cache-hit-file-p50',
      value: ms(percentile(fileHits, 50)),
      unit: 'ms',
      op: '<=',
      target: 1,
      extra: `p99 ${ms(percentile(fileHits, 99))} ms; ${fileN} hits`,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
