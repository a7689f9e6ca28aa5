import { redact } from '../../../core/redact.js';
import { HELP, type CommonLabels, type Sample } from '../metrics.js';
import { displayUrl, send } from './http.js';

/** Labels of the grouping key besides `job=ai-ci`: one group per repository, workflow and branch. */
export const GROUPING_LABELS = ['repo', 'workflow', 'branch'] as const;

/**
 * The Pushgateway sets `job` from the grouping key and silently replaces a `job` label of a pushed
 * series with it, so the per-job label travels as `ci_job` here (Prometheus itself renames a
 * clashing scraped `job` to `exported_job` for the same reason).
 */
export const PUSHGATEWAY_JOB_LABEL = 'ci_job';

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A label value in the grouping-key path: plain when URL-safe, else `@base64` (base64url), as the Pushgateway requires for `/`. */
export function groupingSegment(name: string, value: string): string {
  if (value === '') return `${name}@base64/=`;
  if (/^[A-Za-z0-9._~-]+$/.test(value)) return `${name}/${value}`;
  return `${name}@base64/${Buffer.from(value, 'utf8').toString('base64url')}`;
}

export function groupingPath(common: CommonLabels): string {
  return ['job/ai-ci', ...GROUPING_LABELS.map((l) => groupingSegment(l, redact(common[l])))].join('/');
}

/** Text exposition format 0.0.4: every series a gauge of this run's value. */
export function exposition(samples: Sample[], common: CommonLabels): string {
  const extra: Record<string, string> = { event: common.event, conclusion: common.conclusion };
  const byName = new Map<string, Sample[]>();
  for (const s of samples) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const lines: string[] = [];
  for (const [name, list] of byName) {
    lines.push(`# HELP ${name} ${escapeHelp(HELP[name] ?? name)}`);
    lines.push(`# TYPE ${name} gauge`);
    for (const s of list) {
      const labels: Record<string, string> = {};
      for (const [k, v] of Object.entries(s.labels)) labels[k === 'job' ? PUSHGATEWAY_JOB_LABEL : k] = v;
      Object.assign(labels, extra);
      const body = Object.entries(labels)
        .map(([k, v]) => `${k}="${escapeLabelValue(redact(v))}"`)
        .join(',');
      lines.push(`${name}{${body}} ${formatValue(s.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}

/**
 * PUT replaces every series of the group: a job that did not run this time does not keep its value
 * from an earlier run.
 */
export async function pushToGateway(
  baseUrl: string,
  samples: Sample[],
  common: CommonLabels,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  const url = `${baseUrl.replace(/\/+$/, '')}/metrics/${groupingPath(common)}`;
  const res = await send(
    url,
    {
      method: 'PUT',
      headers: { 'content-type': 'text/plain; version=0.0.4' },
      body: exposition(samples, common),
    },
    env,
  );
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${displayUrl(url)} answered ${res.status}: ${res.body.trim().slice(0, 200)}`);
  }
  return `${samples.length} series to ${displayUrl(baseUrl)}`;
}
