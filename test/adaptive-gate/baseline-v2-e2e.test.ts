/**
 * Upgrading over a baseline that ai-ci e740f3e wrote (schema version 1, with the gate's own facts
 * beside it): the gate reads it, migrates it on its next write, and still knows which old runs had
 * no vulnerability report; new runs record "not measured" as null in the baseline itself.
 */
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaselineStore } from '../../src/core/baseline/index.js';
import { openStore } from '../../src/core/cache/index.js';
import { recordingLogger } from '../../src/core/logger.js';
import { FACTS_KEY } from '../../src/actions/adaptive-gate/baseline-io.js';
import { AUDIT, COVERAGE, REPOSITORY, ScratchRepo } from './scratch-repo.js';

jest.setTimeout(300_000);

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'baseline');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

async function withStore<T>(repo: ScratchRepo, fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>) {
  const store = await openStore({
    action: 'check',
    repo: REPOSITORY,
    logger: recordingLogger(),
    env: { AI_CI_CACHE_DIR: repo.cacheDir },
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const high = (repo: ScratchRepo) => {
  const c = repo.readReport().conditions.find((x) => x.id === 'vulns.high');
  return c && { baseline: c.baseline, runs: c.baselineRuns?.map((r) => r.split('@')[0]) };
};

describe('adaptive-gate end to end: a version-1 baseline from an earlier ai-ci', () => {
  let repo: ScratchRepo;
  afterEach(() => repo?.destroy());

  it('is read, migrated on the next write, and its runs without a vulnerability report stay unmeasured', async () => {
    repo = new ScratchRepo();
    repo.commitVersion('v1');
    await withStore(repo, async (s) => {
      await s.set('baseline', fixture('baseline-v1.json'));
      await s.set(FACTS_KEY, fixture('gate-facts-v1.json'));
    });
    const window = { 'baseline-window': '3' };

    // 4102 had no audit: version 1 carried 4101's counts into it; the gate's old facts say so.
    repo.placeAudit('npm-audit-v7.json');
    const a = await repo.run({ ...AUDIT, ...window }, { runId: '4104' });
    expect(a.json?.outcome).toBe('success');
    expect((a.json?.annotations ?? []).filter((x) => x.level === 'warning')).toEqual([]);
    let report = repo.readReport();
    expect(report.baseline.runs.map((r) => r.split('@')[0])).toEqual(['4101#1', '4102#1', '4103#1']);
    expect(high(repo)).toEqual({ baseline: 1.5, runs: ['4101#1', '4103#1'] });
    // The findings of 4103 are known with their versions: the same audit brings nothing new.
    expect([report.vulns?.introduced, report.vulns?.disclosed, report.vulns?.fixed]).toEqual([[], [], []]);

    let stored = await withStore(repo, (s) =>
      new BaselineStore(s, { logger: recordingLogger(), repo: REPOSITORY, branch: 'main', window: 3 }).load(),
    );
    expect(stored.version).toBe(2);
    expect(stored.runs.map((r) => r.runId)).toEqual(['4102', '4103', '4104']);
    expect(stored.runs[2].vulns?.items.map((i) => `${i.id} ${i.package}@${i.version}`)).toEqual([
      'GHSA-cph5-m8f7-6c5x axios@<=0.21.1',
      'GHSA-pw2r-vq6v-hr8c follow-redirects@<=1.14.7',
      'via:axios github-build@<=1.2.2',
    ]);
    expect([stored.runs[2].coverage, stored.runs[2].tests]).toEqual([null, null]);

    // A coverage-only run: no vulnerability report is null in the baseline, not zero.
    repo.placeCoverage('v1');
    expect((await repo.run({ ...COVERAGE, ...window }, { runId: '4105' })).json?.outcome).toBe('success');
    stored = await withStore(repo, (s) =>
      new BaselineStore(s, { logger: recordingLogger(), repo: REPOSITORY, branch: 'main', window: 3 }).load(),
    );
    expect(stored.runs.map((r) => [r.runId, r.coverage?.lines ?? null, r.vulns === null])).toEqual([
      ['4103', null, false],
      ['4104', null, false],
      ['4105', 90, true],
    ]);
    // The old facts of runs that left the window are gone; 4103's stay while it is in it.
    const facts = await withStore(
      repo,
      async (s) => JSON.parse((await s.get(FACTS_KEY))!) as { runs: object },
    );
    expect(Object.keys(facts.runs)).toEqual(['4103#1']);

    const c = await repo.run({ ...AUDIT, ...window }, { runId: '4106' });
    expect(c.json?.outcome).toBe('success');
    report = repo.readReport();
    expect(report.baseline.runs.map((r) => r.split('@')[0])).toEqual(['4103#1', '4104#1', '4105#1']);
    expect(high(repo)).toEqual({ baseline: 3, runs: ['4103#1', '4104#1'] });
  });
});
