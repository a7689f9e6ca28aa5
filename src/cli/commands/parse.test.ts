import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runParse } from './parse.js';
import { UsageError } from './types.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures');

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runParse(argv, { write: (s: string) => (out += s) });
  return { code, out };
}

describe('ai-ci parse', () => {
  it('--json prints one object for one file, with the contract fields', async () => {
    const { code, out } = await run([
      `${FIX}/reports/jest.json`,
      '--json',
      '--root',
      '/tmp/fixture-work/jest-app',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(out) as Record<string, unknown> & { tests: Record<string, unknown>[] };
    expect(Object.keys(r)).toEqual(['file', 'kind', 'totals', 'tests', 'warnings']);
    expect(r.totals).toEqual({ tests: 9, passed: 4, failed: 3, skipped: 1, errors: 1 });
    expect(Object.keys(r.tests[1])).toEqual([
      'id',
      'name',
      'suite',
      'file',
      'line',
      'status',
      'durationMs',
      'message',
      'stack',
      'attempts',
    ]);
  });

  it('--json prints an array for several files; an unreadable one is an error entry and exit 1', async () => {
    const { code, out } = await run([
      `${FIX}/coverage/lcov.info`,
      '/nonexistent.xml',
      `${FIX}/vulns/trivy.json`,
      '--json',
    ]);
    expect(code).toBe(1);
    const r = JSON.parse(out) as Record<string, unknown>[];
    expect(r).toHaveLength(3);
    expect(r[0]).toMatchObject({ kind: 'lcov', totals: { lines: { covered: 10, total: 15, pct: 66.67 } } });
    expect(r[1]).toEqual({ file: '/nonexistent.xml', error: 'cannot read the file: no such file' });
    expect(r[2]).toMatchObject({ kind: 'trivy', counts: { medium: 4 } });
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await run([
      `${FIX}/reports/gotestsum-junit.xml`,
      `${FIX}/vulns/npm-audit-error.json`,
    ]);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      `${FIX}/reports/gotestsum-junit.xml (junit): 8 tests, 3 passed, 4 failed, 0 errors, 1 skipped`,
    );
    expect(lines).toContain('  FAIL  TestDiv/wrong (calc_test.go:30)');
    expect(lines).toContain(
      `${FIX}/vulns/npm-audit-error.json: error: audit failed: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk`,
    );
  });

  it('--kind forces a format', async () => {
    const { code, out } = await run(['--kind', 'jest-json', `${FIX}/reports/vitest.json`, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ kind: 'jest-json' });
  });

  it('bad flags are usage errors (exit 2)', async () => {
    await expect(run(['--kind', 'xml', 'a.xml'])).rejects.toThrow(UsageError);
    await expect(run(['--frobnicate', 'a.xml'])).rejects.toThrow(UsageError);
    await expect(run(['--json'])).rejects.toThrow('parse needs at least one FILE');
  });
});
