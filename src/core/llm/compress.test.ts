import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifyFrame,
  collapseRepeats,
  compressFailures,
  compressLog,
  encodeRecord,
  normalizeLogLine,
  renderRepeats,
  templateOf,
} from './compress.js';
import { countTokens } from './tokens.js';

// Real job logs made by test/fixtures/scripts/gen-logs.sh running the real tools.
const LOGS = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'logs');
const log = (name: string, file = 'fail.gh.log') => readFileSync(join(LOGS, name, file), 'utf8');

describe('compressLog on real job logs', () => {
  it('jest: four failures, each with its message and in-app frame, no runner framing, no runtime frames', () => {
    const raw = log('jest');
    const c = compressLog(raw, { budgetTokens: 6000 });
    expect([c.blocks, c.clusters, c.truncated]).toEqual([4, 4, false]);
    const lines = c.text.split('\n');
    expect(lines[0]).toBe(`log_lines:${raw.split('\n').length}|failure_blocks:4|clusters:4`);
    for (const want of [
      '● cart › total adds price times quantity',
      'Expected: 11',
      'Received: 12',
      '> 5 |     expect(total([{ price: 2, qty: 3 }, { price: 5, qty: 1 }])).toBe(11);',
      'at Object.toBe (cart.test.js:5:65)',
      "TypeError: Cannot read properties of undefined (reading 'SAVE10')",
      'at discount (cart.js:9:15)',
      'Tests:       4 failed, 11 passed, 15 total',
    ]) {
      expect(lines.map((l) => l.trim())).toContain(want);
    }
    expect(c.text).not.toMatch(/\x1b\[|^\d{4}-\d\d-\d\dT/m);
    expect(c.text).not.toContain('node_modules');
    // Code-frame context around the failing line is dropped.
    expect(c.text).not.toContain("test('empty cart totals zero'");
    expect(c.tokens).toBe(countTokens(c.text));
    expect(c.tokens / countTokens(raw)).toBeLessThan(0.15);
  });

  it('mocha: keeps the unindented assertion diff inside the block and drops node:internal frames', () => {
    const c = compressLog(log('mocha'), { budgetTokens: 6000 });
    const lines = c.text.split('\n').map((l) => l.trim());
    expect(lines).toContain('2 !== 1');
    expect(lines).toContain('AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:');
    expect(lines).toContain('at Queue.peek (queue.js:10:38)');
    expect(lines).toContain('at Context.<anonymous> (test/queue.spec.js:15:44)');
    expect(c.text).not.toContain('node:internal');
    expect(lines).toContain('… 1 runtime frame');
  });

  it('go: keeps the panic and the in-app goroutine frames, drops the Go runtime, keeps compiler errors', () => {
    const c = compressLog(log('gotest'), { budgetTokens: 6000 });
    const lines = c.text.split('\n').map((l) => l.trim());
    expect(lines).toContain('panic: assignment to entry in nil map [recovered]');
    expect(lines).toContain('example.com/shop/parser.Parse({0x5246e8, 0x7})');
    expect(lines).toContain('/tmp/ai-ci-logs/gotest/parser/parser.go:16 +0xeb');
    expect(lines).toContain('ledger_test.go:7: Balance([3 4]) = 8, want 7');
    expect(lines).toContain('broken/broken.go:4:36: undefined: two');
    expect(c.text).not.toMatch(/\/usr\/lib\/go-[\d.]+\/src\//);
    expect(c.text).not.toContain('testing.tRunner');
  });

  it('node --test spec: the failing-tests summary repeats each failure; it joins the first without a second copy', () => {
    const c = compressLog(log('nodetest-spec'), { budgetTokens: 6000 });
    expect([c.blocks, c.clusters]).toEqual([5, 3]);
    expect(c.text.split('\n').filter((l) => l.startsWith('✖ trims dashes'))).toHaveLength(1);
    expect(c.text).toContain('cluster:1|failures:1');
    expect(c.text).toContain(
      'at TestContext.<anonymous> (file:///tmp/ai-ci-logs/nodetest/slug.test.js:7:12)',
    );
  });

  it('a log shorter than its summary is sent as itself (tsc, plain capture)', () => {
    const raw = log('tsc-plain', 'fail.log');
    const c = compressLog(raw, { budgetTokens: 6000 });
    expect(c.text).toBe(raw.trim());
    expect(c.tokens).toBe(countTokens(raw.trim()));
  });

  it('fits a tight budget and says that it cut', () => {
    const c = compressLog(log('jest'), { budgetTokens: 150 });
    expect(c.truncated).toBe(true);
    expect(c.tokens).toBeLessThanOrEqual(150);
    expect(c.text).toMatch(/\[budget reached: \d+ sections? cut or omitted\]$/);
    expect(c.text).toContain('● cart › total adds price times quantity');
  });

  it('survives hostile input: binary junk, a 2 MB line, special-token text', () => {
    const junk = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const hostile = `${junk}\n${'x'.repeat(2_000_000)}\n<|endoftext|> Error: boom\n`;
    const c = compressLog(hostile, { budgetTokens: 500 });
    expect(c.tokens).toBeLessThanOrEqual(500);
    expect(c.text).toContain('<|endoftext|> Error: boom');
  });
});

describe('compressFailures from a parsed report', () => {
  it("clusters the jest report's failures and trims their stacks to in-app frames", () => {
    const report: {
      testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
    } = JSON.parse(readFileSync(join(LOGS, 'jest', 'report.json'), 'utf8'));
    const failures = report.testResults
      .flatMap((r) => r.assertionResults)
      .filter((a) => a.status === 'failed')
      .map((a) => ({ test: a.fullName, message: a.failureMessages.join('\n') }));
    const c = compressFailures(failures, { budgetTokens: 4000 });
    expect([c.blocks, c.clusters]).toEqual([4, 4]);
    expect(c.text).toContain('test:cart total adds price times quantity');
    expect(c.text).toContain('at Object.toBe (/tmp/ai-ci-logs/jest/cart.test.js:5:65)');
    expect(c.text).not.toContain('jest-circus');
    const raw = failures.map((f) => f.message).join('\n');
    expect(c.tokens).toBeLessThan(countTokens(raw) / 2);
  });

  it('one exemplar per cluster: members add only the lines that differ', () => {
    const c = compressFailures(
      [
        { test: 'a', message: 'Expected: 3\nReceived: 4', stack: '    at t (src/x.test.js:3:5)' },
        { test: 'b', message: 'Expected: 5\nReceived: 4', stack: '    at t (src/x.test.js:9:5)' },
        { test: 'c', message: 'TypeError: x is undefined', stack: '    at f (src/x.js:1:1)' },
      ],
      { budgetTokens: 1000 },
    );
    expect(c.clusters).toBe(2);
    expect(c.text).toBe(
      [
        'failures:3|clusters:2',
        'cluster:1|failures:2',
        'test:a',
        'Expected: 3',
        'Received: 4',
        '    at t (src/x.test.js:3:5)',
        'also test:b:',
        'Expected: 5',
        '    at t (src/x.test.js:9:5)',
        'cluster:2|failures:1',
        'test:c',
        'TypeError: x is undefined',
        '    at f (src/x.js:1:1)',
      ].join('\n'),
    );
  });
});

describe('line helpers', () => {
  it('normalises runner timestamps, colours and carriage-return overdraws', () => {
    expect(
      normalizeLogLine('2026-11-21T23:24:06.1130000Z \x1b[1m\x1b[31m  \x1b[1m● \x1b[22mcart\x1b[39m  '),
    ).toBe('  ● cart');
    expect(normalizeLogLine('downloading 10%\rdownloading 100%')).toBe('downloading 100%');
  });

  it('templates variable parts and collapses neighbours with the same template', () => {
    expect(templateOf('retry 3 of 10 after 250ms (id 0x1f2e, 2026-11-21T10:00:00Z)')).toBe(
      'retry <n> of <n> after <dur> (id <hex>, <time>)',
    );
    expect(collapseRepeats(['GET /a 200 12ms', 'GET /a 200 12ms', 'Expected: 3', 'Expected: 4'])).toEqual([
      { line: 'GET /a 200 12ms', count: 2 },
      { line: 'Expected: 3', count: 1 },
      { line: 'Expected: 4', count: 1 },
    ]);
    const progress = Array.from({ length: 6 }, (_, i) => `downloaded ${i * 10} MB`);
    expect(renderRepeats(collapseRepeats([...progress, 'done']))).toEqual([
      'downloaded 0 MB [×6 similar]',
      'done',
    ]);
  });

  it("classifies frames as the project's own or runtime/dependency code", () => {
    expect(classifyFrame('    at Object.toBe (cart.test.js:5:65)')).toBe('app');
    expect(classifyFrame('    at Object.<anonymous> (src/a.test.ts:3:1)')).toBe('app');
    expect(classifyFrame('    at callAsyncCircusFn (/x/node_modules/jest-circus/build/utils.js:1:1)')).toBe(
      'runtime',
    );
    expect(classifyFrame('    at process.processImmediate (node:internal/timers:483:21)')).toBe('runtime');
    expect(classifyFrame('    at new Promise (<anonymous>)')).toBe('runtime');
    expect(classifyFrame('        Test.runInAsyncScope (node:async_hooks:206:9)')).toBe('runtime');
    expect(classifyFrame('  File "/usr/lib/python3.11/json/decoder.py", line 355, in raw_decode')).toBe(
      'runtime',
    );
    expect(classifyFrame('  File "/repo/app/main.py", line 3, in <module>')).toBe('app');
    expect(classifyFrame('\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b')).toBe('runtime');
    expect(classifyFrame('\tat java.base/java.util.ArrayList.get(ArrayList.java:427)')).toBe('runtime');
    expect(classifyFrame('Expected: 11')).toBeUndefined();
  });

  it('encodes records compactly and escapes separators', () => {
    expect(
      encodeRecord({
        test: 'a|b',
        file: 'src/x.ts',
        line: 3,
        note: 'two\nlines',
        empty: '',
        gone: undefined,
      }),
    ).toBe('test:a\\|b|file:src/x.ts|line:3|note:two\\nlines');
  });
});

describe('compressLogFile', () => {
  it('reads only the tail of a big file, redacts it, and says what it skipped', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { compressLogFile } = await import('./compress-file.js');
    const dir = await mkdtemp(join(tmpdir(), 'ai-ci-llm-'));
    try {
      const jest = log('jest');
      const secret = 'ghp_' + 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8';
      const head = `token ${secret}\n`.repeat(20_000);
      const file = join(dir, 'job.log');
      await writeFile(file, head + jest);
      const c = await compressLogFile(file, { budgetTokens: 6000, maxInputChars: jest.length + 100 });
      expect(c.text.split('\n')[0]).toMatch(/^skipped_head_bytes:\d+$/);
      expect(c.blocks).toBe(4);
      expect(c.text).not.toContain(secret);
      expect(c.text).toContain('Expected: 11');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
