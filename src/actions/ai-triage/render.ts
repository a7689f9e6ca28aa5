import type { AnnotationProps } from '../../core/logger.js';
import type { RootCause, TriageReport } from './types.js';

export interface PlannedAnnotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  props: AnnotationProps;
}

/** GitHub shows at most 10 error annotations per step; the most important come first. */
export const MAX_ANNOTATIONS = 10;

export function annotationsFor(report: TriageReport): PlannedAnnotation[] {
  const out: PlannedAnnotation[] = [];
  const seen = new Set<string>();
  for (const rc of report.root_causes) {
    if (!rc.file) continue;
    const key = `${rc.file}:${rc.line ?? ''}:${rc.fingerprint}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const victims = rc.victims.length
      ? ` (${rc.victims.length} failing test${rc.victims.length === 1 ? '' : 's'})`
      : '';
    out.push({
      level: rc.infra || rc.flaky ? 'warning' : 'error',
      message: `${rc.kind}: ${rc.title}${victims}`,
      props: {
        file: rc.file,
        ...(rc.line ? { line: rc.line } : {}),
        title: rc.infra ? 'ai-triage: infrastructure' : rc.flaky ? 'ai-triage: flaky' : 'ai-triage',
      },
    });
    if (out.length >= MAX_ANNOTATIONS) break;
  }
  return out;
}

function md(text: string): string {
  // Text from logs is data: it must not become markup, a mention or a link in the summary.
  return text.replace(/[\\`*_{}[\]<>|#!]/g, (c) => `\\${c}`).replace(/@(?=\w)/g, '@\u200b');
}

function where(rc: RootCause): string {
  return rc.file ? `\`${rc.file}${rc.line ? `:${rc.line}` : ''}\`` : '';
}

/** The job summary: root causes, their victims, flaky tests. */
export function summaryMarkdown(report: TriageReport, notes: string[]): string {
  const lines = ['## ai-triage', '', md(report.summary), ''];
  if (report.root_causes.length) {
    lines.push(
      '| # | kind | root cause | where | failing tests | confidence | fix confidence |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    report.root_causes.forEach((rc, i) => {
      const tags = [rc.flaky ? 'flaky' : '', rc.infra ? 'infra' : ''].filter(Boolean).join(', ');
      lines.push(
        `| ${i + 1} | ${rc.kind}${tags ? ` (${tags})` : ''} | ${md(rc.title)} | ${where(rc)} | ${rc.victims.length} | ${rc.confidence.toFixed(2)} | ${rc.fix_confidence.toFixed(2)}${rc.fixable ? ' ✔' : ''} |`,
      );
    });
    lines.push('');
    for (const [i, rc] of report.root_causes.entries()) {
      lines.push(`<details><summary>${i + 1}. ${md(rc.title)}</summary>`, '');
      if (rc.victims.length) {
        lines.push('Failing tests:', '');
        for (const v of rc.victims.slice(0, 20))
          lines.push(`- ${md(v.name)}${v.file ? ` (\`${v.file}${v.line ? `:${v.line}` : ''}\`)` : ''}`);
        if (rc.victims.length > 20) lines.push(`- … and ${rc.victims.length - 20} more`);
        lines.push('');
      }
      if (rc.lines.length) {
        lines.push(
          '```text',
          ...rc.lines.slice(0, 15).map((l) => `${l.source}:${l.n}: ${l.text.replace(/```/g, "'''")}`),
          '```',
          '',
        );
      }
      if ('summary' in rc.llm)
        lines.push(
          `**Explanation** (LLM): ${md(rc.llm.explanation)}`,
          '',
          `**Suggested fix**: ${md(rc.llm.suggested_fix)}`,
          '',
        );
      else lines.push(`_LLM explanation: ${md(rc.llm.skipped)}_`, '');
      lines.push('</details>', '');
    }
  }
  if (report.flaky_tests.length) {
    lines.push('### Flaky tests', '', '| test | evidence |', '| --- | --- |');
    for (const f of report.flaky_tests) lines.push(`| ${md(f.name)} | ${md(f.evidence)} |`);
    lines.push('');
  }
  for (const n of notes) lines.push(`> ${md(n)}`, '');
  return lines.join('\n');
}
