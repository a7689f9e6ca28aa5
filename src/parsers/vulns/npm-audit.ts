/**
 * npm audit --json, v6 (advisories + actions) and v7+ (auditReportVersion 2). Counts are per
 * vulnerable package, as npm's own metadata.vulnerabilities; `moderate` is reported as `medium` and
 * `info` is kept. An audit that failed (npm printed an error object) is an error, never zero findings.
 */
import { ReportFormatError, type VulnReport } from '../types.js';
import { readJson } from '../json-input.js';
import { isRecord, severityOf, str } from '../util.js';
import { advisoryId, FindingSet } from './build.js';

export class AuditFailedError extends ReportFormatError {}

export async function parseNpmAudit(file: string): Promise<VulnReport> {
  const data = await readJson(file, 'npm audit JSON');
  if (!isRecord(data)) throw new ReportFormatError('not an npm audit JSON file (not an object)');
  if (
    isRecord(data.error) ||
    (typeof data.message === 'string' && !data.vulnerabilities && !data.advisories)
  ) {
    const err = isRecord(data.error) ? data.error : {};
    const detail = [str(data.message), str(err.summary), str(err.detail), str(err.code)].find(
      (s) => s && s.trim() !== '',
    );
    throw new AuditFailedError(`audit failed: ${(detail ?? 'npm audit reported an error').split('\n')[0]}`);
  }
  if (data.auditReportVersion === 2 && isRecord(data.vulnerabilities)) return v7(file, data.vulnerabilities);
  if (isRecord(data.advisories)) return v6(file, data.advisories);
  throw new ReportFormatError('not an npm audit JSON file (no "vulnerabilities" or "advisories")');
}

function v7(file: string, vulns: Record<string, unknown>): VulnReport {
  const set = new FindingSet();
  for (const [name, raw] of Object.entries(vulns)) {
    if (!isRecord(raw)) continue;
    const via = Array.isArray(raw.via) ? raw.via : [];
    const advisories = via.filter(isRecord);
    const through = via.filter((v): v is string => typeof v === 'string');
    const ids = advisories
      .map((a) => advisoryId(str(a.url)) ?? String(a.source ?? ''))
      .filter((s) => s !== '');
    const titles = advisories.map((a) => str(a.title)).filter((s): s is string => s !== null);
    const fix = raw.fixAvailable;
    const fixedVersion = isRecord(fix) && fix.name === name ? (str(fix.version) ?? null) : null;
    set.add({
      id: ids[0] ?? `via:${through.join(',')}`,
      package: str(raw.name) ?? name,
      version: str(raw.range) ?? '',
      fixedVersion,
      severity: severityOf(raw.severity),
      title: titles.length > 0 ? titles.join('; ') : `depends on vulnerable ${through.join(', ')}`,
    });
  }
  return set.build(file, 'npm-audit', []);
}

function v6(file: string, advisories: Record<string, unknown>): VulnReport {
  const set = new FindingSet();
  for (const [key, raw] of Object.entries(advisories)) {
    if (!isRecord(raw)) continue;
    const cves = Array.isArray(raw.cves) ? raw.cves.filter((c): c is string => typeof c === 'string') : [];
    const id =
      str(raw.github_advisory_id) ?? cves[0] ?? advisoryId(str(raw.url)) ?? `npm:${String(raw.id ?? key)}`;
    const findings = Array.isArray(raw.findings) ? raw.findings.filter(isRecord) : [];
    const versions = findings.length > 0 ? findings.map((f) => str(f.version) ?? '') : [''];
    for (const version of versions) {
      set.add({
        id,
        package: str(raw.module_name) ?? '',
        version,
        fixedVersion: str(raw.patched_versions),
        severity: severityOf(raw.severity),
        title: str(raw.title) ?? '',
      });
    }
  }
  return set.build(file, 'npm-audit', []);
}
