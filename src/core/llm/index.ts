/**
 * The hybrid Ollama client (local + cloud, routed per audience and strategy, with fallbacks,
 * budgets, structured answers and accounting) and the prompt-compression helpers.
 */
export {
  createLlmClient,
  type CompleteFailure,
  type CompleteRequest,
  type CompleteResult,
  type CompleteSuccess,
  type FallbackRecord,
  type LlmClient,
  type LlmClientDeps,
  type StructuredRequest,
} from './client.js';
export { type BudgetStore, CloudBudget, MemoryBudgetStore } from './budget.js';
export {
  classifyFrame,
  clusterBlocks,
  collapseRepeats,
  compressFailures,
  compressLog,
  type CompressedLog,
  type CompressOptions,
  encodeRecord,
  encodeRecords,
  type FailureBlock,
  type FailureCluster,
  type FailureFact,
  findFailureBlocks,
  fitSections,
  normalizeLogLine,
  renderRepeats,
  type Section,
  templateOf,
  trimStack,
} from './compress.js';
export { compressLogFile } from './compress-file.js';
export { type BackendFailure, type FailureKind } from './failures.js';
export { DEFAULT_PRICES, type ModelPrice } from './prices.js';
export { DATA_RULES, type DataBlock, fenceData } from './prompt.js';
export { type Audience, type BackendName } from './route.js';
export { type JsonSchema } from './schema.js';
export { type LlmSettings, readLlmSettings, type Strategy, STRATEGIES } from './settings.js';
export { type LlmStats, type UsageCounters } from './stats.js';
export { countTokens, truncateToTokens } from './tokens.js';
