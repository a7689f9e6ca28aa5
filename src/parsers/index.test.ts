import { readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseCoverage, parseFile, parseTestReport, parseVulnerabilities } from './index.js';
import { fixture } from './testing/fixtures.js';

const EXPECTED_KIND: Record<string, string> = {
  'reports/dotnet-junit-logger.xml': 'junit',
  'reports/go-test.json': 'go-json',
  // Go 1.19 prints a build failure as text even under -json: detected as a log.
  'reports/go-test-build-failure.json': 'log',
  'reports/gotestsum-junit.xml': 'junit',
  'reports/jest-junit.xml': 'junit',
  'reports/jest.json': 'jest-json',
  'reports/mocha-junit.xml': 'junit',
  'reports/mocha.json': 'mocha-json',
  'reports/mocha.tap': 'tap',
  'reports/node-test-junit.xml': 'junit',
  'reports/node-test.tap': 'tap',
  'reports/pytest-junit.xml': 'junit',
  'reports/surefire-rerun.xml': 'junit',
  'reports/vitest-junit.xml': 'junit',
  'reports/vitest.json': 'vitest-json',
  'coverage/clover.xml': 'clover',
  'coverage/cobertura.xml': 'cobertura',
  'coverage/coverage-final.json': 'istanbul',
  'coverage/coverage-summary.json': 'istanbul',
  'coverage/go-cover.out': 'gocover',
  'coverage/jacoco.xml': 'jacoco',
  'coverage/lcov.info': 'lcov',
  'vulns/codeql.sarif': 'sarif',
  'vulns/grype.json': 'grype',
  'vulns/grype.sarif': 'sarif',
  'vulns/npm-audit-error.json': 'npm-audit',
  'vulns/npm-audit-v6.json': 'npm-audit',
  'vulns/npm-audit-v7.json': 'npm-audit',
  'vulns/trivy.json': 'trivy',
};

describe('parseFile', () => {
  it('detects every fixture from its content', async () => {
    const found: Record<string, string | undefined> = {};
    for (const dir of ['reports', 'coverage', 'vulns']) {
      for (const name of await readdir(fixture(dir))) {
        if (name.endsWith('.md')) continue;
        const r = await parseFile(fixture(dir, name));
        found[`${dir}/${name}`] = 'kind' in r ? r.kind : undefined;
      }
    }
    expect(found).toEqual(EXPECTED_KIND);
  });

  it('does not trust the file name', async () => {
    const file = path.join(os.tmpdir(), `misnamed-${process.pid}.xml`);
    await writeFile(file, 'mode: set\nexample.com/x/a.go:1.1,2.2 1 1\n');
    expect(await parseFile(file)).toMatchObject({
      kind: 'gocover',
      totals: { lines: { covered: 2, total: 2 } },
    });
  });

  it('a kind override forces the parser, and a wrong one is a clear error', async () => {
    expect(await parseFile(fixture('reports', 'vitest.json'), { kind: 'jest-json' })).toMatchObject({
      kind: 'jest-json',
    });
    expect(await parseFile(fixture('coverage', 'lcov.info'), { kind: 'trivy' })).toEqual({
      file: fixture('coverage', 'lcov.info'),
      kind: 'trivy',
      error: 'not a Trivy JSON file (invalid JSON)',
    });
    expect(await parseFile(fixture('coverage', 'lcov.info'), { kind: 'nope' })).toMatchObject({
      error: expect.stringContaining('unknown kind "nope"'),
    });
  });

  it('unreadable files are one-line errors', async () => {
    expect(await parseFile('/nonexistent/report.xml')).toEqual({
      file: '/nonexistent/report.xml',
      error: 'cannot read the file: no such file',
    });
    expect(await parseFile(os.tmpdir())).toEqual({ file: os.tmpdir(), error: 'not a regular file' });
  });

  it('family helpers refuse the other families', async () => {
    expect(await parseTestReport(fixture('coverage', 'lcov.info'))).toMatchObject({
      error: 'not a test report file (it looks like lcov)',
    });
    expect(await parseCoverage(fixture('coverage', 'jacoco.xml'))).toMatchObject({ kind: 'jacoco' });
    expect(await parseVulnerabilities(fixture('reports', 'jest.json'))).toMatchObject({
      error: 'not a vulnerability report file (it looks like jest-json)',
    });
  });
});
