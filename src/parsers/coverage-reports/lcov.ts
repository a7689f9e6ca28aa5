/**
 * lcov tracefiles. Per-line DA records are the counts; LF/LH, FNF/FNH and BRF/BRH summaries are used
 * only for a record that lacks the detailed entries.
 */
import { ReportFormatError, type CoverageReport } from '../types.js';
import { readLines } from '../lines.js';
import { CoverageBuilder, type FileAccumulator } from './build.js';

export async function parseLcov(file: string, root: string): Promise<CoverageReport> {
  const builder = new CoverageBuilder(root);
  const warnings: string[] = [];
  let acc: FileAccumulator | null = null;
  let fns = new Map<string, number>();
  let fnDetail = false;
  let brCovered = 0;
  let brTotal = 0;
  let brDetail = false;
  let summary: Record<string, number> = {};
  let sawRecord = false;
  let lineNo = 0;

  const finish = (): void => {
    if (!acc) return;
    if (fnDetail) {
      acc.functions = { covered: [...fns.values()].filter((n) => n > 0).length, total: fns.size };
    } else if (summary.FNF !== undefined) {
      acc.functions = { covered: summary.FNH ?? 0, total: summary.FNF };
    }
    if (brDetail) acc.branches = { covered: brCovered, total: brTotal };
    else if (summary.BRF !== undefined) acc.branches = { covered: summary.BRH ?? 0, total: summary.BRF };
    if (summary.LF !== undefined) acc.lineCounts = { covered: summary.LH ?? 0, total: summary.LF };
    acc = null;
  };

  for await (const line of readLines(file, 'lcov')) {
    lineNo++;
    const colon = line.indexOf(':');
    const tag = colon >= 0 ? line.slice(0, colon).trim() : line.trim();
    const value = colon >= 0 ? line.slice(colon + 1) : '';
    switch (tag) {
      case 'TN':
        sawRecord = true;
        break;
      case 'SF':
        finish();
        sawRecord = true;
        acc = builder.file(value.trim());
        fns = new Map();
        fnDetail = false;
        brCovered = 0;
        brTotal = 0;
        brDetail = false;
        summary = {};
        break;
      case 'DA': {
        if (!acc) break;
        const [ln, hits] = value.split(',');
        acc.hit(Number(ln), Number(hits) || 0);
        break;
      }
      case 'FN': {
        // lcov 2 writes FN:<start>,<end>,<name>; older versions FN:<start>,<name>.
        const name = value.slice(value.lastIndexOf(',') + 1);
        if (!fns.has(name)) fns.set(name, 0);
        fnDetail = true;
        break;
      }
      case 'FNDA': {
        const comma = value.indexOf(',');
        const name = value.slice(comma + 1);
        fns.set(name, (fns.get(name) ?? 0) + (Number(value.slice(0, comma)) || 0));
        fnDetail = true;
        break;
      }
      case 'BRDA': {
        const taken = value.split(',')[3]?.trim();
        brTotal++;
        if (taken !== undefined && taken !== '-' && Number(taken) > 0) brCovered++;
        brDetail = true;
        break;
      }
      case 'LF':
      case 'LH':
      case 'FNF':
      case 'FNH':
      case 'BRF':
      case 'BRH':
        summary[tag] = Number(value) || 0;
        break;
      case 'end_of_record':
        finish();
        break;
      case '':
        break;
      default:
        if (!sawRecord && lineNo <= 5) throw new ReportFormatError('not an lcov file (no TN:/SF: records)');
    }
  }
  finish();
  if (!sawRecord) throw new ReportFormatError('not an lcov file (no TN:/SF: records)');
  return builder.build(file, 'lcov', warnings);
}
