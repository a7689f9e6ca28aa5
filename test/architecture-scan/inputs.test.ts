import { getInputs } from '../../src/actions/architecture-scan/inputs.js';
import { failureOf, pathGlobs } from '../../src/actions/architecture-scan/scan.js';
import type { ArchitectureAnalysis } from '../../src/actions/architecture-scan/analyze.js';
import { Inputs } from '../../src/core/inputs.js';

describe('architecture-scan inputs', () => {
  it('has the documented defaults', () => {
    expect(getInputs(new Inputs({}))).toEqual({
      paths: ['.'],
      languages: undefined,
      ignore: undefined,
      config: undefined,
      ignoreTypeOnly: false,
      ignoreDynamic: false,
      failOn: 'none',
      failOnUnresolved: false,
      churnWindowMs: 90 * 86_400_000,
      outputDir: '.',
      baseline: undefined,
      redisUrl: undefined,
    });
  });

  it('reads lists, language aliases, durations and choices, with messages naming the input', () => {
    const i = getInputs(
      new Inputs({
        INPUT_PATHS: 'src\npackages/a',
        INPUT_LANGUAGES: 'TypeScript, py',
        'INPUT_CHURN-WINDOW': '4w',
        'INPUT_FAIL-ON': 'NEW',
        'INPUT_IGNORE-TYPE-ONLY': 'yes',
      }),
    );
    expect(i).toMatchObject({
      paths: ['src', 'packages/a'],
      languages: ['js', 'python'],
      churnWindowMs: 28 * 86_400_000,
      failOn: 'new',
      ignoreTypeOnly: true,
    });
    expect(getInputs(new Inputs({ INPUT_LANGUAGES: 'auto' })).languages).toBeUndefined();
    expect(() => getInputs(new Inputs({ INPUT_LANGUAGES: 'rust' }))).toThrow(
      "Invalid value for input 'languages': 'rust'. Expected auto or any of: js, python, go.",
    );
    expect(() => getInputs(new Inputs({ 'INPUT_FAIL-ON': 'some' }))).toThrow(
      "Invalid value for input 'fail-on': 'some'. Expected one of: none, new, any.",
    );
    expect(() => getInputs(new Inputs({ 'INPUT_CHURN-WINDOW': 'soon' }))).toThrow(/churn-window/);
  });

  it('turns scanned folders into the graph builder globs', () => {
    expect(pathGlobs(['.'])).toBeUndefined();
    expect(pathGlobs(['./src/', 'lib/**/*.ts'])).toEqual(['src', 'src/**', 'lib/**/*.ts']);
  });
});

describe('failureOf', () => {
  const base: Pick<ArchitectureAnalysis, 'cycles' | 'violations' | 'unresolved' | 'baseline'> = {
    cycles: [
      { members: ['a', 'b'], example: ['a', 'b', 'a'], kinds: ['runtime'], id: '1', status: 'known' },
      { members: ['c'], example: ['c', 'c'], kinds: ['runtime'], id: '2', status: 'new' },
    ],
    violations: [
      { rule: 'r', severity: 'error', from: 'a', to: 'b', kind: 'runtime', id: '3', status: 'known' },
      { rule: 'r', severity: 'warn', from: 'a', to: 'c', kind: 'runtime', id: '4', status: 'new' },
    ],
    unresolved: [{ from: 'a', specifier: './x' }],
    baseline: {
      source: 'prev.json',
      newCycles: 1,
      grownCycles: 0,
      knownCycles: 1,
      fixedCycles: [],
      newViolations: 1,
      knownViolations: 1,
    },
  };

  it('fails on any finding, only on new ones, or not at all', () => {
    expect(failureOf(base, { failOn: 'none', failOnUnresolved: false })).toBeUndefined();
    expect(failureOf(base, { failOn: 'any', failOnUnresolved: false })).toBe(
      'Architecture scan failed: 2 import cycles; 1 error-severity rule violation.',
    );
    expect(failureOf(base, { failOn: 'new', failOnUnresolved: true })).toBe(
      'Architecture scan failed: 1 new or grown import cycle; 1 unresolved import (fail-on-unresolved).',
    );
  });
});
