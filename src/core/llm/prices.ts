import { ConfigurationError } from '../errors.js';

/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * Estimates only: Ollama's cloud is sold by plan, not by token, so these stand in for what a model
 * of that size costs per token from public inference providers. They exist to bound spend, not to
 * reproduce an invoice; override them with AI_CI_LLM_PRICES. `*` prices any model not listed.
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze({
  'gpt-oss:120b': { input: 0.15, output: 0.6 },
  'gpt-oss:20b': { input: 0.05, output: 0.2 },
  'qwen3-coder:480b': { input: 0.4, output: 1.6 },
  'deepseek-v3.1:671b': { input: 0.6, output: 1.7 },
  '*': { input: 1, output: 3 },
});

/** `{"model": {"input": 0.15, "output": 0.6}, "*": {...}}` in USD per million tokens. */
export function parsePrices(json: string): Record<string, ModelPrice> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw new ConfigurationError(`Invalid AI_CI_LLM_PRICES: not valid JSON (${(err as Error).message}).`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigurationError(
      'Invalid AI_CI_LLM_PRICES: expected an object such as {"gpt-oss:120b": {"input": 0.15, "output": 0.6}}.',
    );
  }
  const out: Record<string, ModelPrice> = { '*': DEFAULT_PRICES['*'] };
  for (const [model, value] of Object.entries(parsed)) {
    const input: unknown = value?.input;
    const output: unknown = value?.output;
    if (typeof input !== 'number' || typeof output !== 'number' || input < 0 || output < 0) {
      throw new ConfigurationError(
        `Invalid AI_CI_LLM_PRICES entry '${model}': expected {"input": <USD per million tokens>, "output": <USD per million tokens>}.`,
      );
    }
    out[model] = { input, output };
  }
  return out;
}

export function priceOf(prices: Record<string, ModelPrice>, model: string): ModelPrice {
  return prices[model] ?? prices[model.replace(/:latest$/, '')] ?? prices['*'] ?? DEFAULT_PRICES['*'];
}

export function costUsd(price: ModelPrice, promptTokens: number, completionTokens: number): number {
  return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}
