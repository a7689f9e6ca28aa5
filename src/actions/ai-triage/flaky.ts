import { testDisplayName, type TestReport } from '../../parsers/types.js';
import type { FlakyTest } from './types.js';

/** One earlier outcome of a test, from the store's test-outcome history. */
export interface HistoryEntry {
  sha: string;
  outcome: 'passed' | 'failed' | 'skipped' | 'error';
  runId?: string;
}

export interface FlakySettings {
  /** How many recent runs the flip rate looks at. */
  window: number;
  /** Flip rate (changes of outcome between consecutive runs / (runs - 1)) at which a test is flaky. */
  flipRate: number;
  /** Fewer runs than this say nothing about a flip rate. */
  minRuns: number;
}

export const DEFAULT_FLAKY: FlakySettings = { window: 30, flipRate: 0.3, minRuns: 5 };

export interface CurrentOutcome {
  name: string;
  outcome: HistoryEntry['outcome'];
  attempts: number;
  source: string;
}

export function currentOutcomes(reports: Array<{ source: string; report: TestReport }>): CurrentOutcome[] {
  const out: CurrentOutcome[] = [];
  for (const { source, report } of reports) {
    for (const t of report.tests) {
      const name = testDisplayName(t);
      out.push({ name, outcome: t.status, attempts: t.attempts, source });
    }
  }
  return out;
}

/**
 * Flaky tests and the evidence that names them: retried-and-passed in this run, both outcomes on
 * one commit (this run's matrix or history), or a flip rate over the window.
 */
export function detectFlaky(
  current: CurrentOutcome[],
  sha: string,
  history: ReadonlyMap<string, HistoryEntry[]>,
  settings: FlakySettings = DEFAULT_FLAKY,
): FlakyTest[] {
  const evidence = new Map<string, string>();
  const add = (name: string, why: string): void => {
    if (!evidence.has(name)) evidence.set(name, why);
  };
  for (const t of current) {
    if (t.outcome === 'passed' && t.attempts > 1)
      add(t.name, `failed, then passed on attempt ${t.attempts} (${t.source})`);
  }
  const byName = new Map<string, CurrentOutcome[]>();
  for (const t of current) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  for (const [name, outs] of byName) {
    const passed = outs.some((o) => o.outcome === 'passed');
    const failed = outs.some((o) => o.outcome === 'failed' || o.outcome === 'error');
    if (passed && failed)
      add(name, `passed and failed on the same commit in this run (${outs.map((o) => o.source).join(', ')})`);
  }
  const names = new Set([...byName.keys(), ...history.keys()]);
  for (const name of names) {
    const past = history.get(name) ?? [];
    const now = byName.get(name) ?? [];
    const sameSha = [
      ...past.filter((h) => h.sha === sha && sha !== ''),
      ...now.map((o) => ({ sha, outcome: o.outcome })),
    ];
    const bad = (o: string): boolean => o === 'failed' || o === 'error';
    if (sameSha.some((h) => h.outcome === 'passed') && sameSha.some((h) => bad(h.outcome))) {
      add(name, `passed and failed on commit ${sha.slice(0, 7)}`);
      continue;
    }
    const pastShas = new Map<string, Set<string>>();
    for (const h of past) {
      if (!h.sha) continue;
      const s = pastShas.get(h.sha) ?? new Set<string>();
      s.add(bad(h.outcome) ? 'failed' : h.outcome);
      pastShas.set(h.sha, s);
    }
    const both = [...pastShas.entries()].find(([, s]) => s.has('passed') && s.has('failed'));
    if (both) {
      add(name, `passed and failed on commit ${both[0].slice(0, 7)}`);
      continue;
    }
    const seq = [...past, ...now.map((o) => ({ sha, outcome: o.outcome }))]
      .filter((h) => h.outcome !== 'skipped')
      .slice(-settings.window)
      .map((h) => (bad(h.outcome) ? 'F' : 'P'));
    if (seq.length >= settings.minRuns) {
      let flips = 0;
      for (let i = 1; i < seq.length; i++) if (seq[i] !== seq[i - 1]) flips++;
      const rate = flips / (seq.length - 1);
      if (rate >= settings.flipRate && seq.includes('P') && seq.includes('F')) {
        add(name, `flip rate ${Math.round(rate * 100)}% over the last ${seq.length} runs`);
      }
    }
  }
  return [...evidence.entries()]
    .map(([name, ev]) => ({ name, evidence: ev }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
