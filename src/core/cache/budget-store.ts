import type { Store } from './tiered-store.js';

/** What the LLM helper's token/cost budget needs from a store. */
export interface BudgetStore {
  get(key: string): Promise<number | undefined>;
  incrBy(key: string, amount: number): Promise<number>;
}

/** Budget counters under `budget:<key>`, kept `ttlSeconds` (default 35 days) from first use. */
export function budgetStore(store: Store, opts: { ttlSeconds?: number } = {}): BudgetStore {
  const ttl = opts.ttlSeconds ?? 35 * 86400;
  return {
    async get(key) {
      const v = await store.get(`budget:${key}`);
      if (v === undefined) return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    },
    async incrBy(key, amount) {
      return store.incr(`budget:${key}`, amount, ttl);
    },
  };
}
