/**
 * The import graph shared by select-tests and architecture-scan: build it with {@link buildGraph},
 * walk it with the helpers in query.ts.
 */
export type { EdgeKind, Language, ModuleGraph } from './types.js';
export {
  buildGraph,
  languageOf,
  loadScanCache,
  saveScanCache,
  type BuildGraphOptions,
  type BuiltGraph,
} from './build.js';
export { ScanCache, fileCacheBackend, type GraphCacheBackend } from './cache.js';
export { importersIndex, dependentsOf, chainFrom, type ImportersIndex } from './query.js';
