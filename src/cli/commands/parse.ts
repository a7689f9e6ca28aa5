/** `ai-ci parse FILE... [--kind K] [--json]`: print the normalized result of any supported report. */
import { parseArgs } from 'node:util';
import {
  ALL_KINDS,
  isParseError,
  parseFile,
  type CoverageCounter,
  type CoverageReport,
  type LogReport,
  type ParseResult,
  type TestReport,
  type VulnReport,
} from '../../parsers/index.js';
import { UsageError, type CliCommand } from './types.js';

export const PARSE_USAGE = `ai-ci parse FILE... [--kind ${ALL_KINDS.join('|')}] [--json] [--root DIR] [--passing-log FILE]

  Parses test reports, CI logs, coverage and vulnerability reports into one model.
  --kind         format of every FILE (default: auto, detected from content)
  --json         one JSON object per file (an array when several files are given)
  --root         make absolute paths in reports relative to DIR (default: current directory)
  --passing-log  for logs: the last passing log of the same job, to diff against
  Exit code 1 when any file could not be read or parsed (the others are still printed).`;

interface Output {
  write(chunk: string): unknown;
}

export async function runParse(argv: string[], out: Output): Promise<number> {
  let values: { kind?: string; json?: boolean; root?: string; 'passing-log'?: string };
  let files: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: 'string' },
        json: { type: 'boolean' },
        root: { type: 'string' },
        'passing-log': { type: 'string' },
      },
    });
    values = parsed.values;
    files = parsed.positionals;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (files.length === 0) throw new UsageError('parse needs at least one FILE');
  const kind = values.kind ?? 'auto';
  if (!(ALL_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown --kind '${kind}' (expected one of: ${ALL_KINDS.join(', ')})`);
  }
  const results: ParseResult[] = [];
  for (const file of files) {
    results.push(
      await parseFile(file, {
        kind,
        root: values.root,
        passingLogPath: values['passing-log'],
      }),
    );
  }
  if (values.json) {
    out.write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
  } else {
    for (const r of results) out.write(formatResult(r) + '\n');
  }
  return results.some(isParseError) ? 1 : 0;
}

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'parse test reports, CI logs, coverage and vulnerability reports',
  usage: PARSE_USAGE,
  run: (argv) => runParse(argv, process.stdout),
};

export function formatResult(r: ParseResult): string {
  if (isParseError(r)) return `${r.file}: error: ${r.error}`;
  if ('totals' in r && 'tests' in r) return formatTests(r);
  if ('totals' in r) return formatCoverage(r);
  if ('counts' in r) return formatVulns(r);
  return formatLog(r);
}

function formatTests(r: TestReport): string {
  const t = r.totals;
  const lines = [
    `${r.file} (${r.kind}): ${t.tests} tests, ${t.passed} passed, ${t.failed} failed, ${t.errors} errors, ${t.skipped} skipped`,
  ];
  for (const c of r.tests) {
    if (c.status === 'failed' || c.status === 'error') {
      const where = c.file ? ` (${c.file}${c.line !== null ? `:${c.line}` : ''})` : '';
      lines.push(`  ${c.status === 'failed' ? 'FAIL ' : 'ERROR'} ${c.name}${where}`);
      if (c.message) lines.push(`        ${c.message.split('\n')[0].slice(0, 160)}`);
    } else if (c.attempts > 1 && c.status === 'passed') {
      lines.push(`  FLAKY ${c.name} (passed after ${c.attempts} attempts)`);
    }
  }
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

function pctText(c: CoverageCounter): string {
  return `${c.pct.toFixed(2)}% (${c.covered}/${c.total})`;
}

function formatCoverage(r: CoverageReport): string {
  const lines = [
    `${r.file} (${r.kind}): lines ${pctText(r.totals.lines)}, branches ${pctText(r.totals.branches)}, functions ${pctText(r.totals.functions)}`,
  ];
  const width = Math.min(60, Math.max(4, ...r.files.map((f) => f.path.length)));
  for (const f of r.files.slice(0, 200)) {
    lines.push(`  ${f.path.padEnd(width)}  lines ${pctText(f.lines)}  branches ${pctText(f.branches)}`);
  }
  if (r.files.length > 200) lines.push(`  … ${r.files.length - 200} more files`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

function formatVulns(r: VulnReport): string {
  const c = r.counts;
  const lines = [
    `${r.file} (${r.kind}): ${r.findings.length} findings: ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.info} info, ${c.unknown} unknown`,
  ];
  for (const f of r.findings.slice(0, 200)) {
    const fix = f.fixedVersion ? ` -> ${f.fixedVersion}` : '';
    lines.push(`  ${f.severity.padEnd(8)} ${f.id} ${f.package}@${f.version}${fix}  ${f.title.slice(0, 100)}`);
  }
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

function formatLog(r: LogReport): string {
  const lines = [`${r.file} (log, ${r.tool}): ${r.failures.length} failures`];
  for (const f of r.failures) {
    const where = f.file ? ` (${f.file}${f.line !== null && f.line !== undefined ? `:${f.line}` : ''})` : '';
    lines.push(`  ${f.kind} ${f.item}${where}`);
    for (const l of f.lines.slice(0, 5)) lines.push(`    ${String(l.n).padStart(6)} | ${l.text}`);
  }
  return lines.join('\n');
}
