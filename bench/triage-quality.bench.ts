/**
 * Quality of the raw-log failure extractor on the committed real-tool fixtures
 * (test/fixtures/logs/<case>/). The "explaining lines" are labelled by
 * test/fixtures/scripts/label-logs.mjs from each tool's own structured report, not by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractLogFailures } from '../src/parsers/logs/index.js';
import type { BenchOptions, BenchResult } from './types.js';

const ROOT = fileURLToPath(new URL('../test/fixtures/logs/', import.meta.url));
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

export default async function run(_opts: BenchOptions): Promise<BenchResult[]> {
  const q = await measureQuality();
  return [
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
