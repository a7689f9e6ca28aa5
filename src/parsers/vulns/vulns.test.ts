import { copyFile, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseNpmAudit } from './npm-audit.js';
import { parseGrype, parseTrivy } from './scanners.js';
import { parseSarif } from './sarif.js';
import { fixture } from '../testing/fixtures.js';

const vuln = (name: string): string => fixture('vulns', name);
const counts = (c: Partial<Record<string, number>>): Record<string, number> => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
  unknown: 0,
  ...c,
});

describe('vulnerability reports (published scanner test data)', () => {
  it('npm audit v7+: one finding per vulnerable package, counts equal npm metadata', async () => {
    const r = await parseNpmAudit(vuln('npm-audit-v7.json'));
    const meta = JSON.parse(await readFile(vuln('npm-audit-v7.json'), 'utf8')) as {
      metadata: { vulnerabilities: { high: number; total: number } };
    };
    expect(r.counts).toEqual(counts({ high: meta.metadata.vulnerabilities.high }));
    expect(r.findings).toHaveLength(meta.metadata.vulnerabilities.total);
    expect(r.findings[0]).toEqual({
      id: 'GHSA-cph5-m8f7-6c5x',
      package: 'axios',
      version: '<=0.21.1',
      fixedVersion: '0.26.0',
      severity: 'high',
      title:
        'Incorrect Comparison in axios; Server-Side Request Forgery in Axios; Denial of Service in axios',
    });
    expect(r.findings[2]).toMatchObject({
      id: 'via:axios',
      package: 'github-build',
      title: 'depends on vulnerable axios',
    });
  });

  it('npm audit v6: moderate is reported as medium', async () => {
    const r = await parseNpmAudit(vuln('npm-audit-v6.json'));
    expect(r.counts).toEqual(counts({ medium: 1 }));
    expect(r.findings).toEqual([
      {
        id: 'GHSA-rvg8-pwq2-xj7q',
        package: 'base64url',
        version: '2.0.0',
        fixedVersion: '>=3.0.0',
        severity: 'medium',
        title: 'Out-of-bounds Read in base64url',
      },
    ]);
  });

  it('npm audit error output is "audit failed", never zero vulnerabilities', async () => {
    await expect(parseNpmAudit(vuln('npm-audit-error.json'))).rejects.toThrow(
      'audit failed: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    );
  });

  it('Trivy: findings per package, same CVE in two packages kept apart', async () => {
    const r = await parseTrivy(vuln('trivy.json'));
    expect(r.counts).toEqual(counts({ medium: 4 }));
    expect(r.findings.map((f) => `${f.id} ${f.package}@${f.version}->${f.fixedVersion}`)).toEqual([
      'CVE-2019-1549 libcrypto1.1@1.1.1c-r0->1.1.1d-r0',
      'CVE-2019-1551 libcrypto1.1@1.1.1c-r0->1.1.1d-r2',
      'CVE-2019-1549 libssl1.1@1.1.1c-r0->1.1.1d-r0',
      'CVE-2019-1551 libssl1.1@1.1.1c-r0->1.1.1d-r2',
    ]);
  });

  it('Trivy: the same finding in two targets is counted once', async () => {
    const data = JSON.parse(await readFile(vuln('trivy.json'), 'utf8')) as { Results: unknown[] };
    data.Results.push(data.Results[0]);
    const file = path.join(os.tmpdir(), `trivy-dup-${process.pid}.json`);
    await writeFile(file, JSON.stringify(data));
    expect((await parseTrivy(file)).counts).toEqual(counts({ medium: 4 }));
  });

  it('Grype JSON', async () => {
    const r = await parseGrype(vuln('grype.json'));
    expect(r.counts).toEqual(counts({ critical: 1, low: 1 }));
    expect(r.findings.map((f) => [f.id, f.package, f.version, f.fixedVersion, f.severity])).toEqual([
      ['CVE-1999-0001', 'package-1', '1.1.1', '1.2.1', 'low'],
      ['CVE-1999-0002', 'package-2', '2.2.2', null, 'critical'],
    ]);
  });

  it('SARIF from Grype: severity from security-severity, package from the rule help', async () => {
    const r = await parseSarif(vuln('grype.sarif'));
    expect(r.counts).toEqual(counts({ medium: 1, low: 1 }));
    expect(r.findings[0]).toEqual({
      id: 'CVE-1999-0001',
      package: 'package-1',
      version: '1.1.1',
      fixedVersion: 'the-next-version',
      severity: 'medium',
      title: 'CVE-1999-0001 low vulnerability for package-1 package',
    });
    expect(r.findings[1]).toMatchObject({ id: 'CVE-1999-0002', severity: 'low', fixedVersion: null });
  });

  it('SARIF from CodeQL: default level warning, location by artifact index', async () => {
    const r = await parseSarif(vuln('codeql.sarif'));
    expect(r.counts).toEqual(counts({ medium: 2 }));
    expect(r.findings.map((f) => `${f.id} ${f.package}:${f.version}`)).toEqual([
      'js/unused-local-variable testFile1.js:1',
      'js/unused-local-variable testFile2.js:2',
    ]);
  });

  it('refuses another format', async () => {
    const file = path.join(os.tmpdir(), `grype-as-trivy-${process.pid}.json`);
    await copyFile(vuln('grype.json'), file);
    await expect(parseTrivy(file)).rejects.toThrow('not a Trivy JSON file');
    await expect(parseSarif(vuln('trivy.json'))).rejects.toThrow('not a SARIF file');
  });
});
