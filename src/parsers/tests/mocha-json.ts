/**
 * Mocha's `--reporter json`. A failing hook appears in `failures` but not in `tests`: it is an error
 * entry (tests could not run). `currentRetry` > 0 on a passing test means it passed on a retry.
 */
import { ReportFormatError, type TestCaseResult, type TestReport, type TestStatus } from '../types.js';
import { readJson } from '../json-input.js';
import { capText, isHookTitle, isRecord, locate, num, relPath, roundMs, str, totalsOf } from '../util.js';

type MochaTest = Record<string, unknown>;

export async function parseMochaJson(file: string, root: string): Promise<TestReport> {
  const data = await readJson(file, 'mocha JSON');
  if (!isRecord(data) || !isRecord(data.stats) || !Array.isArray(data.tests)) {
    throw new ReportFormatError('not a mocha JSON file (no "stats" and "tests")');
  }
  const key = (t: MochaTest): string => `${str(t.file) ?? ''}\u0000${str(t.fullTitle) ?? ''}`;
  const failed = new Set((Array.isArray(data.failures) ? data.failures : []).filter(isRecord).map(key));
  const pending = new Set((Array.isArray(data.pending) ? data.pending : []).filter(isRecord).map(key));
  const tests: TestCaseResult[] = [];
  const seen = new Set<string>();
  for (const t of data.tests.filter(isRecord)) {
    const k = key(t);
    seen.add(k);
    const status: TestStatus = failed.has(k)
      ? 'failed'
      : pending.has(k) || t.pending === true
        ? 'skipped'
        : 'passed';
    tests.push(toResult(t, status, root));
  }
  for (const t of (Array.isArray(data.failures) ? data.failures : []).filter(isRecord)) {
    if (!seen.has(key(t))) tests.push(toResult(t, 'error', root));
  }
  return { file, kind: 'mocha-json', totals: totalsOf(tests), tests, warnings: [] };
}

function toResult(t: MochaTest, status: TestStatus, root: string): TestCaseResult {
  const title = str(t.title) ?? '';
  const fullTitle = str(t.fullTitle) ?? title;
  const rawFile = str(t.file);
  const file = rawFile ? relPath(rawFile, root) : null;
  const err = isRecord(t.err) ? t.err : {};
  const stack = str(err.stack);
  const message = str(err.message);
  if (status === 'failed' && isHookTitle(title)) status = 'error';
  const suite = fullTitle.endsWith(title) ? fullTitle.slice(0, fullTitle.length - title.length).trim() : '';
  return {
    id: `${file ?? ''}::${fullTitle}`,
    name: fullTitle,
    suite,
    file,
    line: status === 'passed' || status === 'skipped' ? null : (locate(stack, file)?.line ?? null),
    status,
    durationMs: roundMs(num(t.duration)),
    message: status === 'passed' || status === 'skipped' ? null : message,
    stack: status === 'passed' || status === 'skipped' ? null : stack ? capText(stack) : null,
    attempts: 1 + (num(t.currentRetry) ?? 0),
  };
}
