import { posix } from 'node:path';
import { globMatcher } from '../../core/files.js';

/** Globs that identify test files when the `test-patterns` input is not set. */
export const DEFAULT_TEST_PATTERNS = [
  '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '**/__tests__/**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '**/test_*.py',
  '**/*_test.py',
  '**/*_test.go',
];

/** Files that look like tests but are helpers or data. */
const NOT_TESTS = [
  '**/__fixtures__/**',
  '**/__mocks__/**',
  '**/__snapshots__/**',
  '**/testdata/**',
  '**/node_modules/**',
];

export interface TestCatalog {
  /** Test files, repository-relative, sorted. */
  files: string[];
  /** The id a runner takes for a test file: the path, or `./<dir>` for a Go package. */
  idOf(file: string): string;
  /** Every test id, sorted. */
  ids: string[];
  isTest(file: string): boolean;
}

export function goPackageId(file: string): string {
  const d = posix.dirname(file);
  return d === '.' ? '.' : `./${d}`;
}

export function catalogTests(
  files: readonly string[],
  patterns: readonly string[] = DEFAULT_TEST_PATTERNS,
): TestCatalog {
  const match = globMatcher(patterns);
  const exclude = globMatcher(NOT_TESTS);
  // Every default pattern needs "test" or "spec" in the path: a cheap filter before the globs.
  const quick =
    patterns === DEFAULT_TEST_PATTERNS
      ? (f: string): boolean => f.includes('test') || f.includes('spec')
      : (): boolean => true;
  const matches = (f: string): boolean => quick(f) && match(f) && !exclude(f);
  const tests = files.filter(matches).sort();
  const known = new Set(files);
  const testSet = new Set(tests);
  const isTest = (f: string): boolean => testSet.has(f) || (!known.has(f) && matches(f));
  const idOf = (f: string): string => (f.endsWith('_test.go') ? goPackageId(f) : f);
  const ids = [...new Set(tests.map(idOf))].sort();
  return { files: tests, idOf, ids, isTest };
}
