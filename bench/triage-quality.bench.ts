/**
 * Quality of the raw-log failure extractor on the committed real-tool fixtures
 * (test/fixtures/logs/<case>/). The "explaining lines" are labelled by
 * test/fixtures/scripts/label-logs.mjs from each tool's own structured report, not by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { triage } from '../src/actions/ai-triage/triage.js';
import { isParseError, parseFile } from '../src/parsers/index.js';
import { extractLogFailures } from '../src/parsers/logs/index.js';
import type { TestReport } from '../src/parsers/types.js';
import type { BenchOptions, BenchResult } from './types.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const ROOT = fileURLToPath(new URL('../test/fixtures/logs/', import.meta.url));
const REPORTS = ['report.json', 'report.xml'];
const PAIRS: [string, string][] = [
  ['fail.log', 'pass.log'],
  ['fail.color.log', 'pass.log'],
  ['fail.gh.log', 'pass.gh.log'],
];

interface Labels {
  items: string[];
  logs: Record<string, number[]>;
}

const normItem = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface QualityFigures {
  recall: number;
  precision: number;
  medianLines: number;
  noPassingHitRate: number;
  testsFound: number;
  testsTotal: number;
  perLog: string[];
}

export async function measureQuality(): Promise<QualityFigures> {
  let labelled = 0;
  let recalled = 0;
  let returned = 0;
  let returnedLabelled = 0;
  const perLogLines: number[] = [];
  let logs = 0;
  let hits = 0;
  let found = 0;
  let total = 0;
  const perLog: string[] = [];
  for (const c of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, c);
    if (!existsSync(join(dir, 'labels.json'))) continue;
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
    for (const [fail, pass] of PAIRS) {
      const want = new Set(labels.logs[fail] ?? []);
      if (want.size === 0) continue;
      const noPass = await extractLogFailures(join(dir, fail));
      const noPassLines = noPass.failures.flatMap((f) => f.lines.map((l) => l.n));
      logs++;
      if (noPassLines.length <= 30 && noPassLines.some((n) => want.has(n))) hits++;
      if (fail === 'fail.log') {
        const items = noPass.failures.map((f) => normItem(f.item));
        for (const it of labels.items) {
          total++;
          const w = normItem(it);
          if (items.some((x) => x === w || x.includes(w) || w.includes(x) || w.endsWith(` ${x}`))) found++;
        }
      }
      if (!existsSync(join(dir, pass))) continue;
      const withPass = await extractLogFailures(join(dir, fail), { passingLogPath: join(dir, pass) });
      const got = new Set(withPass.failures.flatMap((f) => f.lines.map((l) => l.n)));
      const ok = [...got].filter((n) => want.has(n)).length;
      labelled += want.size;
      recalled += ok;
      returned += got.size;
      returnedLabelled += ok;
      perLogLines.push(got.size);
      perLog.push(`${c}/${fail}: recall ${ok}/${want.size} precision ${ok}/${got.size}`);
    }
  }
  perLogLines.sort((a, b) => a - b);
  const mid = perLogLines.length / 2;
  const median =
    perLogLines.length === 0
      ? 0
      : perLogLines.length % 2
        ? perLogLines[Math.floor(mid)]
        : (perLogLines[mid - 1] + perLogLines[mid]) / 2;
  const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);
  return {
    recall: pct(recalled, labelled),
    precision: pct(returnedLabelled, returned),
    medianLines: median,
    noPassingHitRate: pct(hits, logs),
    testsFound: found,
    testsTotal: total,
    perLog,
  };
}

export interface Calibration {
  /** Root causes reported with confidence >= 0.9. */
  confident: number;
  /** Of those, how many quote at least one labelled explaining line of the log. */
  right: number;
  /** `case/log: title` of the confident root causes that quote no labelled line. */
  wrong: string[];
  /** Root causes below 0.9 (not judged). */
  unsure: number;
}

/**
 * Runs the deterministic triage on each labelled fixture log, with the fixture's structured test
 * report beside it when it has one (jest/vitest/mocha JSON, go test -json, JUnit XML), as the
 * action would read them. A root cause is right when its explaining lines include a labelled line
 * of that log (labels come from the tools' own reports, test/fixtures/scripts/label-logs.mjs).
 */
export async function measureCalibration(): Promise<Calibration> {
  const out: Calibration = { confident: 0, right: 0, wrong: [], unsure: 0 };
  for (const c of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, c);
    if (!existsSync(join(dir, 'labels.json'))) continue;
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
    const testReports: Array<{ source: string; report: TestReport; lines: string[] }> = [];
    for (const name of REPORTS) {
      const file = join(dir, name);
      if (!existsSync(file)) continue;
      const r = await parseFile(file, { root: REPO });
      // npm's and eslint's JSON are not test reports: the log is the only source there.
      if (isParseError(r) || !('tests' in r)) continue;
      const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
      testReports.push({ source: relative(REPO, file), report: r, lines });
    }
    for (const [fail] of PAIRS) {
      const want = new Set(labels.logs[fail] ?? []);
      if (want.size === 0) continue;
      const source = relative(REPO, join(dir, fail));
      const report = await extractLogFailures(join(dir, fail));
      const { report: triaged } = triage({
        testReports,
        logReports: [{ source, report }],
        root: REPO,
        sha: '0000000000000000000000000000000000000000',
        history: new Map(),
        threshold: 0.9,
      });
      for (const rc of triaged.root_causes) {
        if (rc.confidence < 0.9) {
          out.unsure++;
          continue;
        }
        out.confident++;
        if (rc.lines.some((l) => l.source === source && want.has(l.n))) out.right++;
        else out.wrong.push(`${c}/${fail}: ${rc.title.slice(0, 60)}`);
      }
    }
  }
  return out;
}

export default async function run(_opts: BenchOptions): Promise<BenchResult[]> {
  const q = await measureQuality();
  const cal = await measureCalibration();
  const calPct = cal.confident === 0 ? 0 : Math.round((1000 * cal.right) / cal.confident) / 10;
  return [
    {
      name: 'triage-calibration',
      value: calPct,
      unit: '%',
      op: '>=',
      target: 90,
      extra:
        `${cal.right}/${cal.confident} root causes with confidence >= 0.9 quote a labelled line; ${cal.unsure} below 0.9` +
        (cal.wrong.length ? `; not: ${cal.wrong.slice(0, 5).join(' | ')}` : ''),
    },
    {
      name: 'triage-line-recall',
      value: q.recall,
      unit: '%',
      op: '>=',
      target: 95,
      extra: 'with passing log, real-tool fixtures',
    },
    { name: 'triage-line-precision', value: q.precision, unit: '%', op: '>=', target: 60 },
    { name: 'triage-lines-median', value: q.medianLines, unit: 'lines', op: '<=', target: 20 },
    {
      name: 'triage-no-passing-hit-rate',
      value: q.noPassingHitRate,
      unit: '%',
      op: '>=',
      target: 93,
      extra: '<= 30 lines returned',
    },
    {
      name: 'triage-failing-tests-found',
      value: q.testsFound,
      unit: 'tests',
      op: '==',
      target: q.testsTotal,
      extra: `of ${q.testsTotal}`,
    },
  ];
}
