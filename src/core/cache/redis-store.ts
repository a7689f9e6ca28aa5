import { createHash } from 'node:crypto';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { errorMessage, ServiceUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { timeoutMs } from '../timeouts.js';
import { decodeValue, encodeValue, DEFAULT_COMPRESS_OVER } from './codec.js';
import type { KvStore, TierName } from './kv.js';
import { describeTarget, type RedisTarget } from './redis-config.js';

type Client = Redis | Cluster;

/**
 * Compare-and-set of one key: writes only when the key still holds what the caller read (compared
 * by SHA-1, so a large value is not sent twice). One key, so it also works on a Cluster.
 */
const CAS_SCRIPT = `
local cur = redis.call('GET', KEYS[1])
if ARGV[1] == '' then
  if cur then return 0 end
elseif (not cur) or redis.sha1hex(cur) ~= ARGV[1] then
  return 0
end
if ARGV[3] == '1' then
  redis.call('DEL', KEYS[1])
elseif tonumber(ARGV[4]) > 0 then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[4])
else
  redis.call('SET', KEYS[1], ARGV[2])
end
return 1
`;

export interface RedisKvOptions {
  target: RedisTarget;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  compressOver?: number;
}

function globEscape(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/**
 * The Redis tier. Fails fast: lazy connect awaited with a short connect timeout, a command timeout,
 * one retry per request, no offline queue (a command on a dead link fails at once instead of
 * waiting), and a circuit breaker that stops calling Redis after repeated failures in one run.
 */
export class RedisKv implements KvStore {
  readonly tier: TierName = 'redis';
  readonly client: Client;
  readonly description: string;
  private readonly compressOver: number;
  private readonly maxFailures: number;
  private readonly quitTimeoutMs: number;
  private failures = 0;
  private open_ = true;

  private constructor(client: Client, opts: RedisKvOptions) {
    this.client = client;
    this.description = describeTarget(opts.target);
    this.compressOver = opts.compressOver ?? DEFAULT_COMPRESS_OVER;
    const env = opts.env ?? process.env;
    const n = Number(env.AI_CI_REDIS_MAX_FAILURES);
    this.maxFailures = Number.isInteger(n) && n > 0 ? n : 3;
    this.quitTimeoutMs = timeoutMs('AI_CI_REDIS_QUIT_TIMEOUT_MS', 1000, env);
  }

  /** Connects and proves the link with a PING; throws ServiceUnavailableError when it cannot. */
  static async connect(opts: RedisKvOptions): Promise<RedisKv> {
    const env = opts.env ?? process.env;
    const connectTimeout = timeoutMs('AI_CI_REDIS_CONNECT_TIMEOUT_MS', 2000, env);
    const commandTimeout = timeoutMs('AI_CI_REDIS_COMMAND_TIMEOUT_MS', 1000, env);
    const t = opts.target;
    const common: RedisOptions = {
      lazyConnect: true,
      connectTimeout,
      commandTimeout,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      // How long a closing socket may linger before it is destroyed; the default 2 s delays exit.
      disconnectTimeout: timeoutMs('AI_CI_REDIS_DISCONNECT_TIMEOUT_MS', 300, env),
      // A couple of quick reconnects ride out a blip; after that the tier is down for this run.
      retryStrategy: (times: number) => (times <= 2 ? 50 * times : null),
      ...(t.username ? { username: t.username } : {}),
      ...(t.password ? { password: t.password } : {}),
      ...(t.tls ? { tls: t.tls } : {}),
    };
    let client: Client;
    if (t.kind === 'cluster') {
      const { retryStrategy: _r, enableOfflineQueue: _q, ...redisOptions } = common;
      const copts: ClusterOptions = {
        lazyConnect: true,
        enableOfflineQueue: false,
        clusterRetryStrategy: (times: number) => (times <= 2 ? 50 * times : null),
        slotsRefreshTimeout: connectTimeout,
        redisOptions,
      };
      client = new Cluster(t.nodes, copts);
    } else if (t.kind === 'sentinel') {
      client = new Redis({
        ...common,
        sentinels: t.sentinels,
        name: t.name,
        sentinelRetryStrategy: (times: number) => (times <= 2 ? 50 * times : null),
        ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}),
        ...(t.sentinelUsername ? { sentinelUsername: t.sentinelUsername } : {}),
        ...(t.tls ? { enableTLSForSentinelMode: true, sentinelTLS: t.tls } : {}),
      });
    } else {
      client = new Redis({
        ...common,
        host: t.host,
        port: t.port,
        ...(t.db !== undefined ? { db: t.db } : {}),
      });
    }
    // Without a listener an unreachable server becomes an unhandled 'error' event that kills Node.
    let lastError: string | undefined;
    client.on('error', (err: unknown) => {
      lastError = errorMessage(err);
      opts.logger.debug(`redis: ${lastError}`);
    });
    const kv = new RedisKv(client, opts);
    try {
      await withTimeout(client.connect(), connectTimeout * 2, 'connect');
      await client.ping();
    } catch (e) {
      client.disconnect();
      // The reason (refused, WRONGPASS, certificate) often arrives as an 'error' event, not the rejection.
      const why =
        lastError && lastError !== errorMessage(e) ? `${errorMessage(e)} (${lastError})` : errorMessage(e);
      throw new ServiceUnavailableError('redis', `${kv.description} is unreachable: ${why}`, { cause: e });
    }
    return kv;
  }

  get breakerOpen(): boolean {
    return this.failures >= this.maxFailures;
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (!this.open_) throw new ServiceUnavailableError('redis', `${this.description}: store closed`);
    if (this.breakerOpen) {
      throw new ServiceUnavailableError(
        'redis',
        `${this.description}: not retried after ${this.failures} failures in this run`,
      );
    }
    try {
      const r = await fn();
      this.failures = 0;
      return r;
    } catch (e) {
      this.failures++;
      throw new ServiceUnavailableError('redis', `${this.description}: ${what} failed: ${errorMessage(e)}`, {
        cause: e,
      });
    }
  }

  async get(key: string): Promise<string | undefined> {
    const buf = await this.call('GET', () => this.client.getBuffer(key));
    return buf ? decodeValue(buf) : undefined;
  }

  /** GET without decoding, for benchmarks and tests that compare against a raw read. */
  async getRaw(key: string): Promise<Buffer | null> {
    return this.call('GET', () => this.client.getBuffer(key));
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    const buf = encodeValue(value, this.compressOver);
    await this.call('SET', () =>
      ttlSeconds && ttlSeconds > 0
        ? this.client.set(key, buf, 'EX', Math.ceil(ttlSeconds))
        : this.client.set(key, buf),
    );
  }

  async del(key: string): Promise<void> {
    await this.call('DEL', () => this.client.del(key));
  }

  async incr(key: string, by = 1, ttlSeconds?: number): Promise<number> {
    const next = await this.call('INCRBY', async () =>
      Number.isInteger(by) ? this.client.incrby(key, by) : Number(await this.client.incrbyfloat(key, by)),
    );
    if (ttlSeconds && ttlSeconds > 0 && next === by)
      await this.call('EXPIRE', () => this.client.expire(key, Math.ceil(ttlSeconds)));
    return next;
  }

  async hincr(key: string, field: string, by = 1): Promise<number> {
    return this.call('HINCRBY', async () =>
      Number.isInteger(by)
        ? this.client.hincrby(key, field, by)
        : Number(await this.client.hincrbyfloat(key, field, by)),
    );
  }

  async hincrMany(key: string, increments: Record<string, number>): Promise<void> {
    const entries = Object.entries(increments);
    if (entries.length === 0) return;
    await this.call('HINCRBY', async () => {
      const m = this.client.multi();
      for (const [f, by] of entries) {
        if (Number.isInteger(by)) m.hincrby(key, f, by);
        else m.hincrbyfloat(key, f, by);
      }
      const replies = await m.exec();
      const failed = replies?.find(([err]) => err);
      if (!replies || failed) throw failed?.[0] ?? new Error('transaction aborted');
    });
  }

  async hset(key: string, fields: Record<string, string>): Promise<void> {
    if (Object.keys(fields).length === 0) return;
    await this.call('HSET', () => this.client.hset(key, fields));
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    return this.call('HGETALL', () => this.client.hgetall(key));
  }

  async scan(prefix: string): Promise<string[]> {
    return this.call('SCAN', async () => {
      const nodes: Redis[] = this.client instanceof Cluster ? this.client.nodes('master') : [this.client];
      const keys = new Set<string>();
      for (const node of nodes) {
        let cursor = '0';
        do {
          const [next, batch] = await node.scan(cursor, 'MATCH', `${globEscape(prefix)}*`, 'COUNT', 1000);
          for (const k of batch) keys.add(k);
          cursor = next;
        } while (cursor !== '0');
      }
      return [...keys].sort();
    });
  }

  async update(
    key: string,
    mutate: (current: string | undefined) => string | undefined,
    ttlSeconds?: number,
  ): Promise<string | undefined> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const curBuf = await this.call('GET', () => this.client.getBuffer(key));
      const next = mutate(curBuf ? decodeValue(curBuf) : undefined);
      const expect = curBuf ? createHash('sha1').update(curBuf).digest('hex') : '';
      const ok = await this.call('EVAL', () =>
        this.client.eval(
          CAS_SCRIPT,
          1,
          key,
          expect,
          next === undefined ? '' : encodeValue(next, this.compressOver),
          next === undefined ? '1' : '0',
          String(ttlSeconds && ttlSeconds > 0 ? Math.ceil(ttlSeconds) : 0),
        ),
      );
      if (ok === 1) return next;
      // Another writer won; back off a little, with jitter so 20 racing runs spread out.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 + attempt * 2)));
    }
    throw new ServiceUnavailableError('redis', `${this.description}: update of ${key} kept losing races`);
  }

  async ping(): Promise<boolean> {
    try {
      await this.call('PING', () => this.client.ping());
      return true;
    } catch {
      return false;
    }
  }

  /** QUIT, bounded: a hung server must not keep the process alive. */
  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    try {
      await withTimeout(this.client.quit(), this.quitTimeoutMs, 'quit');
    } catch {
      // A hung or dead server: drop the socket so the process can exit.
      this.client.disconnect();
    }
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
