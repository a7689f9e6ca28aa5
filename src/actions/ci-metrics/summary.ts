import type { CiMetricsOutcome } from './run.js';

function secs(v: number | null): string {
  if (v === null) return '—';
  return v >= 120 ? `${(v / 60).toFixed(1)} min` : `${v} s`;
}

/** The job summary: this run's numbers, the sinks' fate, and the insights when they were written. */
export function renderSummary(o: CiMetricsOutcome): string {
  const r = o.report;
  const m = r.metrics;
  const lines = [
    `## CI metrics — run ${r.workflow_run_id} (attempt ${r.run_attempt})`,
    '',
    '| Metric | Value |',
    '| --- | --- |',
    `| Duration | ${secs(m.duration_seconds)} |`,
    `| Queue (first job) | ${secs(m.queue_seconds)} |`,
    `| Tests | ${m.tests ? `${m.tests.passed} passed, ${m.tests.failed} failed, ${m.tests.skipped} skipped` : '—'} |`,
    `| Flaky tests | ${m.flaky_tests ?? '—'} |`,
    `| Coverage | ${m.coverage_pct === null ? '—' : `${m.coverage_pct}%`} |`,
    `| AI fix confidence | ${m.ai_fix_confidence ?? '—'} |`,
    '',
    '| Job | Status | Queue | Duration |',
    '| --- | --- | --- | --- |',
    ...r.jobs.map(
      (j) =>
        `| ${j.name.replace(/\|/g, '\\|')}${j.attempt !== r.run_attempt ? ` (attempt ${j.attempt})` : ''} | ${j.status} | ${secs(j.queueSeconds)} | ${secs(j.durationSeconds)} |`,
    ),
    '',
    r.sinks.length
      ? `Sinks: ${r.sinks.map((s) => `${s.sink} ${s.ok ? '✅' : `⚠️ ${s.detail}`}`).join('; ')}.`
      : 'No metrics sink configured (pushgateway-url, datadog-api-key, otlp-endpoint).',
  ];
  if (o.insightsMarkdown) lines.push('', o.insightsMarkdown.replace(/^# /, '## '));
  return `${lines.join('\n')}\n`;
}
