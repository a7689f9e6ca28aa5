import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import {
  ACTIONS_CACHE_NOTE,
  ActionsCacheBundle,
  actionsCacheAvailable,
  type ActionsCacheApi,
} from './actions-cache-tier.js';
import { FileKv } from './file-store.js';
import type { KvStore } from './kv.js';
import { MemoryKv } from './memory-store.js';
import { redisTargetFromEnv, type RedisTarget } from './redis-config.js';
import { TieredStore, type Store } from './tiered-store.js';
import '../baseline/mergers.js';

export interface OpenStoreOptions {
  /** The action (or CLI command) using the store: names its Actions-cache bundle and its stats. */
  action: string;
  /** `owner/repo`; keys are namespaced `ai-ci:<owner>/<repo>:`. Defaults to GITHUB_REPOSITORY. */
  repo?: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** A `redis-url` input; overrides REDIS_URL. */
  redisUrl?: string;
  /** For tests: stands in for `@actions/cache`. */
  actionsCache?: ActionsCacheApi;
}

export function namespaceFor(repo: string): string {
  return `ai-ci:${repo}:`;
}

function resolveRepo(opts: OpenStoreOptions, env: NodeJS.ProcessEnv): string {
  const repo = (opts.repo ?? env.GITHUB_REPOSITORY ?? 'local/local').trim();
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
    throw new ConfigurationError(`Invalid repository '${repo}'. Expected format {owner}/{repo}.`);
  }
  return repo;
}

/** The file tier's directory: AI_CI_CACHE_DIR, else ~/.cache/ai-ci. */
export function fileCacheDir(env: NodeJS.ProcessEnv): string {
  return env.AI_CI_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ai-ci');
}

/**
 * Opens the store the environment selects: Redis when REDIS_URL / REDIS_CLUSTER_NODES /
 * REDIS_SENTINELS is set and reachable; then the Actions cache when the runner provides it; then
 * the local file cache; memory in front always. An unreachable tier costs one warning, never an
 * error. Writes kept in a fallback during an earlier Redis outage are merged into Redis here.
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const env = opts.env ?? process.env;
  const logger = opts.logger;
  const repo = resolveRepo(opts, env);
  const chain: KvStore[] = [];
  let note: string | undefined;
  let beforeClose: (() => Promise<void>) | undefined;

  let target: RedisTarget | undefined;
  let redisDown = false;
  try {
    target = redisTargetFromEnv(env, opts.redisUrl);
  } catch (e) {
    // A mistyped Redis setting must not fail a build that would pass without Redis.
    if (!(e instanceof ConfigurationError)) throw e;
    logger.warning(`ai-ci cache: ${e.message} Redis is not used for this run.`);
  }
  if (target) {
    try {
      // ioredis loads only when Redis is configured: most runs never pay for it.
      const { RedisKv } = await import('./redis-store.js');
      chain.push(await RedisKv.connect({ target, logger, env }));
    } catch (e) {
      redisDown = true;
      logger.warning(`ai-ci cache: ${errorMessage(e)}; using the next cache tier for this run.`);
    }
  }

  if (actionsCacheAvailable(env) || opts.actionsCache) {
    const bundle = await ActionsCacheBundle.open({
      bundle: env.AI_CI_CACHE_BUNDLE || opts.action,
      env,
      logger,
      ...(opts.actionsCache ? { api: opts.actionsCache } : {}),
    });
    chain.push(bundle.kv);
    beforeClose = async () => {
      await bundle.save();
    };
    if (chain.length === 1) note = ACTIONS_CACHE_NOTE;
  } else {
    const dir = fileCacheDir(env);
    try {
      chain.push(await new FileKv({ dir, env }).open());
      if (env.GITHUB_ACTIONS === 'true') {
        note = `History is kept only on this runner's disk (${dir}): hosted runners start empty. Set REDIS_URL to a persistent Redis, or run where the Actions cache service is available, to keep it between runs.`;
      }
    } catch (e) {
      logger.warning(
        `ai-ci cache: the file cache at ${dir} is not writable (${errorMessage(e)}); keeping the cache in memory for this run only.`,
      );
      chain.push(new MemoryKv());
    }
  }
  if (redisDown)
    note = `Redis was unreachable; history for this run is kept in the ${chain[0].tier} tier and merged into Redis by a later run.`;

  const store = new TieredStore({
    namespace: namespaceFor(repo),
    chain,
    logger,
    ...(note ? { historyNote: note } : {}),
    journalWrites: redisDown,
    ...(beforeClose ? { beforeClose } : {}),
  });
  if (chain[0].tier === 'redis') {
    try {
      await store.syncPending();
    } catch (e) {
      logger.warning(`ai-ci cache: merging pending writes into Redis failed: ${errorMessage(e)}`);
    }
  }
  return store;
}
