import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { FileKv } from './file-store.js';

/** The two calls of `@actions/cache` this tier makes; injectable so logic tests need no service. */
export interface ActionsCacheApi {
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

export const ACTIONS_CACHE_NOTE =
  "History is kept in the GitHub Actions cache, which is best effort: concurrent runs can drop each other's entries. Set REDIS_URL to a persistent Redis for no-loss history.";

/** True when the runner exposes the cache service (the variables `@actions/cache` itself reads). */
export function actionsCacheAvailable(env: NodeJS.ProcessEnv): boolean {
  if (/^(false|0|no)$/i.test(env.AI_CI_ACTIONS_CACHE ?? '')) return false;
  if (!env.ACTIONS_RUNTIME_TOKEN) return false;
  return env.ACTIONS_CACHE_SERVICE_V2
    ? Boolean(env.ACTIONS_RESULTS_URL)
    : Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
}

export interface BundleKeys {
  /** `ai-ci-<bundle>-<job>-<run_id>-<attempt>`: unique per job of a run, so seven jobs never collide. */
  saveKey: string;
  /** `ai-ci-<bundle>-`: the newest bundle of that action wins. */
  restorePrefix: string;
}

export function bundleKeys(bundle: string, env: NodeJS.ProcessEnv): BundleKeys {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
  const job = clean(env.GITHUB_JOB || 'job');
  const runId = clean(env.GITHUB_RUN_ID || String(Date.now()));
  const attempt = clean(env.GITHUB_RUN_ATTEMPT || '1');
  const prefix = `ai-ci-${clean(bundle)}-`;
  return { saveKey: `${prefix}${job}-${runId}-${attempt}`, restorePrefix: prefix };
}

/** Where a bundle is unpacked: `dir` is `<root>/<name>`; only `name` reaches the cache service. */
export interface BundleLocation {
  root: string;
  name: string;
  dir: string;
}

/** `AI_CI_BUNDLE_DIR`, else `$RUNNER_TEMP/ai-ci-bundle/<bundle>` (the OS temp dir without a runner). */
export function bundleLocation(bundle: string, env: NodeJS.ProcessEnv): BundleLocation {
  const dir = path.resolve(
    env.AI_CI_BUNDLE_DIR ||
      path.join(env.RUNNER_TEMP || os.tmpdir(), 'ai-ci-bundle', bundle.replace(/[^A-Za-z0-9_.-]/g, '_')),
  );
  return { root: path.dirname(dir), name: path.basename(dir), dir };
}

let cacheCallQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs one `@actions/cache` call with the bundle's parent as working directory and workspace, and
 * the bundle passed by its bare name. `@actions/cache` hashes the paths it is given, as written,
 * into the cache version (a restore only matches entries of the same version) and archives them
 * relative to GITHUB_WORKSPACE. An absolute path under the job's temp dir therefore gave every
 * `ai-ci run` (a fresh temp dir each) and every self-hosted runner installed elsewhere a version of
 * its own, and the next run never found the bundle the last one saved. With the bare name the
 * version and the archive entries are the same on every machine. Calls are queued so that the
 * process-wide cwd and GITHUB_WORKSPACE are swapped for one call at a time; they happen when the
 * store opens and closes, when nothing else of an action is running.
 */
function inBundleRoot<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const call = cacheCallQueue.then(async () => {
    const cwd = process.cwd();
    const workspace = process.env.GITHUB_WORKSPACE;
    process.chdir(root);
    process.env.GITHUB_WORKSPACE = root;
    try {
      return await fn();
    } finally {
      if (workspace === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = workspace;
      process.chdir(cwd);
    }
  });
  cacheCallQueue = call.catch(() => undefined);
  return call;
}

/**
 * The Actions-cache tier: cache keys are immutable, so the newest bundle (a directory of FileKv
 * files) is restored at start, used as a file tier during the run, and saved under a new key at
 * the end. `saveCache` reports most failures by returning -1 rather than throwing; both count.
 */
export class ActionsCacheBundle {
  readonly kv: FileKv;
  readonly keys: BundleKeys;
  restoredKey: string | undefined;

  private constructor(
    private readonly location: BundleLocation,
    keys: BundleKeys,
    private readonly api: ActionsCacheApi,
    private readonly logger: Logger,
    env: NodeJS.ProcessEnv,
  ) {
    this.keys = keys;
    this.kv = new FileKv({ dir: location.dir, tier: 'actions-cache', env });
  }

  static async open(opts: {
    bundle: string;
    env: NodeJS.ProcessEnv;
    logger: Logger;
    api?: ActionsCacheApi;
  }): Promise<ActionsCacheBundle> {
    const env = opts.env;
    const where = bundleLocation(opts.bundle, env);
    const api = opts.api ?? (await loadActionsCache());
    const b = new ActionsCacheBundle(where, bundleKeys(opts.bundle, env), api, opts.logger, env);
    await fs.rm(where.dir, { recursive: true, force: true });
    await b.kv.open();
    try {
      b.restoredKey = await inBundleRoot(where.root, () =>
        api.restoreCache([where.name], b.keys.saveKey, [b.keys.restorePrefix]),
      );
      if (b.restoredKey) opts.logger.info(`ai-ci cache: restored Actions cache bundle ${b.restoredKey}`);
      else
        opts.logger.info(
          `ai-ci cache: no Actions cache bundle under ${b.keys.restorePrefix}; starting empty`,
        );
    } catch (e) {
      opts.logger.warning(
        `ai-ci cache: Actions cache restore failed (${errorMessage(e)}); starting with an empty bundle.`,
      );
    }
    await b.kv.open();
    b.kv.dirty = false;
    return b;
  }

  /** Saves the bundle if this run wrote anything; never throws. Returns the cache id or -1. */
  async save(): Promise<number> {
    if (!this.kv.dirty) return -1;
    let id = -1;
    let why = 'the cache service refused or failed the upload';
    try {
      id = await inBundleRoot(this.location.root, () =>
        this.api.saveCache([this.location.name], this.keys.saveKey),
      );
    } catch (e) {
      why = errorMessage(e);
    }
    if (id === -1) {
      this.logger.warning(
        `ai-ci cache: saving Actions cache bundle ${this.keys.saveKey} failed (${why}); this run's cache entries will not reach later runs (the Actions cache tier is best effort).`,
      );
    } else {
      this.kv.dirty = false;
      this.logger.info(`ai-ci cache: saved Actions cache bundle ${this.keys.saveKey} (id ${id})`);
    }
    return id;
  }
}

/** Loaded on demand: @actions/cache pulls in the Azure SDK, which an action without it never needs. */
async function loadActionsCache(): Promise<ActionsCacheApi> {
  const mod = await import('@actions/cache');
  return {
    restoreCache: (paths, primaryKey, restoreKeys) => mod.restoreCache(paths, primaryKey, restoreKeys),
    saveCache: (paths, key) => mod.saveCache(paths, key),
  };
}
