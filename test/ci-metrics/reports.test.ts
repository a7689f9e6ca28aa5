import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GateReport } from '../../src/actions/adaptive-gate/report.js';
import type { TriageReport } from '../../src/actions/ai-triage/types.js';
import { readReports } from '../../src/actions/ci-metrics/reports.js';
import { recordingLogger } from '../../src/core/logger.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'reports');

// Typed by the writers' own report types, so a change of their shape breaks this test at compile time.
const triage: Pick<
  TriageReport,
  'type' | 'version' | 'fix_confidence' | 'has_flaky_tests' | 'flaky_tests' | 'totals' | 'root_causes'
> = {
  type: 'ai-ci/triage',
  version: 1,
  fix_confidence: 0.91,
  has_flaky_tests: true,
  flaky_tests: [{ name: 'api › retries once', evidence: 'failed then passed on retry' }],
  totals: { failures: 2, root_causes: 1, victims: 2, tests: 50, passed: 47, failed: 2 },
  root_causes: [],
};
const gate: Pick<GateReport, 'type' | 'version' | 'coverage' | 'vulns'> = {
  type: 'ai-ci/gate',
  version: 1,
  coverage: {
    lines: 88.4,
    branches: 70.1,
    baselineLines: 90,
    baselineBranches: 71,
    delta: -1.6,
    noiseBand: null,
  },
  vulns: {
    counts: { critical: 1, high: 3, medium: 0, low: 2, unknown: 0 },
    baseline: null,
    introduced: [],
    disclosed: [],
    fixed: [],
    classifiedBy: 'none',
  },
};

describe('reading the other actions’ reports', () => {
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'ai-ci-metrics-reports-'));
    mkdirSync(join(ws, 'ai_analysis'));
    mkdirSync(join(ws, 'ci_metrics'));
    mkdirSync(join(ws, 'reports'));
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('takes tests, flakes and fix confidence from triage, coverage and vulnerabilities from the gate', async () => {
    // Renamed files: found by type.
    writeFileSync(join(ws, 'ai_analysis', 'renamed-triage.json'), JSON.stringify(triage));
    writeFileSync(join(ws, 'ci_metrics', 'gate.json'), JSON.stringify(gate));
    writeFileSync(
      join(ws, 'ci_metrics', 'metrics.json'),
      JSON.stringify({ type: 'ai-ci/metrics', version: 1 }),
    );
    copyFileSync(join(FIXTURES, 'jest-junit.xml'), join(ws, 'reports', 'jest-junit.xml'));
    const logger = recordingLogger();
    const r = await readReports({
      workspace: ws,
      globs: ['ai_analysis/*.json', 'ci_metrics/*.json', 'reports/*.xml'],
      logger,
    });
    expect(r).toEqual({
      tests: { total: 50, passed: 47, failed: 2, skipped: 1 },
      flakyTests: ['api › retries once'],
      coverage: { lines: 88.4, branches: 70.1 },
      vulnerabilities: { critical: 1, high: 3, medium: 0, low: 2, unknown: 0 },
      fixConfidence: 0.91,
      sources: ['ai_analysis/renamed-triage.json', 'ci_metrics/gate.json', 'reports/jest-junit.xml'],
      problems: [],
    });
  });

  it('counts raw test reports when there is no triage report, reruns that passed as flaky', async () => {
    copyFileSync(join(FIXTURES, 'jest-junit.xml'), join(ws, 'reports', 'jest-junit.xml'));
    copyFileSync(join(FIXTURES, 'surefire-rerun.xml'), join(ws, 'reports', 'surefire-rerun.xml'));
    const r = await readReports({ workspace: ws, globs: ['reports/*.xml'], logger: recordingLogger() });
    expect([r.tests, r.flakyTests, r.coverage, r.fixConfidence]).toEqual([
      { total: 13, passed: 6, failed: 6, skipped: 1 },
      [
        'example.ExampleTests::failsAssertionOnlyFirstAttempt',
        'example.ExampleTests::throwsOnlyFirstAttempt',
      ],
      null,
      null,
    ]);
  });

  it('turns broken files into problems, not a crash', async () => {
    writeFileSync(join(ws, 'ai_analysis', 'broken.json'), '{"type":"ai-ci/triage", "totals": {');
    writeFileSync(
      join(ws, 'reports', 'junk.xml'),
      Buffer.from([0x3c, 0x74, 0x65, 0x73, 0x74, 0x73, 0x75, 0x69, 0x00, 0xff, 0xfe]),
    );
    const logger = recordingLogger();
    const r = await readReports({ workspace: ws, globs: ['ai_analysis/*.json', 'reports/*.xml'], logger });
    expect(r.tests).toBeNull();
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toBe('ai_analysis/broken.json: not valid JSON, skipped.');
    expect(r.problems[1]).toMatch(/^reports\/junk\.xml: /);
    expect(logger.messages('warning')).toEqual(r.problems);
  });
});
