import { jest } from '@jest/globals';
import { BaselineStore } from '../../src/core/baseline/index.js';
import { openStore } from '../../src/core/cache/index.js';
import { recordingLogger } from '../../src/core/logger.js';
import { describeWithRedis, RedisServer } from '../helpers/redis-server.js';
import { COVERAGE, REPOSITORY, ScratchRepo } from './scratch-repo.js';

jest.setTimeout(300_000);

/** Writes straight into the file tier the action uses, as a crash or a bad hand edit would. */
async function overwrite(repo: ScratchRepo, entries: Record<string, string>): Promise<void> {
  const store = await openStore({
    action: 'adaptive-gate',
    repo: REPOSITORY,
    logger: recordingLogger(),
    env: { AI_CI_CACHE_DIR: repo.cacheDir },
  });
  for (const [k, v] of Object.entries(entries)) await store.set(k, v);
  await store.close();
}

const warnings = (r: Awaited<ReturnType<ScratchRepo['run']>>): string[] =>
  (r.json?.annotations ?? []).filter((a) => a.level === 'warning').map((a) => a.message);

describe('adaptive-gate end to end: baseline store', () => {
  let repo: ScratchRepo;
  afterEach(() => repo?.destroy());

  it('recovers a corrupt baseline from the last good copy, else starts afresh, never failing the step', async () => {
    repo = new ScratchRepo();
    repo.commitVersion('v1');
    repo.placeCoverage('v1');
    await repo.run(COVERAGE, { runId: '11' });

    await overwrite(repo, { baseline: '{"type":"ai-ci/baseline","version":1,"runs":' });
    const recovered = await repo.run(COVERAGE, { runId: '12' });
    expect(recovered.json?.outcome).toBe('success');
    expect(warnings(recovered)).toEqual([
      expect.stringMatching(
        /^ai-ci baseline is unreadable \(not JSON \(.*\)\); kept it aside as 'quarantine:baseline:.*' and continued from the last good copy\.$/,
      ),
    ]);
    const r = repo.readReport();
    expect(r.baseline.runs).toEqual([expect.stringMatching(/^11#1@/)]);
    expect(r.baselineUpdate.reason).toBe(
      'Baseline updated with run 12#1 (default branch, gate passed); it now holds 2 runs.',
    );

    await overwrite(repo, { baseline: '[]', 'baseline:last-good': 'garbage' });
    const fresh = await repo.run(COVERAGE, { runId: '13' });
    expect(fresh.json?.outcome).toBe('success');
    expect(warnings(fresh)).toEqual([
      expect.stringMatching(
        /^ai-ci baseline is unreadable \(not a JSON object\); kept it aside as 'quarantine:baseline:[^']+' and started a fresh baseline\.$/,
      ),
    ]);
    expect(repo.readReport()).toMatchObject({ collectingBaseline: true, baseline: { windowSize: 0 } });
  });

  it('ignores a corrupt committed baseline file with a warning and collects a new one', async () => {
    repo = new ScratchRepo();
    repo.commitVersion('v1');
    repo.writeFile('ci_metrics/quality_metrics.json', '{"type":"ai-ci/baseline","version":99}\n');
    repo.commitAll('an old baseline file');
    repo.placeCoverage('v1');
    const r = await repo.run(COVERAGE);
    expect(r.json?.outcome).toBe('success');
    expect(warnings(r)).toContain(
      'ai-ci baseline: ' +
        `${repo.dir}/ci_metrics/quality_metrics.json is not a usable baseline (unknown version 99 (this ai-ci reads version 1 or 2)); ignored.`,
    );
    expect(repo.readReport()).toMatchObject({ collectingBaseline: true, baseline: { seededFrom: null } });
  });
});

describeWithRedis('adaptive-gate end to end: concurrent baseline updates on Redis', () => {
  let redis: RedisServer;
  let repo: ScratchRepo;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.destroy();
  });
  afterEach(() => repo?.destroy());

  it('two default-branch runs recording at once both land in the baseline', async () => {
    repo = new ScratchRepo();
    repo.commitVersion('v1');
    repo.placeCoverage('v1');
    const env = { REDIS_URL: redis.url };
    const [a, b] = await Promise.all([
      repo.run(COVERAGE, { runId: '7001', env }),
      repo.run(COVERAGE, { runId: '7002', env }),
    ]);
    expect([a.json?.outcome, b.json?.outcome]).toEqual(['success', 'success']);
    const third = await repo.run(COVERAGE, { runId: '7003', env });
    expect(third.json?.outputs['coverage-delta']).toBe('0');
    const report = repo.readReport();
    expect(report.baseline.storeTier).toBe('redis');
    expect(report.baseline.runs.map((r) => r.split('@')[0]).sort()).toEqual(['7001#1', '7002#1']);
    expect(report.baselineUpdate.reason).toBe(
      'Baseline updated with run 7003#1 (default branch, gate passed); it now holds 3 runs.',
    );
    // Written to Redis, not to the file tier.
    expect((await redis.command(['EXISTS', `ai-ci:${REPOSITORY}:baseline`])).trim()).toBe(':1');
    // Each entry says what the run measured: coverage, and no vulnerability report (null, not zero).
    const store = await openStore({ action: 'check', repo: REPOSITORY, logger: recordingLogger(), env });
    const stored = await new BaselineStore(store, {
      logger: recordingLogger(),
      repo: REPOSITORY,
      branch: 'main',
    }).load();
    await store.close();
    expect(stored.runs.map((r) => [`${r.runId}#${r.attempt}`, r.coverage?.lines, r.vulns]).sort()).toEqual(
      ['7001#1', '7002#1', '7003#1'].map((id) => [id, 90, null]),
    );
  });
});
