import { createHash } from 'node:crypto';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import type { Logger } from '../logger.js';
import { redact } from '../redact.js';
import { timeoutMs } from '../timeouts.js';

export type { Octokit } from '@octokit/rest';

/** One write request (POST/PATCH/PUT/DELETE) as the dry-run sink and `ai-ci run --json` report it. */
export interface GitHubWrite {
  method: string;
  /** Relative to the API base URL, e.g. `/repos/o/r/issues/1/comments` (also under GHES `/api/v3`). */
  path: string;
  /** The JSON body as sent, with secrets redacted; `null` when the request has none. */
  body: unknown;
}

export interface CreateOctokitOptions {
  token?: string;
  /** Default: `GITHUB_API_URL`, else https://api.github.com. */
  baseUrl?: string;
  logger: Logger;
  /** Writes do not reach the network; each answers with a plausible response instead. */
  dryRun: boolean;
  /** Told about every write, real or dry-run, once per call (not per retry). */
  onWrite?: (w: GitHubWrite) => void;
  fetch?: typeof fetch;
  /** Per HTTP request. Default `AI_CI_GITHUB_TIMEOUT_MS`, 30 s. */
  timeoutMs?: number;
  /** Where `GITHUB_API_URL` and the timeout overrides are read. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** A read that needs the API was refused because there is no token; the action says what it missed. */
export class GitHubReadSkipped extends Error {
  override readonly name = 'GitHubReadSkipped';
  constructor(
    readonly method: string,
    readonly path: string,
  ) {
    super(
      `GitHub API read skipped, no token: ${method} ${path}. Pass github-token (or set GITHUB_TOKEN) to let ai-ci read it.`,
    );
  }
}

/**
 * Client errors are the caller's to fix, retrying cannot help. 403 and 429 rate limits are retried
 * by the throttling plugin (which waits for the reset), so the retry plugin must not retry them too.
 */
export const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451] as const;
const MAX_RETRIES = 3;
const MAX_RATE_LIMIT_RETRIES = 2;

const AiCiOctokit = Octokit.plugin(retry, throttling);

/** Write spacing (GitHub asks for >= 1 s between writes, 3 s for notifying ones), one group per process. */
const writeGroups = new Map<string, Bottleneck.Group>();
function group(name: string, minTime: number): Bottleneck.Group {
  const key = `${name}:${minTime}`;
  let g = writeGroups.get(key);
  if (!g) {
    g = new Bottleneck.Group({ id: `ai-ci-${key}`, maxConcurrent: 1, minTime });
    writeGroups.set(key, g);
  }
  return g;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function isWrite(method: string, path: string, body: unknown): boolean {
  if (!WRITE_METHODS.has(method)) return false;
  if (method === 'POST' && path === '/graphql') {
    const query = body && typeof body === 'object' && 'query' in body ? String(body.query) : '';
    return /^\s*mutation\b/.test(query);
  }
  return true;
}

function redactDeep(v: unknown): unknown {
  if (typeof v === 'string') return redact(v);
  if (Array.isArray(v)) return v.map(redactDeep);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactDeep(x)]));
  }
  return v;
}

/** The body as the server will see it: what JSON serialisation keeps of it. */
function wireBody(body: unknown): unknown {
  if (body === undefined || body === null || body === '') return null;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  }
  return JSON.parse(JSON.stringify(body)) as unknown;
}

function relativePath(url: string, baseUrl: string): string {
  const u = new URL(url);
  const prefix = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const path = prefix && u.pathname.startsWith(`${prefix}/`) ? u.pathname.slice(prefix.length) : u.pathname;
  return `${path}${u.search}`;
}

/**
 * Composes Octokit once with retry (5xx, network errors; explicit do-not-retry list) and throttling
 * (primary and secondary rate limits, a bounded number of times, with a warning), a per-request
 * timeout, the dry-run sink for writes, and the no-token guard for reads.
 */
export function createOctokit(opts: CreateOctokitOptions): Octokit {
  const { logger } = opts;
  const env = opts.env ?? process.env;
  const baseUrl = (opts.baseUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const perRequestMs = opts.timeoutMs ?? timeoutMs('AI_CI_GITHUB_TIMEOUT_MS', 30000, env);
  const baseFetch = opts.fetch ?? globalThis.fetch;
  const timedFetch: typeof fetch = async (input, init) => {
    const timeout = AbortSignal.timeout(perRequestMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await baseFetch(input, { ...init, signal });
    } catch (err) {
      const method = (init?.method ?? 'GET').toUpperCase();
      if (timeout.aborted && WRITE_METHODS.has(method)) {
        // A write that timed out may still have been applied: retrying could post a comment twice.
        // Octokit passes an AbortError through without wrapping it, so the retry plugin leaves it.
        const e = new Error(
          `GitHub did not answer ${method} ${String(input)} within ${perRequestMs} ms; not retried, since the write may have been applied.`,
          { cause: err },
        );
        e.name = 'AbortError';
        throw e;
      }
      throw err;
    }
  };
  // One retry-after second lasts this long: 1 s in production, less under AI_CI_TIMEOUT_SCALE.
  const secondMs = timeoutMs('AI_CI_GITHUB_RETRY_UNIT_MS', 1000, env);
  const maxRateLimitWaitS = timeoutMs('AI_CI_GITHUB_RATE_LIMIT_MAX_WAIT_MS', 120_000, env) / secondMs;

  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
      if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > maxRateLimitWaitS) {
        logger.warning(
          `GitHub ${kind} rate limit for ${what}: giving up after ${retryCount} retries (reset in ${retryAfter}s).`,
        );
        return false;
      }
      logger.warning(
        `GitHub ${kind} rate limit for ${what}: retrying in ${retryAfter}s (retry ${retryCount + 1} of ${MAX_RATE_LIMIT_RETRIES}).`,
      );
      return true;
    };

  const octokit = new AiCiOctokit({
    auth: opts.token || undefined,
    baseUrl,
    userAgent: 'ai-ci',
    request: { fetch: timedFetch },
    log: {
      debug: (m: string) => logger.debug(m),
      info: (m: string) => logger.debug(m),
      warn: (m: string) => logger.warning(m),
      // Octokit logs every failed request as an error, then throws it: the caller decides whether
      // a 404 is a problem, so it must not become an error annotation here.
      error: (m: string) => logger.debug(m),
    },
    retry: { doNotRetry: [...DO_NOT_RETRY], retries: MAX_RETRIES, retryAfterBaseValue: secondMs },
    throttle: {
      retryAfterBaseValue: secondMs,
      fallbackSecondaryRateRetryAfter: 60,
      write: group('write', timeoutMs('AI_CI_GITHUB_WRITE_INTERVAL_MS', 1000, env)),
      notifications: group('notifications', timeoutMs('AI_CI_GITHUB_NOTIFICATION_INTERVAL_MS', 3000, env)),
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
  });

  const fake = dryRunResponder(baseUrl);
  // Registered after the plugins, so it wraps them: a dry-run write never waits for the write
  // spacing, and a write is reported once however often it is retried.
  octokit.hook.wrap('request', async (request, options) => {
    const parsed = octokit.request.endpoint.parse(options);
    const method = parsed.method.toUpperCase();
    const path = relativePath(parsed.url, baseUrl);
    const body = wireBody(parsed.body);
    if (isWrite(method, path, body)) {
      const write: GitHubWrite = { method, path, body: redactDeep(body) };
      opts.onWrite?.(write);
      if (opts.dryRun) {
        logger.info(`dry-run: would ${method} ${path}`);
        return fake(method, path, body);
      }
    } else if (!opts.token) {
      throw new GitHubReadSkipped(method, path);
    }
    return request(options);
  });
  return octokit;
}

interface FakeResponse {
  status: number;
  url: string;
  headers: Record<string, string>;
  data: unknown;
}

/**
 * Plausible answers to dry-run writes, shaped as the endpoint's real response (ids, numbers,
 * html_url, sha), so the code after a write (e.g. "open a PR from the branch just created") runs on.
 */
function dryRunResponder(baseUrl: string): (method: string, path: string, body: unknown) => FakeResponse {
  let nextId = 900_000_001;
  let nextNumber = 9001;
  const web = baseUrl.includes('api.github.com')
    ? 'https://github.com'
    : baseUrl.replace(/\/api\/v3$/, '').replace(/\/$/, '');
  const b = (body: unknown): Record<string, unknown> =>
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return (method, path, body) => {
    const url = `${baseUrl}${path}`;
    const id = nextId++;
    const sha = createHash('sha1')
      .update(`${method} ${path} ${JSON.stringify(body)} ${id}`)
      .digest('hex');
    const fields = b(body);
    const repo = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
    const repoWeb = repo ? `${web}/${repo[1]}/${repo[2]}` : web;
    const now = new Date().toISOString();
    const ok = (status: number, data: unknown): FakeResponse => ({
      status,
      url,
      headers: { 'x-ai-ci-dry-run': 'true' },
      data,
    });
    let m: RegExpExecArray | null;
    if (method === 'DELETE') return ok(204, undefined);
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path)) && method === 'POST') {
      return ok(201, {
        id,
        node_id: `IC_dryrun${id}`,
        html_url: `${repoWeb}/issues/${m[1]}#issuecomment-${id}`,
        body: fields.body,
        created_at: now,
        updated_at: now,
      });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path))) {
      return ok(200, {
        id: Number(m[1]),
        html_url: `${repoWeb}/issues#issuecomment-${m[1]}`,
        body: fields.body,
        updated_at: now,
      });
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/labels$/.test(path)) {
      const labels = Array.isArray(fields.labels) ? fields.labels : Array.isArray(body) ? body : [];
      return ok(
        200,
        labels.map((l, i) => ({ id: id + i, name: typeof l === 'string' ? l : b(l).name, color: 'ededed' })),
      );
    }
    if (/^\/repos\/[^/]+\/[^/]+\/pulls$/.test(path) && method === 'POST') {
      const number = nextNumber++;
      return ok(201, {
        id,
        number,
        state: 'open',
        html_url: `${repoWeb}/pull/${number}`,
        title: fields.title,
        head: { ref: fields.head, sha },
        base: { ref: fields.base },
      });
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(path) && method === 'POST') {
      const number = nextNumber++;
      return ok(201, {
        id,
        number,
        state: 'open',
        html_url: `${repoWeb}/issues/${number}`,
        title: fields.title,
      });
    }
    if (/\/git\/(?:blobs|trees|commits)$/.test(path)) {
      return ok(201, { sha, url: `${url}/${sha}`, html_url: `${repoWeb}/commit/${sha}`, tree: [] });
    }
    if ((m = /\/git\/refs(?:\/(.+))?$/.exec(path))) {
      const ref = m[1] ? `refs/${decodeURIComponent(m[1])}` : String(fields.ref ?? '');
      return ok(method === 'POST' ? 201 : 200, {
        ref,
        url: `${baseUrl}${path}`,
        object: { type: 'commit', sha: fields.sha ?? sha },
      });
    }
    if (/\/contents\/.+$/.test(path) && method === 'PUT') {
      return ok(201, {
        content: { sha, path: path.replace(/^.*\/contents\//, '') },
        commit: { sha, html_url: `${repoWeb}/commit/${sha}` },
      });
    }
    if ((m = /\/check-runs(?:\/(\d+))?$/.exec(path))) {
      const checkId = m[1] ? Number(m[1]) : id;
      return ok(m[1] ? 200 : 201, {
        id: checkId,
        name: fields.name,
        status: fields.status ?? 'queued',
        conclusion: fields.conclusion ?? null,
        html_url: `${repoWeb}/runs/${checkId}`,
      });
    }
    return ok(method === 'POST' ? 201 : 200, { id, sha, html_url: repoWeb, number: nextNumber++ });
  };
}
