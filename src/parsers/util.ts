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

const LOCATION =
  /((?:[A-Za-z]:)?[\w@.\-/\\ +~[\]]*?[\w@.\-+~]+\.(?:[cm]?[jt]sx?|py|go|java|kt|kts|scala|cs|rb|php|rs|swift|c|cc|cpp|h)):(\d+)/g;

function looksLikeTestFile(p: string): boolean {
  return /(^|[/\\])(tests?|__tests__|spec)[/\\]|[._-](test|spec)\.[a-z]+$|_test\.go$|(^|[/\\])test_[^/\\]+\.py$|Tests?\.(java|kt|cs)$/i.test(
    p,
  );
}

/**
 * The test's own `file:line` in a failure text: the first frame in the test's file when it is known,
 * else the first frame in something that looks like a test file, else the first frame outside
 * dependencies and runtime internals.
 */
export function locate(text: string | null, file: string | null): { file: string; line: number } | null {
  if (!text) return null;
  const frames: { file: string; line: number }[] = [];
  // .NET writes "in C:\src\MathTests.cs:line 40"; normalise it to the common "file:40".
  const sample = text.slice(0, 64 * 1024).replace(/(\.(?:cs|vb|fs)):line (\d+)/g, '$1:$2');
  for (const m of sample.matchAll(LOCATION)) {
    const f = pathPart(m[1]);
    if (/node_modules|^node:|[/\\]internal[/\\]|^internal[/\\]|\/usr\/lib\/go/.test(f)) continue;
    frames.push({ file: f, line: Number(m[2]) });
  }
  if (frames.length === 0) return null;
  if (file) {
    const norm = file.replace(/\\/g, '/');
    const same = frames.find((f) => {
      const g = f.file.replace(/\\/g, '/');
      return g === norm || g.endsWith(`/${norm}`) || norm.endsWith(`/${g}`);
    });
    return same ?? null;
  }
  return frames.find((f) => looksLikeTestFile(f.file)) ?? frames[0];
}

/** Spaces are allowed inside paths (Windows profiles), so cut any leading words ("in", "at") off. */
function pathPart(raw: string): string {
  const s = raw.trim();
  const drive = /[A-Za-z]:[\\/]/.exec(s);
  if (drive) return s.slice(drive.index);
  const abs = /(^|\s)\//.exec(s);
  if (abs) return s.slice(abs.index).trim();
  const words = s.split(/\s+/);
  return words[words.length - 1];
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

export function counter(covered: number, total: number): CoverageCounter {
  return { covered, total, pct: pct(covered, total) };
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
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw.replace(',', '.'));
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
