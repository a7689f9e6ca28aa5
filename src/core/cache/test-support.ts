import type { BaselineRun } from '../baseline/schema.js';

/** A complete, valid baseline run for tests. */
export function sampleRun(runId: string, attempt: number, time: string): BaselineRun {
  return {
    runId,
    attempt,
    sha: `${runId.padStart(7, '0')}abcdef`.replace(/[^0-9a-f]/g, 'a').slice(0, 40),
    time,
    coverage: {
      lines: 81.5,
      branches: 70.25,
      bySuite: { unit: { lines: 85, branches: 72 }, integration: { lines: 60, branches: null } },
    },
    vulns: {
      bySeverity: { critical: 0, high: 1, medium: 2, low: 0, unknown: 0 },
      items: [
        { id: 'CVE-2024-4068', severity: 'high', package: 'braces', version: '3.0.2' },
        { id: 'GHSA-952p-6rrq-rcjv', severity: 'medium', package: 'micromatch', version: '4.0.5' },
        { id: 'CVE-2024-21538', severity: 'medium', package: null, version: null },
      ],
    },
    tests: {
      total: 120,
      passed: 117,
      failed: 1,
      skipped: 2,
      durationMs: 45000,
      bySuite: { unit: { total: 100, failed: 1, durationMs: 20000 } },
    },
    flakeRate: 0.0083,
    buildDurationMs: 312000,
  };
}
