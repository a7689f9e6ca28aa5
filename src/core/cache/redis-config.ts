import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { ConfigurationError } from '../errors.js';

/** Where Redis is, read from the environment (or an action input passed in as `url`). */
export type RedisTarget =
  | {
      kind: 'standalone';
      host: string;
      port: number;
      username?: string;
      password?: string;
      db?: number;
      tls?: ConnectionOptions;
    }
  | {
      kind: 'cluster';
      nodes: { host: string; port: number }[];
      username?: string;
      password?: string;
      tls?: ConnectionOptions;
    }
  | {
      kind: 'sentinel';
      sentinels: { host: string; port: number }[];
      name: string;
      username?: string;
      password?: string;
      /** Sentinels usually run without auth; REDIS_SENTINEL_USERNAME/PASSWORD when they do not. */
      sentinelUsername?: string;
      sentinelPassword?: string;
      tls?: ConnectionOptions;
    };

function hostPort(item: string, varName: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(item.trim());
  if (!m)
    throw new ConfigurationError(
      `Invalid ${varName} entry '${item}'. Expected host:port, e.g. 10.0.0.5:6379.`,
    );
  return { host: m[1], port: Number(m[2]) };
}

function tlsOptions(env: NodeJS.ProcessEnv, servername: string | undefined): ConnectionOptions {
  const caFile = env.REDIS_TLS_CA_FILE?.trim();
  const opts: ConnectionOptions = {};
  // SNI must not carry an IP address (RFC 6066); Node then checks the IP against the certificate.
  if (servername && !isIP(servername)) opts.servername = servername;
  if (caFile) {
    try {
      opts.ca = readFileSync(caFile, 'utf8');
    } catch (e) {
      throw new ConfigurationError(
        `REDIS_TLS_CA_FILE '${caFile}' cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`,
      );
    }
  }
  return opts;
}

/**
 * REDIS_CLUSTER_NODES=host:port,... selects Cluster; REDIS_SENTINELS=host:port,... with
 * REDIS_SENTINEL_NAME selects Sentinel; otherwise REDIS_URL (redis:// or rediss://, user and
 * password in the URL). Cluster and Sentinel take credentials from REDIS_USERNAME/REDIS_PASSWORD
 * or from REDIS_URL's user part, and TLS from REDIS_TLS=true or a rediss:// REDIS_URL.
 * Returns undefined when nothing is configured.
 */
export function redisTargetFromEnv(env: NodeJS.ProcessEnv, urlInput?: string): RedisTarget | undefined {
  const url = (urlInput ?? env.REDIS_URL ?? '').trim();
  let parsed: URL | undefined;
  if (url) {
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigurationError(
        `Invalid REDIS_URL. Expected redis://[user:password@]host:port[/db] or rediss://...`,
      );
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
      throw new ConfigurationError(
        `Invalid REDIS_URL scheme '${parsed.protocol}'. Expected redis:// or rediss://.`,
      );
    }
  }
  const username = env.REDIS_USERNAME || (parsed?.username ? decodeURIComponent(parsed.username) : undefined);
  const password = env.REDIS_PASSWORD || (parsed?.password ? decodeURIComponent(parsed.password) : undefined);
  const wantsTls = parsed?.protocol === 'rediss:' || /^(true|1|yes)$/i.test(env.REDIS_TLS ?? '');
  const auth = { ...(username ? { username } : {}), ...(password ? { password } : {}) };

  const clusterNodes = env.REDIS_CLUSTER_NODES?.trim();
  if (clusterNodes) {
    const nodes = clusterNodes
      .split(',')
      .filter((s) => s.trim())
      .map((s) => hostPort(s, 'REDIS_CLUSTER_NODES'));
    return { kind: 'cluster', nodes, ...auth, ...(wantsTls ? { tls: tlsOptions(env, undefined) } : {}) };
  }
  const sentinels = env.REDIS_SENTINELS?.trim();
  if (sentinels) {
    const name = env.REDIS_SENTINEL_NAME?.trim();
    if (!name)
      throw new ConfigurationError(
        'REDIS_SENTINELS is set but REDIS_SENTINEL_NAME is not. Set it to the monitored master name.',
      );
    const list = sentinels
      .split(',')
      .filter((s) => s.trim())
      .map((s) => hostPort(s, 'REDIS_SENTINELS'));
    return {
      kind: 'sentinel',
      sentinels: list,
      name,
      ...auth,
      ...(env.REDIS_SENTINEL_USERNAME ? { sentinelUsername: env.REDIS_SENTINEL_USERNAME } : {}),
      ...(env.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: env.REDIS_SENTINEL_PASSWORD } : {}),
      ...(wantsTls ? { tls: tlsOptions(env, undefined) } : {}),
    };
  }
  if (!parsed) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = parsed.port ? Number(parsed.port) : 6379;
  const dbText = parsed.pathname.replace(/^\//, '');
  const db = dbText ? Number(dbText) : undefined;
  if (db !== undefined && !Number.isInteger(db))
    throw new ConfigurationError(`Invalid database '${dbText}' in REDIS_URL. Expected a number.`);
  return {
    kind: 'standalone',
    host,
    port,
    ...auth,
    ...(db !== undefined ? { db } : {}),
    ...(wantsTls ? { tls: tlsOptions(env, host) } : {}),
  };
}

/** The target without its secrets, for log lines. */
export function describeTarget(t: RedisTarget): string {
  const tls = t.tls ? ' (TLS)' : '';
  switch (t.kind) {
    case 'standalone':
      return `Redis ${t.host}:${t.port}${tls}`;
    case 'cluster':
      return `Redis Cluster ${t.nodes.map((n) => `${n.host}:${n.port}`).join(',')}${tls}`;
    case 'sentinel':
      return `Redis Sentinel '${t.name}' via ${t.sentinels.map((n) => `${n.host}:${n.port}`).join(',')}${tls}`;
  }
}
