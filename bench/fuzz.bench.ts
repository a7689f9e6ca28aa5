// Fuzzes every parser (`parseFile` with each --kind, and with detection) with a larger budget than
// the unit test src/parsers/fuzz.test.ts: mutated real fixtures, random bytes, and hostile shapes
// (a 16 MB single line, 100k-deep nesting, XML entity bombs, NUL-filled and invalid UTF-8 files).
// A crash is a thrown error or a result outside the contract (a multi-line or "internal error"
// message, inconsistent totals). Reports crashes, the slowest single input (a hang shows here)
// and the peak RSS (bounded memory).
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseFile } from '../src/parsers/index.js';
import { COVERAGE_KINDS, TEST_REPORT_KINDS, VULN_KINDS, type ParseResult } from '../src/parsers/types.js';
import type { BenchOptions, BenchResult } from './types.js';

export const names = ['fuzz-crashes', 'fuzz-slowest-input', 'fuzz-peak-rss', 'fuzz-inputs'];

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures');
const SEEDS: Record<string, string> = {
  junit: 'reports/surefire-rerun.xml',
  'jest-json': 'reports/jest.json',
  'vitest-json': 'reports/vitest.json',
  'mocha-json': 'reports/mocha.json',
  'go-json': 'reports/go-test.json',
  tap: 'reports/node-test.tap',
  log: 'logs/jest/fail.gh.log',
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
const KINDS = [...TEST_REPORT_KINDS, 'log', ...COVERAGE_KINDS, ...VULN_KINDS];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 80 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: fc.nat(),
    len: fc.nat({ max: 400 }),
    times: fc.nat({ max: 200 }),
  }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat(), len: fc.nat({ max: 200 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, muts: Mutation[]): string {
  let s = text;
  for (const m of muts) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    if (m.op === 'truncate') s = s.slice(0, at);
    else if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.op === 'repeat') s = s.slice(0, at) + s.slice(at, at + m.len).repeat(m.times) + s.slice(at);
    else {
      const piece = s.slice(at, at + m.len);
      const rest = s.slice(0, at) + s.slice(at + m.len);
      const to = rest.length === 0 ? 0 : m.to % (rest.length + 1);
      s = rest.slice(0, to) + piece + rest.slice(to);
    }
  }
  return s;
}

/** Why a result breaks the parsers' contract, or undefined when it keeps it. */
function contractBreak(r: ParseResult, file: string): string | undefined {
  if (r.file !== file) return `result names ${r.file}`;
  if ('error' in r) {
    if (typeof r.error !== 'string') return 'error is not a string';
    if (/\n/.test(r.error)) return 'multi-line error';
    if (/^internal error/.test(r.error)) return `internal error: ${r.error}`;
    return undefined;
  }
  if ('tests' in r) {
    const t = r.totals;
    if (t.tests !== r.tests.length) return 'totals.tests != tests.length';
    if (t.passed + t.failed + t.skipped + t.errors !== t.tests) return 'totals do not add up';
  } else if ('files' in r) {
    for (const c of [r.totals.lines, r.totals.branches, r.totals.functions]) {
      if (c.covered > c.total || c.pct < 0 || c.pct > 100) return 'coverage counts out of range';
    }
  } else if ('counts' in r) {
    if (Object.values(r.counts).reduce((a, b) => a + b, 0) !== r.findings.length) return 'counts != findings';
  }
  return undefined;
}

/** Hostile shapes no mutation reaches in a small budget. */
function hostile(): Array<{ name: string; data: string | Buffer }> {
  const deepXml = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
  const entityBomb =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
    ).join('') +
    ']><testsuites><testsuite name="&lol9;"><testcase name="&lol9;"/></testsuite></testsuites>';
  const external =
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&xxe;"/></testsuite>';
  return [
    { name: 'deep XML', data: deepXml },
    { name: 'deep JSON', data: '['.repeat(100_000) + ']'.repeat(100_000) },
    { name: 'deep JSON objects', data: '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) },
    { name: 'entity bomb', data: entityBomb },
    { name: 'external entity', data: external },
    { name: '16 MB line', data: 'x'.repeat(16 * 1024 * 1024) },
    { name: '16 MB line in XML attribute', data: `<testsuite name="${'y'.repeat(16 * 1024 * 1024)}"/>` },
    { name: 'NUL bytes', data: Buffer.alloc(1024 * 1024) },
    { name: 'invalid UTF-8', data: Buffer.from(Array.from({ length: 65536 }, (_, i) => 0x80 + (i % 64))) },
    { name: 'empty', data: '' },
  ];
}

export default async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ai-ci-fuzz-bench-'));
  const mutatedRuns = opts.large ? 2000 : 250;
  const randomRuns = opts.large ? 500 : 80;
  const crashes: string[] = [];
  let inputs = 0;
  let slowestMs = 0;
  let slowestWhat = '';
  let peakRss = process.memoryUsage().rss;
  let n = 0;

  const check = async (data: string | Buffer | Uint8Array, kind: string | undefined, what: string) => {
    const file = path.join(dir, `in-${n++}`);
    await writeFile(file, data);
    const started = performance.now();
    try {
      const r = await parseFile(file, kind ? { kind, root: dir } : { root: dir });
      const why = contractBreak(r, file);
      if (why) crashes.push(`${what} (${kind ?? 'auto'}): ${why}`);
    } catch (e) {
      crashes.push(`${what} (${kind ?? 'auto'}): threw ${e instanceof Error ? e.message : String(e)}`);
    }
    const ms = performance.now() - started;
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestWhat = `${what} (${kind ?? 'auto'})`;
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    inputs++;
    await rm(file, { force: true });
  };

  try {
    for (const kind of KINDS) {
      const seed = await readFile(path.join(FIXTURES, SEEDS[kind]), 'utf8');
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (muts) => {
          const text = mutate(seed, muts);
          await check(text, kind, 'mutated fixture');
          await check(text, undefined, 'mutated fixture');
        }),
        { numRuns: mutatedRuns, seed: 1 },
      );
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
          await check(bytes, kind, 'random bytes');
        }),
        { numRuns: randomRuns, seed: 2 },
      );
      for (const h of hostile()) await check(h.data, kind, h.name);
    }
    for (const h of hostile()) await check(h.data, undefined, h.name);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return [
    {
      name: 'fuzz-crashes',
      value: crashes.length,
      unit: 'crashes',
      op: '==',
      target: 0,
      extra: crashes.slice(0, 3).join(' | ') || `${KINDS.length} kinds`,
    },
    {
      name: 'fuzz-slowest-input',
      value: Math.round(slowestMs),
      unit: 'ms',
      op: '<=',
      target: 10_000,
      extra: slowestWhat,
    },
    { name: 'fuzz-peak-rss', value: Math.round(peakRss / 2 ** 20), unit: 'MB', op: '<=', target: 768 },
    // Every planned input ran: fast-check stops a property at its first failure.
    {
      name: 'fuzz-inputs',
      value: inputs,
      unit: 'inputs',
      op: '==',
      target: KINDS.length * (2 * mutatedRuns + randomRuns + hostile().length) + hostile().length,
    },
  ];
}
