import type { KvStore, TierName } from './kv.js';

interface Entry {
  value: string | Map<string, string>;
  expiresAt: number;
}

/** The in-process tier: in front of every store, and the last resort when no disk is writable. */
export class MemoryKv implements KvStore {
  readonly tier: TierName = 'memory';
  private readonly map = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.expiresAt > 0 && e.expiresAt <= this.now()) {
      this.map.delete(key);
      return undefined;
    }
    return e;
  }

  private expiry(ttlSeconds?: number): number {
    return ttlSeconds && ttlSeconds > 0 ? this.now() + ttlSeconds * 1000 : 0;
  }

  async get(key: string): Promise<string | undefined> {
    const e = this.live(key);
    return typeof e?.value === 'string' ? e.value : undefined;
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.map.set(key, { value, expiresAt: this.expiry(ttlSeconds) });
  }

  async del(key: string): Promise<void> {
    this.map.delete(key);
  }

  async incr(key: string, by = 1, ttlSeconds?: number): Promise<number> {
    const e = this.live(key);
    const next = (typeof e?.value === 'string' ? Number(e.value) || 0 : 0) + by;
    this.map.set(key, { value: String(next), expiresAt: e?.expiresAt || this.expiry(ttlSeconds) });
    return next;
  }

  private hash(key: string): Map<string, string> {
    const e = this.live(key);
    if (e && e.value instanceof Map) return e.value;
    const h = new Map<string, string>();
    this.map.set(key, { value: h, expiresAt: 0 });
    return h;
  }

  async hincr(key: string, field: string, by = 1): Promise<number> {
    const h = this.hash(key);
    const next = (Number(h.get(field)) || 0) + by;
    h.set(field, String(next));
    return next;
  }

  async hincrMany(key: string, increments: Record<string, number>): Promise<void> {
    for (const [f, by] of Object.entries(increments)) await this.hincr(key, f, by);
  }

  async hset(key: string, fields: Record<string, string>): Promise<void> {
    const h = this.hash(key);
    for (const [f, v] of Object.entries(fields)) h.set(f, v);
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    const e = this.live(key);
    return e && e.value instanceof Map ? Object.fromEntries(e.value) : {};
  }

  async scan(prefix: string): Promise<string[]> {
    return [...this.map.keys()].filter((k) => k.startsWith(prefix) && this.live(k) !== undefined).sort();
  }

  async update(
    key: string,
    mutate: (current: string | undefined) => string | undefined,
    ttlSeconds?: number,
  ): Promise<string | undefined> {
    const next = mutate(await this.get(key));
    if (next === undefined) this.map.delete(key);
    else this.map.set(key, { value: next, expiresAt: this.expiry(ttlSeconds) });
    return next;
  }

  async close(): Promise<void> {
    this.map.clear();
  }
}
