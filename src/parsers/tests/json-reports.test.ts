import { parseJestJson } from './jest-json.js';
import { parseMochaJson } from './mocha-json.js';
import { parseGoJson } from './go-json.js';
import { fixture, workRoot } from '../testing/fixtures.js';
import type { TestCaseResult, TestReport } from '../types.js';

function byName(r: TestReport, name: string): TestCaseResult {
  const t = r.tests.find((c) => c.name === name);
  if (!t) throw new Error(`no test named ${name}`);
  return t;
}

describe('JSON test reports (real tool output)', () => {
  it('jest --json: retried-then-passed is passed with attempts 2; file:line from the stack', async () => {
    const r = await parseJestJson(fixture('reports', 'jest.json'), workRoot('jest-app'), 'jest-json');
    expect(r.kind).toBe('jest-json');
    expect(r.totals).toEqual({ tests: 9, passed: 4, failed: 3, skipped: 1, errors: 1 });
    expect(byName(r, 'Test suite failed to run')).toMatchObject({
      status: 'error',
      file: 'test/broken.test.js',
      line: 3,
    });
    expect(byName(r, 'passes on the second attempt')).toMatchObject({
      status: 'passed',
      attempts: 2,
      file: 'test/flaky.test.js',
    });
    expect(byName(r, 'cart total is wrong on purpose')).toMatchObject({
      id: 'test/cart.test.js::cart total is wrong on purpose',
      suite: 'cart > total',
      file: 'test/cart.test.js',
      line: 10,
      durationMs: 2,
    });
    expect(byName(r, 'cart parseQty throws on junk')).toMatchObject({
      line: 25,
      message: 'TypeError: not a quantity: abc',
    });
    expect(byName(r, 'cart discount TEN takes ten off')).toMatchObject({
      status: 'skipped',
      durationMs: null,
    });
  });

  it('vitest json: location is given; failures of earlier attempts mean a retry', async () => {
    const r = await parseJestJson(fixture('reports', 'vitest.json'), workRoot('vitest-app'), 'vitest-json');
    expect(r.totals).toEqual({ tests: 7, passed: 3, failed: 3, skipped: 1, errors: 0 });
    expect(byName(r, 'cart passes on the second attempt')).toMatchObject({
      status: 'passed',
      attempts: 2,
      message: null,
      line: 34,
    });
    expect(byName(r, 'cart total is wrong on purpose')).toMatchObject({
      line: 10,
      message: 'AssertionError: expected 4 to be 5 // Object.is equality',
      durationMs: 4.245,
    });
  });

  it('mocha --reporter json: a failing hook is an error; currentRetry counts attempts', async () => {
    const r = await parseMochaJson(fixture('reports', 'mocha.json'), workRoot('mocha-app'));
    expect(r.totals).toEqual({ tests: 8, passed: 3, failed: 3, skipped: 1, errors: 1 });
    expect(byName(r, 'cart passes on the second attempt')).toMatchObject({ status: 'passed', attempts: 2 });
    expect(byName(r, 'with a broken hook "before all" hook for "never runs"')).toMatchObject({
      status: 'error',
      file: 'test/cart.spec.js',
      line: 44,
      message: 'database unavailable',
    });
    expect(byName(r, 'cart parseQty throws on junk')).toMatchObject({ line: 26, suite: 'cart' });
    expect(byName(r, 'cart times out').message).toMatch(/^Timeout of 50ms exceeded/);
  });

  it('go test -json: subtests, a parent failing through its subtest, a panic', async () => {
    const r = await parseGoJson(fixture('reports', 'go-test.json'), workRoot('go-app'));
    expect(r.totals).toEqual({ tests: 8, passed: 3, failed: 4, skipped: 1, errors: 0 });
    expect(r.tests.map((t) => `${t.name}:${t.status}`)).toEqual([
      'TestAdd:passed',
      'TestAddWrong:failed',
      'TestDiv:failed',
      'TestDiv/ok:passed',
      'TestDiv/by_zero:passed',
      'TestDiv/wrong:failed',
      'TestSkipped:skipped',
      'TestPanics:failed',
    ]);
    expect(byName(r, 'TestAddWrong')).toMatchObject({
      id: 'example.com/goapp/calc::TestAddWrong',
      file: 'calc_test.go',
      line: 13,
      message: 'calc_test.go:13: Add(2, 2) = 4, want 5',
    });
    expect(byName(r, 'TestPanics')).toMatchObject({ file: 'calc/calc_test.go', line: 41 });
    expect(byName(r, 'TestSkipped').message).toBe('calc_test.go:36: not implemented yet');
  });

  it('go test -json of a package that does not build (Go < 1.24 prints it as text): one error', async () => {
    const r = await parseGoJson(fixture('reports', 'go-test-build-failure.json'), workRoot('go-broken'));
    expect(r.totals).toEqual({ tests: 1, passed: 0, failed: 0, skipped: 0, errors: 1 });
    expect(r.tests[0]).toMatchObject({ id: 'example.com/gobroken/calc::(package)', message: 'build failed' });
  });
});
