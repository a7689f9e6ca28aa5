import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, fetch as undiciFetch } from 'undici';

/** What happened at the HTTP layer during one call, for the fallback reason and accounting. */
export interface CallTrace {
  /** HTTP requests sent (1 + retries). */
  requests: number;
  lastStatus?: number;
  /** Retry-After of the last 429/503, in ms, when the server sent one. */
  retryAfterMs?: number;
  /** True when a Retry-After was longer than the cap, so we stopped waiting and fell back. */
  retryAfterOverCap?: boolean;
}

export interface CallFetchOptions {
  /** Aborts the whole call (all attempts, backoff sleeps and body reading). */
  deadline: AbortSignal;
  maxRetries: number;
  retryBaseMs: number;
  retryAfterCapMs: number;
  /** The local backend never sends an Authorization header, whatever the library adds. */
  stripAuthorization: boolean;
  trace: CallTrace;
  /** Undici agent with connect/header/body timeouts; unused when `baseFetch` is given. */
  dispatcher?: Agent;
  /** A caller-supplied fetch (tests, proxies); our deadline is still applied. */
  baseFetch?: typeof fetch;
}

/** One undici agent per backend so a dead host fails at connect time, not after undici's 300 s defaults. */
export function backendAgent(timeoutMs: number): Agent {
  return new Agent({
    connect: { timeout: Math.min(timeoutMs, 10_000) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4_000,
  });
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * The `fetch` handed to the `ollama` package for one call. The package has no timeout and hides
 * response headers from its errors, so the deadline, the retries on 429/5xx and Retry-After live here.
 */
export function callFetch(opts: CallFetchOptions): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      if (opts.stripAuthorization && key === 'authorization') return;
      headers[key] = value;
    });
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const signal = init?.signal ? AbortSignal.any([opts.deadline, init.signal]) : opts.deadline;

    for (let attempt = 0; ; attempt++) {
      opts.trace.requests++;
      const res = await send(opts, url, { method: init?.method ?? 'GET', headers, body, signal });
      opts.trace.lastStatus = res.status;
      if (!RETRY_STATUSES.has(res.status)) return res;

      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      if (retryAfterMs !== undefined) opts.trace.retryAfterMs = retryAfterMs;
      if (attempt >= opts.maxRetries) return res;
      if (retryAfterMs !== undefined && retryAfterMs > opts.retryAfterCapMs) {
        opts.trace.retryAfterOverCap = true;
        return res;
      }
      const backoff = opts.retryBaseMs * 2 ** attempt;
      const wait = retryAfterMs ?? backoff + Math.floor(Math.random() * opts.retryBaseMs);
      // The discarded response must be drained or its socket stays busy.
      await res.body?.cancel().catch(() => undefined);
      await sleep(wait, undefined, { signal });
    }
  };
}

async function send(
  opts: CallFetchOptions,
  url: string,
  init: { method: string; headers: Record<string, string>; body: string | undefined; signal: AbortSignal },
): Promise<Response> {
  if (opts.baseFetch) return opts.baseFetch(url, init);
  return undiciFetch(url, { ...init, dispatcher: opts.dispatcher });
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
