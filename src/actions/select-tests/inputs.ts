import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { Language } from '../../graph/types.js';
import { MAX_SHARDS } from './shards.js';

export interface SelectTestsSettings {
  /** Commit to compare with; overrides the event's base. */
  base: string | undefined;
  /** Commit under test; default GITHUB_SHA (the checkout). */
  head: string | undefined;
  /** false runs every test (input `enabled`, env TEST_SELECTION_ENABLED). */
  enabled: boolean;
  /** More changed files than this run every test (input `threshold`, env TEST_SELECTION_THRESHOLD; default 20). */
  threshold: number;
  /** Globs whose change runs every test, added to the defaults. */
  criticalPaths: string[];
  /** Globs no test reads (documentation), added to the defaults. */
  ignorePaths: string[];
  /** Globs identifying tests; `undefined` uses the per-language defaults. */
  testPatterns: string[] | undefined;
  /** Languages to analyse; `undefined` means every language found. */
  languages: Language[] | undefined;
  /** Number of shards in the matrix (1-256). */
  shards: number;
  /** Folder (relative to the workspace) holding the project; test paths are relative to it. */
  workingDirectory: string;
  /** Test reports (JUnit XML and the other formats ai-ci parses) of earlier runs, for shard balancing. */
  timingReports: string[] | undefined;
  /** Where the report and the tests file go, relative to the workspace. */
  outputDir: string;
}

const LANGS: readonly Language[] = ['js', 'python', 'go'];
const LANG_ALIASES: Record<string, Language> = {
  js: 'js',
  javascript: 'js',
  ts: 'js',
  typescript: 'js',
  py: 'python',
  python: 'python',
  go: 'go',
  golang: 'go',
};

export function getInputs(inputs = new Inputs()): Readonly<SelectTestsSettings> {
  const langs = inputs.list('languages');
  let languages: Language[] | undefined;
  if (langs && !(langs.length === 1 && langs[0].toLowerCase() === 'auto')) {
    languages = langs.map((l) => {
      const v = LANG_ALIASES[l.toLowerCase()];
      if (!v)
        throw new ConfigurationError(
          `Invalid value for input 'languages': '${l}'. Expected auto or a list of: ${LANGS.join(', ')}.`,
        );
      return v;
    });
  }
  return Object.freeze({
    base: inputs.string('base'),
    head: inputs.string('head'),
    enabled: inputs.boolean({ name: 'enabled', env: ['TEST_SELECTION_ENABLED'] }) ?? true,
    threshold:
      inputs.number({ name: 'threshold', env: ['TEST_SELECTION_THRESHOLD'] }, { min: 0, integer: true }) ??
      20,
    criticalPaths: inputs.globs('critical-paths') ?? [],
    ignorePaths: inputs.globs('ignore-paths') ?? [],
    testPatterns: inputs.globs('test-patterns'),
    languages,
    shards: inputs.number('shards', { min: 1, max: MAX_SHARDS, integer: true }) ?? 1,
    workingDirectory: inputs.string('working-directory') ?? '.',
    timingReports: inputs.globs('timing-reports'),
    outputDir: inputs.string('output-dir') ?? 'ai_analysis',
  });
}
