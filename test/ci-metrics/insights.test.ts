import { MemoryKv } from '../../src/core/cache/memory-store.js';
import { TieredStore } from '../../src/core/cache/tiered-store.js';
import { recordingLogger } from '../../src/core/logger.js';
import { xyChart } from '../../src/core/mermaid/xychart.js';
import { loadHistory, recordRun } from '../../src/actions/ci-metrics/history.js';
import { changePoints } from '../../src/actions/ci-metrics/insights/changepoint.js';
import { buildInsights } from '../../src/actions/ci-metrics/insights/insights.js';
import { vulnerabilityMttrDays } from '../../src/actions/ci-metrics/insights/kpis.js';
import { insightCharts, renderInsights } from '../../src/actions/ci-metrics/insights/render.js';
import { dateOf, generateHistory, prng } from './history-fixture.js';
import { parseMermaid, parseMermaidAll } from './mermaid-parse.js';

describe('change points', () => {
  it('finds the injected change on the right day of 60 days of history', async () => {
    for (const changeDay of [12, 33, 41]) {
      const i = await buildInsights(generateHistory({ changeDay }), { logger: recordingLogger() });
      const build = i.changes.filter((c) => c.series === 'build_minutes');
      expect(build.map((c) => c.date)).toEqual([dateOf(changeDay)]);
      expect(build[0].before).toBeCloseTo(10, 0);
      expect(build[0].after).toBeCloseTo(14, 0);
    }
  });

  it('finds nothing in noise alone', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const rand = prng(seed);
      const series = Array.from({ length: 60 }, () => 10 + (rand() - 0.5) * 2);
      expect(changePoints(series)).toEqual([]);
    }
  });

  it('names the vulnerability that came and went, and the commits around the build-time move', async () => {
    const days = generateHistory({ changeDay: 41 });
    const asked: string[] = [];
    const i = await buildInsights(days, {
      logger: recordingLogger(),
      commitsBetween: async (base, head) => {
        asked.push(`${base.slice(-4)}...${head.slice(-4)}`);
        return [{ sha: head, message: 'Switch the test runner to a bigger matrix\n\nbody' }];
      },
    });
    expect(i.changes.map((c) => [c.series, c.date, c.before, c.after])).toEqual([
      ['vulnerabilities', dateOf(20), 2, 3],
      ['vulnerabilities', dateOf(25), 3, 2],
      ['build_minutes', dateOf(41), i.changes[2].before, i.changes[2].after],
    ]);
    // Day 40's last run is run 123 (0x7b), day 41's first is run 124 (0x7c).
    expect(i.changes[2].shaBefore?.endsWith('7b')).toBe(true);
    expect(i.changes[2].shaAfter?.endsWith('7c')).toBe(true);
    expect(i.changes[2].commits).toEqual([
      { sha: i.changes[2].shaAfter, message: 'Switch the test runner to a bigger matrix' },
    ]);
    expect(asked).toHaveLength(3);
  });
});

describe('KPIs', () => {
  it('has the seed table with a status the history supports', async () => {
    const i = await buildInsights(generateHistory({ changeDay: 41 }), { logger: recordingLogger() });
    expect(i.kpis.map((k) => [k.kpi, k.status])).toEqual([
      ['Build time (PRs)', 'pass'],
      ['Build time (main)', 'pass'],
      ['Flaky test rate', 'fail'],
      ['Vulnerability MTTR (HIGH)', 'pass'],
      ['Vulnerability MTTR (CRITICAL)', 'pass'],
      ['Coverage trend', 'pass'],
      ['Auto-fix accuracy', 'not measured'],
      ['Developer satisfaction', 'not measured'],
    ]);
    // 9 of 180 runs needed a second attempt: 5.0%, not under 5%.
    expect(i.kpis[2].current).toBe('5.0% of 180 successful runs');
    expect(i.kpis[3].current).toBe('5.0 days over 1 fixed');
    expect(i.kpis[4].current).toBe('none introduced in the window');
  });

  it('measures MTTR first in, first out', () => {
    const days = generateHistory({ changeDay: 41, days: 30 });
    expect(vulnerabilityMttrDays(days, 'high')).toEqual({ days: 5, episodes: 1, open: 0 });
  });
});

describe('insights output', () => {
  it("is accepted by mermaid's own parser, chart by chart", async () => {
    const i = await buildInsights(generateHistory({ changeDay: 41 }), { logger: recordingLogger() });
    const charts = insightCharts(i);
    expect(charts.map((c) => c.title)).toEqual([
      'Build time (median, min)',
      'Flake rate (% of runs re-run or with flaky tests)',
      'Line coverage (%)',
      'High + critical vulnerabilities',
      'Decision cache hit rate (%)',
      'LLM cost per day (USD)',
    ]);
    expect(await parseMermaidAll(charts.map((c) => c.diagram))).toEqual(
      charts.map(() => ({ ok: true, type: 'xychart' })),
    );
  }, 60_000);

  it('rejects what mermaid rejects (the parser check can fail)', async () => {
    await expect(parseMermaid('xychart-beta\n  x-axis [a, b\n  line [1, 2]')).rejects.toThrow(/Parse error/);
    expect(() =>
      xyChart({ title: 't', x: ['a'], yLabel: 'y', series: [{ kind: 'line', values: [1, 2] }] }),
    ).toThrow('series of 2 values for 1 categories');
  });

  it('quotes hostile titles so the chart still parses', async () => {
    const d = xyChart({
      title: 'a "quoted" [title]\nnext',
      x: ['11-01', 'x"y'],
      yLabel: 'min',
      series: [{ kind: 'bar', values: [1, 2.5] }],
    });
    expect(await parseMermaid(d)).toBe('xychart');
  });

  it('renders the deterministic narrative, the KPI table and the charts without an LLM', async () => {
    const i = await buildInsights(generateHistory({ changeDay: 41 }), { logger: recordingLogger() });
    const md = renderInsights(i, { repo: 'octo/demo', generatedAt: '2026-11-21T06:00:00Z' });
    expect(i.narrativeSource).toBe('deterministic');
    expect(md).toContain('180 runs from 2026-09-22 to 2026-11-20 (60 days with data).');
    expect(md).toContain(
      '| Flaky test rate | Successful builds that needed a re-run or had flaky tests | < 5% | 5.0% of 180 successful runs | ❌ off target |',
    );
    expect(md).toContain(`Build time (median, min) rose from`);
    expect(md.match(/```mermaid\nxychart-beta/g)).toHaveLength(6);
  });
});

describe('history in the store', () => {
  it('keeps one record per run attempt per day, and reads back the window', async () => {
    const store = new TieredStore({
      namespace: 'ai-ci:octo/demo:',
      chain: [new MemoryKv()],
      logger: recordingLogger(),
    });
    const days = generateHistory({ changeDay: 41, days: 10 });
    for (const d of days) for (const r of d.runs) await recordRun(store, r, 90);
    await recordRun(store, days[9].runs[0], 90);
    const back = await loadHistory(store, new Date(`${dateOf(9)}T23:00:00Z`), 5);
    expect(back.map((d) => [d.date, d.runs.length])).toEqual([5, 6, 7, 8, 9].map((n) => [dateOf(n), 3]));
    expect(back[4].runs).toEqual(days[9].runs);
  });
});
