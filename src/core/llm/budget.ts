import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { CloudBudgets } from './settings.js';

/**
 * Where spend is counted. Amounts are whole micro-dollars so a Redis INCRBY can back it; the tiered
 * cache provides a persistent implementation, `MemoryBudgetStore` keeps one run's worth.
 */
export interface BudgetStore {
  get(key: string): Promise<number | undefined>;
  incrBy(key: string, amount: number): Promise<number>;
}

export class MemoryBudgetStore implements BudgetStore {
  private readonly values = new Map<string, number>();

  async get(key: string): Promise<number | undefined> {
    return this.values.get(key);
  }

  async incrBy(key: string, amount: number): Promise<number> {
    const next = (this.values.get(key) ?? 0) + amount;
    this.values.set(key, next);
    return next;
  }
}

export type BudgetPeriod = 'run' | 'day' | 'month';

export interface BudgetState {
  period: BudgetPeriod;
  spentUsd: number;
  limitUsd: number;
}

export type BudgetCheck =
  | { ok: true }
  /** `exhausted`: spent in full, rather than too little left for this call. */
  | { ok: false; period: BudgetPeriod; spentUsd: number; limitUsd: number; exhausted: boolean };

const THRESHOLDS = [80, 90, 100] as const;
const MICRO = 1_000_000;

/**
 * Per-run, per-day and per-month cloud budgets. A call is refused when its worst-case cost (prompt
 * plus the whole `max-tokens` answer) would take any period past its limit, so the limit holds even
 * for the last call; alerts fire once per period and threshold as warnings.
 */
export class CloudBudget {
  private readonly alerted = new Set<string>();
  private readonly runId: string;
  private store: BudgetStore;

  constructor(
    private readonly limits: CloudBudgets,
    store: BudgetStore,
    private readonly logger: Logger,
    private readonly opts: { runId?: string; scope?: string; now?: () => Date } = {},
  ) {
    this.store = store;
    this.runId = opts.runId ?? randomUUID();
  }

  /**
   * A store outage must neither fail the action nor lift the limits: counting continues in memory
   * for the rest of the run (day and month budgets then only see this run), with one warning.
   */
  private async use<T>(op: (store: BudgetStore) => Promise<T>): Promise<T> {
    try {
      return await op(this.store);
    } catch (err) {
      if (this.store instanceof MemoryBudgetStore) throw err;
      this.logger.warning(
        `LLM budget store unavailable (${err instanceof Error ? err.message : String(err)}); counting cloud spend in memory for this run.`,
      );
      this.store = new MemoryBudgetStore();
      return op(this.store);
    }
  }

  private keys(): Record<BudgetPeriod, string> {
    const now = (this.opts.now ?? (() => new Date()))();
    const iso = now.toISOString();
    const scope = this.opts.scope ? `${this.opts.scope}:` : '';
    return {
      run: `llm-cost:${scope}run:${this.runId}`,
      day: `llm-cost:${scope}day:${iso.slice(0, 10)}`,
      month: `llm-cost:${scope}month:${iso.slice(0, 7)}`,
    };
  }

  private limitOf(period: BudgetPeriod): number {
    return period === 'run'
      ? this.limits.perRunUsd
      : period === 'day'
        ? this.limits.perDayUsd
        : this.limits.perMonthUsd;
  }

  async states(): Promise<BudgetState[]> {
    const keys = this.keys();
    const out: BudgetState[] = [];
    for (const period of ['run', 'day', 'month'] as const) {
      const micro = (await this.use((st) => st.get(keys[period]))) ?? 0;
      out.push({ period, spentUsd: micro / MICRO, limitUsd: this.limitOf(period) });
    }
    return out;
  }

  /** May a call whose cost is at most `worstCaseUsd` go to the cloud? */
  async check(worstCaseUsd: number): Promise<BudgetCheck> {
    for (const s of await this.states()) {
      const exhausted = s.spentUsd >= s.limitUsd;
      if (exhausted || s.spentUsd + worstCaseUsd > s.limitUsd) {
        if (exhausted) this.alert(s.period, 100, s.spentUsd, s.limitUsd);
        return { ok: false, period: s.period, spentUsd: s.spentUsd, limitUsd: s.limitUsd, exhausted };
      }
    }
    return { ok: true };
  }

  /** Adds a finished call's estimated cost to every period and warns at 80/90/100%. */
  async record(usd: number): Promise<void> {
    const micro = Math.round(usd * MICRO);
    if (micro <= 0) return;
    const keys = this.keys();
    for (const period of ['run', 'day', 'month'] as const) {
      const spent = (await this.use((st) => st.incrBy(keys[period], micro))) / MICRO;
      const limit = this.limitOf(period);
      const pct = limit > 0 ? (spent / limit) * 100 : 100;
      const crossed = THRESHOLDS.filter((t) => pct >= t).pop();
      if (crossed !== undefined) this.alert(period, crossed, spent, limit);
    }
  }

  private alert(period: BudgetPeriod, threshold: number, spent: number, limit: number): void {
    const key = `${period}:${threshold}`;
    if (this.alerted.has(key)) return;
    // A higher threshold implies the lower ones: do not repeat them afterwards.
    for (const t of THRESHOLDS) if (t <= threshold) this.alerted.add(`${period}:${t}`);
    const tail = threshold >= 100 ? '; cloud calls now fall back to the local model' : '';
    this.logger.warning(
      `LLM cloud budget per ${period} at ${threshold}%: $${spent.toFixed(4)} of $${limit.toFixed(2)} (estimated)${tail}.`,
    );
  }
}

/**
 * Daily usage counters per backend in the store, for trends across runs (ci-metrics reads them):
 * `llm-usage:[scope:]day:<YYYY-MM-DD>:<backend>:<calls|prompt_tokens|completion_tokens|cost_micro_usd>`.
 */
export async function recordUsage(
  store: BudgetStore,
  u: { backend: string; promptTokens: number; completionTokens: number; costUsd: number },
  opts: { scope?: string; now?: () => Date } = {},
): Promise<void> {
  const day = (opts.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const base = `llm-usage:${opts.scope ? `${opts.scope}:` : ''}day:${day}:${u.backend}:`;
  await store.incrBy(`${base}calls`, 1);
  if (u.promptTokens > 0) await store.incrBy(`${base}prompt_tokens`, u.promptTokens);
  if (u.completionTokens > 0) await store.incrBy(`${base}completion_tokens`, u.completionTokens);
  const micro = Math.round(u.costUsd * MICRO);
  if (micro > 0) await store.incrBy(`${base}cost_micro_usd`, micro);
}
