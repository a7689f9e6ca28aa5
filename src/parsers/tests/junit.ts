/**
 * JUnit XML in its real dialects (jest-junit, vitest, mocha-junit-reporter, pytest, gotestsum /
 * go-junit-report, Maven Surefire with flakyFailure/rerunFailure, node --test, .NET JUnit loggers),
 * read as a stream. Tests are counted from <testcase> elements, never from suite attributes, except
 * that a leaf suite with no cases but recorded errors becomes one error entry (a file that failed to
 * load), so that a crash is never counted as green.
 */
import { streamXml, TextBuffer } from '../xml.js';
import { ReportFormatError, type TestCaseResult, type TestReport, type TestStatus } from '../types.js';
import { messageOf } from './go-json.js';
import { detach, isHookTitle, locate, MAX_TEXT, PathCache, relPath, secondsToMs, totalsOf } from '../util.js';

interface SuiteFrame {
  name: string;
  file: string | null;
  cases: number;
  childSuites: number;
  errors: number;
  failures: number;
}

type Outcome = 'failure' | 'error' | 'skipped';

interface CaseFrame {
  attrs: Readonly<Record<string, string>>;
  outcome: Outcome | null;
  message: string | null;
  stack: string | null;
  retries: number;
  stdout: string | null;
}

const OUTCOME_ELEMENTS: Record<string, Outcome> = { failure: 'failure', error: 'error', skipped: 'skipped' };
/** Failure texts kept per report: beyond it, tests keep their status and message but not their stack. */
const MAX_REPORT_TEXT = 64 * 1024 * 1024;

/** Keeps memory bounded on huge reports with many failures: the first stacks are the useful ones. */
export class TextBudget {
  private used = 0;
  dropped = 0;
  constructor(private readonly max: number) {}
  keep(t: TestCaseResult): TestCaseResult {
    const size = (t.stack?.length ?? 0) + (t.stdout?.length ?? 0);
    if (size === 0) return t;
    if (this.used + size <= this.max) {
      this.used += size;
      return t;
    }
    this.dropped++;
    const { stdout: _stdout, ...rest } = t;
    return { ...rest, stack: null, message: t.message !== null ? t.message.slice(0, 1000) : null };
  }
}

/** A failure outranks an error (pytest adds a teardown error to a failed test), both outrank skipped. */
function rank(o: Outcome | null): number {
  return o === 'failure' ? 3 : o === 'error' ? 2 : o === 'skipped' ? 1 : 0;
}

/** jest-junit's classname for a test file that could not run (reportTestSuiteErrors). */
const SUITE_CRASH = 'Test suite failed to run';
const RETRY_ELEMENTS = new Set(['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError']);

export async function parseJUnit(file: string, root: string): Promise<TestReport> {
  const tests: TestCaseResult[] = [];
  const suites: SuiteFrame[] = [];
  let tc: CaseFrame | null = null;
  let tcDepth = 0;
  // What the character data currently being read belongs to.
  let capture: 'outcome' | 'stdout' | null = null;
  let captureOutcome: Outcome | null = null;
  const buf = new TextBuffer(MAX_TEXT);
  const paths = new PathCache(root);
  const locations = new LocationCache();
  const budget = new TextBudget(MAX_REPORT_TEXT);
  let sawJUnitRoot = false;

  const { warnings, root: rootName } = await streamXml(file, 'JUnit XML', {
    wantsText: () => capture !== null,
    text: (t) => buf.add(t),
    open(name, attrs, depth) {
      if (depth === 1) sawJUnitRoot = name === 'testsuites' || name === 'testsuite';
      if (!sawJUnitRoot) return;
      if (name === 'testsuite') {
        if (suites.length > 0) suites[suites.length - 1].childSuites++;
        suites.push({
          name: detach(attrs.name ?? ''),
          file: attrs.file ?? attrs.filepath ?? suites[suites.length - 1]?.file ?? null,
          cases: 0,
          childSuites: 0,
          errors: Number(attrs.errors ?? 0) || 0,
          failures: Number(attrs.failures ?? 0) || 0,
        });
        return;
      }
      if (name === 'testcase' && tc === null) {
        tc = { attrs, outcome: null, message: null, stack: null, retries: 0, stdout: null };
        tcDepth = depth;
        if (suites.length > 0) suites[suites.length - 1].cases++;
        return;
      }
      if (tc === null || depth !== tcDepth + 1) return;
      const outcome = OUTCOME_ELEMENTS[name];
      if (outcome) {
        if (rank(outcome) > rank(tc.outcome)) {
          tc.outcome = outcome;
          tc.message = attrs.message ?? null;
          capture = 'outcome';
          captureOutcome = outcome;
        }
      } else if (RETRY_ELEMENTS.has(name)) {
        tc.retries++;
      } else if (name === 'system-out') {
        capture = 'stdout';
      }
    },
    close(name, depth) {
      if (!sawJUnitRoot) return;
      if (name === 'testsuite' && tc === null) {
        const s = suites.pop();
        if (s && s.cases === 0 && s.childSuites === 0 && s.errors + s.failures > 0) {
          tests.push(suiteCrash(s, root));
        }
        return;
      }
      if (tc === null) return;
      if (depth === tcDepth + 1 && capture !== null) {
        const text = buf.take().trim();
        if (capture === 'stdout') tc.stdout = text;
        else if (captureOutcome === tc.outcome) tc.stack = text || null;
        capture = null;
        captureOutcome = null;
        return;
      }
      if (name === 'testcase' && depth === tcDepth) {
        const result = toResult(tc, suites, paths, locations);
        const prev = tests[tests.length - 1];
        // jest-junit writes a file that failed to load as two cases (the error, then its JSON).
        const repeatCrash = result.id.startsWith(`${SUITE_CRASH}::`) && prev?.id === result.id;
        if (!repeatCrash) tests.push(budget.keep(result));
        tc = null;
      }
    },
  });
  if (!sawJUnitRoot) {
    throw new ReportFormatError(
      `not a JUnit XML file (root element is <${rootName ?? 'none'}>, expected <testsuites> or <testsuite>)`,
    );
  }
  if (budget.dropped > 0) {
    warnings.push(
      `stacks and output of ${budget.dropped} test(s) dropped: the report's text exceeded ${MAX_REPORT_TEXT / 1024 / 1024} MB`,
    );
  }
  return { file, kind: 'junit', totals: totalsOf(tests), tests, warnings };
}

type Location = { file: string; line: number } | null;

/**
 * `locate` memoised for one report. Parametrised tests and a broken shared fixture fail many tests
 * with the very same stack, and scanning a stack's frames costs far more than comparing it with a
 * known one. Entries are found by the stack's head and confirmed by comparing the whole text, which
 * is cheaper than hashing all of it.
 */
export class LocationCache {
  private readonly byHead = new Map<string, { text: string; file: string | null; loc: Location }[]>();
  private size = 0;
  find(text: string | null, file: string | null): Location {
    if (!text) return null;
    const head = text.length > 256 ? text.slice(0, 256) : text;
    let known = this.byHead.get(head);
    if (known !== undefined) {
      for (const k of known)
        if (k.file === file && k.text.length === text.length && k.text === text) return k.loc;
    }
    const loc = locate(text, file);
    // Bounded: at most a few thousand distinct stacks of at most MAX_TEXT characters are kept.
    if (text.length <= MAX_TEXT && this.size < 2000) {
      if (known === undefined) {
        known = [];
        // Copies, so that a key never pins the parser's 1 MB input chunk it was cut from.
        this.byHead.set(detach(head), known);
      }
      known.push({ text: detach(text), file, loc });
      this.size++;
    }
    return loc;
  }
}

function toResult(
  tc: CaseFrame,
  suites: readonly SuiteFrame[],
  paths: PathCache,
  locations: LocationCache,
): TestCaseResult {
  const a = tc.attrs;
  const name = detach(a.name ?? '');
  const classname = detach(a.classname ?? '');
  const suite = suites.length > 0 ? suites[suites.length - 1].name : '';
  let status: TestStatus = 'passed';
  if (tc.outcome === 'failure') status = 'failed';
  else if (tc.outcome === 'error') status = 'error';
  else if (tc.outcome === 'skipped') status = 'skipped';
  if (status === 'failed' && isHookTitle(name)) status = 'error';
  if (classname === SUITE_CRASH && status !== 'passed') status = 'error';

  const suiteFile = suites.length > 0 ? suites[suites.length - 1].file : null;
  // .NET loggers put the test assembly in `file`; that is not a source file.
  const attrFile = a.file ?? a.filepath;
  const sourceAttr = attrFile !== undefined && !/\.(dll|exe)$/i.test(attrFile) ? attrFile : undefined;
  const rawFile = sourceAttr ?? suiteFile ?? (looksLikePath(classname) ? classname : null);
  let file = rawFile !== null ? paths.rel(rawFile) : null;
  let line = a.line !== undefined && /^\d+$/.test(a.line) ? Number(a.line) : null;
  let message = tc.message;
  if ((message === null || message === '') && tc.stack) message = firstLine(tc.stack);
  // gotestsum / go-junit-report write a bare "Failed"; the test's own log line says what failed.
  if (message !== null && /^(failed|skipped)$/i.test(message.trim()) && tc.stack)
    message = messageOf(tc.stack, status);
  if (line === null) {
    // Stack first, then the message; never concatenated, which would copy every stack once more.
    const loc = locations.find(tc.stack, file) ?? locations.find(message, file);
    if (loc) {
      line = loc.line;
      file ??= paths.rel(loc.file);
    }
  }
  const owner =
    classname === SUITE_CRASH
      ? SUITE_CRASH
      : classname === '' || classname === suite || name.endsWith(classname)
        ? suite
        : classname;
  const result: TestCaseResult = {
    id: `${owner}::${name}`,
    name,
    suite,
    file,
    line,
    status,
    durationMs: secondsToMs(a.time),
    message: status === 'passed' || message === null ? null : detach(message),
    stack: status === 'passed' || tc.stack === null ? null : detach(tc.stack),
    attempts: 1 + tc.retries,
  };
  if (tc.stdout) result.stdout = detach(tc.stdout);
  return result;
}

function suiteCrash(s: SuiteFrame, root: string): TestCaseResult {
  return {
    id: `${s.name}::(suite)`,
    name: s.name,
    suite: s.name,
    file: s.file !== null ? relPath(s.file, root) : null,
    line: null,
    status: 'error',
    durationMs: null,
    message: `suite reported ${s.errors} error(s) and ${s.failures} failure(s) but no test cases`,
    stack: null,
    attempts: 1,
  };
}

function looksLikePath(s: string): boolean {
  return /[/\\]/.test(s) && /\.[A-Za-z]{1,5}$/.test(s);
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
