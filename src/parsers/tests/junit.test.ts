import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocationCache, parseJUnit, TextBudget } from './junit.js';
import { locate } from '../util.js';
import { fixture, workRoot } from '../testing/fixtures.js';
import type { TestCaseResult, TestReport } from '../types.js';

const report = (name: string, project: string): Promise<TestReport> =>
  parseJUnit(fixture('reports', name), workRoot(project));

function byName(r: TestReport, name: string): TestCaseResult {
  const t = r.tests.find((c) => c.name === name);
  if (!t) throw new Error(`no test named ${name}`);
  return t;
}

describe('JUnit XML dialects (real tool output)', () => {
  it('jest-junit: flattened describe blocks, file attribute, failure lines from the stack', async () => {
    const r = await report('jest-junit.xml', 'jest-app');
    expect(r.totals).toEqual({ tests: 9, passed: 4, failed: 3, skipped: 1, errors: 1 });
    // A file that failed to load: jest-junit writes it twice (error, then its JSON); one error entry.
    expect(r.tests.filter((t) => t.file === 'test/broken.test.js')).toEqual([
      expect.objectContaining({
        id: 'Test suite failed to run::test/broken.test.js',
        status: 'error',
        line: 3,
        message: '● Test suite failed to run',
      }),
    ]);
    const wrong = byName(r, 'cart total is wrong on purpose');
    expect(wrong).toMatchObject({ status: 'failed', file: 'test/cart.test.js', line: 10, suite: 'cart' });
    expect(wrong.message).toBe('Error: expect(received).toBe(expected) // Object.is equality');
    expect(byName(r, 'cart parseQty throws on junk')).toMatchObject({ status: 'failed', line: 25 });
    expect(byName(r, 'cart times out')).toMatchObject({ status: 'failed', line: 28 });
    expect(byName(r, 'cart discount TEN takes ten off').status).toBe('skipped');
    expect(r.warnings).toEqual([]);
  });

  it('vitest: classname is the file, the ❯ frame gives the line', async () => {
    const r = await report('vitest-junit.xml', 'vitest-app');
    expect(r.totals).toEqual({ tests: 7, passed: 3, failed: 3, skipped: 1, errors: 0 });
    expect(byName(r, 'cart > total > is wrong on purpose')).toMatchObject({
      file: 'test/cart.test.js',
      line: 11,
      message: 'expected 4 to be 5 // Object.is equality',
    });
    expect(byName(r, 'cart > parseQty throws on junk')).toMatchObject({
      line: 26,
      message: 'not a quantity: abc',
    });
    expect(byName(r, 'cart > times out').line).toBe(29);
  });

  it('mocha-junit-reporter: counts cases, not the suite attribute; a failing hook is an error', async () => {
    const r = await report('mocha-junit.xml', 'mocha-app');
    // The reporter drops the skipped test but still says tests="2" on its suite.
    expect(r.totals).toEqual({ tests: 7, passed: 3, failed: 3, skipped: 0, errors: 1 });
    expect(byName(r, 'with a broken hook "before all" hook for "never runs"')).toMatchObject({
      status: 'error',
      file: 'test/cart.spec.js',
      line: 44,
      message: 'database unavailable',
    });
    expect(byName(r, 'cart total is wrong on purpose')).toMatchObject({ suite: 'total', line: 11 });
  });

  it('node --test: nested suites counted from their test cases', async () => {
    const r = await report('node-test-junit.xml', 'node-test-app');
    expect(r.totals).toEqual({ tests: 8, passed: 3, failed: 4, skipped: 1, errors: 0 });
    expect(byName(r, 'is wrong on purpose')).toMatchObject({
      suite: 'total',
      file: 'test/cart.test.js',
      line: 12,
    });
    expect(byName(r, 'second subtest fails')).toMatchObject({ suite: 'parent with subtests', line: 39 });
    expect(byName(r, 'times out').message).toBe('test timed out after 50ms');
    expect(byName(r, 'TEN takes ten off')).toMatchObject({
      status: 'skipped',
      message: 'not implemented yet',
    });
  });

  it('pytest: error on setup is an error, xfail is skipped, location from the traceback', async () => {
    const r = await report('pytest-junit.xml', 'pytest-app');
    expect(r.totals).toEqual({ tests: 8, passed: 2, failed: 3, skipped: 2, errors: 1 });
    expect(byName(r, 'test_wrong_on_purpose')).toMatchObject({
      id: 'tests.test_cart.TestTotal::test_wrong_on_purpose',
      file: 'tests/test_cart.py',
      line: 13,
    });
    expect(byName(r, 'test_parse_qty_raises')).toMatchObject({ file: 'tests/test_cart.py', line: 17 });
    expect(byName(r, 'test_needs_db')).toMatchObject({ status: 'error', line: 27 });
    expect(byName(r, 'test_known_bug')).toMatchObject({ status: 'skipped', message: 'known bug' });
    expect(byName(r, 'test_parametrized[2-3]')).toMatchObject({ status: 'failed', line: 41 });
  });

  it('gotestsum: subtests are tests and the parent failing through one is a failure', async () => {
    const r = await report('gotestsum-junit.xml', 'go-app');
    expect(r.totals).toEqual({ tests: 8, passed: 3, failed: 4, skipped: 1, errors: 0 });
    expect(byName(r, 'TestDiv/wrong')).toMatchObject({
      status: 'failed',
      file: 'calc_test.go',
      line: 30,
      message: 'calc_test.go:30: Div(7, 2) = 3, want 4',
    });
    expect(byName(r, 'TestDiv').status).toBe('failed');
    expect(byName(r, 'TestPanics')).toMatchObject({
      file: 'calc/calc_test.go',
      line: 41,
      message: 'panic: assignment to entry in nil map [recovered]',
    });
  });

  it('Maven Surefire reruns: flaky passes count as passed with attempts, reruns add attempts', async () => {
    const r = await parseJUnit(fixture('reports', 'surefire-rerun.xml'), '/');
    expect(r.totals).toEqual({ tests: 4, passed: 2, failed: 1, skipped: 0, errors: 1 });
    expect(byName(r, 'throwsAlways')).toMatchObject({
      status: 'error',
      attempts: 4,
      file: 'ExampleTests.java',
      line: 26,
    });
    expect(byName(r, 'failsAssertionAlways')).toMatchObject({ status: 'failed', attempts: 4, line: 40 });
    expect(byName(r, 'failsAssertionOnlyFirstAttempt')).toMatchObject({
      status: 'passed',
      attempts: 2,
      message: null,
    });
    expect(byName(r, 'throwsOnlyFirstAttempt')).toMatchObject({ status: 'passed', attempts: 2 });
  });

  it('.NET JUnit logger: the assembly is not the source file; "in X.cs:line N" is', async () => {
    const r = await parseJUnit(fixture('reports', 'dotnet-junit-logger.xml'), '/');
    expect(r.totals).toEqual({ tests: 9, passed: 5, failed: 4, skipped: 0, errors: 0 });
    const failed = r.tests.filter((t) => t.status === 'failed');
    expect(failed.map((t) => t.name)).toEqual([
      'Multiply_ReturnsEight(1,0)',
      'Multiply_ReturnsEight(1,2)',
      'Multiply_ReturnsEight(2,2)',
      'Multiply_ReturnsEight(1,2)',
    ]);
    expect(failed[0]).toMatchObject({
      file: 'C:/Users/[user name]/Documents/GitHub/[solution folder]/UnitTests/MathTests.cs',
      line: 40,
      message: '  Expected: 8\r\n  But was:  0\r\n',
    });
    expect(r.tests[0]).toMatchObject({ file: null, durationMs: 29 });
  });

  it('past the text budget, tests keep status and message but drop their stack', async () => {
    const r = await report('pytest-junit.xml', 'pytest-app');
    const failing = r.tests.filter((t) => t.stack !== null);
    const budget = new TextBudget(failing[0].stack?.length ?? 0);
    expect(budget.keep(failing[0])).toBe(failing[0]);
    expect(budget.keep(failing[1])).toEqual({ ...failing[1], stack: null });
    expect(budget.dropped).toBe(1);
  });
});

describe('reading text that is not ASCII', () => {
  let n = 0;
  async function temp(content: string | Buffer): Promise<string> {
    const file = path.join(os.tmpdir(), `ai-ci-junit-utf8-${process.pid}-${n++}.xml`);
    await writeFile(file, content);
    return file;
  }

  it('keeps characters whole where they straddle the 1 MB read boundary', async () => {
    // Padding puts the first byte of the k-th 3-byte "✓" at k MB - k, so that the read boundary
    // falls after its first, second and third byte in turn.
    const names: string[] = [];
    let xml = '<testsuites><testsuite name="s">';
    for (let k = 1; k <= 3; k++) {
      const name = `é ✓ ${k} ● ü`;
      names.push(name);
      const padOpen = `<testcase name="pad${k}"><system-out>`;
      const padClose = '</system-out></testcase>';
      const before = Buffer.byteLength(xml + padOpen + padClose + '<testcase name="é ');
      xml += `${padOpen}${'a'.repeat(k * (1 << 20) - k - before)}${padClose}`;
      xml += `<testcase name="${name}"><failure message="✗ ${k}">ünïcödé</failure></testcase>`;
    }
    xml += '</testsuite></testsuites>';
    const bytes = Buffer.from(xml);
    const check = Buffer.from('✓');
    expect([1, 2, 3].map((k) => bytes.indexOf(check, (k - 1) << 20))).toEqual([
      (1 << 20) - 1,
      (2 << 20) - 2,
      (3 << 20) - 3,
    ]);
    const r = await parseJUnit(await temp(bytes), '/');
    expect(r.warnings).toEqual([]);
    expect(r.tests.filter((t) => !t.name.startsWith('pad')).map((t) => [t.name, t.message, t.stack])).toEqual(
      names.map((name, i) => [name, `✗ ${i + 1}`, 'ünïcödé']),
    );
  });

  it('keeps what was complete when the file is cut inside a character', async () => {
    const xml = Buffer.from('<testsuites><testsuite name="s"><testcase name="a"/><testcase name="b ✓');
    const r = await parseJUnit(await temp(xml.subarray(0, xml.length - 1)), '/');
    expect(r.tests.map((t) => t.name)).toEqual(['a']);
    expect(r.warnings).toEqual([expect.stringMatching(/^the file is truncated or malformed/)]);
  });
});

describe('LocationCache', () => {
  it('answers as locate does, for repeated and distinct stacks and files', () => {
    const cache = new LocationCache();
    const stack =
      'Error: boom\n    at Object.<anonymous> (/w/test/cart.test.js:10:5)\n    at /w/src/cart.js:3:1';
    const copy = (' ' + stack).slice(1);
    expect(cache.find(stack, null)).toEqual({ file: '/w/test/cart.test.js', line: 10 });
    expect(cache.find(copy, null)).toEqual(locate(copy, null));
    expect(cache.find(copy, 'src/cart.js')).toEqual({ file: '/w/src/cart.js', line: 3 });
    expect(cache.find(copy, 'other.js')).toBeNull();
    expect(cache.find(`${stack}x`, 'src/cart.js')).toEqual({ file: '/w/src/cart.js', line: 3 });
    expect(cache.find(null, null)).toBeNull();
  });
});
