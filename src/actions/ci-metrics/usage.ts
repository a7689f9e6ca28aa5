import { decisionStats, type Store } from '../../core/cache/index.js';
import type { UsageFacts } from './metrics.js';

const MICRO = 1_000_000;

/**
 * The core's accounting as the store holds it: the LLM client's daily usage counters per backend
 * (`budget:llm-usage:<repo>:day:<date>:<backend>:<field>`, written by every action whose client
 * has a budget store) and the decision cache's hit/miss counters over all actions.
 */
export async function readUsage(store: Store, repo: string, day: string): Promise<UsageFacts> {
  const llm: NonNullable<UsageFacts['llm']> = {};
  for (const backend of ['local', 'cloud']) {
    const base = `budget:llm-usage:${repo}:day:${day}:${backend}:`;
    const n = async (f: string) => Number((await store.get(`${base}${f}`)) ?? 0) || 0;
    const calls = await n('calls');
    if (calls === 0) continue;
    llm[backend] = {
      calls,
      promptTokens: await n('prompt_tokens'),
      completionTokens: await n('completion_tokens'),
      costUsd: (await n('cost_micro_usd')) / MICRO,
    };
  }
  const stats = await decisionStats(store);
  const lookups = stats.overall.hits + stats.overall.misses;
  return {
    llm: Object.keys(llm).length ? llm : null,
    cacheHitRatio: lookups > 0 ? Math.round(stats.overall.hitRate * 10000) / 10000 : null,
  };
}
