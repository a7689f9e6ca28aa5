import { fingerprint } from './fingerprint.js';
import type { ExplainingLine, Failure, RootCauseKind, Victim } from './types.js';

/** Failures that share a root cause, before scoring. */
export interface Cluster {
  fingerprint: string;
  kind: RootCauseKind;
  /** The failures with this fingerprint, first seen first. */
  failures: Failure[];
  /** Failures of other fingerprints that this one caused (causal collapse). */
  collapsed: Failure[];
}

const CAUSE_KINDS: ReadonlySet<RootCauseKind> = new Set(['compile', 'type', 'import', 'dependency']);
const MAX_LINES_PER_CAUSE = 30;

function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A test reported both in a structured report and in the raw log is one failure: the report's
 * facts, with the log's lines when the log says more.
 */
export function mergeDuplicates(failures: Failure[]): Failure[] {
  const reported = failures.filter((f) => f.origin === 'report' && f.test);
  const byName = new Map<string, Failure>();
  for (const f of reported) byName.set(normName(f.test!), f);
  const out: Failure[] = [];
  for (const f of failures) {
    if (f.origin === 'log' && f.test) {
      const n = normName(f.test);
      const match = byName.get(n) ?? [...byName.entries()].find(([k]) => k.endsWith(n) || n.endsWith(k))?.[1];
      if (match) {
        if (f.lines.length) match.lines = mergeLines(f.lines, match.lines);
        match.alsoIn = [...new Set([...(match.alsoIn ?? []), f.source])];
        if (!match.file && f.file) {
          match.file = f.file;
          match.line = f.line;
        }
        continue;
      }
    }
    out.push(f);
  }
  return out;
}

function mergeLines(a: ExplainingLine[], b: ExplainingLine[]): ExplainingLine[] {
  const seen = new Set<string>();
  const out: ExplainingLine[] = [];
  for (const l of [...a, ...b]) {
    const k = `${l.source}:${l.n}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(l);
  }
  return out;
}

/** What a cause is called in other failures' messages: its file and the module it could not find. */
function causeMentions(f: Failure): string[] {
  const out: string[] = [];
  if (f.file) {
    out.push(f.file);
    const noExt = f.file.replace(/\.[a-z]+$/i, '');
    if (noExt.includes('/')) out.push(noExt);
  }
  const spec =
    /Cannot find module '([^']+)'/.exec(f.message) ??
    /No module named '([^']+)'/.exec(f.message) ??
    /cannot find package "([^"]+)"/.exec(f.message) ??
    /Failed to resolve import "([^"]+)"/.exec(f.message);
  if (spec) out.push(spec[1]);
  return out.filter((s) => s.length >= 4);
}

function mentions(f: Failure, needles: string[]): boolean {
  const hay = `${f.message}\n${f.detail ?? ''}\n${f.lines.map((l) => l.text).join('\n')}`;
  return needles.some((n) => hay.includes(n));
}

/**
 * Groups failures by fingerprint across every input (tools, matrix jobs), then collapses the
 * failures a compile, type, import or dependency error caused into that one root cause.
 */
export function clusterFailures(input: Failure[]): Cluster[] {
  const failures = mergeDuplicates(input);
  const byFp = new Map<string, Cluster>();
  for (const f of failures) {
    const fp = fingerprint(f);
    let c = byFp.get(fp);
    if (!c) {
      c = { fingerprint: fp, kind: f.kind, failures: [], collapsed: [] };
      byFp.set(fp, c);
    }
    c.failures.push(f);
  }
  const clusters = [...byFp.values()];
  // A cause points at code (a compile, type, import or dependency error with a place); a test
  // suite that failed to run with the same kind of error is a victim of it, not a cause.
  const isSuiteFailure = (c: Cluster): boolean => c.failures.every((f) => f.test !== undefined);
  const causes = clusters.filter((c) => CAUSE_KINDS.has(c.kind) && !isSuiteFailure(c));
  const absorbed = new Set<Cluster>();
  for (const cause of causes) {
    if (absorbed.has(cause)) continue;
    const needles = [...new Set(cause.failures.flatMap(causeMentions))];
    if (needles.length === 0) continue;
    for (const other of clusters) {
      if (other === cause || absorbed.has(other) || other.kind === 'infra') continue;
      if (causes.includes(other)) continue;
      if (other.failures.every((f) => mentions(f, needles))) {
        cause.collapsed.push(...other.failures);
        absorbed.add(other);
      }
    }
  }
  return clusters.filter((c) => !absorbed.has(c));
}

export function victimsOf(c: Cluster): Victim[] {
  const seen = new Set<string>();
  const out: Victim[] = [];
  for (const f of [...c.failures, ...c.collapsed]) {
    if (!f.test) continue;
    const key = `${f.test}|${f.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      name: f.test,
      file: f.testFile ?? (f.origin === 'report' ? null : (f.file ?? null)),
      line: f.testLine ?? null,
      source: f.source,
    });
  }
  return out;
}

/** The lines that explain a root cause: each source's first occurrence, then the victims', capped. */
export function linesOf(c: Cluster): ExplainingLine[] {
  const out: ExplainingLine[] = [];
  const seen = new Set<string>();
  const bySource = new Map<string, Failure>();
  for (const f of c.failures) if (!bySource.has(f.source)) bySource.set(f.source, f);
  for (const f of [...bySource.values(), ...c.collapsed.slice(0, 3)]) {
    for (const l of f.lines) {
      const k = `${l.source}:${l.n}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(l);
      if (out.length >= MAX_LINES_PER_CAUSE) return out;
    }
  }
  return out;
}
