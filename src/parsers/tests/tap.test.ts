import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseTap } from './tap.js';
import { fixture, workRoot } from '../testing/fixtures.js';
import type { TestReport } from '../types.js';

const names = (r: TestReport): string[] => r.tests.map((t) => `${t.suite}::${t.name}:${t.status}`);

describe('TAP (real tool output)', () => {
  it('node --test TAP: describe blocks are suites, a test with subtests is itself a test', async () => {
    const r = await parseTap(fixture('reports', 'node-test.tap'), workRoot('node-test-app'));
    // node's own summary for this run: tests 9, pass 3, fail 4 (+1 cancelled by timeout), skipped 1.
    expect(r.totals).toEqual({ tests: 9, passed: 3, failed: 5, skipped: 1, errors: 0 });
    expect(names(r)).toEqual([
      'cart > total::sums price times quantity:passed',
      'cart > total::is wrong on purpose:failed',
      'cart > discount::halves with HALF:passed',
      'cart > discount::TEN takes ten off:skipped',
      'cart::parseQty throws on junk:failed',
      'cart::times out:failed',
      'parent with subtests::first subtest passes:passed',
      'parent with subtests::second subtest fails:failed',
      '::parent with subtests:failed',
    ]);
    const wrong = r.tests[1];
    expect(wrong).toMatchObject({ file: 'test/cart.test.js', line: 12, durationMs: 13.7 });
    expect(wrong.message).toBe('Expected values to be strictly equal:\n\n4 !== 5');
    expect(r.tests[5]).toMatchObject({ line: 30, message: 'test timed out after 50ms' });
    expect(r.tests[3].message).toBe('not implemented yet');
  });

  it('mocha TAP: plain points with indented diagnostics; a hook failure is an error', async () => {
    const r = await parseTap(fixture('reports', 'mocha.tap'), workRoot('mocha-app'));
    expect(r.totals).toEqual({ tests: 8, passed: 3, failed: 3, skipped: 1, errors: 1 });
    expect(r.tests[0]).toMatchObject({
      name: 'cart parseQty throws on junk',
      status: 'failed',
      file: 'test/cart.spec.js',
      line: 26,
      message: 'not a quantity: abc',
    });
    expect(r.tests[7]).toMatchObject({ status: 'error', line: 44 });
  });

  it('keeps what was complete when the file ends inside a YAML block', async () => {
    const full = await readFile(fixture('reports', 'node-test.tap'), 'utf8');
    const file = path.join(os.tmpdir(), `tap-trunc-${process.pid}.tap`);
    await writeFile(file, full.slice(0, full.indexOf("failureType: 'testCodeFailure'")));
    const r = await parseTap(file, workRoot('node-test-app'));
    expect(names(r)).toEqual([
      'cart > total::sums price times quantity:passed',
      'cart > total::is wrong on purpose:failed',
    ]);
    expect(r.warnings).toEqual(['the file is truncated inside a YAML block; kept what was complete']);
  });
});
