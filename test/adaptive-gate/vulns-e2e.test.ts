import { jest } from '@jest/globals';
import { AUDIT, ScratchRepo } from './scratch-repo.js';

jest.setTimeout(300_000);

/** Records a default-branch run whose audit is npm 6's report: one moderate finding, no high. */
async function baselineWithV6Audit(repo: ScratchRepo, withLockfile: boolean): Promise<string> {
  repo.commitVersion('v1');
  if (withLockfile) repo.commitLockfile();
  repo.placeAudit('npm-audit-v6.json');
  const r = await repo.run(AUDIT, { runId: '100' });
  expect(repo.readReport().baselineUpdate.recorded).toBe(true);
  expect(r.json?.outputs.vulns).toBe('{"critical":0,"high":0,"medium":1,"low":0,"unknown":0}');
  return repo.git('rev-parse', 'HEAD');
}

describe('adaptive-gate end to end: vulnerabilities', () => {
  let repo: ScratchRepo;
  afterEach(() => repo?.destroy());

  it('reports without VULN_GATING; with VULN_GATING=1 the delta and the maxima decide', async () => {
    repo = new ScratchRepo();
    const base = await baselineWithV6Audit(repo, true);
    repo.git('checkout', '-q', '-b', 'feature');
    const head = repo.commitVersion('v2');
    repo.placeAudit('npm-audit-v7.json');
    const event = repo.prEvent(base, head);

    const ungated = await repo.run(AUDIT, { event, env: { DELTA_VULN_HIGH: '2' } });
    expect(ungated.json?.outcome).toBe('success');
    expect(ungated.json?.outputs.vulns).toBe('{"critical":0,"high":3,"medium":0,"low":0,"unknown":0}');
    expect(repo.readReport().conditions.find((c) => c.id === 'vulns.high')).toMatchObject({
      status: 'fail',
      gated: false,
      baseline: 0,
      current: 3,
      delta: 3,
      allowed: 2,
    });

    // +3 high against a baseline of 0: DELTA_VULN_HIGH=3 allows it (not strictly greater), 2 does not.
    const within = await repo.run(AUDIT, { event, env: { VULN_GATING: '1', DELTA_VULN_HIGH: '3' } });
    expect(within.json?.outputs.passed).toBe('true');
    const beyond = await repo.run(AUDIT, { event, env: { VULN_GATING: '1', DELTA_VULN_HIGH: '2' } });
    expect(beyond.json?.outcome).toBe('failure');
    expect(beyond.json?.annotations.find((a) => a.level === 'error')?.message.split('\n')).toEqual([
      'adaptive-gate: 1 condition regressed',
      'vulns.high: high vulnerabilities 3 vs baseline 0 (median of 1 run): +3, allowed increase 2.',
    ]);

    const maxed = await repo.run(AUDIT, {
      event,
      env: { VULN_GATING: 'yes', MAX_HIGH: '2', MAX_CRITICAL: '0' },
    });
    expect(JSON.parse(maxed.json?.outputs.regressions ?? '[]')).toEqual([
      {
        id: 'vulns.high.max',
        metric: 'high vulnerabilities',
        current: 3,
        baseline: null,
        delta: null,
        allowed: 2,
        message: 'high vulnerabilities 3, maximum 2 exceeded.',
      },
    ]);
  });

  it('tells findings introduced by a lockfile change from advisories disclosed on unchanged packages', async () => {
    repo = new ScratchRepo();
    const base = await baselineWithV6Audit(repo, false);
    repo.git('checkout', '-q', '-b', 'add-dependency');
    const head = repo.commitLockfile();
    repo.placeAudit('npm-audit-v7.json');
    const gate = { ...AUDIT, 'vuln-scope': 'introduced' };
    const added = await repo.run(gate, {
      event: repo.prEvent(base, head, 'add-dependency'),
      env: { VULN_GATING: '1', DELTA_VULN_HIGH: '2' },
    });
    expect(added.json?.outcome).toBe('failure');
    const report = repo.readReport();
    expect(report.vulns?.classifiedBy).toBe('lockfile-diff');
    expect(report.vulns?.introduced.map((f) => `${f.id} ${f.package}`)).toEqual([
      'GHSA-cph5-m8f7-6c5x axios',
      'GHSA-pw2r-vq6v-hr8c follow-redirects',
      'via:axios github-build',
    ]);
    expect(report.vulns?.disclosed).toEqual([]);
    expect(report.vulns?.fixed.map((f) => f.id)).toEqual(['GHSA-rvg8-pwq2-xj7q']);
    expect(added.json?.summary).toContain(
      '- Introduced by this change: GHSA-cph5-m8f7-6c5x (high) in axios@<=0.21.1',
    );

    // The lockfile is already on main; a change to the code alone meets the same three advisories.
    repo = new ScratchRepo();
    const base2 = await baselineWithV6Audit(repo, true);
    repo.git('checkout', '-q', '-b', 'code-only');
    const head2 = repo.commitVersion('v2');
    repo.placeAudit('npm-audit-v7.json');
    const disclosed = await repo.run(gate, {
      event: repo.prEvent(base2, head2, 'code-only'),
      env: { VULN_GATING: '1', DELTA_VULN_HIGH: '0' },
    });
    expect(disclosed.json?.outcome).toBe('success');
    const r2 = repo.readReport();
    expect(r2.vulns?.introduced).toEqual([]);
    expect(r2.vulns?.disclosed.map((f) => f.package)).toEqual(['axios', 'follow-redirects', 'github-build']);
    expect(r2.conditions.find((c) => c.id === 'vulns.high')?.message).toBe(
      'high vulnerabilities: 0 introduced by this change, allowed 0; 3 newly disclosed on unchanged packages not counted.',
    );
  });

  it('an audit that failed is never read as zero vulnerabilities', async () => {
    repo = new ScratchRepo();
    await baselineWithV6Audit(repo, false);
    repo.placeAudit('npm-audit-error.json');
    const gated = await repo.run(AUDIT, { env: { VULN_GATING: '1' } });
    expect(gated.json?.outcome).toBe('failure');
    expect(gated.json?.outputs.vulns).toBe('null');
    const report = repo.readReport();
    expect(report.regressions).toEqual(['vulns.report']);
    expect(report.conditions[0].message).toBe(
      'vulnerability report unreadable, so the counts are unknown (a failed audit is not zero vulnerabilities): reports/audit.json: audit failed: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    );
    expect(report.baselineUpdate.recorded).toBe(false);

    const ungated = await repo.run(AUDIT);
    expect(ungated.json?.outcome).toBe('success');
    expect(ungated.json?.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContain(
      'adaptive-gate: vulnerability report reports/audit.json: audit failed: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    );
  });
});
