import type { LlmClient } from '../../../core/llm/index.js';
import type { Logger } from '../../../core/logger.js';
import { redact } from '../../../core/redact.js';
import type { DayRecord } from '../history.js';
import { changePoints } from './changepoint.js';
import { kpiTable, type Kpi } from './kpis.js';
import { dailySeries, type DailySeries } from './series.js';

export interface CommitRef {
  sha: string;
  message: string;
}

export interface ChangeFinding {
  series: DailySeries['id'];
  title: string;
  unit: string;
  /** The first day at the new level. */
  date: string;
  before: number;
  after: number;
  /** Last commit measured before the change and first one at the new level, when runs recorded them. */
  shaBefore: string | null;
  shaAfter: string | null;
  /** Commits between the two, when GitHub could be asked (newest last). */
  commits: CommitRef[];
}

export interface Trend {
  series: DailySeries['id'];
  title: string;
  unit: string;
  first: number;
  last: number;
  /** last minus first over the window. */
  change: number;
}

export interface Insights {
  from: string | null;
  to: string | null;
  days: number;
  runs: number;
  series: DailySeries[];
  trends: Trend[];
  changes: ChangeFinding[];
  kpis: Kpi[];
  narrative: string;
  narrativeSource: 'llm' | 'deterministic';
  /** Why there is no LLM narrative, when there is none. */
  narrativeNote: string | null;
}

export interface InsightDeps {
  logger: Logger;
  llm?: LlmClient;
  /** Commits from `base` (exclusive) to `head` (inclusive); may throw (the finding keeps its SHAs). */
  commitsBetween?: (base: string, head: string) => Promise<CommitRef[]>;
  autoFix?: { merged: number; mergedUnchanged: number };
}

function shaAround(days: DayRecord[], date: string, side: 'before' | 'after'): string | null {
  const pick =
    side === 'before' ? [...days].reverse().find((d) => d.date < date) : days.find((d) => d.date === date);
  const runs = pick?.runs ?? [];
  const r = side === 'before' ? runs[runs.length - 1] : runs[0];
  return r?.sha || null;
}

function fmt(v: number, unit: string): string {
  const n = unit === 'USD' ? v.toFixed(4) : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1);
  return unit === '%' ? `${n}%` : unit === 'USD' ? `$${n}` : unit === 'min' ? `${n} min` : n;
}

export function describeChange(c: ChangeFinding): string {
  const dir = c.after > c.before ? 'rose' : 'fell';
  return `${c.title} ${dir} from ${fmt(c.before, c.unit)} to ${fmt(c.after, c.unit)} on ${c.date}`;
}

/** The narrative without an LLM: the same facts, in fixed sentences. */
export function deterministicNarrative(
  i: Pick<Insights, 'trends' | 'changes' | 'kpis' | 'runs' | 'days'>,
): string {
  const parts: string[] = [`${i.runs} runs over ${i.days} days with data.`];
  const failing = i.kpis.filter((k) => k.status === 'fail');
  parts.push(
    failing.length
      ? `Off target: ${failing.map((k) => `${k.kpi} (${k.current}, target ${k.target})`).join('; ')}.`
      : 'Every measured KPI is on target.',
  );
  if (i.changes.length) {
    parts.push(
      `Changes: ${i.changes
        .map((c) => `${describeChange(c)}${c.shaAfter ? ` (first seen at ${c.shaAfter.slice(0, 7)})` : ''}`)
        .join('; ')}.`,
    );
  } else parts.push('No metric moved to a new level in the window.');
  return parts.join(' ');
}

export async function buildInsights(days: DayRecord[], deps: InsightDeps): Promise<Insights> {
  const series = dailySeries(days);
  const trends: Trend[] = series
    .filter((s) => s.values.length >= 2)
    .map((s) => ({
      series: s.id,
      title: s.title,
      unit: s.unit,
      first: s.values[0],
      last: s.values[s.values.length - 1],
      change: Math.round((s.values[s.values.length - 1] - s.values[0]) * 1000) / 1000,
    }));
  const changes: ChangeFinding[] = [];
  for (const s of series) {
    for (const cp of changePoints(s.values)) {
      const date = s.dates[cp.index];
      const finding: ChangeFinding = {
        series: s.id,
        title: s.title,
        unit: s.unit,
        date,
        before: Math.round(cp.before * 1000) / 1000,
        after: Math.round(cp.after * 1000) / 1000,
        shaBefore: shaAround(days, date, 'before'),
        shaAfter: shaAround(days, date, 'after'),
        commits: [],
      };
      if (
        deps.commitsBetween &&
        finding.shaBefore &&
        finding.shaAfter &&
        finding.shaBefore !== finding.shaAfter
      ) {
        try {
          finding.commits = (await deps.commitsBetween(finding.shaBefore, finding.shaAfter)).map((c) => ({
            sha: c.sha,
            message: redact(c.message.split('\n')[0]).slice(0, 120),
          }));
        } catch (err) {
          deps.logger.info(`ci-metrics: commits around ${date} not listed (${String(err)}).`);
        }
      }
      changes.push(finding);
    }
  }
  changes.sort((a, b) => a.date.localeCompare(b.date) || a.series.localeCompare(b.series));
  const kpis = kpiTable(days, deps.autoFix);
  const runs = days.reduce((n, d) => n + d.runs.length, 0);
  const base = { trends, changes, kpis, runs, days: days.length };
  let narrative = deterministicNarrative(base);
  let narrativeSource: Insights['narrativeSource'] = 'deterministic';
  let narrativeNote: string | null = deps.llm ? null : 'LLM not used';
  if (deps.llm && runs > 0) {
    const r = await deps.llm.complete({
      audience: 'background',
      action: 'ci-metrics',
      mode: 'prose',
      maxTokens: 400,
      system:
        'You write the short daily CI health note for a software team. Use only the facts given; quote numbers exactly; no headings, at most 5 sentences, plain Markdown.',
      prompt: 'Write the note: what is off target, what changed and when, and one concrete next step.',
      data: [{ label: 'facts', text: JSON.stringify({ kpis, changes, trends }) }],
    });
    if (r.ok && r.text.trim()) {
      narrative = redact(r.text.trim());
      narrativeSource = 'llm';
    } else if (!r.ok) narrativeNote = r.reason;
  }
  return {
    from: days[0]?.date ?? null,
    to: days[days.length - 1]?.date ?? null,
    ...base,
    series,
    narrative,
    narrativeSource,
    narrativeNote,
  };
}
