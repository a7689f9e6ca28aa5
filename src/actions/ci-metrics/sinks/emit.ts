import { errorMessage } from '../../../core/errors.js';
import type { Logger } from '../../../core/logger.js';
import { redact } from '../../../core/redact.js';
import type { CommonLabels, Sample } from '../metrics.js';
import type { RunTiming } from '../timings.js';
import { sendToDatadog } from './datadog.js';
import { buildTrace, sendTrace } from './otlp.js';
import { pushToGateway } from './pushgateway.js';

export interface SinkSettings {
  pushgatewayUrl: string | undefined;
  datadog: { apiKey: string; site: string } | undefined;
  otlpEndpoint: string | undefined;
  /** Extra OTLP headers (`OTEL_EXPORTER_OTLP_HEADERS`, `k=v,k2=v2`). */
  otlpHeaders: Record<string, string>;
}

export interface SinkResult {
  sink: 'pushgateway' | 'datadog' | 'otlp';
  ok: boolean;
  /** What was sent, or why it failed (redacted). */
  detail: string;
}

/**
 * Sends the run to every configured sink, one after the other so that a slow one cannot starve
 * the others of the step's time, each behind its own catch: a sink that is down is a warning and
 * the others still get their data.
 */
export async function emitToSinks(
  sinks: SinkSettings,
  data: {
    samples: Sample[];
    common: CommonLabels;
    timing: RunTiming;
    runUrl: string;
    sha: string;
    now: Date;
  },
  logger: Logger,
  env?: NodeJS.ProcessEnv,
): Promise<SinkResult[]> {
  const results: SinkResult[] = [];
  const attempt = async (sink: SinkResult['sink'], fn: () => Promise<string>): Promise<void> => {
    try {
      const detail = await fn();
      results.push({ sink, ok: true, detail });
      logger.info(`ci-metrics: ${sink}: ${detail}.`);
    } catch (err) {
      const detail = redact(errorMessage(err));
      results.push({ sink, ok: false, detail });
      logger.warning(
        `ci-metrics: the ${sink} sink failed (${detail}); the other sinks still got the metrics.`,
      );
    }
  };
  if (sinks.pushgatewayUrl) {
    const url = sinks.pushgatewayUrl;
    await attempt('pushgateway', () => pushToGateway(url, data.samples, data.common, env));
  }
  if (sinks.datadog) {
    const dd = sinks.datadog;
    await attempt('datadog', () => sendToDatadog(dd, data.samples, data.common, data.now, env));
  }
  if (sinks.otlpEndpoint && data.timing.jobs.length === 0) {
    // Without the run's jobs a trace would be one empty span that looks like a real run.
    logger.info('ci-metrics: otlp: no trace, the run and its jobs were not measured.');
  } else if (sinks.otlpEndpoint) {
    const endpoint = sinks.otlpEndpoint;
    await attempt('otlp', () =>
      sendTrace(
        endpoint,
        buildTrace(data.timing, data.common, { runUrl: data.runUrl, sha: data.sha, now: data.now }),
        sinks.otlpHeaders,
        env,
      ),
    );
  }
  return results;
}

/** `OTEL_EXPORTER_OTLP_HEADERS` format: `k=v,k2=v2`, values URL-encoded. */
export function parseOtlpHeaders(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (raw ?? '').split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}
