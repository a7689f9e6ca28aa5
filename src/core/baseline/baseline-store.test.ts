import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordingLogger } from '../logger.js';
import { MemoryKv } from '../cache/memory-store.js';
import { TieredStore } from '../cache/tiered-store.js';
import { sampleRun } from '../cache/test-support.js';
import { BaselineStore, COMMITTED_BASELINE_PATH } from './baseline-store.js';
import { parseBaseline } from './schema.js';

function setup(window?: number) {
  const logger = recordingLogger();
  const store = new TieredStore({ namespace: 'ai-ci:acme/widgets:', chain: [new MemoryKv()], logger });
  const bs = new BaselineStore(store, {
    logger,
    repo: 'acme/widgets',
    branch: 'main',
    ...(window ? { window } : {}),
  });
  return { logger, store, bs };
}

describe('BaselineStore', () => {
  it('keeps the last N runs oldest first, and re-recording a run id + attempt merges into its entry', async () => {
    const { bs } = setup(3);
    for (let i = 1; i <= 5; i++) await bs.recordRun(sampleRun(String(i), 1, `2026-11-0${i}T00:00:00Z`));
    await bs.recordRun({ ...sampleRun('4', 1, '2026-11-04T00:00:00Z'), flakeRate: 0.5 });
    await bs.recordRun(sampleRun('4', 2, '2026-11-04T01:00:00Z'));
    const b = await bs.load();
    expect(b.runs.map((r) => `${r.runId}#${r.attempt}`)).toEqual(['4#1', '4#2', '5#1']);
    expect(b.runs[0].flakeRate).toBe(0.5);
    expect(b).toMatchObject({
      type: 'ai-ci/baseline',
      version: 2,
      repo: 'acme/widgets',
      branch: 'main',
      window: 3,
    });
  });

  it('rejects an invalid run with a message naming the field', async () => {
    const { bs } = setup();
    await expect(
      bs.recordRun({ ...sampleRun('1', 1, '2026-11-01T00:00:00Z'), flakeRate: 2 }),
    ).rejects.toThrow('Invalid baseline run 1#1: /flakeRate must be <= 1');
  });

  it('keeps corrupt data aside and continues from the last good copy', async () => {
    const { bs, store, logger } = setup();
    await bs.recordRun(sampleRun('1', 1, '2026-11-01T00:00:00Z'));
    await store.set('baseline', '{"type":"ai-ci/baseline","version":1,"runs":[{"trunc');
    const b = await bs.load();
    expect(b.runs.map((r) => r.runId)).toEqual(['1']);
    const aside = await store.scan('quarantine:baseline:');
    expect(aside).toHaveLength(1);
    expect(await store.get(aside[0])).toBe('{"type":"ai-ci/baseline","version":1,"runs":[{"trunc');
    expect(logger.messages('warning')).toEqual([
      expect.stringMatching(
        /^ai-ci baseline is unreadable \(not JSON .*\); kept it aside as 'quarantine:baseline:.*' and continued from the last good copy\.$/,
      ),
    ]);
    const next = await bs.recordRun(sampleRun('2', 1, '2026-11-02T00:00:00Z'));
    expect(next.runs.map((r) => r.runId)).toEqual(['1', '2']);
  });

  it('keeps an unknown version aside and starts fresh when there is no good copy', async () => {
    const { bs, store, logger } = setup();
    const future = JSON.stringify({ type: 'ai-ci/baseline', version: 7, runs: [] });
    await store.set('baseline', future);
    expect((await bs.load()).runs).toEqual([]);
    expect(logger.messages('warning')).toEqual([
      expect.stringMatching(
        /^ai-ci baseline is unreadable \(unknown version 7 \(this ai-ci reads version 1 or 2\)\); kept it aside as 'quarantine:baseline:[^']+' and started a fresh baseline\.$/,
      ),
    ]);
    const [aside] = await store.scan('quarantine:');
    expect(await store.get(aside)).toBe(future);
  });

  it('records test outcomes per test id, idempotently, at most the history window each', async () => {
    const logger = recordingLogger();
    const store = new TieredStore({ namespace: 'ns:', chain: [new MemoryKv()], logger });
    const bs = new BaselineStore(store, { logger, repo: 'acme/widgets', branch: 'main', historyWindow: 2 });
    const rec = (runId: string, outcome: 'passed' | 'failed', time: string) =>
      bs.recordTestOutcomes({
        runId,
        attempt: 1,
        sha: 'abc1234',
        time,
        outcomes: {
          'a.test.ts > adds': { outcome, durationMs: 12 },
          'b.test.ts > b': { outcome: 'passed', durationMs: 3 },
        },
      });
    await rec('1', 'passed', '2026-11-01T00:00:00Z');
    await rec('2', 'failed', '2026-11-02T00:00:00Z');
    await rec('2', 'failed', '2026-11-02T00:00:00Z');
    const h = await rec('3', 'passed', '2026-11-03T00:00:00Z');
    expect(h.tests['a.test.ts > adds'].map((o) => `${o.runId}:${o.outcome}`)).toEqual([
      '2:failed',
      '3:passed',
    ]);
    expect(Object.keys(h.tests)).toEqual(['a.test.ts > adds', 'b.test.ts > b']);
  });

  it('seeds from a committed quality_metrics.json and writes it back on request', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-seed-'));
    try {
      const { bs: writer } = setup();
      await writer.recordRun(sampleRun('7', 1, '2026-10-01T00:00:00Z'));
      const file = path.join(dir, COMMITTED_BASELINE_PATH);
      const written = await writer.writeFile(file);
      expect(parseBaseline(readFileSync(file, 'utf8'))).toEqual({ ok: true, value: written });

      const { bs, logger } = setup();
      const seed = await bs.seedFromFile(file);
      expect(seed?.runs.map((r) => r.runId)).toEqual(['7']);
      expect((await bs.load()).runs.map((r) => r.runId)).toEqual(['7']);
      expect(logger.messages('info')).toContain(`ai-ci baseline: seeded 1 run(s) from ${file}`);
      expect(await bs.seedFromFile(path.join(dir, 'missing.json'))).toBeUndefined();

      mkdirSync(path.join(dir, 'bad'));
      writeFileSync(path.join(dir, 'bad', 'q.json'), '{"coverage": 80}');
      expect(await bs.seedFromFile(path.join(dir, 'bad', 'q.json'))).toBeUndefined();
      expect(logger.messages('warning')).toEqual([
        `ai-ci baseline: ${path.join(dir, 'bad', 'q.json')} is not a usable baseline (type is undefined, expected "ai-ci/baseline"); ignored.`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
