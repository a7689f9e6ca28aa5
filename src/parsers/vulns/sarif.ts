/**
 * SARIF 2.1.0 from any scanner. Severity comes from `security-severity` (a CVSS score on the result or
 * its rule: >= 9 critical, >= 7 high, >= 4 medium, > 0 low) or else from the level (error high,
 * warning medium, note low, none info; SARIF's default level is warning). Dependency scanners (Trivy,
 * Grype) name the package and versions in the rule's help text; other results use the file as the
 * package and the line as the version, so distinct locations are distinct findings.
 */
import { ReportFormatError, type Severity, type VulnReport } from '../types.js';
import { readJson } from '../json-input.js';
import { isRecord, num, str } from '../util.js';
import { advisoryId, FindingSet } from './build.js';

type Rec = Record<string, unknown>;

export async function parseSarif(file: string): Promise<VulnReport> {
  const data = await readJson(file, 'SARIF');
  if (!isRecord(data) || !Array.isArray(data.runs))
    throw new ReportFormatError('not a SARIF file (no "runs")');
  const set = new FindingSet();
  const warnings: string[] = [];
  if (data.version !== undefined && data.version !== '2.1.0')
    warnings.push(`SARIF version ${String(data.version)} read as 2.1.0`);
  for (const run of data.runs.filter(isRecord)) {
    const driver = isRecord(run.tool) && isRecord(run.tool.driver) ? run.tool.driver : {};
    const rules = Array.isArray(driver.rules) ? driver.rules.filter(isRecord) : [];
    const ruleById = new Map(rules.map((r) => [str(r.id) ?? '', r]));
    const artifacts = Array.isArray(run.artifacts) ? run.artifacts.filter(isRecord) : [];
    for (const result of Array.isArray(run.results) ? run.results.filter(isRecord) : []) {
      const ruleIndex = num(result.ruleIndex) ?? (isRecord(result.rule) ? num(result.rule.index) : null);
      const ruleId = str(result.ruleId) ?? (isRecord(result.rule) ? str(result.rule.id) : null) ?? '';
      const rule = (ruleIndex !== null ? rules[ruleIndex] : undefined) ?? ruleById.get(ruleId) ?? {};
      const help = text(rule.help);
      const message = text(result.message);
      const pkg = field(help, 'Package') ?? field(message, 'Package');
      const location = locationOf(result, artifacts);
      set.add({
        id: advisoryId(ruleId, help, text(rule.shortDescription)) ?? ruleId,
        package: pkg ?? location.file,
        version: pkg
          ? (field(help, 'Installed Version') ??
            field(help, 'Version') ??
            field(message, 'Installed Version') ??
            '')
          : location.line,
        fixedVersion: pkg ? field(help, 'Fixed Version') || field(help, 'Fix Version') || null : null,
        severity: severityOf(result, rule),
        title: text(rule.shortDescription) || message.split('\n')[0],
      });
    }
  }
  return set.build(file, 'sarif', warnings);
}

function text(v: unknown): string {
  return isRecord(v) ? (str(v.text) ?? str(v.markdown) ?? '') : '';
}

function field(t: string, name: string): string | null {
  const m = new RegExp(`^${name}: ?(.*)$`, 'm').exec(t);
  return m ? m[1].trim() : null;
}

function locationOf(result: Rec, artifacts: Rec[]): { file: string; line: string } {
  const loc = Array.isArray(result.locations) ? result.locations.find(isRecord) : undefined;
  const phys = loc && isRecord(loc.physicalLocation) ? loc.physicalLocation : {};
  const art = isRecord(phys.artifactLocation) ? phys.artifactLocation : {};
  let uri = str(art.uri);
  const index = num(art.index);
  if (uri === null && index !== null) {
    const a = artifacts[index];
    uri = a && isRecord(a.location) ? str(a.location.uri) : null;
  }
  const line = isRecord(phys.region) ? num(phys.region.startLine) : null;
  return { file: uri ?? '', line: line !== null ? String(line) : '' };
}

function severityOf(result: Rec, rule: Rec): Severity {
  const scoreOf = (o: unknown): number | null => {
    if (!isRecord(o)) return null;
    const s = o['security-severity'];
    const n = typeof s === 'number' ? s : typeof s === 'string' ? Number(s) : NaN;
    return Number.isFinite(n) ? n : null;
  };
  const score = scoreOf(result.properties) ?? scoreOf(rule.properties);
  if (score !== null) {
    if (score >= 9) return 'critical';
    if (score >= 7) return 'high';
    if (score >= 4) return 'medium';
    if (score > 0) return 'low';
    return 'info';
  }
  const conf = isRecord(rule.defaultConfiguration) ? rule.defaultConfiguration : {};
  const level = str(result.level) ?? str(conf.level) ?? 'warning';
  if (level === 'error') return 'high';
  if (level === 'warning') return 'medium';
  if (level === 'note') return 'low';
  if (level === 'none') return 'info';
  return 'unknown';
}
