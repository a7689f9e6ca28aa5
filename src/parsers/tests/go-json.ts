/**
 * `go test -json` (test2json) events. Subtests are tests; a parent that fails through a subtest is a
 * failure too, as gotestsum counts. A package that fails without any test result (a build failure, a
 * panic or timeout outside a test) becomes one error entry; tests left running when the binary died
 * (a panic or `test timed out`) are errors.
 */
import { ReportFormatError, type TestCaseResult, type TestReport, type TestStatus } from '../types.js';
import { readLines } from '../lines.js';
import { capText, isRecord, locate, MAX_TEXT, num, relPath, roundMs, str, totalsOf } from '../util.js';

interface GoTest {
  pkg: string;
  name: string;
  status: TestStatus | null;
  elapsed: number | null;
  output: string[];
  outputSize: number;
}

const BUILD_FAILED = /^FAIL\t(\S+) \[(?:build|setup) failed\]/;

export async function parseGoJson(file: string, root: string): Promise<TestReport> {
  const tests = new Map<string, GoTest>();
  const pkgOutput = new Map<string, string[]>();
  const pkgStatus = new Map<string, string>();
  const warnings: string[] = [];
  let events = 0;
  let badLines = 0;
  for await (const line of readLines(file, 'go test -json')) {
    if (line.trim() === '') continue;
    // Before Go 1.24 a package that does not build is reported as plain text, not as an event.
    const broken = BUILD_FAILED.exec(line);
    if (broken) {
      pkgStatus.set(broken[1], 'fail');
      pkgOutput.set(broken[1], [...(pkgOutput.get(broken[1]) ?? []), `${line}\n`]);
      events++;
      continue;
    }
    let ev: unknown;
    try {
      ev = JSON.parse(line);
    } catch {
      badLines++;
      if (events === 0) throw new ReportFormatError('not a go test -json file (line 1 is not JSON)');
      continue;
    }
    if (!isRecord(ev) || typeof ev.Action !== 'string') {
      if (events === 0) throw new ReportFormatError('not a go test -json file (no "Action" field)');
      continue;
    }
    events++;
    const pkg = str(ev.Package) ?? '';
    const name = str(ev.Test);
    const action = ev.Action;
    if (name === null) {
      if (action === 'output') {
        const out = pkgOutput.get(pkg) ?? [];
        if (out.length < 400) out.push(str(ev.Output) ?? '');
        pkgOutput.set(pkg, out);
      } else if (action === 'pass' || action === 'fail' || action === 'skip') {
        pkgStatus.set(pkg, action);
      }
      continue;
    }
    const key = `${pkg}\u0000${name}`;
    let t = tests.get(key);
    if (!t) {
      t = { pkg, name, status: null, elapsed: null, output: [], outputSize: 0 };
      tests.set(key, t);
    }
    if (action === 'output') {
      const text = str(ev.Output) ?? '';
      if (t.outputSize < MAX_TEXT) {
        t.output.push(text);
        t.outputSize += text.length;
      }
    } else if (action === 'pass') t.status = 'passed';
    else if (action === 'fail') t.status = 'failed';
    else if (action === 'skip') t.status = 'skipped';
    if (action === 'pass' || action === 'fail' || action === 'skip') t.elapsed = num(ev.Elapsed);
  }
  if (events === 0) throw new ReportFormatError('not a go test -json file (no events)');
  if (badLines > 0) warnings.push(`${badLines} line(s) were not test2json events and were ignored`);

  const results: TestCaseResult[] = [];
  const pkgsWithTests = new Set<string>();
  for (const t of tests.values()) {
    pkgsWithTests.add(t.pkg);
    const output = t.output.join('');
    // A test with no final action was running when the test binary died.
    const status: TestStatus = t.status ?? 'error';
    const detail = status === 'error' ? `${output}${(pkgOutput.get(t.pkg) ?? []).join('')}` : output;
    const loc = status === 'passed' ? null : locate(detail, null);
    results.push({
      id: `${t.pkg}::${t.name}`,
      name: t.name,
      suite: t.pkg,
      file: loc ? relPath(loc.file, root) : null,
      line: loc?.line ?? null,
      status,
      durationMs: t.elapsed !== null ? roundMs(t.elapsed * 1000) : null,
      message: status === 'passed' ? null : messageOf(detail, status),
      stack: status === 'passed' ? null : capText(detail),
      attempts: 1,
    });
  }
  for (const [pkg, st] of pkgStatus) {
    if (st !== 'fail' || pkgsWithTests.has(pkg)) continue;
    const out = (pkgOutput.get(pkg) ?? []).join('');
    const loc = locate(out, null);
    results.push({
      id: `${pkg}::(package)`,
      name: pkg,
      suite: pkg,
      file: loc ? relPath(loc.file, root) : null,
      line: loc?.line ?? null,
      status: 'error',
      durationMs: null,
      message: BUILD_FAILED.test(out) ? 'build failed' : messageOf(out, 'error'),
      stack: capText(out),
      attempts: 1,
    });
  }
  return { file, kind: 'go-json', totals: totalsOf(results), tests: results, warnings };
}

export function messageOf(output: string, status: TestStatus): string {
  const lines = output.split('\n');
  const panic = lines.find((l) => /^panic: /.test(l));
  if (panic) return panic.trim();
  const logged = lines.find((l) => /^\s+\S+\.go:\d+: /.test(l));
  if (logged) return logged.trim();
  const other = lines.find(
    (l) => l.trim() !== '' && !/^(=== (RUN|PAUSE|CONT)|--- (FAIL|PASS|SKIP)|FAIL|ok )/.test(l.trim()),
  );
  if (other) return other.trim();
  return status === 'failed' ? 'failed (see subtests)' : status === 'skipped' ? 'skipped' : 'did not finish';
}
