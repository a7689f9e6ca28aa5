import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordingLogger } from '../logger.js';
import { BaselineStore } from '../baseline/baseline-store.js';
import { ActionsCacheStandIn } from '../../../test/standins/actions-cache/server.js';
import { ACTIONS_CACHE_NOTE } from './actions-cache-tier.js';
import { openStore } from './open-store.js';
import { sampleRun } from './test-support.js';

/**
 * The real @actions/cache 6 (Twirp v2 + @azure/storage-blob upload + HTTP download, tar and zstd or
 * gzip) against the stand-in service on 127.0.0.1.
 */
describe('Actions cache tier with the real @actions/cache', () => {
  let standin: ActionsCacheStandIn;
  let tmp: string;
  const savedEnv = { ...process.env };
  let stdout: string[];

  beforeEach(async () => {
    standin = await new ActionsCacheStandIn().start();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-actions-cache-'));
    mkdirSync(path.join(tmp, 'workspace'));
    // @actions/cache reads these from process.env itself.
    Object.assign(process.env, standin.env(), {
      GITHUB_WORKSPACE: path.join(tmp, 'workspace'),
      RUNNER_TEMP: path.join(tmp, 'runner-temp'),
      GITHUB_SERVER_URL: 'https://github.com',
    });
    stdout = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    process.env = { ...savedEnv };
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const runEnv = (runId: string) => ({
    ...standin.env(),
    AI_CI_BUNDLE_DIR: path.join(tmp, 'bundle'),
    GITHUB_JOB: 'gate',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'acme/widgets',
  });

  it('restores the newest bundle of the action at start and saves a new one at the end', async () => {
    const logger = recordingLogger();
    const first = await openStore({ action: 'adaptive-gate', logger, env: runEnv('11') });
    expect(first.tier).toBe('actions-cache');
    expect(first.historyNote).toBe(ACTIONS_CACHE_NOTE);
    await first.set('greeting', 'hello from run 11');
    await first.set('large', 'x'.repeat(5000));
    await new BaselineStore(first, { logger, repo: 'acme/widgets', branch: 'main' }).recordRun(
      sampleRun('11', 1, '2026-11-01T00:00:00Z'),
    );
    await first.close();
    expect(standin.keys()).toEqual(['ai-ci-adaptive-gate-gate-11-1']);
    expect(logger.messages('info')).toContain(
      'ai-ci cache: saved Actions cache bundle ai-ci-adaptive-gate-gate-11-1 (id 1)',
    );

    const second = await openStore({ action: 'adaptive-gate', logger, env: runEnv('12') });
    expect(logger.messages('info')).toContain(
      'ai-ci cache: restored Actions cache bundle ai-ci-adaptive-gate-gate-11-1',
    );
    expect(await second.get('greeting')).toBe('hello from run 11');
    expect(await second.get('large')).toBe('x'.repeat(5000));
    await new BaselineStore(second, { logger, repo: 'acme/widgets', branch: 'main' }).recordRun(
      sampleRun('12', 1, '2026-11-02T00:00:00Z'),
    );
    await second.close();

    const third = await openStore({ action: 'adaptive-gate', logger, env: runEnv('13') });
    const b = await new BaselineStore(third, { logger, repo: 'acme/widgets', branch: 'main' }).load();
    expect(b.runs.map((r) => r.runId)).toEqual(['11', '12']);
    await third.close(); // nothing written: no bundle saved
    expect(standin.keys()).toEqual(['ai-ci-adaptive-gate-gate-11-1', 'ai-ci-adaptive-gate-gate-12-1']);
    expect(logger.messages('warning')).toEqual([]);
    const routes = standin.requests.map((r) => `${r.route}:${r.status}`);
    expect(routes.filter((r) => r.startsWith('blob-upload'))).toEqual(['blob-upload:201', 'blob-upload:201']);
    expect(routes.filter((r) => r.startsWith('FinalizeCacheEntryUpload'))).toEqual([
      'FinalizeCacheEntryUpload:200',
      'FinalizeCacheEntryUpload:200',
    ]);
  });

  it('finds the bundle wherever the next job unpacks it: only its name is part of the cache version', async () => {
    const logger = recordingLogger();
    const at = (root: string, runId: string) => ({
      ...runEnv(runId),
      AI_CI_BUNDLE_DIR: path.join(tmp, root, 'adaptive-gate'),
    });
    const cwd = process.cwd();
    const first = await openStore({ action: 'adaptive-gate', logger, env: at('runner-a/_temp', '31') });
    await first.set('k', 'from run 31');
    await first.close();
    // Another runner, installed elsewhere, with its own workspace.
    process.env.GITHUB_WORKSPACE = path.join(tmp, 'runner-b', 'work');
    const second = await openStore({ action: 'adaptive-gate', logger, env: at('runner-b/_temp', '32') });
    expect(logger.messages('info')).toContain(
      'ai-ci cache: restored Actions cache bundle ai-ci-adaptive-gate-gate-31-1',
    );
    expect(await second.get('k')).toBe('from run 31');
    expect(
      readdirSync(path.join(tmp, 'runner-b/_temp/adaptive-gate')).filter((f) => f.endsWith('.kv')),
    ).toHaveLength(1);
    await second.close();
    // The working directory and GITHUB_WORKSPACE are the caller's again after each call.
    expect(process.cwd()).toBe(cwd);
    expect(process.env.GITHUB_WORKSPACE).toBe(path.join(tmp, 'runner-b', 'work'));
    expect(logger.messages('warning')).toEqual([]);
  });

  it('survives the service failing with 5xx: empty bundle on restore, retried create, warning when the save is lost', async () => {
    standin.fail('GetCacheEntryDownloadURL', 507);
    standin.fail('CreateCacheEntry', 500); // once: the client retries after its back-off
    const logger = recordingLogger();
    const store = await openStore({ action: 'ai-triage', logger, env: runEnv('21') });
    expect(store.tier).toBe('actions-cache');
    expect(stdout.join('')).toMatch(/::warning::Failed to restore: .*507/);
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    await store.close();
    expect(standin.keys()).toEqual(['ai-ci-ai-triage-gate-21-1']);
    expect(standin.requests.filter((r) => r.route === 'CreateCacheEntry').map((r) => r.status)).toEqual([
      500, 200,
    ]);
    expect(logger.messages('warning')).toEqual([]);

    standin.fail('FinalizeCacheEntryUpload', 507);
    const lossy = await openStore({ action: 'ai-triage', logger, env: runEnv('22') });
    expect(await lossy.get('k')).toBe('v');
    await lossy.set('k', 'v2');
    await lossy.close();
    expect(standin.keys()).toEqual(['ai-ci-ai-triage-gate-21-1']);
    expect(logger.messages('warning')).toEqual([
      expect.stringMatching(
        /^ai-ci cache: saving Actions cache bundle ai-ci-ai-triage-gate-22-1 failed .*best effort/,
      ),
    ]);
  }, 30_000);
});
