/**
 * Property test: random bytes and mutated real fixtures thrown at every parser. Whatever the input,
 * the result is either a one-line `{file, error}` or a report whose numbers are consistent; nothing
 * throws and nothing hangs (the jest timeout is the bound).
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseFile } from './index.js';
import { COVERAGE_KINDS, TEST_REPORT_KINDS, VULN_KINDS, type ParseResult } from './types.js';
import { fixture } from './testing/fixtures.js';

const SEEDS: Record<string, string> = {
  junit: 'reports/surefire-rerun.xml',
  'jest-json': 'reports/jest.json',
  'vitest-json': 'reports/vitest.json',
  'mocha-json': 'reports/mocha.json',
  'go-json': 'reports/go-test.json',
  tap: 'reports/node-test.tap',
  lcov: 'coverage/lcov.info',
  cobertura: 'coverage/cobertura.xml',
  jacoco: 'coverage/jacoco.xml',
  clover: 'coverage/clover.xml',
  istanbul: 'coverage/coverage-final.json',
  gocover: 'coverage/go-cover.out',
  'npm-audit': 'vulns/npm-audit-v7.json',
  trivy: 'vulns/trivy.json',
  grype: 'vulns/grype.json',
  sarif: 'vulns/grype.sarif',
};
const KINDS = [...TEST_REPORT_KINDS, ...COVERAGE_KINDS, ...VULN_KINDS];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.nat({ max: 200 }) }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: fc.nat(),
    len: fc.nat({ max: 200 }),
    times: fc.nat({ max: 50 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, muts: Mutation[]): string {
  let s = text;
  for (const m of muts) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    if (m.op === 'truncate') s = s.slice(0, at);
    else if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else s = s.slice(0, at) + s.slice(at, at + m.len).repeat(m.times) + s.slice(at);
  }
  return s;
}

function checkResult(r: ParseResult, file: string): void {
  expect(r.file).toBe(file);
  if ('error' in r) {
    expect(typeof r.error).toBe('string');
    expect(r.error).not.toMatch(/\n/);
    expect(r.error).not.toMatch(/^internal error/);
    return;
  }
  if ('tests' in r) {
    const t = r.totals;
    expect(t.tests).toBe(r.tests.length);
    expect(t.passed + t.failed + t.skipped + t.errors).toBe(t.tests);
    for (const c of r.tests) expect(c.attempts).toBeGreaterThanOrEqual(1);
  } else if ('files' in r) {
    for (const c of [r.totals.lines, r.totals.branches, r.totals.functions]) {
      expect(c.covered).toBeLessThanOrEqual(c.total);
      expect(c.pct).toBeGreaterThanOrEqual(0);
      expect(c.pct).toBeLessThanOrEqual(100);
    }
  } else if ('counts' in r) {
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.findings.length);
  }
}

let n = 0;
const tmp = (): string => path.join(os.tmpdir(), `ai-ci-fuzz-${process.pid}-${n++}`);

describe('every parser survives random and mutated input', () => {
  it.each(KINDS)('%s', async (kind) => {
    const seed = await readFile(fixture(...SEEDS[kind].split('/')), 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (muts) => {
        const file = tmp();
        await writeFile(file, mutate(seed, muts));
        checkResult(await parseFile(file, { kind }), file);
        checkResult(await parseFile(file), file);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        const file = tmp();
        await writeFile(file, bytes);
        checkResult(await parseFile(file, { kind }), file);
      }),
      { numRuns: 20 },
    );
  });
});
