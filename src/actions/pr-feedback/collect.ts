import { readFileSync } from 'node:fs';
import { expandGlobs, repoRelative } from '../../core/files.js';
import type { Logger } from '../../core/logger.js';
import { isParseError, parseFile } from '../../parsers/index.js';
import type { CoverageReport, LogReport, TestReport, VulnReport } from '../../parsers/types.js';

/** The ai-ci reports found, by `type` (a renamed artifact still works). */
export interface Collected {
  triage?: Record<string, unknown>;
  gate?: Record<string, unknown>;
  selection?: Record<string, unknown>;
  autofix?: Record<string, unknown>;
  metrics?: Record<string, unknown>;
  tests: TestReport[];
  coverage: CoverageReport[];
  vulns: VulnReport[];
  lint: LogReport[];
  problems: string[];
}

const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export async function collect(opts: {
  workspace: string;
  reports: string[];
  testResults: string[];
  coverage: string[];
  vulnerabilities: string[];
  lint: string[];
  logger: Logger;
}): Promise<Collected> {
  const out: Collected = { tests: [], coverage: [], vulns: [], lint: [], problems: [] };
  const problem = (m: string): void => {
    out.problems.push(m);
    opts.logger.warning(m);
  };
  for (const file of await expandGlobs(opts.reports, opts.workspace)) {
    const rel = repoRelative(opts.workspace, file);
    let doc: unknown;
    try {
      const buf = readFileSync(file);
      if (buf.length > MAX_REPORT_BYTES) {
        problem(`${rel}: larger than 50 MB, skipped.`);
        continue;
      }
      doc = JSON.parse(buf.toString('utf8'));
    } catch {
      continue; // Not JSON: not an ai-ci report (the default globs also match other files).
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) continue;
    const rec = doc as Record<string, unknown>;
    switch (rec.type) {
      case 'ai-ci/triage':
        out.triage = rec;
        break;
      case 'ai-ci/gate':
        out.gate = rec;
        break;
      case 'ai-ci/selection':
        out.selection = rec;
        break;
      case 'ai-ci/autofix':
        out.autofix = rec;
        break;
      case 'ai-ci/metrics':
        out.metrics = rec;
        break;
      default:
        break;
    }
  }
  const raw = async (
    globs: string[],
    kind: string | undefined,
    accept: (r: object) => boolean,
    push: (r: never) => void,
  ): Promise<void> => {
    for (const file of await expandGlobs(globs, opts.workspace)) {
      const rel = repoRelative(opts.workspace, file);
      const r = await parseFile(file, { root: opts.workspace, ...(kind ? { kind } : {}) });
      if (isParseError(r)) problem(`${rel}: ${r.error}`);
      else if (accept(r)) push(r as never);
      else problem(`${rel}: a ${r.kind} file where another kind of report was expected.`);
    }
  };
  await raw(
    opts.testResults,
    undefined,
    (r) => 'tests' in r,
    (r: TestReport) => out.tests.push(r),
  );
  await raw(
    opts.coverage,
    undefined,
    (r) => 'files' in r && 'totals' in r && !('tests' in r),
    (r: CoverageReport) => out.coverage.push(r),
  );
  await raw(
    opts.vulnerabilities,
    undefined,
    (r) => 'findings' in r,
    (r: VulnReport) => out.vulns.push(r),
  );
  await raw(
    opts.lint,
    'log',
    (r) => 'failures' in r,
    (r: LogReport) => out.lint.push(r),
  );
  return out;
}
