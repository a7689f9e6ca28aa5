import { randomBytes } from 'node:crypto';
import { errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import type { KvStore, Merger, TierName } from './kv.js';
import { MemoryKv } from './memory-store.js';

const JOURNAL = '__journal__:';

/** A write made while the primary (Redis) was down, replayed into it once it is reachable. */
export type JournalEntry =
  | { op: 'set'; key: string; value: string; ttl?: number }
  | { op: 'del'; key: string }
  | { op: 'incr'; key: string; by: number; ttl?: number }
  | { op: 'hincr'; key: string; field: string; by: number }
  | { op: 'hincrMany'; key: string; increments: Record<string, number> }
  | { op: 'hset'; key: string; fields: Record<string, string> }
  | { op: 'merge'; key: string; merger: string; payload: string; ttl?: number };

const mergers = new Map<string, Merger>();

/** Names a pure merge so a write made on a fallback tier can be replayed into Redis later. */
export function registerMerger(name: string, fn: Merger): void {
  mergers.set(name, fn);
}

/**
 * What the rest of ai-ci uses: one namespaced key-value store over a chain of tiers with memory in
 * front. Keys passed in are relative (`decision:...`); the store prefixes `ai-ci:<owner>/<repo>:`.
 */
export interface Store {
  /** `ai-ci:<owner>/<repo>:` */
  readonly namespace: string;
  /** The tier now serving (changes once if the primary goes down during the run). */
  readonly tier: TierName;
  /** The configured chain, primary first (memory in front is implied). */
  readonly tiers: readonly TierName[];
  /** A sentence for the job summary when history is not durable, else undefined. */
  readonly historyNote: string | undefined;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  del(key: string): Promise<void>;
  incr(key: string, by?: number, ttlSeconds?: number): Promise<number>;
  hincr(key: string, field: string, by?: number): Promise<number>;
  hincrMany(key: string, increments: Record<string, number>): Promise<void>;
  hset(key: string, fields: Record<string, string>): Promise<void>;
  hgetall(key: string): Promise<Record<string, string>>;
  /** Relative keys starting with `prefix`. */
  scan(prefix: string): Promise<string[]>;
  update(
    key: string,
    mutate: (current: string | undefined) => string | undefined,
    ttlSeconds?: number,
  ): Promise<string | undefined>;
  /** `update` with a registered merger, journaled for replay into Redis when written elsewhere. */
  merge(key: string, merger: string, payload: string, ttlSeconds?: number): Promise<string>;
  /** Replays writes kept in the fallback tier into Redis; returns how many were applied. */
  syncPending(): Promise<number>;
  /** Runs `fn` at the start of `close()` (e.g. to flush counters), before any bundle is saved. */
  onClose(fn: () => Promise<void>): void;
  /** Saves the Actions-cache bundle (when that tier is used) and closes connections. */
  close(): Promise<void>;
}

export interface TieredStoreOptions {
  namespace: string;
  /** Primary first; the last one must be the tier of last resort. */
  chain: KvStore[];
  logger: Logger;
  historyNote?: string;
  /** Journal writes even while the first tier serves: Redis is configured but was down at start. */
  journalWrites?: boolean;
  /** Runs before the tiers close (the Actions-cache tier saves its bundle there). */
  beforeClose?: () => Promise<void>;
}

export class TieredStore implements Store {
  readonly namespace: string;
  readonly tiers: readonly TierName[];
  private readonly chain: KvStore[];
  private readonly front = new MemoryKv();
  private readonly logger: Logger;
  private readonly beforeClose: (() => Promise<void>) | undefined;
  private active = 0;
  private readonly journalWrites: boolean;
  private note: string | undefined;
  private closed = false;
  private readonly closeHooks: (() => Promise<void>)[] = [];

  constructor(opts: TieredStoreOptions) {
    if (opts.chain.length === 0) throw new Error('a store needs at least one tier');
    this.namespace = opts.namespace;
    this.chain = opts.chain;
    this.tiers = opts.chain.map((t) => t.tier);
    this.logger = opts.logger;
    this.note = opts.historyNote;
    this.beforeClose = opts.beforeClose;
    this.journalWrites = opts.journalWrites ?? false;
  }

  get tier(): TierName {
    return this.chain[this.active].tier;
  }

  get historyNote(): string | undefined {
    return this.note;
  }

  private full(key: string): string {
    return this.namespace + key;
  }

  /** Runs `fn` on the serving tier; on failure degrades (one warning) and runs it on the next. */
  private async run<T>(what: string, fn: (kv: KvStore) => Promise<T>, journal?: JournalEntry): Promise<T> {
    for (;;) {
      const kv = this.chain[this.active];
      try {
        const r = await fn(kv);
        if (journal && (this.journalWrites || (this.active > 0 && this.chain[0].tier === 'redis')))
          await this.appendJournal(kv, journal);
        return r;
      } catch (e) {
        if (this.active >= this.chain.length - 1) throw e;
        const next = this.chain[this.active + 1];
        this.logger.warning(
          `ai-ci cache: ${kv.tier} is unavailable (${what}: ${errorMessage(e)}); continuing on the ${next.tier} tier for the rest of this run.` +
            (kv.tier === 'redis'
              ? ' Writes are kept there and merged into Redis when it is reachable again.'
              : ''),
        );
        this.active++;
        if (kv.tier === 'redis')
          this.note = `Redis was unreachable during this run; history was kept in the ${next.tier} tier and will be merged into Redis by a later run.`;
      }
    }
  }

  private async appendJournal(kv: KvStore, entry: JournalEntry): Promise<void> {
    const id = `${Date.now().toString().padStart(15, '0')}-${process.pid}-${randomBytes(4).toString('hex')}`;
    await kv.set(this.full(JOURNAL + id), JSON.stringify(entry));
  }

  async get(key: string): Promise<string | undefined> {
    const k = this.full(key);
    const hit = await this.front.get(k);
    if (hit !== undefined) return hit;
    const v = await this.run('get', (kv) => kv.get(k));
    // Cached in front without TTL knowledge for at most this process's life; fine for a CI run.
    if (v !== undefined) await this.front.set(k, v);
    return v;
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    const k = this.full(key);
    await this.run('set', (kv) => kv.set(k, value, ttlSeconds), {
      op: 'set',
      key,
      value,
      ...(ttlSeconds ? { ttl: ttlSeconds } : {}),
    });
    await this.front.set(k, value, ttlSeconds);
  }

  async del(key: string): Promise<void> {
    const k = this.full(key);
    await this.front.del(k);
    await this.run('del', (kv) => kv.del(k), { op: 'del', key });
  }

  async incr(key: string, by = 1, ttlSeconds?: number): Promise<number> {
    const k = this.full(key);
    await this.front.del(k);
    return this.run('incr', (kv) => kv.incr(k, by, ttlSeconds), {
      op: 'incr',
      key,
      by,
      ...(ttlSeconds ? { ttl: ttlSeconds } : {}),
    });
  }

  async hincr(key: string, field: string, by = 1): Promise<number> {
    return this.run('hincr', (kv) => kv.hincr(this.full(key), field, by), { op: 'hincr', key, field, by });
  }

  async hincrMany(key: string, increments: Record<string, number>): Promise<void> {
    await this.run('hincrMany', (kv) => kv.hincrMany(this.full(key), increments), {
      op: 'hincrMany',
      key,
      increments,
    });
  }

  async hset(key: string, fields: Record<string, string>): Promise<void> {
    await this.run('hset', (kv) => kv.hset(this.full(key), fields), { op: 'hset', key, fields });
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    return this.run('hgetall', (kv) => kv.hgetall(this.full(key)));
  }

  async scan(prefix: string): Promise<string[]> {
    const keys = await this.run('scan', (kv) => kv.scan(this.full(prefix)));
    return keys.map((k) => k.slice(this.namespace.length)).filter((k) => !k.startsWith(JOURNAL));
  }

  async update(
    key: string,
    mutate: (current: string | undefined) => string | undefined,
    ttlSeconds?: number,
  ): Promise<string | undefined> {
    const k = this.full(key);
    await this.front.del(k);
    return this.run('update', (kv) => kv.update(k, mutate, ttlSeconds));
  }

  async merge(key: string, merger: string, payload: string, ttlSeconds?: number): Promise<string> {
    const fn = mergers.get(merger);
    if (!fn) throw new Error(`unknown merger '${merger}'`);
    const k = this.full(key);
    await this.front.del(k);
    const out = await this.run('merge', (kv) => kv.update(k, (cur) => fn(cur, payload), ttlSeconds), {
      op: 'merge',
      key,
      merger,
      payload,
      ...(ttlSeconds ? { ttl: ttlSeconds } : {}),
    });
    return out ?? '';
  }

  async syncPending(): Promise<number> {
    if (this.active !== 0 || this.chain[0].tier !== 'redis' || this.chain.length < 2) return 0;
    const redis = this.chain[0];
    let applied = 0;
    for (const fallback of this.chain.slice(1)) {
      const ids = await fallback.scan(this.full(JOURNAL)).catch(() => [] as string[]);
      for (const id of ids) {
        const raw = await fallback.get(id);
        let entry: JournalEntry;
        try {
          entry = JSON.parse(raw ?? 'null') as JournalEntry;
          if (!entry || typeof entry.key !== 'string') throw new Error('not a journal entry');
        } catch (e) {
          this.logger.warning(`ai-ci cache: dropping unreadable pending write ${id}: ${errorMessage(e)}`);
          await fallback.del(id);
          continue;
        }
        if (entry.op === 'merge' && !mergers.has(entry.merger)) continue;
        try {
          await this.replay(redis, entry);
        } catch (e) {
          this.logger.warning(
            `ai-ci cache: could not merge pending writes into Redis yet (${errorMessage(e)}); they stay in the ${fallback.tier} tier.`,
          );
          return applied;
        }
        await fallback.del(id);
        applied++;
      }
    }
    if (applied > 0)
      this.logger.info(
        `ai-ci cache: merged ${applied} write(s) made during an earlier Redis outage into Redis.`,
      );
    return applied;
  }

  private async replay(redis: KvStore, e: JournalEntry): Promise<void> {
    const k = this.full(e.key);
    switch (e.op) {
      case 'set':
        return redis.set(k, e.value, e.ttl);
      case 'del':
        return redis.del(k);
      case 'incr':
        await redis.incr(k, e.by, e.ttl);
        return;
      case 'hincr':
        await redis.hincr(k, e.field, e.by);
        return;
      case 'hincrMany':
        return redis.hincrMany(k, e.increments);
      case 'hset':
        return redis.hset(k, e.fields);
      case 'merge': {
        const fn = mergers.get(e.merger);
        if (!fn) return;
        await redis.update(k, (cur) => fn(cur, e.payload), e.ttl);
        return;
      }
    }
  }

  onClose(fn: () => Promise<void>): void {
    this.closeHooks.push(fn);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const hook of this.closeHooks) {
      await hook().catch((e: unknown) => this.logger.warning(`ai-ci cache: ${errorMessage(e)}`));
    }
    try {
      await this.beforeClose?.();
    } finally {
      for (const kv of this.chain) {
        await kv.close().catch((e: unknown) => this.logger.debug(`closing ${kv.tier}: ${errorMessage(e)}`));
      }
      await this.front.close();
    }
  }
}
