import picomatch from 'picomatch';
import { DEFAULT_CRITICAL_PATHS, DEFAULT_IGNORE_PATHS } from '../actions/select-tests/select.js';
import { DEFAULT_TEST_PATTERNS } from '../actions/select-tests/tests.js';
import { globMatcher } from './files.js';

const PATHS = [
  'package.json',
  'packages/web/package.json',
  '.github/workflows/ci.yml',
  'a/.github/x',
  'src/app.test.ts',
  'src/__tests__/deep/x.tsx',
  'src/__fixtures__/a.test.ts',
  'test_models.py',
  'pkg/sub/handler_test.go',
  'docs/guide/intro.md',
  'README.md',
  'img/logo.SVG',
  'img/logo.svg',
  'LICENSE',
  'LICENSE.txt',
  'tsconfig.base.json',
  'apps/a/tsconfig.json',
  'jest.config.ts',
  'src/.hidden/thing.spec.js',
  'requirements-dev.txt',
  'go.sum',
  'src/index.ts',
  'weird name (1)/a+b[c].test.ts',
  'src/app.test.ts.snap',
];

describe('globMatcher', () => {
  it.each([
    ['critical paths', DEFAULT_CRITICAL_PATHS],
    ['ignore paths', DEFAULT_IGNORE_PATHS],
    ['test patterns', DEFAULT_TEST_PATTERNS],
    ['negation and braces', ['src/**', '!src/index.ts', '**/*.{md,txt}']],
  ])('agrees with picomatch on %s', (_name, patterns) => {
    const reference = picomatch([...patterns], { dot: true });
    const ours = globMatcher(patterns);
    const want = PATHS.filter((p) => reference(p));
    expect(PATHS.filter((p) => ours(p))).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
  });

  it('matches nothing without patterns', () => {
    expect(PATHS.some(globMatcher([]))).toBe(false);
  });
});
