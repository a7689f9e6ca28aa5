/** The tiers a store can run on, fastest-to-share first. */
export type TierName = 'redis' | 'actions-cache' | 'file' | 'memory';

/**
 * One key-value tier. Keys are full (already namespaced) keys; values are UTF-8 strings (tiers that
 * keep bytes compress large values themselves). Every method may throw when the tier is down: the
 * tiered store above catches that and degrades.
 */
export interface KvStore {
  readonly tier: TierName;
  get(key: string): Promise<string | undefined>;
  /** `ttlSeconds` omitted or 0: no expiry. */
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Adds `by` (may be fractional) to a numeric counter, creating it at 0; returns the new value. */
  incr(key: string, by?: number, ttlSeconds?: number): Promise<number>;
  hincr(key: string, field: string, by?: number): Promise<number>;
  /** Several hash counters in one round trip. */
  hincrMany(key: string, increments: Record<string, number>): Promise<void>;
  hset(key: string, fields: Record<string, string>): Promise<void>;
  hgetall(key: string): Promise<Record<string, string>>;
  /** All live keys starting with `prefix`. */
  scan(prefix: string): Promise<string[]>;
  /**
   * Atomic read-modify-write of one string key: `mutate` gets the current value (undefined when
   * absent) and returns the new one (undefined deletes). May be called more than once when a
   * concurrent writer wins the race, so it must be pure. Returns what was written.
   */
  update(
    key: string,
    mutate: (current: string | undefined) => string | undefined,
    ttlSeconds?: number,
  ): Promise<string | undefined>;
  close(): Promise<void>;
}

/** A merge a journal can replay later on another tier: pure, idempotent for the same payload. */
export type Merger = (current: string | undefined, payload: string) => string;
