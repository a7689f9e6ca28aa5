import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordingLogger } from '../logger.js';
import { BaselineStore } from '../baseline/baseline-store.js';
import { FileKv } from './file-store.js';
import { openStore } from './open-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function runWorker(dir: string, id: string, n: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'test-workers', 'file-worker.ts'), dir, id, String(n)],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('file tier', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no update when two processes share the directory', async () => {
    const [a, b] = await Promise.all([runWorker(dir, '1', 40), runWorker(dir, '2', 40)]);
    expect(a).toEqual({ code: 0, stderr: '' });
    expect(b).toEqual({ code: 0, stderr: '' });
    const logger = recordingLogger();
    const store = await openStore({
      action: 'check',
      logger,
      env: { AI_CI_CACHE_DIR: dir, GITHUB_REPOSITORY: 'acme/widgets' },
    });
    expect(await store.get('counter')).toBe('80');
    expect(await store.hgetall('hash')).toEqual({ w1: '40', w2: '40' });
    expect((await store.scan('item:')).length).toBe(80);
    const bs = new BaselineStore(store, { logger, repo: 'acme/widgets', branch: 'main', window: 50 });
    expect((await bs.load()).runs.map((r) => r.runId)).toEqual([
      '10',
      '11',
      '12',
      '13',
      '14',
      '20',
      '21',
      '22',
      '23',
      '24',
    ]);
    const history = await bs.loadTestHistory();
    expect(history.tests['suite > shared test'].map((o) => o.runId)).toEqual([
      '10',
      '11',
      '12',
      '13',
      '14',
      '20',
      '21',
      '22',
      '23',
      '24',
    ]);
    await store.close();
    // No temp or lock file left behind.
    expect(readdirSync(dir).filter((f) => !f.endsWith('.kv'))).toEqual([]);
  }, 60_000);

  it('expires entries by TTL and treats an unreadable file as absent', async () => {
    let now = 1_000_000;
    const kv = await new FileKv({ dir, now: () => now }).open();
    await kv.set('a', 'short-lived', 10);
    await kv.set('b', 'kept');
    expect(await kv.get('a')).toBe('short-lived');
    now += 10_001;
    expect(await kv.get('a')).toBeUndefined();
    expect(await kv.scan('')).toEqual(['b']);
    await kv.set('c', 'also kept');
    writeFileSync(
      path.join(dir, `${createHash('sha256').update('b').digest('hex')}.kv`),
      'garbage without a header',
    );
    expect(await kv.get('b')).toBeUndefined();
    expect(await kv.get('c')).toBe('also kept');
    expect(await kv.scan('')).toEqual(['c']);
    // The next write replaces the unreadable file atomically.
    await kv.set('b', 'again');
    expect(await kv.get('b')).toBe('again');
  });

  it('warns about a malformed REDIS_URL instead of failing, and notes that runner disks are ephemeral', async () => {
    const logger = recordingLogger();
    const store = await openStore({
      action: 'x',
      logger,
      env: {
        REDIS_URL: 'http://cache:6379',
        AI_CI_CACHE_DIR: dir,
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_ACTIONS: 'true',
      },
    });
    expect(store.tier).toBe('file');
    expect(store.tiers).toEqual(['file']);
    expect(logger.messages('warning')).toEqual([
      "ai-ci cache: Invalid REDIS_URL scheme 'http:'. Expected redis:// or rediss://. Redis is not used for this run.",
    ]);
    expect(store.historyNote).toMatch(/^History is kept only on this runner's disk/);
    await store.close();
  });

  it('falls back to memory with one warning when the cache directory is not writable', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const logger = recordingLogger();
    const store = await openStore({
      action: 'x',
      logger,
      env: { AI_CI_CACHE_DIR: path.join(blocker, 'cache'), GITHUB_REPOSITORY: 'acme/widgets' },
    });
    expect(store.tier).toBe('memory');
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('warning')[0]).toMatch(/is not writable .*in memory for this run only/);
    await store.close();
  });
});
