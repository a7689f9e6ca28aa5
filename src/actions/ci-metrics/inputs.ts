import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import { readLlmSettings, type LlmSettings } from '../../core/llm/settings.js';

/** ci-metrics' settings, read once from the action's inputs (seed env names as fallbacks). */
export interface MetricsSettings {
  /** Globs of ai-ci report JSONs (found by `type`) and raw test reports (JUnit, ...). */
  reports: string[];
  /** Pushgateway base URL (`PROMETHEUS_GATEWAY`); undefined: not pushed. */
  pushgatewayUrl: string | undefined;
  /** Datadog API key (`DATADOG_API_KEY`); undefined: not sent. */
  datadogApiKey: string | undefined;
  /** Datadog site (`DD_SITE`), e.g. `datadoghq.eu`, or a full URL. */
  datadogSite: string;
  /** OTLP/HTTP base endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT`); undefined: no trace. */
  otlpEndpoint: string | undefined;
  /** `OTEL_EXPORTER_OTLP_HEADERS` as given (`k=v,k2=v2`). */
  otlpHeaders: string | undefined;
  /** Write the daily insights; undefined: only on `schedule` events. */
  insights: boolean | undefined;
  /** Days of history the insights cover (and the store keeps, at least). */
  historyDays: number;
  /** Where metrics.json and ci_insights.md go, relative to the workspace. */
  outputDir: string;
  /** Let an LLM write the insights narrative (`AI_CI_LLM`). */
  llmEnabled: boolean;
  llm: LlmSettings;
}

function url(inputs: Inputs, name: string, env: string[]): string | undefined {
  const v = inputs.string({ name, env });
  if (v === undefined) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new ConfigurationError(
      `Invalid value for input '${name}': '${v.slice(0, 80)}'. Expected an http(s) URL.`,
    );
  }
  return v;
}

export function getInputs(inputs = new Inputs()): Readonly<MetricsSettings> {
  return Object.freeze({
    reports: inputs.globs('reports') ?? ['ai_analysis/*.json', 'ci_metrics/*.json'],
    pushgatewayUrl: url(inputs, 'pushgateway-url', ['PROMETHEUS_GATEWAY']),
    datadogApiKey: inputs.string({ name: 'datadog-api-key', env: ['DATADOG_API_KEY', 'DD_API_KEY'] }),
    datadogSite: inputs.string({ name: 'datadog-site', env: ['DD_SITE'] }) ?? 'datadoghq.com',
    otlpEndpoint: url(inputs, 'otlp-endpoint', ['OTEL_EXPORTER_OTLP_ENDPOINT']),
    otlpHeaders: inputs.string({ name: 'otlp-headers', env: ['OTEL_EXPORTER_OTLP_HEADERS'] }),
    insights: inputs.boolean('insights'),
    historyDays: inputs.number('history-days', { min: 2, max: 400, integer: true }) ?? 30,
    outputDir: inputs.string('output-dir') ?? 'ci_metrics',
    llmEnabled: inputs.boolean({ name: 'llm', env: ['AI_CI_LLM'] }) ?? true,
    llm: readLlmSettings(inputs),
  });
}
