import { mermaidBlock, xyChart } from '../../../core/mermaid/xychart.js';
import { describeChange, type Insights } from './insights.js';

const STATUS_ICON: Record<string, string> = {
  pass: '✅ on target',
  fail: '❌ off target',
  'not measured': '⚪ not measured',
};

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The charts (one per series with at least two days), as Mermaid xychart-beta diagrams. */
export function insightCharts(i: Insights): { title: string; diagram: string }[] {
  return i.series
    .filter((s) => s.values.length >= 2)
    .map((s) => ({
      title: s.title,
      diagram: xyChart({
        title: s.title,
        x: s.dates.map((d) => d.slice(5)),
        yLabel: s.unit,
        ...(s.unit === '%' ? { yMin: 0, yMax: 100 } : {}),
        series: [{ kind: 'line', values: s.values }],
      }),
    }));
}

export function renderInsights(i: Insights, meta: { repo: string; generatedAt: string }): string {
  const out: string[] = [];
  out.push(`# CI insights — ${meta.repo}`);
  out.push('');
  out.push(
    i.runs
      ? `${i.runs} runs from ${i.from} to ${i.to} (${i.days} days with data). Generated ${meta.generatedAt}.`
      : `No runs recorded yet. Generated ${meta.generatedAt}.`,
  );
  out.push('');
  out.push('## Summary');
  out.push('');
  out.push(i.narrative);
  if (i.narrativeSource === 'deterministic')
    out.push('', `_Written without an LLM (${i.narrativeNote ?? 'no LLM'})._`);
  out.push('');
  out.push('## KPIs');
  out.push('');
  out.push('| KPI | Measurement | Target | Current | Status |');
  out.push('| --- | --- | --- | --- | --- |');
  for (const k of i.kpis) {
    out.push(
      `| ${cell(k.kpi)} | ${cell(k.measurement)} | ${cell(k.target)} | ${cell(k.current)} | ${STATUS_ICON[k.status]} |`,
    );
  }
  out.push('');
  out.push('## Changes');
  out.push('');
  if (!i.changes.length) out.push('No metric moved to a new level in this window.');
  for (const c of i.changes) {
    const around =
      c.shaBefore && c.shaAfter
        ? ` Between \`${c.shaBefore.slice(0, 7)}\` and \`${c.shaAfter.slice(0, 7)}\`.`
        : '';
    out.push(`- **${describeChange(c)}**.${around}`);
    for (const m of c.commits.slice(-10)) out.push(`  - \`${m.sha.slice(0, 7)}\` ${cell(m.message)}`);
  }
  out.push('');
  out.push('## Trends');
  out.push('');
  for (const chart of insightCharts(i)) {
    out.push(`### ${chart.title}`, '', mermaidBlock(chart.diagram), '');
  }
  if (!i.series.some((s) => s.values.length >= 2)) out.push('Not enough days with data for a chart yet.', '');
  return `${out.join('\n').trimEnd()}\n`;
}
