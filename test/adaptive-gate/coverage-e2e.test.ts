import { jest } from '@jest/globals';
import { COVERAGE, ScratchRepo } from './scratch-repo.js';

jest.setTimeout(300_000);

describe('adaptive-gate end to end: coverage', () => {
  let repo: ScratchRepo;
  afterEach(() => repo?.destroy());

  it('first run passes while collecting a baseline; the default-branch run is recorded and gates the next', async () => {
    repo = new ScratchRepo();
    repo.commitVersion('v1');
    repo.placeCoverage('v1');
    const first = await repo.run(COVERAGE);
    expect(first.code).toBe(0);
    expect(first.json?.outcome).toBe('success');
    expect(first.json?.outputs).toEqual({
      passed: 'true',
      coverage: '90',
      'coverage-delta': '',
      vulns: 'null',
      regressions: '[]',
      'report-path': 'ci_metrics/gate_report.json',
    });
    expect(first.json?.annotations.map((a) => [a.level, a.message])).toContainEqual([
      'notice',
      'adaptive-gate: No baseline yet: this run is compared with nothing and helps collect the baseline (gating starts with the first recorded default-branch run).',
    ]);
    const r1 = repo.readReport();
    expect(r1).toMatchObject({ type: 'ai-ci/gate', version: 1, passed: true, collectingBaseline: true });
    expect(r1.context).toMatchObject({
      event: 'push',
      branch: 'main',
      defaultBranch: 'main',
      isDefaultBranch: true,
    });
    expect(r1.baselineUpdate.recorded).toBe(true);

    // Same code again: compared with the one recorded run.
    const second = await repo.run(COVERAGE, { runId: '2002' });
    expect(second.json?.outputs['coverage-delta']).toBe('0');
    const r2 = repo.readReport();
    expect(r2.baseline.windowSize).toBe(1);
    expect(r2.conditions.find((c) => c.id === 'coverage.lines')).toMatchObject({
      status: 'pass',
      baseline: 90,
      current: 90,
    });
    expect(r2.baselineUpdate.reason).toBe(
      'Baseline updated with run 2002#1 (default branch, gate passed); it now holds 2 runs.',
    );
  });

  it('seeds from the committed baseline; 88% vs 90% with delta 5 passes on a PR, patch coverage from the real diff, no baseline update', async () => {
    // A first repository records v1 and writes the committed baseline file, as a team that versions it would.
    const origin = new ScratchRepo();
    origin.commitVersion('v1');
    origin.placeCoverage('v1');
    await origin.run({ ...COVERAGE, 'write-baseline-file': 'true' }, { runId: '500' });
    const committed = origin.readReport();
    expect(committed.baselineUpdate.file).toBe('ci_metrics/quality_metrics.json');
    const seedText = (await import('node:fs')).readFileSync(
      `${origin.dir}/ci_metrics/quality_metrics.json`,
      'utf8',
    );
    origin.destroy();

    repo = new ScratchRepo();
    repo.commitVersion('v1');
    repo.writeFile('ci_metrics/quality_metrics.json', seedText);
    const base = repo.commitAll('commit the baseline');
    repo.git('checkout', '-q', '-b', 'feature');
    const head = repo.commitVersion('v2', 'loyalty discount');
    repo.placeCoverage('v2');
    const pr = await repo.run(COVERAGE, { event: repo.prEvent(base, head) });
    expect(pr.json?.outcome).toBe('success');
    expect(pr.json?.outputs.passed).toBe('true');
    expect(pr.json?.outputs.coverage).toBe('88');
    expect(pr.json?.outputs['coverage-delta']).toBe('-2');
    const report = repo.readReport();
    expect(report.baseline).toMatchObject({
      windowSize: 1,
      runs: [expect.stringMatching(/^500#1@[0-9a-f]{7}$/)],
      seededFrom: 'ci_metrics/quality_metrics.json',
    });
    expect(report.context).toMatchObject({
      event: 'pull_request',
      branch: 'feature',
      isDefaultBranch: false,
      diffBase: { sha: base, source: 'pull_request.base.sha' },
    });
    // loyalty(): 25 statement lines (the 4 in its negative branch untested) + the changed exports line.
    expect(report.patch).toMatchObject({ linesToCover: 26, covered: 22, pct: 84.62, exempt: false });
    expect(report.patch?.files).toEqual([
      { path: 'src/price.js', covered: expect.any(Array), uncovered: [90, 91, 92, 93] },
    ]);
    expect(report.baselineUpdate).toEqual({
      recorded: false,
      reason: 'Baseline not updated: feature is not the default branch (main).',
    });
    // Branch coverage exists now but not in the baseline: reported as not comparable, not failed.
    expect(report.conditions.find((c) => c.id === 'coverage.branches')).toMatchObject({
      status: 'skip',
      current: 50,
    });

    // The same PR with a tighter delta fails, naming the file and the untested lines.
    const tight = await repo.run(
      { ...COVERAGE, 'delta-coverage': '1.5', 'min-patch-coverage': '90' },
      { event: repo.prEvent(base, head) },
    );
    expect(tight.code).not.toBe(0);
    expect(tight.json?.outcome).toBe('failure');
    const regressions = JSON.parse(tight.json?.outputs.regressions ?? '[]') as {
      id: string;
      files?: string[];
    }[];
    expect(regressions.map((r) => [r.id, r.files])).toEqual([
      ['coverage.lines', ['src/price.js']],
      ['coverage.patch', ['src/price.js']],
    ]);
    const failure = tight.json?.annotations.find((a) => a.level === 'error');
    expect(failure?.message.split('\n')).toEqual([
      'adaptive-gate: 2 conditions regressed',
      'coverage.lines: line coverage dropped 2 points: 88% vs baseline 90% (median of 1 run); allowed drop 1.5. Files: src/price.js (+4 uncovered).',
      'coverage.patch: patch coverage 84.62% (22 of 26 added lines to cover), minimum 90% not met. Files: src/price.js (+4 uncovered).',
    ]);
    expect(tight.json?.summary).toContain(
      '| line coverage (`coverage.lines`) | 88% | 90% | -2 | -1.5 | ❌ fail |',
    );
    expect(tight.json?.summary).toContain('uncovered added lines 90-93');
    // Still one run: PR runs never update the baseline with `auto`.
    expect(repo.readReport().baseline.windowSize).toBe(1);
    // `update-baseline: true` records whatever the branch (for seeding).
    await repo.run(
      { ...COVERAGE, 'update-baseline': 'true' },
      { event: repo.prEvent(base, head), runId: '501' },
    );
    expect(repo.readReport().baselineUpdate).toEqual({
      recorded: true,
      reason: 'Baseline updated with run 501#1 (update-baseline: true); it now holds 2 runs.',
    });
  });

  it('a large drop fails on the default branch, is not recorded, and the floor applies without a baseline', async () => {
    repo = new ScratchRepo();
    const v1 = repo.commitVersion('v1');
    repo.placeCoverage('v1');
    const floor = await repo.run({ ...COVERAGE, 'min-coverage': '90.5' });
    expect(floor.json?.outcome).toBe('failure');
    expect(JSON.parse(floor.json?.outputs.regressions ?? '[]')).toEqual([
      expect.objectContaining({ id: 'coverage.min', current: 90, allowed: 90.5 }),
    ]);
    expect(repo.readReport().baselineUpdate.recorded).toBe(false);

    await repo.run(COVERAGE, { runId: '3001' });
    const v3 = repo.commitVersion('v3', 'gift wrap, untested');
    repo.placeCoverage('v3');
    const drop = await repo.run(COVERAGE, { runId: '3002', event: repo.pushEvent(v1, v3) });
    expect(drop.json?.outcome).toBe('failure');
    const report = repo.readReport();
    expect(report.regressions).toEqual(['coverage.lines']);
    const cond = report.conditions.find((c) => c.id === 'coverage.lines');
    expect(cond).toMatchObject({
      current: 60,
      baseline: 90,
      delta: -30,
      allowed: 5,
      baselineRuns: [expect.stringMatching(/^3001#1@/)],
    });
    // Against the recorded per-file counts: 25 more uncovered lines in src/price.js, all added by this change.
    expect(cond?.files).toEqual([
      {
        path: 'src/price.js',
        before: { covered: 45, total: 50 },
        after: { covered: 45, total: 75 },
        newlyUncovered: 25,
        uncoveredAddedLines: expect.any(Array),
      },
    ]);
    expect(cond?.files?.[0].uncoveredAddedLines).toHaveLength(25);
    expect(report.baselineUpdate).toEqual({
      recorded: false,
      reason: 'Baseline not updated: the gate failed, so this run does not become the new normal.',
    });
  });

  it('the small-change exemption applies the same on a pull request and on the default branch', async () => {
    repo = new ScratchRepo();
    const base = repo.commitVersion('v1');
    repo.git('checkout', '-q', '-b', 'feature');
    const head = repo.commitVersion('v4', 'rounding, untested');
    repo.placeCoverage('v4');
    const gate = {
      ...COVERAGE,
      'delta-coverage': '20',
      'min-patch-coverage': '80',
      'update-baseline': 'false',
    };
    const onPr = await repo.run(gate, { event: repo.prEvent(base, head) });
    const prReport = repo.readReport();
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--ff-only', 'feature');
    const onMain = await repo.run(gate, { event: repo.pushEvent(base, head) });
    const mainReport = repo.readReport();
    expect([prReport.context.isDefaultBranch, mainReport.context.isDefaultBranch]).toEqual([false, true]);
    for (const [r, report] of [
      [onPr, prReport],
      [onMain, mainReport],
    ] as const) {
      expect(r.json?.outputs.passed).toBe('true');
      // rounding(): 10 untested statement lines + the changed exports line.
      expect(report.patch).toMatchObject({ linesToCover: 11, covered: 1, pct: 9.09, exempt: true });
      expect(report.conditions.find((c) => c.id === 'coverage.patch')?.message).toBe(
        'patch coverage 9.09% (1 of 11 added lines to cover): small change, fewer than 20 lines to cover, exempt.',
      );
    }

    const strict = { ...gate, 'small-change-lines': '5' };
    const strictMain = await repo.run(strict, { event: repo.pushEvent(base, head) });
    repo.git('checkout', '-q', 'feature');
    const strictPr = await repo.run(strict, { event: repo.prEvent(base, head) });
    for (const r of [strictMain, strictPr]) {
      expect(JSON.parse(r.json?.outputs.regressions ?? '[]')).toEqual([
        expect.objectContaining({
          id: 'coverage.patch',
          current: 9.09,
          allowed: 80,
          files: ['src/price.js'],
        }),
      ]);
    }
  });
});
