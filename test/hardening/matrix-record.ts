/**
 * Records each fault-matrix cell as the test runs it, and writes the cells of one test file to
 * `test/hardening/results/<suite>.json`, from which `scripts/reliability-table.mjs` builds
 * docs/reliability.md. A cell is marked passed only after every assertion of its test held, so
 * the table cannot say "pass" for a cell whose test failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { CliRun } from '../helpers/cli.js';

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results');

export interface CellResult {
  action: string;
  fault: string;
  expected: string;
  observed: string;
  pass: boolean;
}

export class CellRecorder {
  private readonly cells: CellResult[] = [];

  constructor(private readonly suite: string) {}

  /** Starts a cell; call `observe` with the facts seen, then `passed()` after the assertions. */
  cell(action: string, fault: string, expected: string) {
    const c: CellResult = { action, fault, expected, observed: 'test did not finish', pass: false };
    this.cells.push(c);
    return {
      observe: (text: string) => void (c.observed = text),
      passed: () => void (c.pass = true),
    };
  }

  write(): void {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, `${this.suite}.json`),
      JSON.stringify({ suite: this.suite, cells: this.cells }, null, 2) + '\n',
    );
  }
}

/** The warning messages a run annotated. */
export const warningMessages = (r: CliRun): string[] =>
  (r.json?.annotations ?? []).filter((a) => a.level === 'warning').map((a) => a.message);

/** Warnings shortened for a cell's observed text. */
export const shortList = (w: string[]): string =>
  w.length ? w.map((m) => m.slice(0, 90)).join(' / ') : 'none';
