import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../../core/redact.js';
import { testDisplayName, type LogReport, type TestReport } from '../../parsers/types.js';
import { classify } from './classify.js';
import { inAppFrames } from './fingerprint.js';
import type { ExplainingLine, Failure } from './types.js';

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const RUNNER_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/;

/** Text quoted in reports: no colours, no runner timestamps, no secrets. */
export function cleanText(text: string): string {
  return redact(
    text
      .split(/\r\n|\r|\n/)
      .map((l) => l.replace(ANSI, '').replace(RUNNER_TIMESTAMP, ''))
      .join('\n'),
  );
}

const MAX_DETAIL_LINES = 12;

function xmlEscaped(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Where the message and stack of a failed test stand in its report file, so that every quoted
 * line carries the line number a reader can open. Lines are searched in order, as written.
 */
export function locateLines(
  source: string,
  fileLines: readonly string[] | undefined,
  detail: string,
): ExplainingLine[] {
  const wanted = detail
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(0, MAX_DETAIL_LINES);
  const out: ExplainingLine[] = [];
  let from = 0;
  for (const text of wanted) {
    const needle = text.trim();
    let found = -1;
    if (fileLines) {
      const esc = xmlEscaped(needle);
      const jsonEsc = JSON.stringify(needle).slice(1, -1);
      for (let i = from; i < fileLines.length; i++) {
        const l = fileLines[i];
        if (l.includes(needle) || l.includes(esc) || l.includes(jsonEsc)) {
          found = i;
          break;
        }
      }
    }
    if (found >= 0) {
      out.push({ source, n: found + 1, text: cleanText(text) });
      // JSON reports hold a whole message on one line: later lines may be on the same line.
      from = found;
    }
  }
  return out;
}

export function failuresFromTestReport(
  report: TestReport,
  source: string,
  fileLines: readonly string[] | undefined,
  root: string,
): Failure[] {
  const out: Failure[] = [];
  for (const t of report.tests) {
    if (t.status !== 'failed' && t.status !== 'error') continue;
    const detailRaw = [t.message ?? '', t.stack ?? ''].filter(Boolean).join('\n');
    const detail = cleanText(dedupeMessageInStack(t.message ?? '', t.stack ?? ''));
    const message = firstLine(cleanText(t.message ?? t.stack ?? `${t.name} failed`));
    const frames = inAppFrames(detail, 1);
    const frame = frames[0];
    const file = relativeFile(frame?.file, root) ?? t.file ?? undefined;
    out.push({
      source,
      origin: 'report',
      tool: report.kind,
      // Test names are report text too: a secret in a parametrized name must not reach the report.
      test: redact(t.name ? testDisplayName(t) : t.id),
      testFile: relativeFile(t.file ?? undefined, root),
      testLine: t.line ?? undefined,
      kind: classify(t.status === 'error' ? 'exception' : 'assertion', detailRaw || message),
      message,
      detail,
      file,
      line: frame ? frame.line : (t.line ?? undefined),
      lines: locateLines(source, fileLines, detail || message),
      confirmed: true,
      status: t.status,
      attempts: t.attempts,
    });
  }
  return out;
}

export function failuresFromLogReport(report: LogReport, source: string, root: string): Failure[] {
  return report.failures.map((f) => {
    const text = f.lines.map((l) => l.text).join('\n');
    const message = firstMeaningfulLine(f.lines.map((l) => l.text)) ?? f.item;
    return {
      source,
      origin: 'log' as const,
      tool: report.tool,
      test: looksLikeTest(f.kind, f.item, report.tool) ? f.item : undefined,
      kind: classify(f.kind, `${f.item}\n${text}`),
      message: cleanText(message),
      detail: cleanText(text),
      file: relativeFile(f.file ?? undefined, root),
      line: f.line ?? undefined,
      lines: f.lines.map((l) => ({ source, n: l.n, text: cleanText(l.text) })),
      confirmed: false,
    };
  });
}

const TEST_RUNNERS = new Set([
  'jest',
  'vitest',
  'mocha',
  'node-test',
  'pytest',
  'go',
  'gotest',
  'maven',
  'gradle',
  'surefire',
]);

/** A finding of a test runner names a test unless it is a build-level problem (compile, lint, ...). */
function looksLikeTest(kind: string, item: string, tool: string): boolean {
  if (item.trim() === '') return false;
  if (kind === 'assertion' || kind === 'exception' || kind === 'timeout' || kind === 'snapshot') return true;
  return kind === 'unknown' && TEST_RUNNERS.has(tool);
}

function dedupeMessageInStack(message: string, stack: string): string {
  if (!stack) return message;
  if (!message || stack.includes(message.split('\n')[0])) return stack;
  return `${message}\n${stack}`;
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 500);
}

const ERRORISH =
  /error|fail|panic|exception|assert|expected|cannot|undefined|not found|denied|timeout|timed out/i;

function firstMeaningfulLine(lines: string[]): string | undefined {
  const clean = lines
    .map((l) => l.replace(ANSI, '').replace(RUNNER_TIMESTAMP, '').trim())
    .filter((l) => l !== '');
  return (clean.find((l) => ERRORISH.test(l)) ?? clean[0])?.slice(0, 500);
}

/** Frames carry absolute runner paths (`/home/runner/work/repo/repo/src/a.ts`): make them repo-relative. */
export function relativeFile(file: string | undefined, root: string): string | undefined {
  if (!file) return undefined;
  let f = file.replace(/^file:\/\//, '').replace(/\\/g, '/');
  const r = root.replace(/\\/g, '/').replace(/\/$/, '');
  if (f.startsWith(r + '/')) f = f.slice(r.length + 1);
  const gh = /^\/home\/runner\/work\/[^/]+\/[^/]+\/(.*)$/.exec(f);
  if (gh) f = gh[1];
  if (f.startsWith('/')) f = existingSuffix(f, r) ?? f;
  return f.replace(/^\.\//, '');
}

const suffixCache = new Map<string, string | undefined>();

/**
 * Reports made in another place (a container's /app, another machine's checkout) name absolute
 * paths: the longest tail of the path that exists in the workspace is the file meant.
 */
function existingSuffix(abs: string, root: string): string | undefined {
  const key = `${root}\0${abs}`;
  if (suffixCache.has(key)) return suffixCache.get(key);
  const parts = abs.split('/').filter(Boolean);
  let found: string | undefined;
  for (let i = 1; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (existsSync(join(root, candidate))) {
      found = candidate;
      break;
    }
  }
  suffixCache.set(key, found);
  return found;
}
