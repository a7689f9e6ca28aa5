import picomatch from 'picomatch';
import type { FilePatch } from './patch.js';
import { touchedPaths } from './patch.js';

/** Paths no automated fix may touch: CI configuration, lockfiles, secrets. */
const FORBIDDEN = [
  '.github/**',
  '.gitlab-ci.yml',
  '.circleci/**',
  'Jenkinsfile',
  'azure-pipelines.yml',
  '.buildkite/**',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/poetry.lock',
  '**/Pipfile.lock',
  '**/go.sum',
  '**/Cargo.lock',
  '**/Gemfile.lock',
  '**/composer.lock',
  '**/.env',
  '**/.env.*',
  '**/*.pem',
  '**/*.key',
  '**/id_rsa*',
  '**/.npmrc',
  '**/.pypirc',
  '**/.netrc',
  '**/secrets/**',
  '**/*.secret*',
];

const TEST_FILES = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  '**/test_*.py',
  '**/*_test.py',
  '**/*_test.go',
  '**/conftest.py',
];

const isForbidden = picomatch(FORBIDDEN, { dot: true });
const isTestFile = picomatch(TEST_FILES, { dot: true });

/** Weakening a test instead of fixing the code. */
const ADDED_TAMPERING: Array<[RegExp, string]> = [
  [
    /\b(?:it|test|describe|context|suite)\.(?:skip|only|todo)\s*\(/,
    'skips or focuses a test (.skip/.only/.todo)',
  ],
  [/\b(?:xit|xtest|xdescribe|fit|fdescribe)\s*\(/, 'skips or focuses a test (xit/fit)'],
  [/@pytest\.mark\.(?:skip|skipif|xfail)|\bpytest\.(?:skip|xfail)\s*\(/, 'skips or xfails a pytest test'],
  [/@(?:Disabled|Ignore)\b/, 'disables a JUnit test'],
  [/\bt\.Skip(?:Now|f)?\s*\(/, 'skips a Go test'],
  [/\bcontinue-on-error\b/, 'adds continue-on-error'],
  [
    /\b(?:jest|vi)\.setTimeout\s*\(|\bthis\.timeout\s*\(|\btestTimeout\b|\btimeout\s*[:=]\s*\d{4,}/,
    'raises a test timeout',
  ],
];

/** In test files only: an assertion that no longer checks anything. */
const WEAKENED: Array<[RegExp, string]> = [
  [
    /\bexpect\([^)]*\)\.(?:not\.)?toBe(?:Truthy|Defined)\(\)\s*;?\s*$/,
    'replaces an assertion with a weaker one',
  ],
  [/\bassert\s+True\b|\bassert\(true\)|\bexpect\(true\)/, 'asserts a constant'],
];

const ASSERTION =
  /\b(?:expect\s*\(|assert\w*\s*[(.\s]|should\b|\.to(?:Be|Equal|Match|Throw|Have)\w*\(|t\.(?:Error|Fatal|Fail)\w*\()/;

export interface Policy {
  allowed: string[];
  maxFiles: number;
  maxLines: number;
}

export interface Verdict {
  ok: boolean;
  problems: string[];
}

/**
 * The rules a patch must pass before anything is written. They hold whatever the LLM says, and
 * however the triage report was worded: a log that asks to "edit .github/workflows" changes
 * nothing here.
 */
export function validatePatch(files: FilePatch[], policy: Policy): Verdict {
  const problems: string[] = [];
  if (files.length === 0) problems.push('the patch changes no file');
  const paths = touchedPaths(files);
  const allowed = picomatch(policy.allowed.length ? policy.allowed : ['**'], { dot: true });
  for (const p of paths) {
    if (p.includes('..') || p.startsWith('/')) problems.push(`${p}: path leaves the repository`);
    else if (isForbidden(p))
      problems.push(`${p}: CI configuration, lockfiles and secret files are never changed by auto-fix`);
    else if (!allowed(p)) problems.push(`${p}: outside the allowed paths (${policy.allowed.join(', ')})`);
  }
  if (paths.length > policy.maxFiles) problems.push(`touches ${paths.length} files (max ${policy.maxFiles})`);
  const changed = files.reduce((n, f) => n + f.added.length + f.removed.length, 0);
  if (changed > policy.maxLines) problems.push(`changes ${changed} lines (max ${policy.maxLines})`);
  for (const f of files) {
    const path = f.newPath ?? f.oldPath ?? '?';
    if (f.binary) problems.push(`${path}: binary change`);
    if (f.newPath === null && f.oldPath && isTestFile(f.oldPath))
      problems.push(`${path}: deletes a test file`);
    for (const line of f.added) {
      for (const [re, what] of ADDED_TAMPERING)
        if (re.test(line)) problems.push(`${path}: ${what}: '${line.trim().slice(0, 120)}'`);
    }
    if (isTestFile(path)) {
      for (const line of f.added) {
        for (const [re, what] of WEAKENED)
          if (re.test(line)) problems.push(`${path}: ${what}: '${line.trim().slice(0, 120)}'`);
      }
      const removedAssertions = f.removed.filter((l) => ASSERTION.test(l)).length;
      const addedAssertions = f.added.filter((l) => ASSERTION.test(l)).length;
      if (removedAssertions > addedAssertions)
        problems.push(`${path}: removes ${removedAssertions - addedAssertions} assertion(s) from a test`);
    }
  }
  return { ok: problems.length === 0, problems: [...new Set(problems)] };
}

/** The default allowed paths: the files the root cause names and the folders they are in. */
export function defaultAllowed(files: string[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    if (!f || f.startsWith('/')) continue;
    out.add(f);
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
    out.add(dir ? `${dir}/*` : '*');
  }
  return [...out];
}
