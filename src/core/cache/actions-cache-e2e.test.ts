import { jest } from '@jest/globals';
import { ActionsCacheStandIn } from '../../../test/standins/actions-cache/server.js';
import { COVERAGE, ScratchRepo } from '../../../test/adaptive-gate/scratch-repo.js';
import { ACTIONS_CACHE_NOTE } from './actions-cache-tier.js';

jest.setTimeout(120_000);

/**
 * Consecutive `ai-ci run adaptive-gate` processes, as consecutive workflow runs: each gets its own
 * run id and its own RUNNER_TEMP, and they share one Actions-cache service (the stand-in) and
 * nothing else (no REDIS_URL).
 */
describe('Actions cache tier across runs of ai-ci run adaptive-gate', () => {
  let standin: ActionsCacheStandIn;
  let repo: ScratchRepo;
  beforeEach(async () => {
    standin = await new ActionsCacheStandIn().start();
    repo = new ScratchRepo();
    repo.commitVersion('v1');
    repo.placeCoverage('v1');
  });
  afterEach(async () => {
    await standin.stop();
    repo.destroy();
  });

  const restoredLine = (out: string) =>
    /ai-ci cache: (restored Actions cache bundle \S+|no Actions cache bundle)/.exec(out)?.[1];

  it("each run restores the newest bundle and sees every earlier run's baseline; the summary says the tier is best effort", async () => {
    const env = { ...standin.env(), GITHUB_JOB: 'gate' };
    // 999 then 1000: the newer key sorts first by name, so only creation order picks the right one.
    const first = await repo.run(COVERAGE, { runId: '999', env });
    expect(first.code).toBe(0);
    expect(restoredLine(first.stderr)).toBe('no Actions cache bundle');
    expect(repo.readReport().baseline.runs).toEqual([]);

    const second = await repo.run(COVERAGE, { runId: '1000', env });
    expect(second.code).toBe(0);
    expect(restoredLine(second.stderr)).toBe('restored Actions cache bundle ai-ci-adaptive-gate-gate-999-1');
    expect(repo.readReport().baseline.runs.map((r) => r.split('@')[0])).toEqual(['999#1']);

    const third = await repo.run(COVERAGE, { runId: '1001', env });
    expect(third.code).toBe(0);
    expect(restoredLine(third.stderr)).toBe('restored Actions cache bundle ai-ci-adaptive-gate-gate-1000-1');
    const report = repo.readReport();
    expect(report.baseline.storeTier).toBe('actions-cache');
    expect(report.baseline.runs.map((r) => r.split('@')[0])).toEqual(['999#1', '1000#1']);
    expect(report.baselineUpdate.reason).toBe(
      'Baseline updated with run 1001#1 (default branch, gate passed); it now holds 3 runs.',
    );
    expect(third.json?.outputs['coverage-delta']).toBe('0');
    expect(report.baseline.historyNote).toBe(ACTIONS_CACHE_NOTE);
    expect(third.json?.summary).toContain(`_${ACTIONS_CACHE_NOTE}_`);
    expect(ACTIONS_CACHE_NOTE).toMatch(/best effort: concurrent runs can drop each other's entries/);
    expect(standin.keys()).toEqual([
      'ai-ci-adaptive-gate-gate-999-1',
      'ai-ci-adaptive-gate-gate-1000-1',
      'ai-ci-adaptive-gate-gate-1001-1',
    ]);
  });
});
