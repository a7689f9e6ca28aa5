import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { timeoutMs } from '../timeouts.js';
import { decodeValue, encodeValue, DEFAULT_COMPRESS_OVER } from './codec.js';
import type { KvStore, TierName } from './kv.js';

interface Header {
  /** The full key, so `scan` can list keys from hashed file names. */
  k: string;
  /** Expiry in ms since the epoch, 0 for none. */
  e: number;
  /** 's' string, 'h' hash (JSON object of strings). */
  t: 's' | 'h';
}

interface StoredEntry {
  header: Header;
  value: string;
}

export interface FileKvOptions {
  dir: string;
  tier?: TierName;
  compressOver?: number;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

/**
 * One file per key under `dir`, named by the key's SHA-256. Writes go to a temp file renamed into
 * place, so a reader never sees half a value; read-modify-write operations hold an exclusive lock
 * file (`open(..., 'wx')`), so two processes sharing the directory do not lose updates.
 */
export class FileKv implements KvStore {
  readonly tier: TierName;
  readonly dir: string;
  private readonly compressOver: number;
  private readonly lockTimeoutMs: number;
  private readonly now: () => number;
  /** Set once anything was written: the Actions-cache tier saves a bundle only then. */
  dirty = false;

  constructor(opts: FileKvOptions) {
    this.dir = opts.dir;
    this.tier = opts.tier ?? 'file';
    this.compressOver = opts.compressOver ?? DEFAULT_COMPRESS_OVER;
    this.lockTimeoutMs = timeoutMs('AI_CI_FILE_LOCK_TIMEOUT_MS', 10_000, opts.env);
    this.now = opts.now ?? Date.now;
  }

  /** Creates the directory and proves it writable; throws when it is not. */
  async open(): Promise<this> {
    await fs.mkdir(this.dir, { recursive: true });
    const probe = path.join(this.dir, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.writeFile(probe, '');
    await fs.unlink(probe);
    return this;
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex')}.kv`);
  }

  private async read(file: string): Promise<StoredEntry | undefined> {
    let buf: Buffer;
    try {
      buf = await fs.readFile(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    const nl = buf.indexOf(0x0a);
    if (nl < 0) return undefined;
    let header: Header;
    try {
      header = JSON.parse(buf.subarray(0, nl).toString('utf8')) as Header;
    } catch {
      // A file we cannot read is treated as absent; the next write replaces it atomically.
      return undefined;
    }
    if (header.e > 0 && header.e <= this.now()) return undefined;
    return { header, value: decodeValue(buf.subarray(nl + 1)) };
  }

  private async write(file: string, header: Header, value: string): Promise<void> {
    const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const body = Buffer.concat([
      Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'),
      encodeValue(value, this.compressOver),
    ]);
    await fs.writeFile(tmp, body);
    try {
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.unlink(tmp).catch(() => undefined);
      throw e;
    }
    this.dirty = true;
  }

  private async remove(file: string): Promise<void> {
    await fs.unlink(file).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    this.dirty = true;
  }

  private async withLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
    const lock = `${file}.lock`;
    const deadline = this.now() + this.lockTimeoutMs;
    for (;;) {
      try {
        const h = await fs.open(lock, 'wx');
        await h.close();
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        // A holder that died leaves its lock behind; past the lock timeout it is taken over.
        const st = await fs.stat(lock).catch(() => undefined);
        if (st && this.now() - st.mtimeMs > this.lockTimeoutMs) {
          await fs.unlink(lock).catch(() => undefined);
          continue;
        }
        if (this.now() > deadline) throw new Error(`timed out waiting for lock ${lock}`, { cause: e });
        await new Promise((r) => setTimeout(r, 1 + Math.random() * 5));
      }
    }
    try {
      return await fn();
    } finally {
      await fs.unlink(lock).catch(() => undefined);
    }
  }

  private expiry(ttlSeconds?: number): number {
    return ttlSeconds && ttlSeconds > 0 ? this.now() + ttlSeconds * 1000 : 0;
  }

  async get(key: string): Promise<string | undefined> {
    const r = await this.read(this.fileOf(key));
    return r?.header.t === 's' ? r.value : undefined;
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    await this.write(this.fileOf(key), { k: key, e: this.expiry(ttlSeconds), t: 's' }, value);
  }

  async del(key: string): Promise<void> {
    await this.remove(this.fileOf(key));
  }

  async incr(key: string, by = 1, ttlSeconds?: number): Promise<number> {
    const file = this.fileOf(key);
    return this.withLock(file, async () => {
      const r = await this.read(file);
      const next = (r?.header.t === 's' ? Number(r.value) || 0 : 0) + by;
      await this.write(file, { k: key, e: r?.header.e || this.expiry(ttlSeconds), t: 's' }, String(next));
      return next;
    });
  }

  private async mutateHash(
    key: string,
    fn: (h: Record<string, string>) => void,
  ): Promise<Record<string, string>> {
    const file = this.fileOf(key);
    return this.withLock(file, async () => {
      const r = await this.read(file);
      const h = r?.header.t === 'h' ? (JSON.parse(r.value) as Record<string, string>) : {};
      fn(h);
      await this.write(file, { k: key, e: 0, t: 'h' }, JSON.stringify(h));
      return h;
    });
  }

  async hincr(key: string, field: string, by = 1): Promise<number> {
    let next = 0;
    await this.mutateHash(key, (h) => {
      next = (Number(h[field]) || 0) + by;
      h[field] = String(next);
    });
    return next;
  }

  async hincrMany(key: string, increments: Record<string, number>): Promise<void> {
    await this.mutateHash(key, (h) => {
      for (const [f, by] of Object.entries(increments)) h[f] = String((Number(h[f]) || 0) + by);
    });
  }

  async hset(key: string, fields: Record<string, string>): Promise<void> {
    await this.mutateHash(key, (h) => Object.assign(h, fields));
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    const r = await this.read(this.fileOf(key));
    return r?.header.t === 'h' ? (JSON.parse(r.value) as Record<string, string>) : {};
  }

  async scan(prefix: string): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const keys: string[] = [];
    for (const n of names) {
      if (!n.endsWith('.kv')) continue;
      const header = await this.readHeader(path.join(this.dir, n));
      if (header && header.k.startsWith(prefix) && (header.e === 0 || header.e > this.now()))
        keys.push(header.k);
    }
    return keys.sort();
  }

  private async readHeader(file: string): Promise<Header | undefined> {
    let h: fs.FileHandle | undefined;
    try {
      h = await fs.open(file, 'r');
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await h.read(buf, 0, buf.length, 0);
      const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
      if (nl < 0) return undefined;
      return JSON.parse(buf.subarray(0, nl).toString('utf8')) as Header;
    } catch {
      return undefined;
    } finally {
      await h?.close();
    }
  }

  async update(
    key: string,
    mutate: (current: string | undefined) => string | undefined,
    ttlSeconds?: number,
  ): Promise<string | undefined> {
    const file = this.fileOf(key);
    return this.withLock(file, async () => {
      const r = await this.read(file);
      const next = mutate(r?.header.t === 's' ? r.value : undefined);
      if (next === undefined) await this.remove(file);
      else await this.write(file, { k: key, e: this.expiry(ttlSeconds), t: 's' }, next);
      return next;
    });
  }

  async close(): Promise<void> {
    // Nothing held open between operations.
  }
}
