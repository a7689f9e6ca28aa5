import { join } from 'node:path';
import { readCoverage, readVulns } from '../../src/actions/adaptive-gate/measure.js';
import { recordingLogger } from '../../src/core/logger.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures');

describe('reading reports (real tool outputs)', () => {
  it('merges two formats of the same jest run into the same figures', async () => {
    const log = recordingLogger();
    const r = await readCoverage(['coverage/lcov.info', 'coverage/cobertura.xml'], FIXTURES, log);
    expect(r.files).toEqual(['coverage/cobertura.xml', 'coverage/lcov.info']);
    expect(r.measure).toMatchObject({ lines: 66.67, branches: 33.33, linesCovered: 10, linesTotal: 15 });
    expect(r.measure?.files.map((f) => [f.path, f.uncoveredLines])).toEqual([
      ['src/cart.js', [14, 15, 17, 25, 29]],
    ]);
  });

  it('adds up reports of different code (jest lcov + go cover profile)', async () => {
    const r = await readCoverage(
      ['coverage/lcov.info', 'coverage/go-cover.out'],
      FIXTURES,
      recordingLogger(),
    );
    const go = r.measure!.files.filter((f) => !f.path.endsWith('cart.js'));
    const goCovered = go.reduce((n, f) => n + f.linesCovered, 0);
    const goTotal = go.reduce((n, f) => n + f.linesTotal, 0);
    expect(r.measure).toMatchObject({ linesCovered: 10 + goCovered, linesTotal: 15 + goTotal });
    expect(goTotal).toBeGreaterThan(0);
  });

  it('a glob that matches nothing, or a file that is not coverage, is a warning and no measurement', async () => {
    const log = recordingLogger();
    expect((await readCoverage(['nope/*.info'], FIXTURES, log)).measure).toBeUndefined();
    expect((await readCoverage(['vulns/trivy.json'], FIXTURES, log)).measure).toBeUndefined();
    expect(log.messages('warning')).toEqual([
      'adaptive-gate: no coverage report matched nope/*.info; coverage is not gated in this run.',
      expect.stringMatching(
        /^adaptive-gate: coverage report vulns\/trivy\.json skipped: not a coverage report/,
      ),
      'adaptive-gate: no coverage report could be read; coverage is not gated in this run.',
    ]);
  });

  it('one finding per (id, package, version) across scanners, at its highest severity', async () => {
    const r = await readVulns(['vulns/grype.json', 'vulns/grype.sarif'], FIXTURES, recordingLogger());
    expect(r.errors).toEqual([]);
    expect(r.measure?.counts).toEqual({ critical: 1, high: 0, medium: 1, low: 0, unknown: 0 });
    expect(r.measure?.findings.map((f) => `${f.id} ${f.package}@${f.version} ${f.severity}`)).toEqual([
      'CVE-1999-0002 package-2@2.2.2 critical',
      'CVE-1999-0001 package-1@1.1.1 medium',
    ]);
  });

  it('any failed audit makes the counts unknown, even beside a good report', async () => {
    const r = await readVulns(
      ['vulns/npm-audit-v7.json', 'vulns/npm-audit-error.json'],
      FIXTURES,
      recordingLogger(),
    );
    expect(r.measure).toBeUndefined();
    expect(r.errors).toEqual([
      'vulns/npm-audit-error.json: audit failed: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    ]);
    const none = await readVulns(['vulns/missing-*.json'], FIXTURES, recordingLogger());
    expect(none.errors).toEqual([
      'no vulnerability report matched vulns/missing-*.json (did the audit step run?)',
    ]);
  });
});
