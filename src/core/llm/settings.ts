import { ConfigurationError } from '../errors.js';
import { type Env, Inputs, parseBoolean } from '../inputs.js';
import { timeoutMs } from '../timeouts.js';
import { DEFAULT_PRICES, type ModelPrice, parsePrices } from './prices.js';

export type Strategy = 'cost' | 'latency' | 'quality' | 'hybrid';
export const STRATEGIES: readonly Strategy[] = ['cost', 'latency', 'quality', 'hybrid'];

/** Budgets for cloud calls in US dollars (estimates from per-model token prices). */
export interface CloudBudgets {
  perRunUsd: number;
  perDayUsd: number;
  perMonthUsd: number;
}

/** Everything the LLM client needs; the same inputs for every action that writes prose. */
export interface LlmSettings {
  /** Local model (`model`, AI_MODEL, OLLAMA_MODEL). */
  model: string;
  /** Cloud model (`cloud-model`, OLLAMA_CLOUD_MODEL). */
  cloudModel: string;
  /** Cap on the answer, sent as `num_predict`. */
  maxTokens: number;
  /** Context window sent as `num_ctx`. */
  numCtx: number;
  /** Cap on the prompt in (estimated) tokens; defaults to numCtx - maxTokens. */
  promptBudget: number;
  strategy: Strategy;
  /** Cloud is used only when this is true AND a key is present. */
  allowCloud: boolean;
  /** Local Ollama base URL, already rewritten for Docker when RUNNING_IN_DOCKER=true. */
  localUrl: string;
  /** The local URL as configured, before any Docker rewrite (for messages). */
  localUrlConfigured: string;
  runningInDocker: boolean;
  cloudUrl: string;
  /** Providing the key is the opt-in to cloud use. Never sent to the local backend. */
  cloudApiKey?: string;
  localTimeoutMs: number;
  cloudTimeoutMs: number;
  /** Retries on 429/5xx per call (after the first attempt). */
  maxRetries: number;
  /** Base of the exponential backoff between retries. */
  retryBaseMs: number;
  /** A Retry-After longer than this is not waited for: the call falls back instead. */
  retryAfterCapMs: number;
  /** `quality` strategy: prompts over this many tokens go to the cloud. */
  qualityPromptTokens: number;
  budgets: CloudBudgets;
  /** Per-model prices in USD per million tokens. */
  prices: Record<string, ModelPrice>;
  /** Fixed seed for analysis calls (temperature 0). */
  seed: number;
}

export const DEFAULT_LOCAL_URL = 'http://localhost:11434';
export const DEFAULT_CLOUD_URL = 'https://ollama.com';

/**
 * Reads the LLM inputs common to every action. Inputs come first (`INPUT_*`), then the seeds'
 * environment names; URLs, keys and tuning knobs come from the environment only.
 */
export function readLlmSettings(inputs: Inputs = new Inputs(), env: Env = process.env): LlmSettings {
  const maxTokens =
    inputs.number({ name: 'max-tokens', env: ['AI_MAX_TOKENS'] }, { min: 16, max: 131072, integer: true }) ??
    1024;
  const numCtx =
    inputs.number(
      { name: 'context-window', env: ['OLLAMA_NUM_CTX'] },
      { min: 512, max: 1_048_576, integer: true },
    ) ?? 8192;
  if (maxTokens >= numCtx) {
    throw new ConfigurationError(
      `Invalid value for input 'max-tokens': ${maxTokens} leaves no room for the prompt in a context window of ${numCtx} tokens. Lower max-tokens or raise context-window.`,
    );
  }
  const promptBudget =
    inputs.number(
      { name: 'prompt-budget', env: ['AI_PROMPT_BUDGET'] },
      { min: 64, max: numCtx - maxTokens, integer: true },
    ) ?? numCtx - maxTokens;

  const configuredLocal = normalizeOllamaUrl(
    inputs.string({ name: 'ollama-url', env: ['OLLAMA_LOCAL_URL', 'OLLAMA_HOST'] }) ?? DEFAULT_LOCAL_URL,
    'ollama-url',
  );
  const dockerRaw = env.RUNNING_IN_DOCKER;
  const runningInDocker =
    dockerRaw !== undefined && dockerRaw.trim() !== '' && parseBoolean(dockerRaw, 'RUNNING_IN_DOCKER');
  // OLLAMA_API_KEY is the name Ollama's own docs and libraries use for the same key.
  const cloudApiKey = inputs.string({
    name: 'cloud-api-key',
    env: ['OLLAMA_CLOUD_API_KEY', 'OLLAMA_API_KEY'],
  });

  return Object.freeze({
    model: inputs.string({ name: 'model', env: ['AI_MODEL', 'OLLAMA_MODEL'] }) ?? 'qwen2.5:7b-instruct',
    cloudModel: inputs.string({ name: 'cloud-model', env: ['OLLAMA_CLOUD_MODEL'] }) ?? 'gpt-oss:120b',
    maxTokens,
    numCtx,
    promptBudget,
    strategy: inputs.choice({ name: 'strategy', env: ['AI_CI_LLM_STRATEGY'] }, STRATEGIES) ?? 'hybrid',
    allowCloud: inputs.boolean({ name: 'allow-cloud', env: ['AI_CI_ALLOW_CLOUD'] }) ?? true,
    localUrl: runningInDocker ? rewriteForDocker(configuredLocal) : configuredLocal,
    localUrlConfigured: configuredLocal,
    runningInDocker,
    cloudUrl: normalizeOllamaUrl(env.OLLAMA_CLOUD_URL?.trim() || DEFAULT_CLOUD_URL, 'OLLAMA_CLOUD_URL'),
    ...(cloudApiKey ? { cloudApiKey } : {}),
    localTimeoutMs: timeoutMs('AI_CI_LLM_LOCAL_TIMEOUT_MS', 60_000, env),
    cloudTimeoutMs: timeoutMs('AI_CI_LLM_CLOUD_TIMEOUT_MS', 30_000, env),
    maxRetries: nonNegativeInt(env.AI_CI_LLM_MAX_RETRIES, 2, 'AI_CI_LLM_MAX_RETRIES'),
    retryBaseMs: timeoutMs('AI_CI_LLM_RETRY_BASE_MS', 500, env),
    retryAfterCapMs: timeoutMs('AI_CI_LLM_RETRY_AFTER_CAP_MS', 10_000, env),
    qualityPromptTokens: nonNegativeInt(
      env.AI_CI_LLM_QUALITY_PROMPT_TOKENS,
      4000,
      'AI_CI_LLM_QUALITY_PROMPT_TOKENS',
    ),
    budgets: {
      perRunUsd:
        inputs.number({ name: 'cloud-budget-run', env: ['AI_CI_CLOUD_BUDGET_RUN'] }, { min: 0 }) ?? 0.25,
      perDayUsd:
        inputs.number({ name: 'cloud-budget-day', env: ['AI_CI_CLOUD_BUDGET_DAY'] }, { min: 0 }) ?? 2,
      perMonthUsd:
        inputs.number({ name: 'cloud-budget-month', env: ['AI_CI_CLOUD_BUDGET_MONTH'] }, { min: 0 }) ?? 20,
    },
    prices: env.AI_CI_LLM_PRICES?.trim() ? parsePrices(env.AI_CI_LLM_PRICES) : { ...DEFAULT_PRICES },
    seed: nonNegativeInt(env.AI_CI_LLM_SEED, 42, 'AI_CI_LLM_SEED'),
  });
}

/**
 * Accepts what users put in OLLAMA_HOST (`host`, `host:port`, `:port`, a full URL) and returns a
 * base URL without a trailing slash. Without a scheme Ollama's own convention applies: http and
 * port 11434.
 */
export function normalizeOllamaUrl(raw: string, inputName: string): string {
  let text = raw.trim();
  if (text.startsWith(':')) text = `127.0.0.1${text}`;
  const explicit = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(explicit ? text : `http://${text}`);
  } catch {
    throw new ConfigurationError(
      `Invalid value for '${inputName}': '${raw}'. Expected a URL such as http://localhost:11434.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      `Invalid value for '${inputName}': '${raw}'. Expected an http:// or https:// URL.`,
    );
  }
  if (!explicit && url.port === '') url.port = '11434';
  return url.toString().replace(/\/+$/, '');
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** Inside a container, the host's Ollama is reached as host.docker.internal, not localhost. */
export function rewriteForDocker(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (!LOOPBACK.has(url.hostname)) return baseUrl;
  url.hostname = 'host.docker.internal';
  return url.toString().replace(/\/+$/, '');
}

export function isLoopbackUrl(baseUrl: string): boolean {
  return LOOPBACK.has(new URL(baseUrl).hostname);
}

function nonNegativeInt(raw: string | undefined, dflt: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw new ConfigurationError(
      `Invalid value for ${name}: '${raw}'. Expected a whole number of at least 0.`,
    );
  }
  return n;
}
