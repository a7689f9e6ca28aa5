/** Small helpers shared by the report parsers: paths, stack locations, totals and percentages. */
import path from 'node:path';
import type { CoverageCounter, Severity, TestCaseResult, TestTotals } from './types.js';

/** Texts kept per test (messages, stacks, stdout) are capped so that a huge report stays bounded. */
export const MAX_TEXT = 16 * 1024;

export function capText(text: string, max = MAX_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text;
}

/** Relative to root with `/` when the path lies under root; otherwise unchanged (with `/`). */
export function relPath(p: string, root: string): string {
  let s = p.replace(/^file:\/\//, '');
  const drive = /^[A-Za-z]:[\\/]/;
  // Windows paths are only relativised against a Windows root, POSIX paths against a POSIX root.
  const impl = drive.test(s)
    ? drive.test(root)
      ? path.win32
      : null
    : path.posix.isAbsolute(s)
      ? path.posix
      : null;
  if (impl) {
    const rel = impl.relative(root, s);
    if (rel && !rel.startsWith('..') && !impl.isAbsolute(rel)) s = rel;
  }
  return s.replace(/\\/g, '/');
}

/**
 * A copy of `s` that does not keep its parent alive. Strings cut from a parser's 1 MB input chunk
 * are slices of it in V8; kept in a result, each would pin its whole chunk, and a 500 MB report
 * would stay in memory in full.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** relPath memoised for one report, where the same few file names repeat on every test. */
export class PathCache {
  private readonly cache = new Map<string, string>();
  constructor(private readonly root: string) {}
  rel(p: string): string {
    let r = this.cache.get(p);
    if (r === undefined) {
      r = detach(relPath(p, this.root));
      if (this.cache.size < 10_000) this.cache.set(p, r);
    }
    return r;
  }
}

const LOCATION_END = /\.(?:[cm]?[jt]sx?|py|go|java|kt|kts|scala|cs|rb|php|rs|swift|c|cc|cpp|h):(\d+)/g;

function looksLikeTestFile(p: string): boolean {
  return /(^|[/\\])(tests?|__tests__|spec)[/\\]|[._-](test|spec)\.[a-z]+$|_test\.go$|(^|[/\\])test_[^/\\]+\.py$|Tests?\.(java|kt|cs)$/i.test(
    p,
  );
}

const DELIMITERS = new Set([...' \t\n\r()"\'`,<>=|'].map((c) => c.charCodeAt(0)));
const EXCLUDED_FRAME = /node_modules|^node:|[/\\]internal[/\\]|^internal[/\\]|\/usr\/lib\/go/;

/** The path that ends at `end` in `text`: back to a delimiter, or to a drive letter for Windows paths with spaces. */
function pathBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && !DELIMITERS.has(text.charCodeAt(i - 1))) i--;
  if (i > 0 && text.charCodeAt(i - 1) === 32) {
    const lineStart = text.lastIndexOf('\n', i) + 1;
    const segment = text.slice(lineStart, end);
    const drive = /[A-Za-z]:[\\/][^()"'`<>|]*$/.exec(segment);
    if (drive) return segment.slice(drive.index);
  }
  return text.slice(i, end);
}

function sameFile(a: string, b: string): boolean {
  const x = a.replace(/\\/g, '/');
  const y = b.replace(/\\/g, '/');
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}

/**
 * The test's own `file:line` in a failure text: the first frame in the test's file when it is known,
 * else the first frame in something that looks like a test file, else the first frame outside
 * dependencies and runtime internals. Linear in the text, and it stops at the first decisive frame.
 */
export function locate(text: string | null, file: string | null): { file: string; line: number } | null {
  if (!text) return null;
  let sample = text.length > 16 * 1024 ? text.slice(0, 16 * 1024) : text;
  // .NET writes "in C:\\src\\MathTests.cs:line 40"; normalise it to the common "file:40".
  if (sample.includes(':line ')) sample = sample.replace(/(\.(?:cs|vb|fs)):line (\d+)/g, '$1:$2');
  let fallback: { file: string; line: number } | null = null;
  const re = new RegExp(LOCATION_END.source, 'g');
  for (let seen = 0, m = re.exec(sample); m !== null && seen < 200; m = re.exec(sample), seen++) {
    const f = pathBefore(sample, m.index + m[0].length - m[1].length - 1).trim();
    if (f === '' || /^\.[A-Za-z]+$/.test(f) || EXCLUDED_FRAME.test(f)) continue;
    const frame = { file: f, line: Number(m[1]) };
    if (file) {
      if (sameFile(f, file)) return frame;
    } else if (looksLikeTestFile(f)) {
      return frame;
    } else {
      fallback ??= frame;
    }
  }
  return file ? null : fallback;
}

export function emptyTotals(): TestTotals {
  return { tests: 0, passed: 0, failed: 0, skipped: 0, errors: 0 };
}

export function totalsOf(tests: readonly TestCaseResult[]): TestTotals {
  const t = emptyTotals();
  for (const c of tests) {
    t.tests++;
    if (c.status === 'passed') t.passed++;
    else if (c.status === 'failed') t.failed++;
    else if (c.status === 'skipped') t.skipped++;
    else t.errors++;
  }
  return t;
}

export function pct(covered: number, total: number): number {
  if (total <= 0) return 100;
  return Math.round((covered / total) * 10000) / 100;
}

/** A report claiming more covered than total (corrupt counts) is clamped rather than passed on. */
export function counter(covered: number, total: number): CoverageCounter {
  const t = Math.max(0, total);
  const c = Math.min(Math.max(0, covered), t);
  return { covered: c, total: t, pct: pct(c, t) };
}

export function sumCounters(list: readonly CoverageCounter[]): CoverageCounter {
  let c = 0;
  let t = 0;
  for (const x of list) {
    c += x.covered;
    t += x.total;
  }
  return counter(c, t);
}

export function severityOf(raw: unknown): Severity {
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (s === 'critical') return 'critical';
  if (s === 'high' || s === 'important') return 'high';
  if (s === 'medium' || s === 'moderate') return 'medium';
  if (s === 'low') return 'low';
  if (s === 'info' || s === 'informational' || s === 'negligible' || s === 'none') return 'info';
  return 'unknown';
}

/** Seconds (as JUnit writes them, possibly "1E-07" or "1,5") to milliseconds. */
export function secondsToMs(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  const n = Number(raw.includes(',') ? raw.replace(',', '.') : raw);
  if (!Number.isFinite(n) || n < 0) return null;
  return roundMs(n * 1000);
}

/** Durations are kept to the microsecond: float noise from the tools is not a fact. */
export function roundMs(ms: number | null): number | null {
  return ms === null || !Number.isFinite(ms) ? null : Math.round(ms * 1000) / 1000;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Mocha and friends mark failing hooks in the test title; such a failure means tests could not run. */
export function isHookTitle(title: string): boolean {
  return /"(before|after)( all| each)?" hook/.test(title);
}
