/** Deduplication by (id, package, version) and counts by severity, shared by the scanner parsers. */
import { SEVERITIES, type Severity, type VulnFinding, type VulnKind, type VulnReport } from '../types.js';

const RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1, unknown: 0 };

export function emptyCounts(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

export class FindingSet {
  private readonly byKey = new Map<string, VulnFinding>();

  add(f: VulnFinding): void {
    const key = `${f.id}\u0000${f.package}\u0000${f.version}`;
    const prev = this.byKey.get(key);
    // The same finding reported twice (two targets, two layers) keeps its highest severity.
    if (!prev || RANK[f.severity] > RANK[prev.severity])
      this.byKey.set(key, prev ? { ...f, fixedVersion: f.fixedVersion ?? prev.fixedVersion } : f);
  }

  build(file: string, kind: VulnKind, warnings: string[]): VulnReport {
    const findings = [...this.byKey.values()];
    const counts = emptyCounts();
    for (const f of findings) counts[f.severity]++;
    return { file, kind, counts, findings, warnings };
  }
}

const ADVISORY_ID = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3})\b/i;

export function advisoryId(...texts: (string | null | undefined)[]): string | null {
  for (const t of texts) {
    const m = t ? ADVISORY_ID.exec(t) : null;
    if (m)
      return m[1].toUpperCase().startsWith('GHSA')
        ? `GHSA${m[1].slice(4).toLowerCase()}`
        : m[1].toUpperCase();
  }
  return null;
}
