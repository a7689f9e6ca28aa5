import type { Cluster } from './cluster.js';
import type { RootCauseKind } from './types.js';

/**
 * How sure the triage is that a cluster is a real root cause, from the evidence behind it: a
 * structured report with a location beats a tool-specific log extractor, which beats the generic
 * extractor. Calibrated on the committed fixtures (bench: triage-calibration).
 */
export function rootCauseConfidence(c: Cluster): number {
  const f = c.failures;
  const confirmed = f.some((x) => x.confirmed);
  const located = f.some((x) => x.file && x.line);
  const generic = f.every((x) => x.origin === 'log' && (x.tool === 'generic' || x.tool === 'unknown'));
  let score: number;
  if (confirmed) score = located ? 0.95 : 0.85;
  else if (generic) score = located ? 0.6 : 0.5;
  else score = located ? 0.9 : 0.8;
  if (new Set(f.map((x) => x.origin)).size > 1) score += 0.03;
  if (c.kind === 'unknown') score = Math.min(score, 0.4);
  return round2(Math.min(score, 0.99));
}

const FIX_BY_KIND: Record<RootCauseKind, number> = {
  lint: 0.95,
  import: 0.93,
  type: 0.92,
  compile: 0.9,
  snapshot: 0.6,
  assertion: 0.55,
  exception: 0.5,
  dependency: 0.3,
  timeout: 0.15,
  unknown: 0.1,
  infra: 0,
};

/**
 * How likely an automated fix is to be right: high for a missing import or a type error with a
 * location, low for a timeout; nothing for flaky or infrastructure failures, which code changes
 * do not fix.
 */
export function fixConfidence(
  c: Cluster,
  opts: { flaky: boolean; infra: boolean; confidence: number },
): number {
  if (opts.infra) return 0;
  if (opts.flaky) return 0.05;
  const located = c.failures.some((x) => x.file && x.line);
  let v = FIX_BY_KIND[c.kind] * (located ? 1 : 0.6);
  // A fix is never more certain than the diagnosis it fixes.
  v = Math.min(v, opts.confidence);
  return round2(v);
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
