import { redact } from '../../core/redact.js';
import type { Facts, FailedTest, Status } from './facts.js';
import { statusOf } from './facts.js';

export const MARKER = '<!-- ai-ci:pr-feedback -->';
const META_PREFIX = '<!-- ai-ci:pr-feedback:meta ';
/** GitHub rejects issue comments over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface CommentMeta {
  sha: string;
  run: number;
}

export interface Prose {
  tldr: string[];
  nextSteps: string[];
  source: 'llm' | 'template';
}

/**
 * Text from reports is data: it may hold markdown, HTML, a fake marker or @mentions. Escaped so
 * it cannot break out of the comment's formatting or ping anyone.
 */
export function esc(text: string): string {
  // Redacted before escaping: escaped text (`ghp\_...`) no longer matches the secret patterns,
  // so the redaction of the finished comment would miss it.
  return redact(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]#|~])/g, '\\$1')
    .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b');
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function code(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, '')}\``;
}

function where(f: { file: string | null; line: number | null }): string {
  return f.file ? code(`${f.file}${f.line ? `:${f.line}` : ''}`) : '';
}

function pct(n: number | null): string {
  return n === null ? 'n/a' : `${n.toFixed(2)}%`;
}

function signed(n: number | null): string {
  if (n === null) return '';
  return `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`;
}

export function metaComment(meta: CommentMeta): string {
  return `${META_PREFIX}${JSON.stringify(meta)} -->`;
}

export function readMeta(body: string): CommentMeta | undefined {
  const i = body.indexOf(META_PREFIX);
  if (i < 0) return undefined;
  const end = body.indexOf(' -->', i);
  try {
    const m = JSON.parse(body.slice(i + META_PREFIX.length, end)) as CommentMeta;
    return typeof m.sha === 'string' && typeof m.run === 'number' ? m : undefined;
  } catch {
    return undefined;
  }
}

export function isOurComment(body: string | undefined | null): boolean {
  return typeof body === 'string' && body.startsWith(MARKER);
}

export function statusLine(f: Facts, status: Status): string {
  const icon = status === 'failure' ? '❌' : status === 'success' ? '✅' : '⚪';
  const parts: string[] = [];
  if (f.tests) {
    const failed = f.tests.failed;
    parts.push(failed ? `${failed} of ${f.tests.total} tests failed` : `${f.tests.total} tests passed`);
  }
  if (f.coverage?.lines !== null && f.coverage?.lines !== undefined) {
    parts.push(
      `coverage ${pct(f.coverage.lines)}${f.coverage.delta !== null ? ` (${signed(f.coverage.delta)})` : ''}`,
    );
  }
  if (f.gate) parts.push(f.gate.passed ? 'gate passed' : `gate failed (${f.gate.failed.length})`);
  if (f.lint) parts.push(f.lint.errors ? `${f.lint.errors} lint errors` : 'lint clean');
  if (f.newVulns.length) parts.push(`${f.newVulns.length} new vulnerabilities`);
  return `### ${icon} ai-ci: ${parts.length ? parts.join(' · ') : 'no results to report'}`;
}

/** The prose without an LLM: the same sections, written from the facts by a template. */
export function templateProse(f: Facts): Prose {
  const tldr: string[] = [];
  const steps: string[] = [];
  const actionable = f.rootCauses.filter((r) => !r.flaky && !r.infra);
  if (actionable.length) {
    const top = actionable[0];
    tldr.push(
      `${actionable.length} root cause${actionable.length === 1 ? '' : 's'} behind the failures; the first is ${article(top.kind)} ${top.kind} problem${top.file ? ` in ${code(top.file)}` : ''}: ${esc(top.title)}`,
    );
    steps.push(
      `Fix the ${top.kind} problem${top.file ? ` at ${where(top)}` : ''}${top.victims > 1 ? ` (${top.victims} tests depend on it)` : ''}.`,
    );
  } else if (f.newFailures.length || f.stillFailing.length) {
    tldr.push(`${f.newFailures.length} new and ${f.stillFailing.length} still-failing tests.`);
    steps.push('Look at the failed tests below.');
  }
  if (f.gate && !f.gate.passed) {
    tldr.push(`The quality gate failed: ${f.gate.failed.map((c) => esc(c.metric)).join(', ')}.`);
    steps.push('Restore the gated metrics listed under Quality gate, or explain the regression in the PR.');
  }
  if (f.newVulns.length)
    steps.push(`Upgrade ${f.newVulns.map((v) => code(v.package)).join(', ')} to a fixed version.`);
  const infra = f.rootCauses.filter((r) => r.infra).length;
  if (infra) steps.push('Re-run the failed jobs: some failures are infrastructure, not code.');
  if (f.flaky.length)
    tldr.push(
      `${f.flaky.length} flaky test${f.flaky.length === 1 ? '' : 's'} named below; not caused by this change.`,
    );
  if (f.autofix?.prUrl) steps.push(`Review the proposed fix: ${f.autofix.prUrl}`);
  if (tldr.length === 0)
    tldr.push(
      statusOf(f) === 'neutral'
        ? 'No test, coverage or gate results were found for this run.'
        : 'Everything passed.',
    );
  return { tldr: tldr.slice(0, 3), nextSteps: steps.slice(0, 5), source: 'template' };
}

function testRows(title: string, tests: FailedTest[], limit: number): string[] {
  if (!tests.length) return [];
  const rows = tests.slice(0, limit).map((t) => `| ${title} | ${esc(t.name)} | ${where(t)} |`);
  if (tests.length > limit) rows.push(`| ${title} | … and ${tests.length - limit} more | |`);
  return rows;
}

interface Section {
  /** Lower is more important: kept when the comment must shrink. */
  rank: number;
  render(limit: number): string;
}

function sections(f: Facts): Section[] {
  const out: Section[] = [];
  if (f.newFailures.length || f.stillFailing.length || f.fixed.length) {
    out.push({
      rank: 1,
      render: (limit) => {
        const head = f.baseKnown
          ? `**Failed tests**: ${f.newFailures.length} new, ${f.stillFailing.length} still failing, ${f.fixed.length} fixed`
          : `**Failed tests**: ${f.newFailures.length} (no base history to compare with)`;
        const rows = [
          ...testRows(f.baseKnown ? '🆕 new' : 'failed', f.newFailures, limit),
          ...testRows('🔁 still failing', f.stillFailing, limit),
          ...testRows('✅ fixed', f.fixed, limit),
        ];
        const table = ['| | test | where |', '| --- | --- | --- |', ...rows].join('\n');
        return rows.length > 5
          ? `${head}\n\n<details><summary>${rows.length} tests</summary>\n\n${table}\n\n</details>`
          : `${head}\n\n${table}`;
      },
    });
  }
  if (f.rootCauses.length) {
    out.push({
      rank: 0,
      render: (limit) => {
        const items = f.rootCauses.slice(0, limit).map((r, i) => {
          const tags = [r.flaky ? 'flaky' : '', r.infra ? 'infra' : '', r.fixable ? 'auto-fixable' : '']
            .filter(Boolean)
            .join(', ');
          let s = `${i + 1}. **${r.kind}**${tags ? ` _(${tags})_` : ''}: ${esc(r.title)} ${where(r)}${r.victims ? ` — ${r.victims} test${r.victims === 1 ? '' : 's'}` : ''}`;
          if (r.explanation)
            s += `\n   <details><summary>Why</summary>\n\n   ${esc(r.explanation)}${r.suggestedFix ? `\n\n   **Fix:** ${esc(r.suggestedFix)}` : ''}\n\n   </details>`;
          return s;
        });
        if (f.rootCauses.length > limit)
          items.push(`… and ${f.rootCauses.length - limit} more root causes (job summary).`);
        return `**Root causes**\n\n${items.join('\n')}`;
      },
    });
  }
  if (f.gate && !f.gate.passed) {
    out.push({
      rank: 0,
      render: () =>
        `**Quality gate**\n\n| metric | baseline | now | Δ | allowed |\n| --- | --- | --- | --- | --- |\n` +
        f
          .gate!.failed.map(
            (c) =>
              `| ${esc(c.metric)} | ${c.baseline ?? ''} | ${c.current ?? ''} | ${c.delta ?? ''} | ${c.allowed ?? ''} |`,
          )
          .join('\n'),
    });
  }
  if (f.coverage && (f.coverage.lines !== null || f.coverage.patch !== null)) {
    out.push({
      rank: 2,
      render: () =>
        `**Coverage** ${pct(f.coverage!.lines)}` +
        (f.coverage!.delta !== null
          ? ` (${signed(f.coverage!.delta)} vs baseline${f.coverage!.baseline !== null ? ` ${pct(f.coverage!.baseline)}` : ''})`
          : '') +
        (f.coverage!.patch !== null ? ` · patch ${pct(f.coverage!.patch)}` : ''),
    });
  }
  if (f.newVulns.length) {
    out.push({
      rank: 1,
      render: (limit) =>
        `**New vulnerabilities**\n\n` +
        f.newVulns
          .slice(0, limit)
          .map(
            (v) =>
              `- ${esc(v.severity)} ${code(v.id)} in ${code(v.package)}${v.fixedVersion ? ` (fixed in ${code(v.fixedVersion)})` : ''}`,
          )
          .join('\n'),
    });
  }
  if (f.flaky.length) {
    out.push({
      rank: 3,
      render: (limit) =>
        `<details><summary>Flaky tests (${f.flaky.length})</summary>\n\n` +
        f.flaky
          .slice(0, limit)
          .map((t) => `- ${esc(t.name)}: ${esc(t.evidence)}`)
          .join('\n') +
        '\n\n</details>',
    });
  }
  if (f.autofix && (f.autofix.prUrl || f.autofix.outcome === 'proposed')) {
    out.push({
      rank: 1,
      render: () =>
        `**Auto-fix**: ${f.autofix!.prUrl ? `fix PR opened: ${f.autofix!.prUrl}` : 'a verified patch is attached to the run'}`,
    });
  }
  if (f.selection && f.selection.mode !== 'full') {
    out.push({
      rank: 4,
      render: () =>
        `<sub>Test selection: ${esc(f.selection!.mode)}, ${f.selection!.selected} of ${f.selection!.total} tests (${esc(f.selection!.reason)})</sub>`,
    });
  }
  return out;
}

/**
 * The whole comment. Sections are ranked; when the comment would pass GitHub's limit, the least
 * important lists are shortened, then dropped, with a note pointing at the job summary.
 */
export function renderComment(
  f: Facts,
  prose: Prose,
  meta: CommentMeta,
  limit = COMMENT_LIMIT,
): { body: string; truncated: boolean } {
  const status = statusOf(f);
  const head = [MARKER, metaComment(meta), statusLine(f, status), ''];
  head.push(...prose.tldr.slice(0, 3).map((l) => `> ${l}`), '');
  const footer = [
    '',
    ...(prose.nextSteps.length
      ? ['**Next steps**', '', ...prose.nextSteps.slice(0, 5).map((s, i) => `${i + 1}. ${s}`), '']
      : []),
    `<sub>ai-ci · commit ${code(meta.sha.slice(0, 7) || 'unknown')} · run ${meta.run}${f.runUrl ? ` · [details](${f.runUrl})` : ''}${prose.source === 'llm' ? ' · prose by an LLM from the facts above' : ''}</sub>`,
  ];
  const secs = sections(f);
  const longest = Math.max(
    0,
    f.newFailures.length + f.stillFailing.length + f.fixed.length,
    f.rootCauses.length,
    f.flaky.length,
    f.newVulns.length,
  );
  for (const itemLimit of [50, 20, 5]) {
    const body = [...head, ...secs.map((s) => s.render(itemLimit) + '\n'), ...footer].join('\n');
    if (body.length <= limit) return { body, truncated: longest > itemLimit };
  }
  const kept = [...secs].sort((a, b) => a.rank - b.rank);
  const note =
    "\n_Some sections were left out to fit GitHub's comment size limit; the job summary has them all._\n";
  while (kept.length) {
    const body = [...head, ...kept.map((s) => s.render(5) + '\n'), note, ...footer].join('\n');
    if (body.length <= limit) return { body, truncated: true };
    kept.pop();
  }
  return { body: [...head, note, ...footer].join('\n').slice(0, limit), truncated: true };
}
