import { evaluateGate, failureLines } from '../../src/actions/adaptive-gate/gate.js';
import { median, medianAbsoluteDeviation } from '../../src/actions/adaptive-gate/stats.js';
import type {
  CoverageMeasure,
  Finding,
  GateInput,
  GateSettings,
  SeverityCounts,
  WindowRun,
} from '../../src/actions/adaptive-gate/types.js';

const SETTINGS: GateSettings = {
  deltaCoverage: 5,
  deltaVulnHigh: 3,
  deltaVulnCritical: 1,
  maxHigh: undefined,
  maxCritical: undefined,
  vulnGating: true,
  minCoverage: undefined,
  minPatchCoverage: undefined,
  smallChangeLines: 20,
  vulnScope: 'all',
};

const zero: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };

function run(
  i: number,
  lines: number | null,
  vulns: Partial<SeverityCounts> = {},
  findings: WindowRun['findings'] = [],
): WindowRun {
  return {
    runId: String(100 + i),
    attempt: 1,
    sha: `${i}`.padStart(7, 'a') + '0'.repeat(33),
    time: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
    lines,
    branches: null,
    vulns: { ...zero, ...vulns },
    findings,
  };
}

function cov(lines: number, files: CoverageMeasure['files'] = []): CoverageMeasure {
  return { lines, branches: null, linesCovered: 0, linesTotal: 0, files };
}

function input(over: Partial<GateInput>): GateInput {
  return {
    settings: SETTINGS,
    window: [],
    coverage: undefined,
    vulns: undefined,
    vulnErrors: [],
    addedLines: undefined,
    dependencyChanges: undefined,
    fileSnapshot: undefined,
    ...over,
  };
}

const f = (id: string, pkg: string, version: string, severity: Finding['severity'] = 'high'): Finding => ({
  id,
  package: pkg,
  version,
  severity,
});

describe('stats', () => {
  it('median and MAD', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianAbsoluteDeviation([90, 91, 89, 95, 90])).toBe(1);
  });
});

describe('coverage against the baseline', () => {
  it('88% vs baseline 90% with delta 5 passes (the seed example)', () => {
    const r = evaluateGate(input({ window: [run(1, 90)], coverage: cov(88) }));
    expect(r.passed).toBe(true);
    const c = r.conditions.find((x) => x.id === 'coverage.lines')!;
    expect(c).toMatchObject({
      status: 'pass',
      baseline: 90,
      current: 88,
      delta: -2,
      allowed: 5,
      baselineRuns: ['101#1@aaaaaa1'],
    });
    expect(c.noiseBand).toBeUndefined();
  });

  it('a drop of exactly the allowed delta passes, anything more fails (strict comparison, rounded)', () => {
    expect(evaluateGate(input({ window: [run(1, 89.1)], coverage: cov(84.1) })).passed).toBe(true);
    const r = evaluateGate(input({ window: [run(1, 90)], coverage: cov(84.99) }));
    expect(r.passed).toBe(false);
    expect(r.regressions.map((c) => c.id)).toEqual(['coverage.lines']);
    expect(failureLines(r)).toEqual([
      'coverage.lines: line coverage dropped 5.01 points: 84.99% vs baseline 90% (median of 1 run); allowed drop 5.',
    ]);
  });

  it('baseline is the median of the window; the noise band appears with 3 runs', () => {
    const two = evaluateGate(input({ window: [run(1, 80), run(2, 90)], coverage: cov(85) }));
    expect(two.coverage).toMatchObject({ baselineLines: 85, delta: 0, noiseBand: null });
    const five = evaluateGate(
      input({ window: [run(1, 90), run(2, 91), run(3, 60), run(4, 89), run(5, 90)], coverage: cov(86) }),
    );
    const c = five.conditions.find((x) => x.id === 'coverage.lines')!;
    expect(c).toMatchObject({ baseline: 90, noiseBand: 1, delta: -4, status: 'pass' });
    expect(c.message).toBe('line coverage 86% vs baseline 90% (noise band ±1): change -4, allowed drop 5.');
  });

  it('branch coverage is compared when both sides measured it', () => {
    const w = [{ ...run(1, 90), branches: 80 }];
    const r = evaluateGate(input({ window: w, coverage: { ...cov(90), branches: 70 } }));
    expect(r.regressions.map((c) => [c.id, c.delta])).toEqual([['coverage.branches', -10]]);
  });

  it('names the files that drove a drop, from the per-file snapshot and the uncovered added lines', () => {
    const files = [
      { path: 'src/a.js', linesCovered: 10, linesTotal: 20, coveredLines: [], uncoveredLines: [] },
      { path: 'src/b.js', linesCovered: 5, linesTotal: 5, coveredLines: [1, 2, 3, 4, 5], uncoveredLines: [] },
      { path: 'src/new.js', linesCovered: 1, linesTotal: 4, coveredLines: [1], uncoveredLines: [2, 3, 4] },
    ];
    const snapshot = {
      runId: '101',
      sha: 'abc',
      files: {
        'src/a.js': { covered: 18, total: 20 },
        'src/b.js': { covered: 5, total: 5 },
        'src/gone.js': { covered: 7, total: 7 },
      },
    };
    const r = evaluateGate(
      input({
        window: [run(1, 95)],
        coverage: { ...cov(80), files },
        fileSnapshot: snapshot,
        addedLines: new Map([['src/new.js', [1, 2, 3, 4, 5]]]),
      }),
    );
    const c = r.regressions[0];
    expect(c.id).toBe('coverage.lines');
    expect(c.files!.map((d) => [d.path, d.newlyUncovered, d.uncoveredAddedLines])).toEqual([
      ['src/a.js', 8, []],
      ['src/new.js', 3, [2, 3, 4]],
      ['src/gone.js', 0, []],
    ]);
    expect(failureLines(r)[0]).toContain(
      'Files: src/a.js (+8 uncovered), src/new.js (+3 uncovered), src/gone.js (+0 uncovered).',
    );
  });

  it('absolute floor fails strictly below it, even with no baseline', () => {
    const s = { ...SETTINGS, minCoverage: 80 };
    expect(evaluateGate(input({ settings: s, coverage: cov(80) })).passed).toBe(true);
    const r = evaluateGate(input({ settings: s, coverage: cov(79.99) }));
    expect(r.regressions.map((c) => c.id)).toEqual(['coverage.min']);
  });

  it('first run without a baseline passes with a notice', () => {
    const r = evaluateGate(
      input({ coverage: cov(10), vulns: { counts: { ...zero, high: 50 }, findings: [] } }),
    );
    expect(r.passed).toBe(true);
    expect(r.collectingBaseline).toBe(true);
    expect(r.notices[0]).toMatch(/^No baseline yet/);
    expect(r.conditions.map((c) => [c.id, c.status])).toEqual([
      ['coverage.lines', 'skip'],
      ['vulns.critical', 'skip'],
      ['vulns.high', 'skip'],
    ]);
  });
});

describe('patch coverage', () => {
  const files = [
    {
      path: 'src/x.js',
      linesCovered: 3,
      linesTotal: 30,
      coveredLines: [1, 2, 3],
      uncoveredLines: Array.from({ length: 27 }, (_, i) => i + 4),
    },
  ];
  const s = { ...SETTINGS, minPatchCoverage: 80 };
  it('fails below the minimum when the change has enough lines to cover', () => {
    const added = new Map([
      ['src/x.js', Array.from({ length: 25 }, (_, i) => i + 1)],
      ['README.md', [1, 2]],
    ]);
    const r = evaluateGate(input({ settings: s, coverage: cov(90, files), addedLines: added }));
    expect(r.patch).toMatchObject({ addedLines: 27, linesToCover: 25, covered: 3, pct: 12, exempt: false });
    expect(r.regressions.map((c) => c.id)).toEqual(['coverage.patch']);
    expect(r.regressions[0].message).toBe(
      'patch coverage 12% (3 of 25 added lines to cover), minimum 80% not met.',
    );
    expect(r.regressions[0].files![0].uncoveredAddedLines).toHaveLength(22);
  });
  it('exempts a small change (19 lines to cover with small-change-lines 20) whatever the branch', () => {
    const added = new Map([['src/x.js', Array.from({ length: 19 }, (_, i) => i + 1)]]);
    const r = evaluateGate(input({ settings: s, coverage: cov(90, files), addedLines: added }));
    expect(r.passed).toBe(true);
    expect(r.conditions.find((c) => c.id === 'coverage.patch')).toMatchObject({
      status: 'skip',
      current: 15.79,
    });
  });
  it('matches sub-project coverage paths by unique suffix', () => {
    const added = new Map([['packages/app/src/x.js', Array.from({ length: 20 }, (_, i) => i + 1)]]);
    const r = evaluateGate(input({ settings: s, coverage: cov(90, files), addedLines: added }));
    expect(r.patch).toMatchObject({ linesToCover: 20, covered: 3, pct: 15 });
  });
});

describe('vulnerabilities', () => {
  it('HIGH 15 vs baseline 10 with delta 3 fails (the seed example)', () => {
    const r = evaluateGate(
      input({ window: [run(1, null, { high: 10 })], vulns: { counts: { ...zero, high: 15 }, findings: [] } }),
    );
    expect(r.passed).toBe(false);
    expect(r.regressions.map((c) => [c.id, c.baseline, c.current, c.delta, c.allowed])).toEqual([
      ['vulns.high', 10, 15, 5, 3],
    ]);
  });
  it('DELTA_VULN_CRITICAL = 1 lets one new critical pass; two fail', () => {
    const w = [run(1, null, { critical: 2 })];
    expect(
      evaluateGate(input({ window: w, vulns: { counts: { ...zero, critical: 3 }, findings: [] } })).passed,
    ).toBe(true);
    expect(
      evaluateGate(input({ window: w, vulns: { counts: { ...zero, critical: 4 }, findings: [] } })).passed,
    ).toBe(false);
  });
  it('is reported but not gated without VULN_GATING', () => {
    const r = evaluateGate(
      input({
        settings: { ...SETTINGS, vulnGating: false },
        window: [run(1, null, { high: 10 })],
        vulns: { counts: { ...zero, high: 15 }, findings: [] },
      }),
    );
    expect(r.passed).toBe(true);
    const c = r.conditions.find((x) => x.id === 'vulns.high')!;
    expect(c).toMatchObject({ status: 'fail', gated: false });
    expect(c.message).toContain('reported only: VULN_GATING is off');
  });
  it('absolute maxima apply even without a baseline', () => {
    const s = { ...SETTINGS, maxHigh: 5, maxCritical: 0 };
    const r = evaluateGate(
      input({ settings: s, vulns: { counts: { ...zero, high: 5, critical: 1 }, findings: [] } }),
    );
    expect(r.regressions.map((c) => c.id)).toEqual(['vulns.critical.max']);
  });
  it('an unreadable audit fails a gated run instead of counting as zero', () => {
    const r = evaluateGate(input({ window: [run(1, 90)], vulnErrors: ['audit.json: not JSON'] }));
    expect(r.regressions.map((c) => c.id)).toEqual(['vulns.report']);
  });
  it('separates introduced from newly disclosed by (id, package, version) and a lockfile diff', () => {
    const latest = run(1, null, { high: 1 }, [
      { id: 'GHSA-1', package: 'lodash', version: '4.17.20', severity: 'high' },
    ]);
    const now = [
      f('GHSA-1', 'lodash', '4.17.20'),
      f('GHSA-2', 'lodash', '4.17.20'), // new advisory, unchanged package
      f('GHSA-3', 'minimist', '0.0.8', 'critical'), // package the change added
    ];
    const counts = { ...zero, high: 2, critical: 1 };
    const byDiff = evaluateGate(
      input({
        window: [latest],
        vulns: { counts, findings: now },
        dependencyChanges: ['minimist'],
        settings: { ...SETTINGS, vulnScope: 'introduced', deltaVulnCritical: 0 },
      }),
    );
    expect(byDiff.vulns).toMatchObject({
      classifiedBy: 'lockfile-diff',
      introduced: [now[2]],
      disclosed: [now[1]],
      fixed: [],
    });
    expect(byDiff.regressions.map((c) => [c.id, c.delta])).toEqual([['vulns.critical', 1]]);
    // Without a diff, a package@version already in the baseline is unchanged; an unknown one is introduced.
    const byBaseline = evaluateGate(input({ window: [latest], vulns: { counts, findings: now } }));
    expect(byBaseline.vulns).toMatchObject({
      classifiedBy: 'baseline-packages',
      introduced: [now[2]],
      disclosed: [now[1]],
    });
    // A version bump of lodash is a new identity: the old finding is fixed, the new one introduced.
    const bumped = evaluateGate(
      input({
        window: [latest],
        vulns: { counts, findings: [f('GHSA-1', 'lodash', '4.17.21')] },
        dependencyChanges: ['lodash'],
      }),
    );
    expect(bumped.vulns).toMatchObject({
      introduced: [f('GHSA-1', 'lodash', '4.17.21')],
      fixed: [latest.findings[0]],
    });
  });
});

describe('summary helpers', () => {
  it('writes runs of line numbers as ranges', async () => {
    const { lineRanges } = await import('../../src/actions/adaptive-gate/report.js');
    expect(lineRanges([3, 4, 5, 9, 11, 12])).toBe('3-5, 9, 11-12');
    expect(lineRanges([])).toBe('');
  });
});
