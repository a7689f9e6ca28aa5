/**
 * Jest's `--json` output and vitest's json reporter (which follows jest's shape). A test file that
 * failed to run has no assertion results: it becomes one error entry so a crash is never green.
 */
import { ReportFormatError, type TestCaseResult, type TestReport, type TestStatus } from '../types.js';
import { readJson } from '../json-input.js';
import { capText, isRecord, locate, num, relPath, roundMs, str, totalsOf } from '../util.js';

export async function parseJestJson(
  file: string,
  root: string,
  kind: 'jest-json' | 'vitest-json',
): Promise<TestReport> {
  const label = kind === 'jest-json' ? 'jest JSON' : 'vitest JSON';
  const data = await readJson(file, label);
  if (!isRecord(data) || !Array.isArray(data.testResults)) {
    throw new ReportFormatError(`not a ${label} file (no "testResults" array)`);
  }
  const tests: TestCaseResult[] = [];
  for (const suite of data.testResults) {
    if (!isRecord(suite)) continue;
    const suitePath = str(suite.name) ?? str(suite.testFilePath) ?? '';
    const relFile = suitePath ? relPath(suitePath, root) : null;
    const assertions = Array.isArray(suite.assertionResults) ? suite.assertionResults : [];
    const suiteMessage = str(suite.message) ?? str(suite.failureMessage) ?? '';
    if (assertions.length === 0 && (suite.status === 'failed' || suiteMessage.trim() !== '')) {
      tests.push({
        id: `${relFile ?? ''}::(suite)`,
        name: relFile ?? '(suite)',
        suite: relFile ?? '',
        file: relFile,
        line: locate(suiteMessage, relFile)?.line ?? null,
        status: 'error',
        durationMs: null,
        message: firstLine(stripAnsi(suiteMessage)) || 'test file failed to run',
        stack: suiteMessage ? capText(stripAnsi(suiteMessage)) : null,
        attempts: 1,
      });
      continue;
    }
    for (const a of assertions) {
      if (!isRecord(a)) continue;
      tests.push(toResult(a, relFile));
    }
  }
  return { file, kind, totals: totalsOf(tests), tests, warnings: [] };
}

function toResult(a: Record<string, unknown>, file: string | null): TestCaseResult {
  const title = str(a.title) ?? '';
  const ancestors = Array.isArray(a.ancestorTitles)
    ? a.ancestorTitles.filter((x) => typeof x === 'string')
    : [];
  const fullName = str(a.fullName) || [...ancestors, title].join(' ') || 'Test suite failed to run';
  const failures = Array.isArray(a.failureMessages)
    ? a.failureMessages.filter((x) => typeof x === 'string')
    : [];
  const status = statusOf(str(a.status));
  // vitest keeps the failures of earlier attempts on a test that finally passed.
  const stack = failures.length > 0 && status !== 'passed' ? capText(stripAnsi(failures.join('\n'))) : null;
  const failedAttempts = status === 'passed' ? failures.length : 0;
  const location = isRecord(a.location) ? num(a.location.line) : null;
  const invocations = num(a.invocations);
  const retryReasons = Array.isArray(a.retryReasons) ? a.retryReasons.length : 0;
  return {
    id: `${file ?? ''}::${fullName}`,
    name: fullName,
    suite: ancestors.join(' > '),
    file,
    line: location ?? (stack ? (locate(stack, file)?.line ?? null) : null),
    status,
    durationMs: roundMs(num(a.duration)),
    message: stack ? firstLine(stack) : null,
    stack,
    attempts: Math.max(1, invocations ?? 1, retryReasons + 1, failedAttempts + 1),
  };
}

function statusOf(s: string | null): TestStatus {
  if (s === 'passed') return 'passed';
  if (s === 'failed') return 'failed';
  // jest 30 reports a test file that failed to load as one result with status "error".
  if (s === 'error') return 'error';
  // pending, skipped, todo, disabled, focused-out
  return 'skipped';
}

export function stripAnsi(s: string): string {
  return s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

function firstLine(s: string): string {
  // Scans line by line instead of splitting: stacks can be long and only the top matters.
  let start = 0;
  while (start < s.length) {
    let end = s.indexOf('\n', start);
    if (end < 0) end = s.length;
    const line = s.slice(start, end).trim();
    if (line !== '') return line;
    start = end + 1;
  }
  return '';
}
