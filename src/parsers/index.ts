/**
 * Public entry of the report parsers: detect the format from content (or take `kind`), parse into the
 * normalized model, and turn every problem with the input into a one-line `{file, error}` result.
 * Nothing here throws for bad input.
 */
import { stat } from 'node:fs/promises';
import { detectFile, type DetectedKind } from './detect.js';
import {
  ALL_KINDS,
  COVERAGE_KINDS,
  ReportFormatError,
  TEST_REPORT_KINDS,
  VULN_KINDS,
  type CoverageReport,
  type ParseError,
  type ParseOptions,
  type ParseResult,
  type TestReport,
  type VulnReport,
} from './types.js';
import { parseJUnit } from './tests/junit.js';
import { parseJestJson } from './tests/jest-json.js';
import { parseMochaJson } from './tests/mocha-json.js';
import { parseGoJson } from './tests/go-json.js';
import { parseTap } from './tests/tap.js';
import { parseLcov } from './coverage-reports/lcov.js';
import { parseGoCover } from './coverage-reports/gocover.js';
import { parseClover, parseCobertura, parseJacoco } from './coverage-reports/xml-coverage.js';
import { parseIstanbul } from './coverage-reports/istanbul.js';
import { parseNpmAudit } from './vulns/npm-audit.js';
import { parseGrype, parseTrivy } from './vulns/scanners.js';
import { parseSarif } from './vulns/sarif.js';

export * from './types.js';
export { detectFile, detectContent, type DetectedKind, type Detection } from './detect.js';

type Family = 'test' | 'coverage' | 'vulnerability' | 'any';

const FAMILY_KINDS: Record<Exclude<Family, 'any'>, readonly string[]> = {
  test: TEST_REPORT_KINDS,
  coverage: COVERAGE_KINDS,
  vulnerability: VULN_KINDS,
};

/** Parse one report file of any supported format (test report, coverage, vulnerabilities or a CI log). */
export async function parseFile(path: string, opts: ParseOptions = {}): Promise<ParseResult> {
  return parseAs(path, opts, 'any');
}

export async function parseTestReport(
  path: string,
  opts: ParseOptions = {},
): Promise<TestReport | ParseError> {
  return (await parseAs(path, opts, 'test')) as TestReport | ParseError;
}

export async function parseCoverage(
  path: string,
  opts: ParseOptions = {},
): Promise<CoverageReport | ParseError> {
  return (await parseAs(path, opts, 'coverage')) as CoverageReport | ParseError;
}

export async function parseVulnerabilities(
  path: string,
  opts: ParseOptions = {},
): Promise<VulnReport | ParseError> {
  return (await parseAs(path, opts, 'vulnerability')) as VulnReport | ParseError;
}

async function parseAs(file: string, opts: ParseOptions, family: Family): Promise<ParseResult> {
  const requested = opts.kind ?? 'auto';
  if (!(ALL_KINDS as readonly string[]).includes(requested)) {
    return { file, error: `unknown kind "${requested}" (expected one of: ${ALL_KINDS.join(', ')})` };
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) return { file, error: 'not a regular file' };
  } catch (err) {
    return { file, error: `cannot read the file: ${ioMessage(err)}` };
  }
  let kind: DetectedKind;
  if (requested === 'auto') {
    let detection;
    try {
      detection = await detectFile(file);
    } catch (err) {
      return { file, error: `cannot read the file: ${ioMessage(err)}` };
    }
    if (detection.kind === null) {
      return { file, error: `not a ${familyName(family)} file (${detection.reason})` };
    }
    kind = detection.kind;
  } else {
    kind = requested as DetectedKind;
  }
  if (family !== 'any' && !FAMILY_KINDS[family].includes(kind)) {
    return { file, kind, error: `not a ${familyName(family)} file (it looks like ${kind})` };
  }
  const root = opts.root ?? process.cwd();
  try {
    return await dispatch(kind, file, root, opts);
  } catch (err) {
    if (err instanceof ReportFormatError) return { file, kind, error: err.message };
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (code) return { file, kind, error: `cannot read the file: ${ioMessage(err)}` };
    return { file, kind, error: `internal error while parsing as ${kind}: ${oneLine(err)}` };
  }
}

async function dispatch(
  kind: DetectedKind,
  file: string,
  root: string,
  opts: ParseOptions,
): Promise<ParseResult> {
  switch (kind) {
    case 'junit':
      return parseJUnit(file, root);
    case 'jest-json':
    case 'vitest-json':
      return parseJestJson(file, root, kind);
    case 'mocha-json':
      return parseMochaJson(file, root);
    case 'go-json':
      return parseGoJson(file, root);
    case 'tap':
      return parseTap(file, root);
    case 'lcov':
      return parseLcov(file, root);
    case 'cobertura':
      return parseCobertura(file, root);
    case 'jacoco':
      return parseJacoco(file, root);
    case 'clover':
      return parseClover(file, root);
    case 'istanbul':
      return parseIstanbul(file, root);
    case 'gocover':
      return parseGoCover(file, root);
    case 'npm-audit':
      return parseNpmAudit(file);
    case 'trivy':
      return parseTrivy(file);
    case 'grype':
      return parseGrype(file);
    case 'sarif':
      return parseSarif(file);
    case 'log':
      return parseLog(file, opts);
  }
}

/** The log extractor is its own module, loaded only when a log is parsed. */
async function parseLog(file: string, opts: ParseOptions): Promise<ParseResult> {
  let mod: typeof import('./logs/index.js');
  try {
    mod = await import('./logs/index.js');
  } catch (err) {
    return { file, kind: 'log', error: `log extraction is unavailable: ${oneLine(err)}` };
  }
  return mod.extractLogFailures(
    file,
    opts.passingLogPath ? { passingLogPath: opts.passingLogPath } : undefined,
  );
}

function familyName(family: Family): string {
  if (family === 'test') return 'test report';
  if (family === 'coverage') return 'coverage report';
  if (family === 'vulnerability') return 'vulnerability report';
  return 'recognised report';
}

function ioMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'it is a directory';
  return oneLine(err);
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300);
}
