/**
 * The "Actions cache service 5xx" cell, shared by the fault-matrix suites: the runner's cache
 * service (the stand-in) answers 5xx to every attempt `@actions/cache` makes to restore the
 * action's bundle (5 attempts, with the library's own back-off) and to save it. Redis is not
 * configured, so the Actions cache is the store's only durable tier.
 */
import { expect } from '@jest/globals';
import type { CliRun } from '../helpers/cli.js';
import { ActionsCacheStandIn } from '../standins/actions-cache/server.js';

/** A started stand-in failing restore (500) and save (503) on every attempt. */
export async function failingActionsCache(): Promise<ActionsCacheStandIn> {
  const svc = await new ActionsCacheStandIn().start();
  svc.fail('GetCacheEntryDownloadURL', 500, 5);
  svc.fail('CreateCacheEntry', 503, 5);
  return svc;
}

/**
 * The run's environment: the runner's cache variables, no Redis, and a 4 s clean-up bound (the
 * production bound is 15 s), so the save the service keeps failing is abandoned sooner.
 */
export function failingCacheEnv(svc: ActionsCacheStandIn): Record<string, string | undefined> {
  return {
    REDIS_URL: undefined,
    REDIS_CLUSTER_NODES: undefined,
    REDIS_SENTINELS: undefined,
    ...svc.env(),
    AI_CI_CLOSE_TIMEOUT_MS: '4000',
  };
}

/**
 * Asserts what the service saw (every restore attempt failed; when the action wrote to its store,
 * the save was attempted, failed, and was said to be lost) and returns it as an observation.
 */
export function checkCacheFaults(svc: ActionsCacheStandIn, r: CliRun, opts: { saves: boolean }): string {
  const restore = svc.requests.filter((q) => q.route === 'GetCacheEntryDownloadURL').map((q) => q.status);
  const save = svc.requests.filter((q) => q.route === 'CreateCacheEntry').map((q) => q.status);
  const w = (r.json?.annotations ?? []).filter((a) => a.level === 'warning').map((a) => a.message);
  const saveWarned = w.some((m) => /abandoned|saving Actions cache bundle/.test(m));
  const text = `restore answered ${restore.join(',') || 'never asked'}; save answered ${save.join(',') || 'never asked'}${saveWarned ? ' (save loss warned)' : ''}`;
  expect(restore).toEqual([500, 500, 500, 500, 500]);
  expect(w.some((m) => /Failed to restore|Actions cache restore failed/.test(m))).toBe(true);
  if (opts.saves) {
    expect(save.length).toBeGreaterThan(0);
    expect(save.every((s) => s === 503)).toBe(true);
    expect(saveWarned).toBe(true);
  } else {
    expect(save).toEqual([]);
  }
  return text;
}
