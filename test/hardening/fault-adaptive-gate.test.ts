/**
 * Fault matrix, adaptive-gate: Redis down at start, Redis stopped (slower than the command
 * timeout), Redis killed mid-run (at the baseline write), the Actions cache service answering
 * 5xx. Expected: the same gate verdict and outputs as a fault-free run, a warning, exit 0, and
 * once Redis is back every baseline run recorded during the outage is in Redis (none lost). adaptive-gate calls neither an LLM nor GitHub's API: those faults are n/a.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Baseline } from '../../src/core/baseline/index.js';
import { openStore } from '../../src/core/cache/index.js';
import { recordingLogger } from '../../src/core/logger.js';
import type { CliRun } from '../helpers/cli.js';
import { describeWithRedis, freePort, RedisServer } from '../helpers/redis-server.js';
import { COVERAGE, REPOSITORY, ScratchRepo } from '../adaptive-gate/scratch-repo.js';
import { checkCacheFaults, failingActionsCache, failingCacheEnv } from './actions-cache-fault.js';
import { CellRecorder, shortList, warningMessages } from './matrix-record.js';
import { RedisKillSwitch, WRITE_COMMANDS } from './redis-kill-switch.js';

jest.setTimeout(120_000);
const rec = new CellRecorder('adaptive-gate');
afterAll(() => rec.write());

const FAST = {
  AI_CI_REDIS_CONNECT_TIMEOUT_MS: '600',
  AI_CI_REDIS_COMMAND_TIMEOUT_MS: '600',
  AI_CI_REDIS_QUIT_TIMEOUT_MS: '300',
};
/** The verdict and measured numbers: what must not depend on which store served the run. */
const verdict = (r: CliRun) => {
  const o = r.json?.outputs ?? {};
  return { outcome: r.json?.outcome, passed: o.passed, coverage: o.coverage, regressions: o.regressions };
};

describeWithRedis('fault matrix: adaptive-gate', () => {
  let redis: RedisServer;
  let repo: ScratchRepo;
  let reference: ReturnType<typeof verdict>;

  beforeAll(async () => {
    redis = await RedisServer.start();
    repo = new ScratchRepo();
    repo.commitVersion('v1');
    repo.placeCoverage('v1');
  });
  afterAll(async () => {
    await killSwitch?.close();
    await redis?.destroy();
    repo?.destroy();
  });

  it('fault-free run on the default branch: the reference verdict, recorded in Redis', async () => {
    const c = rec.cell('adaptive-gate', 'none (reference)', 'exit 0, gate passed, baseline in Redis');
    const r = await repo.run(COVERAGE, { runId: '7001', env: { REDIS_URL: redis.url, ...FAST } });
    reference = verdict(r);
    c.observe(`exit ${r.code}, passed=${reference.passed}, coverage=${reference.coverage}`);
    expect(r.code).toBe(0);
    expect(reference.passed).toBe('true');
    expect((await redis.command(['EXISTS', `ai-ci:${REPOSITORY}:baseline`])).trim()).toBe(':1');
    c.passed();
  });

  async function cell(fault: string, runId: string, env: Record<string, string | undefined>) {
    const c = rec.cell('adaptive-gate', fault, 'exit 0, same verdict and coverage as fault-free, a warning');
    const r = await repo.run(COVERAGE, { runId, env: { ...FAST, ...env } });
    const w = warningMessages(r);
    c.observe(
      `exit ${r.code}, passed=${verdict(r).passed}, coverage=${verdict(r).coverage}, ` +
        `warnings: ${shortList(w)}`,
    );
    expect(r.code).toBe(0);
    expect(verdict(r)).toEqual(reference);
    expect(w.some((m) => /Redis|cache/i.test(m))).toBe(true);
    c.passed();
  }

  it('Redis down at start', async () => {
    await cell('Redis down at start', '7002', { REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
  });

  it('Redis slow (server stopped, > command timeout)', async () => {
    const pid = Number(/process_id:(\d+)/.exec(await redis.command(['INFO', 'server']))![1]);
    process.kill(pid, 'SIGSTOP');
    try {
      await cell('Redis slow (> command timeout)', '7003', { REDIS_URL: redis.url });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  it('Redis back: no baseline entry recorded during the outage is lost', async () => {
    const c = rec.cell(
      'adaptive-gate',
      'Redis back after outages',
      'baseline in Redis holds the runs of the outage (7002, 7003) and the reference (7001)',
    );
    const r = await repo.run(COVERAGE, { runId: '7004', env: { REDIS_URL: redis.url, ...FAST } });
    const report = repo.readReport();
    const runs = report.baseline.runs.map((x) => x.split('@')[0]).sort();
    c.observe(
      `exit ${r.code}, store tier ${report.baseline.storeTier}, baseline before this run: ${runs.join(', ')}`,
    );
    expect(r.code).toBe(0);
    expect(report.baseline.storeTier).toBe('redis');
    expect(runs).toEqual(['7001#1', '7002#1', '7003#1']);
    c.passed();
  });

  let killSwitch: RedisKillSwitch | undefined;
  it('Redis killed mid-run (at the baseline write)', async () => {
    // The gate reads the baseline from Redis, measures, and writes its run last: Redis dies at
    // that write (the command is never answered), so the rest of the run meets a dead server.
    killSwitch = await RedisKillSwitch.start(
      redis,
      (c) => WRITE_COMMANDS.has(c[0]) && c.some((a) => a.endsWith(`${REPOSITORY}:baseline`)),
    );
    const c = rec.cell(
      'adaptive-gate',
      'Redis killed mid-run',
      'exit 0, same verdict and coverage as fault-free, Redis killed at the baseline write, a warning',
    );
    const r = await repo.run(COVERAGE, { runId: '7010', env: { REDIS_URL: killSwitch.url, ...FAST } });
    await killSwitch.killed;
    const w = warningMessages(r);
    c.observe(
      `exit ${r.code}, passed=${verdict(r).passed}, coverage=${verdict(r).coverage}, ` +
        `killed at ${killSwitch.killedAt ? `${killSwitch.killedAt[0]} (after ${killSwitch.forwarded.length} commands)` : 'NEVER'}, ` +
        `warnings: ${shortList(w)}`,
    );
    expect(killSwitch.killedAt).toBeDefined();
    expect(redis.running).toBe(false);
    expect(r.code).toBe(0);
    expect(verdict(r)).toEqual(reference);
    expect(w.some((m) => /Redis|cache/i.test(m))).toBe(true);
    c.passed();
  });

  it('Redis back after a mid-run kill: the run recorded during the outage reaches Redis', async () => {
    if (!killSwitch?.killedAt) throw new Error('needs the mid-run kill cell');
    await killSwitch.close();
    const c = rec.cell(
      'adaptive-gate',
      'Redis back after a mid-run kill',
      'the next run finds the killed run (7010) in the Redis baseline, with its coverage; Redis then holds 7010 and 7011',
    );
    await redis.restart(); // empty: only what the outage's journal replays can be there
    const r = await repo.run(COVERAGE, { runId: '7011', env: { REDIS_URL: redis.url, ...FAST } });
    const report = repo.readReport();
    const before = report.baseline.runs.map((x) => x.split('@')[0]).sort();
    const dir = mkdtempSync(join(tmpdir(), 'ai-ci-hard-gate-read-'));
    const store = await openStore({
      action: 'adaptive-gate',
      repo: REPOSITORY,
      logger: recordingLogger(),
      env: { REDIS_URL: redis.url, AI_CI_CACHE_DIR: dir },
    });
    let inRedis: Baseline['runs'];
    try {
      expect(store.tier).toBe('redis');
      inRedis = (JSON.parse((await store.get('baseline')) ?? '{"runs":[]}') as Baseline).runs;
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const killedRun = inRedis.find((x) => x.runId === '7010');
    c.observe(
      `exit ${r.code}, store tier ${report.baseline.storeTier}, baseline before this run: ${before.join(', ') || 'none'}, ` +
        `Redis baseline: ${inRedis.map((x) => `${x.runId}#${x.attempt} (lines ${x.coverage?.lines})`).join(', ')}`,
    );
    expect(r.code).toBe(0);
    expect(report.baseline.storeTier).toBe('redis');
    expect(before).toEqual(['7010#1']);
    expect(inRedis.map((x) => `${x.runId}#${x.attempt}`).sort()).toEqual(['7010#1', '7011#1']);
    expect(String(killedRun?.coverage?.lines)).toBe(reference.coverage);
    c.passed();
  });

  it('Actions cache service 5xx (no Redis)', async () => {
    const svc = await failingActionsCache();
    try {
      const c = rec.cell(
        'adaptive-gate',
        'Actions cache service 5xx',
        'exit 0, same verdict and coverage as fault-free, a warning',
      );
      const r = await repo.run(COVERAGE, { runId: '7005', env: { ...failingCacheEnv(svc), ...FAST } });
      const w = warningMessages(r);
      const seen =
        `exit ${r.code}, passed=${verdict(r).passed}, coverage=${verdict(r).coverage}, ` +
        `warnings: ${shortList(w)}`;
      c.observe(seen);
      expect(r.code).toBe(0);
      expect(verdict(r)).toEqual(reference);
      expect(w.some((m) => /cache/i.test(m))).toBe(true);
      // The gate records its run on the default branch: the save is attempted and fails too.
      c.observe(`${seen}; ${checkCacheFaults(svc, r, { saves: true })}`);
      c.passed();
    } finally {
      await svc.stop();
    }
  });

  it('a real regression still fails the gate while Redis is down', async () => {
    // During the outage the baseline is served by the file tier: one passing run seeds it there.
    const down = { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, ...FAST };
    const seed = await repo.run(COVERAGE, { runId: '7006', env: down });
    expect(seed.code).toBe(0);
    const c = rec.cell(
      'adaptive-gate',
      'Redis down + real coverage regression',
      'exit 1 (the regression, not the fault), regressions ["coverage.lines"], a Redis warning',
    );
    const v1 = repo.git('rev-parse', 'HEAD');
    const v3 = repo.commitVersion('v3', 'gift wrap, untested');
    repo.placeCoverage('v3');
    const r = await repo.run(COVERAGE, { runId: '7007', event: repo.pushEvent(v1, v3), env: down });
    const report = repo.readReport();
    const w = warningMessages(r);
    c.observe(
      `exit ${r.code}, outcome ${r.json?.outcome}, regressions ${JSON.stringify(report.regressions)}, ` +
        `baseline runs ${report.baseline.runs.length}, warnings: ${w.map((m) => m.slice(0, 80)).join(' / ') || 'none'}`,
    );
    expect(r.code).toBe(1);
    expect(r.json?.outcome).toBe('failure');
    expect(report.regressions).toEqual(['coverage.lines']);
    expect(w.some((m) => /Redis/.test(m))).toBe(true);
    c.passed();
  });
});
