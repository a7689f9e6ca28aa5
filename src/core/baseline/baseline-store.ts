import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../cache/tiered-store.js';
import {
  BASELINE_RUN_MERGER,
  TEST_OUTCOMES_MERGER,
  type BaselineRunPayload,
  type TestOutcomesPayload,
} from './mergers.js';
import {
  checkRun,
  DEFAULT_BASELINE_WINDOW,
  DEFAULT_TEST_HISTORY_WINDOW,
  emptyBaseline,
  emptyTestHistory,
  parseBaseline,
  parseTestHistory,
  runEntry,
  type Baseline,
  type BaselineRunInput,
  type Checked,
  type TestHistory,
  type TestOutcomeKind,
} from './schema.js';

/** Where a repository may commit its baseline (read as a seed, written on request). */
export const COMMITTED_BASELINE_PATH = 'ci_metrics/quality_metrics.json';

export const BASELINE_KEY = 'baseline';
export const BASELINE_LAST_GOOD_KEY = 'baseline:last-good';
export const TEST_HISTORY_KEY = 'test-history';
export const TEST_HISTORY_LAST_GOOD_KEY = 'test-history:last-good';
/** Prefix of copies of data that failed validation, kept for a person to look at. */
export const QUARANTINE_PREFIX = 'quarantine:';

export interface BaselineStoreOptions {
  logger: Logger;
  /** `owner/repo`, recorded in the document. */
  repo: string;
  /** The default branch whose runs make the baseline. */
  branch: string;
  /** Runs kept (default 10). */
  window?: number;
  /** Outcomes kept per test (default 20). */
  historyWindow?: number;
  now?: () => Date;
}

export interface TestOutcomesRecord {
  runId: string;
  attempt: number;
  sha: string;
  /** ISO 8601. */
  time: string;
  outcomes: Record<string, { outcome: TestOutcomeKind; durationMs: number }>;
}

/**
 * The rolling baseline and the test-outcome history on top of a Store. Updates are merges keyed by
 * run id + attempt: atomic on Redis (compare-and-set), read-merge-write under a lock on the file
 * and Actions-cache tiers, and replayed into Redis after an outage. Data that fails validation is
 * copied aside under `quarantine:` and never overwritten in place without that copy.
 */
export class BaselineStore {
  private readonly window: number;
  private readonly historyWindow: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly opts: BaselineStoreOptions,
  ) {
    this.window = opts.window ?? DEFAULT_BASELINE_WINDOW;
    this.historyWindow = opts.historyWindow ?? DEFAULT_TEST_HISTORY_WINDOW;
    this.now = opts.now ?? (() => new Date());
    if (!Number.isInteger(this.window) || this.window < 1)
      throw new ConfigurationError(`Invalid baseline window ${this.window}. Expected a whole number >= 1.`);
  }

  /** The current baseline; recovers from bad data (last good copy, else empty) with a warning. */
  async load(): Promise<Baseline> {
    return this.loadDoc(
      BASELINE_KEY,
      BASELINE_LAST_GOOD_KEY,
      parseBaseline,
      () => emptyBaseline(this.opts.repo, this.opts.branch, this.window, this.now()),
      'baseline',
    );
  }

  async loadTestHistory(): Promise<TestHistory> {
    return this.loadDoc(
      TEST_HISTORY_KEY,
      TEST_HISTORY_LAST_GOOD_KEY,
      parseTestHistory,
      () => emptyTestHistory(this.historyWindow, this.now()),
      'test history',
    );
  }

  private async loadDoc<T>(
    key: string,
    lastGoodKey: string,
    parse: (t: string) => Checked<T>,
    fresh: () => T,
    what: string,
  ): Promise<T> {
    const raw = await this.store.get(key);
    if (raw === undefined) return fresh();
    const parsed = parse(raw);
    if (parsed.ok) return parsed.value;
    // Unique even within one millisecond: a copy kept aside is never overwritten by the next one.
    const aside = `${QUARANTINE_PREFIX}${key}:${this.now().toISOString()}:${randomBytes(3).toString('hex')}`;
    await this.store.set(aside, raw);
    const lastGoodRaw = await this.store.get(lastGoodKey);
    const lastGood = lastGoodRaw === undefined ? undefined : parse(lastGoodRaw);
    if (lastGood?.ok) {
      this.opts.logger.warning(
        `ai-ci ${what} is unreadable (${parsed.error}); kept it aside as '${aside}' and continued from the last good copy.`,
      );
      await this.store.set(key, lastGoodRaw as string);
      return lastGood.value;
    }
    this.opts.logger.warning(
      `ai-ci ${what} is unreadable (${parsed.error}); kept it aside as '${aside}' and started a fresh ${what}.`,
    );
    await this.store.del(key);
    return fresh();
  }

  /**
   * Records what this writer measured of one default-branch run (sections it omits or gives as null
   * are "not measured" and leave what another writer of the same run id + attempt recorded);
   * returns the new baseline.
   */
  async recordRun(input: BaselineRunInput): Promise<Baseline> {
    const run = runEntry(input);
    const c = checkRun(run);
    if (!c.ok) throw new ConfigurationError(`Invalid baseline run ${run.runId}#${run.attempt}: ${c.error}`);
    await this.load();
    const payload: BaselineRunPayload = {
      repo: this.opts.repo,
      branch: this.opts.branch,
      window: this.window,
      run,
    };
    const text = await this.store.merge(BASELINE_KEY, BASELINE_RUN_MERGER, JSON.stringify(payload));
    await this.keepLastGood(BASELINE_LAST_GOOD_KEY, text);
    const parsed = parseBaseline(text);
    if (!parsed.ok) throw new Error(`baseline merge produced an invalid document: ${parsed.error}`);
    return parsed.value;
  }

  /** Adds one run's outcomes to each test's history (idempotent per run id + attempt). */
  async recordTestOutcomes(rec: TestOutcomesRecord): Promise<TestHistory> {
    await this.loadTestHistory();
    const payload: TestOutcomesPayload = { window: this.historyWindow, ...rec };
    const text = await this.store.merge(TEST_HISTORY_KEY, TEST_OUTCOMES_MERGER, JSON.stringify(payload));
    await this.keepLastGood(TEST_HISTORY_LAST_GOOD_KEY, text);
    const parsed = parseTestHistory(text);
    if (!parsed.ok) throw new Error(`test history merge produced an invalid document: ${parsed.error}`);
    return parsed.value;
  }

  /** Racing writers finish in any order; the copy with the newest `updatedAt` wins. */
  private async keepLastGood(key: string, text: string): Promise<void> {
    const stamp = (t: string | undefined): number => {
      if (t === undefined) return -1;
      try {
        const v = (JSON.parse(t) as { updatedAt?: unknown }).updatedAt;
        return typeof v === 'string' ? Date.parse(v) : -1;
      } catch {
        return -1;
      }
    };
    await this.store.update(key, (cur) => (stamp(cur) > stamp(text) ? cur : text));
  }

  /**
   * Reads a committed baseline file (`ci_metrics/quality_metrics.json`). When the store has no
   * baseline yet, its runs seed it. A missing file is undefined; a bad one is a warning.
   */
  async seedFromFile(file: string): Promise<Baseline | undefined> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.opts.logger.warning(`ai-ci baseline: cannot read ${file}: ${errorMessage(e)}`);
      return undefined;
    }
    const parsed = parseBaseline(text);
    if (!parsed.ok) {
      this.opts.logger.warning(
        `ai-ci baseline: ${file} is not a usable baseline (${parsed.error}); ignored.`,
        { file },
      );
      return undefined;
    }
    const current = await this.load();
    if (current.runs.length === 0) {
      for (const run of parsed.value.runs) await this.recordRun(run);
      this.opts.logger.info(`ai-ci baseline: seeded ${parsed.value.runs.length} run(s) from ${file}`);
    }
    return parsed.value;
  }

  /** Writes the current baseline to a file (atomically), for repositories that commit it. */
  async writeFile(file: string): Promise<Baseline> {
    const b = await this.load();
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify(b, null, 2)}\n`);
    await fs.rename(tmp, file);
    return b;
  }
}
