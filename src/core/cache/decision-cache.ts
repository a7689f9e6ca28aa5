import { errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { redact } from '../redact.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { Store } from './tiered-store.js';

/** What identifies a decision. Only these go into the key. */
export interface DecisionKey {
  /** What was decided, e.g. `triage-root-cause`. */
  kind: string;
  model: string;
  promptVersion: string;
  inputs: unknown;
  /** Sampling temperature of the call; above 0.1 the answer is not reproducible and not cached. */
  temperature?: number;
}

export interface CachedDecision<T> {
  value: T;
  confidence: number;
  /** Latency of the original call: what a hit saves. */
  latencyMs: number;
  storedAt: string;
}

interface StoredDecision {
  v: 1;
  kind: string;
  model: string;
  promptVersion: string;
  value: unknown;
  confidence: number;
  latencyMs: number;
  storedAt: string;
}

export interface DecisionCacheOptions {
  /** The action whose decisions these are: stats and thresholds are per action. */
  action: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Overrides AGENT_CACHE_CONFIDENCE_THRESHOLD(_<ACTION>). */
  threshold?: number;
  /** Overrides AGENT_CACHE_TTL_DAYS. */
  ttlDays?: number;
  /** Overrides AGENT_CACHE_ENABLED. */
  enabled?: boolean;
}

export const DETERMINISTIC_MAX_TEMPERATURE = 0.1;
export const DECISION_PREFIX = 'decision:';
export const STATS_PREFIX = 'decision-stats:';

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** AGENT_CACHE_CONFIDENCE_THRESHOLD_AI_TRIAGE for action `ai-triage`. */
export function actionEnvSuffix(action: string): string {
  return action.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** Strings anywhere in a value pass through redaction before they are cached. */
function redactDeep(v: unknown): unknown {
  if (typeof v === 'string') return redact(v);
  if (Array.isArray(v)) return v.map(redactDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = redactDeep(x);
    return out;
  }
  return v;
}

/**
 * The confidence-based decision cache: a decision is kept only when its confidence reaches the
 * action's threshold and the call was deterministic; hits, misses and the time they saved are
 * counted per action.
 */
export class DecisionCache {
  readonly action: string;
  readonly enabled: boolean;
  readonly threshold: number;
  readonly ttlSeconds: number;
  private readonly logger: Logger | undefined;
  private pending = { hits: 0, misses: 0, savedMs: 0, stored: 0, rejected: 0 };
  private pendingEvents = 0;

  constructor(
    private readonly store: Store,
    opts: DecisionCacheOptions,
  ) {
    const env = opts.env ?? process.env;
    this.action = opts.action;
    this.logger = opts.logger;
    this.enabled = opts.enabled ?? !/^(false|0|no)$/i.test(env.AGENT_CACHE_ENABLED?.trim() ?? '');
    const t =
      opts.threshold ??
      envNumber(env, `AGENT_CACHE_CONFIDENCE_THRESHOLD_${actionEnvSuffix(opts.action)}`) ??
      envNumber(env, 'AGENT_CACHE_CONFIDENCE_THRESHOLD') ??
      0.8;
    this.threshold = Math.min(1, Math.max(0, t));
    const days = opts.ttlDays ?? envNumber(env, 'AGENT_CACHE_TTL_DAYS') ?? 7;
    this.ttlSeconds = Math.max(1, Math.round((days > 0 ? days : 7) * 86400));
    store.onClose(() => this.flush());
  }

  /** SHA-256 of the canonical JSON of (kind, model, promptVersion, inputs). */
  static hashKey(k: DecisionKey): string {
    return sha256Hex(
      canonicalJson({ kind: k.kind, model: k.model, promptVersion: k.promptVersion, inputs: k.inputs }),
    );
  }

  storeKey(k: DecisionKey): string {
    return `${DECISION_PREFIX}${this.action}:${DecisionCache.hashKey(k)}`;
  }

  private cacheable(k: DecisionKey): boolean {
    return this.enabled && (k.temperature === undefined || k.temperature <= DETERMINISTIC_MAX_TEMPERATURE);
  }

  /**
   * The cached decision, or undefined (a miss). A stored value that no longer passes `validate`
   * (the caller's schema changed) is dropped and counted as a miss.
   */
  async get<T>(k: DecisionKey, validate?: (v: unknown) => v is T): Promise<CachedDecision<T> | undefined> {
    if (!this.cacheable(k)) return undefined;
    const key = this.storeKey(k);
    let raw: string | undefined;
    try {
      raw = await this.store.get(key);
    } catch (e) {
      this.logger?.debug(`decision cache read failed: ${errorMessage(e)}`);
      raw = undefined;
    }
    if (raw !== undefined) {
      try {
        const d = JSON.parse(raw) as StoredDecision;
        if (d.v === 1 && typeof d.confidence === 'number' && (!validate || validate(d.value))) {
          await this.count({ hits: 1, savedMs: Math.max(0, d.latencyMs || 0) });
          return {
            value: d.value as T,
            confidence: d.confidence,
            latencyMs: d.latencyMs,
            storedAt: d.storedAt,
          };
        }
      } catch {
        // Falls through: an unreadable entry is a miss and is removed below.
      }
      await this.store.del(key).catch(() => undefined);
    }
    await this.count({ misses: 1 });
    return undefined;
  }

  /** Stores a decision when it is confident and deterministic enough; says whether it did. */
  async put<T>(k: DecisionKey, d: { value: T; confidence: number; latencyMs: number }): Promise<boolean> {
    if (!this.cacheable(k)) return false;
    if (!(d.confidence >= this.threshold)) {
      await this.count({ rejected: 1 });
      return false;
    }
    const stored: StoredDecision = {
      v: 1,
      kind: k.kind,
      model: k.model,
      promptVersion: k.promptVersion,
      value: redactDeep(d.value),
      confidence: d.confidence,
      latencyMs: Math.round(d.latencyMs),
      storedAt: new Date().toISOString(),
    };
    try {
      await this.store.set(this.storeKey(k), JSON.stringify(stored), this.ttlSeconds);
    } catch (e) {
      this.logger?.warning(`ai-ci decision cache: could not store a decision: ${errorMessage(e)}`);
      return false;
    }
    await this.count({ stored: 1 });
    return true;
  }

  /** A hit, or `compute()` timed and offered to the cache. */
  async getOrCompute<T>(
    k: DecisionKey,
    compute: () => Promise<{ value: T; confidence: number }>,
    validate?: (v: unknown) => v is T,
  ): Promise<{ value: T; confidence: number; fromCache: boolean }> {
    const hit = await this.get(k, validate);
    if (hit) return { value: hit.value, confidence: hit.confidence, fromCache: true };
    const started = performance.now();
    const r = await compute();
    await this.put(k, { ...r, latencyMs: performance.now() - started });
    return { ...r, fromCache: false };
  }

  private async count(d: Partial<typeof this.pending>): Promise<void> {
    for (const [f, n] of Object.entries(d) as [keyof typeof this.pending, number][]) this.pending[f] += n;
    // Counters are batched so a hit costs one round trip, not two; close() flushes the rest.
    if (++this.pendingEvents >= 20) await this.flush();
  }

  /** Writes batched counters to `decision-stats:<action>`. */
  async flush(): Promise<void> {
    const p = this.pending;
    this.pending = { hits: 0, misses: 0, savedMs: 0, stored: 0, rejected: 0 };
    this.pendingEvents = 0;
    const increments: Record<string, number> = {};
    for (const [field, n] of Object.entries(p)) if (n !== 0) increments[field] = Math.round(n);
    if (Object.keys(increments).length === 0) return;
    try {
      await this.store.hincrMany(`${STATS_PREFIX}${this.action}`, increments);
    } catch (e) {
      this.logger?.debug(`decision cache stats not saved: ${errorMessage(e)}`);
    }
  }
}

export interface ActionCacheStats {
  action: string;
  hits: number;
  misses: number;
  /** hits / (hits + misses), 0 when there were no lookups. */
  hitRate: number;
  entries: number;
  stored: number;
  rejectedLowConfidence: number;
  timeSavedMs: number;
}

export interface CacheStats {
  tier: string;
  actions: ActionCacheStats[];
  overall: Omit<ActionCacheStats, 'action'>;
}

/** Stats per action (all actions that have any) and overall, from whatever tier serves. */
export async function decisionStats(store: Store, action?: string): Promise<CacheStats> {
  const statKeys = action ? [`${STATS_PREFIX}${action}`] : await store.scan(STATS_PREFIX);
  const entryKeys = await store.scan(action ? `${DECISION_PREFIX}${action}:` : DECISION_PREFIX);
  const names = new Set<string>(statKeys.map((k) => k.slice(STATS_PREFIX.length)));
  for (const k of entryKeys) names.add(k.slice(DECISION_PREFIX.length).split(':')[0]);
  if (action) names.add(action);
  const actions: ActionCacheStats[] = [];
  for (const name of [...names].sort()) {
    const h = await store.hgetall(`${STATS_PREFIX}${name}`);
    const n = (f: string) => Number(h[f]) || 0;
    const hits = n('hits');
    const misses = n('misses');
    actions.push({
      action: name,
      hits,
      misses,
      hitRate: hits + misses > 0 ? hits / (hits + misses) : 0,
      entries: entryKeys.filter((k) => k.startsWith(`${DECISION_PREFIX}${name}:`)).length,
      stored: n('stored'),
      rejectedLowConfidence: n('rejected'),
      timeSavedMs: n('savedMs'),
    });
  }
  const sum = (f: keyof Omit<ActionCacheStats, 'action' | 'hitRate'>) =>
    actions.reduce((a, s) => a + s[f], 0);
  const hits = sum('hits');
  const misses = sum('misses');
  return {
    tier: store.tier,
    actions,
    overall: {
      hits,
      misses,
      hitRate: hits + misses > 0 ? hits / (hits + misses) : 0,
      entries: sum('entries'),
      stored: sum('stored'),
      rejectedLowConfidence: sum('rejectedLowConfidence'),
      timeSavedMs: sum('timeSavedMs'),
    },
  };
}

/** Deletes cached decisions (and their counters) of one action or all; returns entries removed. */
export async function clearDecisions(store: Store, action?: string): Promise<number> {
  const keys = await store.scan(action ? `${DECISION_PREFIX}${action}:` : DECISION_PREFIX);
  for (const k of keys) await store.del(k);
  const statKeys = action ? [`${STATS_PREFIX}${action}`] : await store.scan(STATS_PREFIX);
  for (const k of statKeys) await store.del(k);
  return keys.length;
}
