import { parseLcov } from './lcov.js';
import { parseGoCover } from './gocover.js';
import { parseClover, parseCobertura, parseJacoco } from './xml-coverage.js';
import { parseIstanbul } from './istanbul.js';
import { fixture, workRoot } from '../testing/fixtures.js';
import type { CoverageReport } from '../types.js';

const root = workRoot('jest-cov');
const cov = (name: string): string => fixture('coverage', name);

// One jest run written by five istanbul reporters: every parser must agree to the line.
const CART = {
  path: 'src/cart.js',
  lines: { covered: 10, total: 15, pct: 66.67 },
  branches: { covered: 2, total: 6, pct: 33.33 },
  functions: { covered: 3, total: 4, pct: 75 },
  coveredLines: [3, 4, 5, 7, 11, 12, 21, 22, 23, 32],
  uncoveredLines: [14, 15, 17, 25, 29],
};

function expectCart(r: CoverageReport): void {
  expect(r.files).toEqual([CART]);
  expect(r.totals).toEqual({ lines: CART.lines, branches: CART.branches, functions: CART.functions });
  expect(r.warnings).toEqual([]);
}

describe('coverage formats (real tool output)', () => {
  it('lcov', async () => expectCart(await parseLcov(cov('lcov.info'), root)));
  it('Cobertura', async () => expectCart(await parseCobertura(cov('cobertura.xml'), root)));
  it('Clover', async () => expectCart(await parseClover(cov('clover.xml'), root)));
  it('istanbul coverage-final.json', async () =>
    expectCart(await parseIstanbul(cov('coverage-final.json'), root)));

  it('istanbul coverage-summary.json: counts without per-line data', async () => {
    const r = await parseIstanbul(cov('coverage-summary.json'), root);
    expect(r.files).toEqual([{ ...CART, coveredLines: [], uncoveredLines: [] }]);
    // The summary itself says 66.66; ours is derived from the counts and rounded.
    expect(r.totals.lines.pct).toBe(66.67);
  });

  it('JaCoCo: lines from ci/mi, methods from the source file counter', async () => {
    const r = await parseJacoco(cov('jacoco.xml'), '/');
    expect(r.files).toEqual([
      {
        path: 'org/eluder/coverage/test/CoverageTest.java',
        lines: { covered: 2, total: 4, pct: 50 },
        branches: { covered: 0, total: 0, pct: 100 },
        functions: { covered: 2, total: 3, pct: 66.67 },
        coveredLines: [3, 6],
        uncoveredLines: [10, 11],
      },
    ]);
  });

  it('Go coverprofile: a line is covered when any block on it ran', async () => {
    const r = await parseGoCover(cov('go-cover.out'), '/');
    expect(r.files).toEqual([
      {
        path: 'example.com/goapp/calc/calc.go',
        lines: { covered: 8, total: 11, pct: 72.73 },
        branches: { covered: 0, total: 0, pct: 100 },
        functions: { covered: 0, total: 0, pct: 100 },
        coveredLines: [7, 8, 9, 12, 13, 14, 15, 16],
        uncoveredLines: [20, 21, 22],
      },
    ]);
  });

  it('refuses files of another format with a clear message', async () => {
    await expect(parseLcov(cov('clover.xml'), root)).rejects.toThrow('not an lcov file');
    await expect(parseGoCover(cov('lcov.info'), root)).rejects.toThrow('not a Go coverprofile');
    await expect(parseJacoco(cov('cobertura.xml'), root)).rejects.toThrow('not a JaCoCo XML file');
    await expect(parseIstanbul(fixture('vulns', 'grype.json'), root)).rejects.toThrow(
      'not an istanbul JSON file',
    );
  });
});
