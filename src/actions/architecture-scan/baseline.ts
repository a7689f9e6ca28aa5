import { createHash } from 'node:crypto';
import type { Violation } from '../../graph/analysis/rules.js';

/**
 * New versus known findings against a previous result. A cycle is identified by its member set:
 * the same set is known; a set that contains every member of a previous cycle and more has grown;
 * anything else is new. A violation is identified by (rule, from, to, kind).
 */
export type CycleStatus = 'new' | 'grown' | 'known';
export type ViolationStatus = 'new' | 'known';

/** The parts of a previous `architecture_analysis.json` the comparison reads. */
export interface BaselineFacts {
  cycles: string[][];
  violations: Array<{ rule: string; from: string; to: string; kind: string }>;
}

/** Stable id of a cycle: its sorted members hashed, so it survives reordering and reruns. */
export function cycleId(members: readonly string[]): string {
  return createHash('sha256')
    .update([...members].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export function violationKey(v: { rule: string; from: string; to: string; kind: string }): string {
  return `${v.rule}\0${v.from}\0${v.to}\0${v.kind}`;
}

export function violationId(v: { rule: string; from: string; to: string; kind: string }): string {
  return createHash('sha256').update(violationKey(v)).digest('hex').slice(0, 16);
}

/**
 * Reads the comparable facts from a previous result; undefined (with the reason) when it is not an
 * `ai-ci/architecture` report, so a wrong file never hides a regression by looking like a baseline.
 */
export function readBaseline(data: unknown): { facts?: BaselineFacts; problem?: string } {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { problem: 'not a JSON object' };
  const d = data as Record<string, unknown>;
  if (d.type !== 'ai-ci/architecture')
    return { problem: `type is ${JSON.stringify(d.type)}, expected "ai-ci/architecture"` };
  const cycles: string[][] = [];
  if (Array.isArray(d.cycles)) {
    for (const c of d.cycles) {
      const members = (c as { members?: unknown })?.members;
      if (Array.isArray(members) && members.every((m) => typeof m === 'string'))
        cycles.push(members as string[]);
    }
  }
  const violations: BaselineFacts['violations'] = [];
  if (Array.isArray(d.violations)) {
    for (const v of d.violations) {
      const o = v as Record<string, unknown>;
      if (o && typeof o.rule === 'string' && typeof o.from === 'string' && typeof o.to === 'string') {
        violations.push({
          rule: o.rule,
          from: o.from,
          to: o.to,
          kind: typeof o.kind === 'string' ? o.kind : 'runtime',
        });
      }
    }
  }
  return { facts: { cycles, violations } };
}

export function cycleStatus(members: readonly string[], baseline: BaselineFacts): CycleStatus {
  const key = [...members].sort().join('\n');
  let grown = false;
  const set = new Set(members);
  for (const prev of baseline.cycles) {
    if ([...prev].sort().join('\n') === key) return 'known';
    if (prev.length < members.length && prev.every((m) => set.has(m))) grown = true;
  }
  return grown ? 'grown' : 'new';
}

export function violationStatus(v: Violation, known: Set<string>): ViolationStatus {
  return known.has(violationKey(v)) ? 'known' : 'new';
}

/** Previous cycles that no longer exist in any form (no current cycle contains all their members). */
export function fixedCycles(current: ReadonlyArray<readonly string[]>, baseline: BaselineFacts): string[][] {
  const sets = current.map((m) => new Set(m));
  return baseline.cycles.filter((prev) => !sets.some((s) => prev.every((m) => s.has(m))));
}
