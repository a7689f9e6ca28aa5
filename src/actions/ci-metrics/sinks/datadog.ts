import { redact } from '../../../core/redact.js';
import { dottedName, type CommonLabels, type Sample } from '../metrics.js';
import { displayUrl, send } from './http.js';

/** Datadog's metric intake type for a gauge in the v2 series API. */
export const DD_GAUGE = 3;

export interface DatadogSeries {
  metric: string;
  type: number;
  points: { timestamp: number; value: number }[];
  tags: string[];
}

/** `datadoghq.com` -> `https://api.datadoghq.com`; a full URL (a proxy, a test server) is used as is. */
export function datadogBaseUrl(site: string): string {
  const s = site.trim().replace(/\/+$/, '');
  if (/^https?:\/\//i.test(s)) return s;
  return `https://api.${s.replace(/^api\./, '')}`;
}

/** Datadog lowercases tags and turns characters it does not allow into `_`; we send them that way. */
export function datadogTag(key: string, value: string): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9_\-:./]/g, '_');
  return `${clean(key)}:${clean(redact(value))}`.slice(0, 200);
}

export function datadogPayload(
  samples: Sample[],
  common: CommonLabels,
  at: Date,
): { series: DatadogSeries[] } {
  const timestamp = Math.floor(at.getTime() / 1000);
  const commonTags = Object.entries(common).map(([k, v]) => datadogTag(k, v));
  return {
    series: samples.map((s) => ({
      metric: dottedName(s.name),
      type: DD_GAUGE,
      points: [{ timestamp, value: s.value }],
      tags: [...commonTags, ...Object.entries(s.labels).map(([k, v]) => datadogTag(k, v))],
    })),
  };
}

export async function sendToDatadog(
  opts: { apiKey: string; site: string },
  samples: Sample[],
  common: CommonLabels,
  at: Date,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  const url = `${datadogBaseUrl(opts.site)}/api/v2/series`;
  const res = await send(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'DD-API-KEY': opts.apiKey },
      body: JSON.stringify(datadogPayload(samples, common, at)),
    },
    env,
  );
  if (res.status !== 202 && res.status !== 200) {
    throw new Error(`${displayUrl(url)} answered ${res.status}: ${redact(res.body.trim()).slice(0, 200)}`);
  }
  return `${samples.length} series to ${displayUrl(url)}`;
}
