import { countTokens as bpeCount, decode, encode } from 'gpt-tokenizer';

/**
 * Token counts come from a real BPE tokenizer (gpt-tokenizer, o200k_base). Ollama's models (Qwen,
 * Llama, gpt-oss) each have their own vocabulary, so for them this is an estimate, typically within
 * 10-20% on English and code; budgets keep a margin for that. Text that looks like a special token
 * (`<|endoftext|>`) is counted as plain text instead of throwing, since logs can contain anything.
 */
const PLAIN = { disallowedSpecial: new Set<string>() };

export function countTokens(text: string): number {
  if (text === '') return 0;
  return bpeCount(text, PLAIN);
}

/** The longest prefix of `text` within `maxTokens` tokens, cut at a line end when one is near. */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (maxTokens <= 0) return '';
  if (countTokens(text) <= maxTokens) return text;
  const head = decode(encode(text, PLAIN).slice(0, maxTokens));
  const nl = head.lastIndexOf('\n');
  return nl > head.length * 0.5 ? head.slice(0, nl) : head;
}
