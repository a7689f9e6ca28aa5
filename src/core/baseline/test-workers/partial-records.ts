import type { BaselineRunInput } from '../schema.js';

export type Role = 'gate' | 'metrics';

/** What each writer knows of run `id` (a number as text); both give the same sha, different times. */
export function partialRecord(role: Role, id: string): BaselineRunInput {
  const n = Number(id);
  const identity = {
    runId: id,
    attempt: 1,
    sha: `${id.padStart(7, '0')}cafe`,
    time: new Date(Date.UTC(2026, 10, 1, 0, n, role === 'gate' ? 30 : 0)).toISOString(),
  };
  if (role === 'gate')
    return {
      ...identity,
      coverage: { lines: 80 + n / 10, branches: null, bySuite: {} },
      vulns: {
        bySeverity: { critical: 0, high: 1, medium: 0, low: 0, unknown: 0 },
        items: [{ id: 'GHSA-cph5-m8f7-6c5x', severity: 'high', package: 'axios', version: '0.21.1' }],
      },
    };
  return {
    ...identity,
    coverage: { lines: null, branches: 60 + n / 10, bySuite: { unit: { lines: 90, branches: null } } },
    tests: { total: 100 + n, passed: 100 + n, failed: 0, skipped: 0, durationMs: 1000 * n, bySuite: {} },
    flakeRate: n / 1000,
    buildDurationMs: 60_000 + n,
  };
}
