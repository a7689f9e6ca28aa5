// Parses a 50 MB JUnit XML report (the real fixtures' test cases, repeated in many suites) with the
// streaming parser the actions use, and reports the wall time. `--large` also runs 500 MB to show
// that memory stays flat (peak RSS is reported alongside).
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { parseJUnit } from '../src/parsers/tests/junit.js';
import type { BenchOptions, BenchResult } from './types.js';

export const names = ['junit-50mb'];

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures/reports');
const SOURCES = [
  'jest-junit.xml',
  'pytest-junit.xml',
  'gotestsum-junit.xml',
  'surefire-rerun.xml',
  'mocha-junit.xml',
];

async function realCases(): Promise<string> {
  const cases: string[] = [];
  for (const f of SOURCES) {
    const xml = await readFile(path.join(FIXTURES, f), 'utf8');
    for (const m of xml.matchAll(/<testcase\b[^>]*?\/>|<testcase\b[^>]*[^/]>[\s\S]*?<\/testcase>/g))
      cases.push(m[0]);
  }
  return cases.join('\n');
}

async function generate(file: string, bytes: number): Promise<number> {
  const block = await realCases();
  const out = createWriteStream(file);
  let written = 0;
  let suites = 0;
  const write = async (s: string): Promise<void> => {
    written += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bench">\n');
  while (written < bytes) {
    await write(`  <testsuite name="suite-${suites++}">\n${block}\n  </testsuite>\n`);
  }
  await write('</testsuites>\n');
  out.end();
  await once(out, 'finish');
  return suites;
}

interface Measure {
  seconds: number;
  cpuSeconds: number;
  tests: number;
  rssMb: number;
  size: number;
}

async function measure(dir: string, mb: number): Promise<Measure> {
  const file = path.join(dir, `junit-${mb}mb.xml`);
  await generate(file, mb * 1024 * 1024);
  const size = (await stat(file)).size;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = await parseJUnit(file, '/');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await rm(file);
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    tests: report.totals.tests,
    rssMb: peak / 1024 / 1024,
    size,
  };
}

export default async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ai-ci-junit-bench-'));
  try {
    // Warm the JIT on the fixtures themselves, as a long-running parse would be by its first megabytes.
    for (const f of SOURCES) await parseJUnit(path.join(FIXTURES, f), '/');
    const r = await measure(dir, 50);
    const results: BenchResult[] = [
      {
        name: 'junit-50mb',
        value: Math.round(r.seconds * 1000) / 1000,
        unit: 's',
        op: '<=',
        target: 1.5,
        extra:
          `${r.tests} test cases, ${(r.size / 1024 / 1024 / r.seconds).toFixed(0)} MB/s, ` +
          `CPU ${r.cpuSeconds.toFixed(2)} s, peak RSS ${r.rssMb.toFixed(0)} MB, load average ${os.loadavg()[0].toFixed(1)}`,
      },
    ];
    if (opts.large) {
      const big = await measure(dir, 500);
      results.push({
        name: 'junit-500mb-rss',
        value: Math.round(big.rssMb),
        unit: 'MB',
        op: '<=',
        // The model keeps every test (and failure texts up to 64 MB): memory follows the test count
        // (about 1.2 KB per test case), not the file size.
        target: 1536,
        extra: `${big.tests} test cases in ${big.seconds.toFixed(1)} s (CPU ${big.cpuSeconds.toFixed(1)} s)`,
      });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
