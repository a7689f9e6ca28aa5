export type { KvStore, TierName, Merger } from './kv.js';
export { openStore, namespaceFor, fileCacheDir, type OpenStoreOptions } from './open-store.js';
export { registerMerger, TieredStore, type Store, type JournalEntry } from './tiered-store.js';
export {
  DecisionCache,
  decisionStats,
  clearDecisions,
  type DecisionKey,
  type CachedDecision,
  type DecisionCacheOptions,
  type CacheStats,
  type ActionCacheStats,
} from './decision-cache.js';
export { budgetStore, type BudgetStore } from './budget-store.js';
export { canonicalJson, sha256Hex } from './canonical-json.js';
export { ACTIONS_CACHE_NOTE, type ActionsCacheApi } from './actions-cache-tier.js';
