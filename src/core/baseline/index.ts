export {
  BaselineStore,
  COMMITTED_BASELINE_PATH,
  type BaselineStoreOptions,
  type TestOutcomesRecord,
} from './baseline-store.js';
export * from './schema.js';
