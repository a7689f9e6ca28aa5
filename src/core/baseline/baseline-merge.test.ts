import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { describeWithRedis, RedisServer } from '../../../test/helpers/redis-server.js';
import { recordingLogger } from '../logger.js';
import { decodeValue } from '../cache/codec.js';
import { MemoryKv } from '../cache/memory-store.js';
import { openStore } from '../cache/open-store.js';
import { TieredStore } from '../cache/tiered-store.js';
import { BaselineStore } from './baseline-store.js';
import { BASELINE_RUN_MERGER, mergeBaselineRun } from './mergers.js';
import { parseBaseline, type Baseline, type BaselineRun } from './schema.js';
import { partialRecord } from './test-workers/partial-records.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const V1 = readFileSync(path.join(here, '../../../test/fixtures/baseline/baseline-v1.json'), 'utf8');

function memoryStore() {
  const logger = recordingLogger();
  const store = new TieredStore({ namespace: 'ai-ci:acme/widgets:', chain: [new MemoryKv()], logger });
  return { logger, store, bs: new BaselineStore(store, { logger, repo: 'acme/widgets', branch: 'main' }) };
}

/** Run 3 as both writers recorded it (partial-records.ts), whatever the order they landed in. */
const both3: BaselineRun = {
  runId: '3',
  attempt: 1,
  sha: '0000003cafe',
  time: '2026-11-01T00:03:00.000Z',
  coverage: { lines: 80.3, branches: 60.3, bySuite: { unit: { lines: 90, branches: null } } },
  vulns: {
    bySeverity: { critical: 0, high: 1, medium: 0, low: 0, unknown: 0 },
    items: [{ id: 'GHSA-cph5-m8f7-6c5x', severity: 'high', package: 'axios', version: '0.21.1' }],
  },
  tests: { total: 103, passed: 103, failed: 0, skipped: 0, durationMs: 3000, bySuite: {} },
  flakeRate: 0.003,
  buildDurationMs: 60_003,
};

describe('baseline version 2: partial records of a run merge field by field', () => {
  it('two writers of different sections of one run both land, in either order', async () => {
    for (const order of [
      ['gate', 'metrics'],
      ['metrics', 'gate'],
    ] as const) {
      const { bs } = memoryStore();
      for (const role of order) await bs.recordRun(partialRecord(role, '3'));
      expect((await bs.load()).runs).toEqual([both3]);
    }
  });

  it('keeps "not measured" apart from zero, and a later measurement of a section replaces it whole', async () => {
    const { bs, store } = memoryStore();
    const id = { runId: '8', attempt: 1, sha: 'abcdef0', time: '2026-11-08T00:00:00Z' };
    await bs.recordRun({ ...id, coverage: { lines: 75, branches: null, bySuite: {} } });
    let run = (await bs.load()).runs[0];
    expect([run.vulns, run.tests, run.flakeRate, run.buildDurationMs]).toEqual([null, null, null, null]);
    expect(JSON.parse((await store.get('baseline'))!).runs[0].vulns).toBeNull();

    const zero = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
    await bs.recordRun({
      ...id,
      vulns: {
        bySeverity: { ...zero, high: 2 },
        items: [{ id: 'A', severity: 'high', package: 'p', version: '1' }],
      },
    });
    await bs.recordRun({ ...id, vulns: { bySeverity: zero, items: [] } });
    // A writer that measured nothing of vulnerabilities leaves the last measurement alone.
    await bs.recordRun({ ...id, vulns: null, coverage: null });
    run = (await bs.load()).runs[0];
    expect(run.vulns).toEqual({ bySeverity: zero, items: [] });
    expect(run.coverage).toEqual({ lines: 75, branches: null, bySuite: {} });
    // Another attempt is another entry.
    await bs.recordRun({ ...id, attempt: 2, time: '2026-11-08T01:00:00Z' });
    expect((await bs.load()).runs.map((r) => `${r.runId}#${r.attempt}:${r.vulns === null}`)).toEqual([
      '8#1:false',
      '8#2:true',
    ]);
  });

  it('reads a version-1 baseline written by ai-ci e740f3e, migrating it without overwriting it on read', async () => {
    const { bs, store, logger } = memoryStore();
    await store.set('baseline', V1);
    const b = await bs.load();
    expect(b.version).toBe(2);
    expect(b.runs.map((r) => [r.runId, r.coverage?.lines ?? null, r.tests, r.flakeRate])).toEqual([
      ['4101', 90, null, null],
      ['4102', 90, null, null],
      ['4103', null, null, null],
    ]);
    expect(b.runs[2].coverage).toBeNull();
    expect(b.runs[2].vulns?.items).toEqual([
      { id: 'GHSA-cph5-m8f7-6c5x', severity: 'high', package: 'axios', version: null },
      { id: 'GHSA-pw2r-vq6v-hr8c', severity: 'high', package: 'follow-redirects', version: null },
      { id: 'via:axios', severity: 'high', package: 'github-build', version: null },
    ]);
    expect(await store.get('baseline')).toBe(V1);

    // ci-metrics (say) records the tests of run 4103: the gate's vulnerabilities of that run stay.
    const tests = { total: 12, passed: 12, failed: 0, skipped: 0, durationMs: 840, bySuite: {} };
    const { sha, time } = b.runs[2];
    const after = await bs.recordRun({ runId: '4103', attempt: 1, sha, time, tests, flakeRate: 0 });
    expect(after.runs.map((r) => r.runId)).toEqual(['4101', '4102', '4103']);
    expect(after.runs[2]).toEqual({ ...b.runs[2], tests, flakeRate: 0 });
    const stored = JSON.parse((await store.get('baseline'))!) as Baseline;
    expect(stored.version).toBe(2);
    expect(parseBaseline(JSON.stringify(stored))).toEqual({ ok: true, value: stored });
    expect(logger.messages('warning')).toEqual([]);
    expect(await store.scan('quarantine:')).toEqual([]);
  });

  it('still keeps an unknown version or a broken version-1 document aside', async () => {
    const { bs, store, logger } = memoryStore();
    const broken = V1.replace('"flakeRate": 0,', '"flakeRate": 7,');
    await store.set('baseline', broken);
    expect((await bs.load()).runs).toEqual([]);
    await store.set('baseline', JSON.stringify({ type: 'ai-ci/baseline', version: 3, runs: [] }));
    expect((await bs.load()).runs).toEqual([]);
    expect(logger.messages('warning')).toEqual([
      expect.stringMatching(
        /^ai-ci baseline is unreadable \(\/runs\/0\/flakeRate must be <= 1 \(version 1\)\); kept it aside as 'quarantine:baseline:[^']+' and started a fresh baseline\.$/,
      ),
      expect.stringMatching(
        /^ai-ci baseline is unreadable \(unknown version 3 \(this ai-ci reads version 1 or 2\)\); kept it aside/,
      ),
    ]);
    const aside = await store.scan('quarantine:');
    expect(await Promise.all(aside.map((k) => store.get(k)))).toEqual(
      expect.arrayContaining([broken, JSON.stringify({ type: 'ai-ci/baseline', version: 3, runs: [] })]),
    );
  });

  it('replays a write journaled by a version-1 ai-ci (Redis outage before an upgrade) as a migrated run', () => {
    const v1Run = (JSON.parse(V1) as { runs: object[] }).runs[1];
    const payload = JSON.stringify({ repo: 'acme/shop', branch: 'main', window: 10, run: v1Run });
    const out = parseBaseline(mergeBaselineRun(undefined, payload));
    expect(out.ok && out.value.runs).toEqual([
      expect.objectContaining({
        runId: '4102',
        tests: null,
        flakeRate: null,
        coverage: expect.objectContaining({ lines: 90 }),
      }),
    ]);
    // Twice is once; a payload no ai-ci wrote changes nothing.
    const again = mergeBaselineRun(mergeBaselineRun(undefined, payload), payload);
    expect((JSON.parse(again) as Baseline).runs).toHaveLength(1);
    const junk = JSON.stringify({ repo: 'acme/shop', branch: 'main', window: 10, run: { runId: 'x' } });
    expect(mergeBaselineRun(again, junk)).toBe(again);
    expect(BASELINE_RUN_MERGER).toBe('baseline-run');
  });
});

function writer(
  role: string,
  ids: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'test-workers', 'partial-writer.ts'), role, ids],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '', ...env } },
    );
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

const IDS = Array.from({ length: 10 }, (_, i) => String(i + 1));

/** Both writers of each of 10 runs, in two processes, each recording all its runs at once. */
async function raceWriters(env: Record<string, string>): Promise<void> {
  const results = await Promise.all([
    writer('gate', IDS.join(','), env),
    writer('metrics', IDS.join(','), env),
  ]);
  expect(results).toEqual([
    { code: 0, stderr: '' },
    { code: 0, stderr: '' },
  ]);
}

function expectBothWritersLanded(b: Baseline): void {
  expect(b.runs.map((r) => r.runId)).toEqual(IDS);
  for (const r of b.runs) {
    const n = Number(r.runId);
    expect([
      r.coverage?.lines,
      r.coverage?.branches,
      r.vulns?.items.length,
      r.tests?.total,
      r.buildDurationMs,
    ]).toEqual([80 + n / 10, 60 + n / 10, 1, 100 + n, 60_000 + n]);
  }
  expect(b.runs[2]).toEqual(both3);
}

describe('concurrent writers of different sections of the same runs: file tier', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-merge-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lands every section of every run (read-merge-write under the file lock)', async () => {
    await raceWriters({ AI_CI_CACHE_DIR: dir, REDIS_URL: '' });
    const logger = recordingLogger();
    const store = await openStore({
      action: 'check',
      logger,
      repo: 'acme/widgets',
      env: { AI_CI_CACHE_DIR: dir },
    });
    expectBothWritersLanded(
      await new BaselineStore(store, { logger, repo: 'acme/widgets', branch: 'main', window: 50 }).load(),
    );
    await store.close();
  }, 60_000);
});

describeWithRedis('concurrent writers of different sections of the same runs: Redis', () => {
  let server: RedisServer;
  let dir: string;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => server?.destroy());
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-merge-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lands every section of every run through the compare-and-set update, nothing on the file tier', async () => {
    await raceWriters({ REDIS_URL: server.url, AI_CI_CACHE_DIR: dir });
    const raw = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: true });
    await raw.connect();
    const stored = await raw.getBuffer('ai-ci:acme/widgets:baseline');
    await raw.quit();
    const parsed = parseBaseline(decodeValue(stored!));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.version).toBe(2);
    expectBothWritersLanded(parsed.value);
    // Redis served every write: the file tier holds nothing.
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
