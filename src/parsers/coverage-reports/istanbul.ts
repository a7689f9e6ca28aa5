/**
 * istanbul JSON: `coverage-final.json` (raw statement/function/branch hit maps, from which per-line
 * hits are derived the way istanbul's own FileCoverage.getLineCoverage does) and
 * `coverage-summary.json` (counts only; no per-line data, so coveredLines stay empty).
 */
import { ReportFormatError, type CoverageReport } from '../types.js';
import { readJson } from '../json-input.js';
import { isRecord, num } from '../util.js';
import { CoverageBuilder } from './build.js';

export async function parseIstanbul(file: string, root: string): Promise<CoverageReport> {
  const data = await readJson(file, 'istanbul JSON');
  if (!isRecord(data)) throw new ReportFormatError('not an istanbul JSON file (not an object)');
  const builder = new CoverageBuilder(root);
  const warnings: string[] = [];
  const isSummary = isRecord(data.total) && isRecord(data.total.lines);
  for (const [key, entry] of Object.entries(data)) {
    if (!isRecord(entry)) continue;
    if (isSummary) {
      if (key === 'total') continue;
      const acc = builder.file(key);
      const pair = (v: unknown): { covered: number; total: number } =>
        isRecord(v) ? { covered: num(v.covered) ?? 0, total: num(v.total) ?? 0 } : { covered: 0, total: 0 };
      acc.lineCounts = pair(entry.lines);
      acc.branches = pair(entry.branches);
      acc.functions = pair(entry.functions);
      continue;
    }
    if (!isRecord(entry.statementMap) || !isRecord(entry.s)) continue;
    const acc = builder.file(typeof entry.path === 'string' ? entry.path : key);
    for (const [id, loc] of Object.entries(entry.statementMap)) {
      const line = isRecord(loc) && isRecord(loc.start) ? num(loc.start.line) : null;
      if (line !== null) acc.hit(line, num(entry.s[id]) ?? 0);
    }
    const f = isRecord(entry.f) ? Object.values(entry.f) : [];
    acc.functions = { covered: f.filter((n) => (num(n) ?? 0) > 0).length, total: f.length };
    let covered = 0;
    let total = 0;
    for (const arms of isRecord(entry.b) ? Object.values(entry.b) : []) {
      if (!Array.isArray(arms)) continue;
      total += arms.length;
      covered += arms.filter((n) => (num(n) ?? 0) > 0).length;
    }
    acc.branches = { covered, total };
  }
  if (builder.size === 0 && !isSummary) {
    throw new ReportFormatError('not an istanbul JSON file (no file entries with statementMap)');
  }
  return builder.build(file, 'istanbul', warnings);
}
