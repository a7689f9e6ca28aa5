/** Trivy JSON (SchemaVersion 2) and Grype JSON, deduplicated by (id, package, version). */
import { ReportFormatError, type VulnReport } from '../types.js';
import { readJson } from '../json-input.js';
import { isRecord, severityOf, str } from '../util.js';
import { FindingSet } from './build.js';

export async function parseTrivy(file: string): Promise<VulnReport> {
  const data = await readJson(file, 'Trivy JSON');
  if (!isRecord(data) || !('Results' in data || 'SchemaVersion' in data)) {
    throw new ReportFormatError('not a Trivy JSON file (no "SchemaVersion"/"Results")');
  }
  const set = new FindingSet();
  for (const result of Array.isArray(data.Results) ? data.Results.filter(isRecord) : []) {
    for (const v of Array.isArray(result.Vulnerabilities) ? result.Vulnerabilities.filter(isRecord) : []) {
      set.add({
        id: str(v.VulnerabilityID) ?? '',
        package: str(v.PkgName) ?? str(v.PkgID) ?? '',
        version: str(v.InstalledVersion) ?? '',
        fixedVersion: str(v.FixedVersion) || null,
        severity: severityOf(v.Severity),
        title: str(v.Title) ?? str(v.Description)?.split('\n')[0] ?? '',
      });
    }
  }
  return set.build(file, 'trivy', []);
}

export async function parseGrype(file: string): Promise<VulnReport> {
  const data = await readJson(file, 'Grype JSON');
  if (!isRecord(data) || !Array.isArray(data.matches))
    throw new ReportFormatError('not a Grype JSON file (no "matches")');
  const set = new FindingSet();
  for (const m of data.matches.filter(isRecord)) {
    const vuln = isRecord(m.vulnerability) ? m.vulnerability : {};
    const artifact = isRecord(m.artifact) ? m.artifact : {};
    const fix = isRecord(vuln.fix) ? vuln.fix : {};
    const fixVersions = Array.isArray(fix.versions)
      ? fix.versions.filter((x): x is string => typeof x === 'string')
      : [];
    const related = Array.isArray(m.relatedVulnerabilities) ? m.relatedVulnerabilities.filter(isRecord) : [];
    const description = str(vuln.description) ?? related.map((r) => str(r.description)).find((d) => d) ?? '';
    set.add({
      id: str(vuln.id) ?? '',
      package: str(artifact.name) ?? '',
      version: str(artifact.version) ?? '',
      fixedVersion: fixVersions[0] ?? null,
      severity: severityOf(vuln.severity),
      title: description.split('\n')[0],
    });
  }
  return set.build(file, 'grype', []);
}
