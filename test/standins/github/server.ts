import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handlers, type HandlerResult } from './handlers.js';
import { StandInState } from './model.js';
import { acquireValidator, releaseValidator, type ValidationRequest } from './validator-client.js';

/**
 * A GitHub REST API stand-in for tests (node:http on 127.0.0.1, a free port). Every request is
 * matched and validated (method, path, query, body) against GitHub's official OpenAPI description
 * (the subset in openapi-subset.json, made by scripts/extract-openapi-subset.mjs); a request that
 * does not match is answered 404/422 like GitHub would AND recorded in `failures`, which the test
 * helper turns into a failed test. It keeps in-memory state (model.ts), records every call, and
 * injects rate limits (with GitHub's real headers) and 5xx errors on demand.
 */

const REGENERATE =
  'add its operationId to OPERATIONS in scripts/extract-openapi-subset.mjs and regenerate test/standins/github/openapi-subset.json';
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export interface RecordedCall {
  method: string;
  /** Relative to the API root (without a GHES `/api/v3` prefix), with the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON body, `null` when there was none. */
  body: unknown;
  operationId: string | undefined;
  status: number;
  /** Answered by an injected fault (rate limit, 5xx) rather than by the endpoint. */
  injected: boolean;
  /** The `authorization` header, if any. */
  authorization: string | undefined;
}

export interface FaultMatch {
  method?: string;
  operationId?: string;
  path?: RegExp;
}

interface Fault {
  remaining: number;
  match: FaultMatch;
  /** Answer with this instead of the endpoint; or, without it, answer normally after `stallMs`. */
  respond?: () => HandlerResult;
  stallMs?: number;
}

export interface GitHubStandInOptions {
  /** API root, e.g. `/api/v3` to stand in for GitHub Enterprise Server. Default: `/` (github.com). */
  prefix?: string;
  /** Answer 401 to requests without an `authorization` header, as GitHub does for these endpoints. Default true. */
  requireAuth?: boolean;
}

export interface GitHubStandIn {
  /** The API base URL to give Octokit (`GITHUB_API_URL`), including any prefix. */
  url: string;
  origin: string;
  state: StandInState;
  calls: RecordedCall[];
  /** Requests that do not conform to the OpenAPI description (or have no stand-in handler). */
  failures: string[];
  /** The write requests the endpoints handled (injected faults left out), as the dry-run sink reports writes. */
  writes(): { method: string; path: string; body: unknown }[];
  /** The next `count` matching requests are answered with `status` (500, 502, 503, ...). */
  failNext(status: number, count: number, match?: FaultMatch): void;
  /** The next `count` matching requests hit a rate limit, answered with GitHub's status, headers and message. */
  rateLimitNext(
    kind: 'primary' | 'secondary',
    count: number,
    opts?: FaultMatch & { status?: 403 | 429; retryAfterS?: number },
  ): void;
  /** The next `count` matching requests are answered normally, but only after `ms` (client timeouts). */
  stallNext(ms: number, count: number, match?: FaultMatch): void;
  /** Returns and clears the recorded failures (for tests that expect one). */
  takeFailures(): string[];
  /** Throws listing the failures, if any. */
  assertNoFailures(): void;
  /** Clears state, calls, faults and failures. */
  reset(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 50 * 1024 * 1024) reject(new Error('request body over 50 MB'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Path parameters GitHub allows to span segments (`contents/{path}`, `git/ref/{ref}`) become one segment. */
function joinMultiSegment(path: string): string {
  const m = /^(\/repos\/[^/]+\/[^/]+\/(?:contents|git\/refs|git\/ref|compare)\/)(.+)$/.exec(path);
  return m ? `${m[1]}${m[2].replace(/\//g, '%2F')}` : path;
}

function queryObject(u: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of u.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function matches(m: FaultMatch, method: string, path: string, operationId: string | undefined): boolean {
  return (
    (!m.method || m.method.toUpperCase() === method) &&
    (!m.operationId || m.operationId === operationId) &&
    (!m.path || m.path.test(path))
  );
}

export async function startGitHubStandIn(opts: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const prefix = (opts.prefix ?? '').replace(/\/+$/, '');
  const requireAuth = opts.requireAuth ?? true;
  const validate = await acquireValidator();
  let state = new StandInState();
  const calls: RecordedCall[] = [];
  const failures: string[] = [];
  let faults: Fault[] = [];
  let remainingQuota = 5000;
  let requestSeq = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      failures.push(
        `stand-in crashed on ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}`,
      );
      if (!res.headersSent) send(res, { status: 500, body: { message: 'stand-in error' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiUrl = `${origin}${prefix}`;
  const blobUrl = `${origin}/_blob`;

  function send(res: ServerResponse, r: HandlerResult): void {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const headers: Record<string, string> = {
      'x-github-request-id': `0000:${(++requestSeq).toString(16).toUpperCase()}:STANDIN`,
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remainingQuota),
      'x-ratelimit-used': String(5000 - remainingQuota),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
      ...(r.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...r.headers,
    };
    res.writeHead(r.status, headers);
    res.end(r.body !== undefined ? JSON.stringify(r.body) : undefined);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const u = new URL(req.url ?? '/', origin);
    const raw = await readBody(req);

    if (u.pathname.startsWith('/_blob/job-logs/')) {
      // The storage host job logs redirect to: plain text, no API semantics, no auth.
      const log = state.jobLogs.get(Number(u.pathname.split('/').pop()));
      res.writeHead(log === undefined ? 404 : 200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(log ?? 'BlobNotFound');
      return;
    }

    let body: unknown = null;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        failures.push(`${method} ${u.pathname}: body is not JSON: ${raw.toString('utf8').slice(0, 200)}`);
        send(res, {
          status: 400,
          body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' },
        });
        return;
      }
    }
    const query = queryObject(u);
    const call: RecordedCall = {
      method,
      path: `${prefix && u.pathname.startsWith(prefix) ? u.pathname.slice(prefix.length) || '/' : u.pathname}${u.search}`,
      query,
      body,
      operationId: undefined,
      status: 0,
      injected: false,
      authorization: typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined,
    };
    calls.push(call);
    const reply = (r: HandlerResult): void => {
      call.status = r.status;
      send(res, r);
    };

    if (prefix && !u.pathname.startsWith(`${prefix}/`)) {
      failures.push(`${method} ${u.pathname}: outside the API root ${prefix} (wrong base URL?)`);
      reply({
        status: 404,
        body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
      });
      return;
    }
    const vreq: ValidationRequest = {
      apiRoot: prefix || '/',
      method: method.toLowerCase(),
      path: `${prefix}${joinMultiSegment(u.pathname.slice(prefix.length))}`,
      query,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter((e): e is [string, string | string[]] => e[1] !== undefined),
      ),
      ...(body !== null ? { body } : {}),
    };
    const verdict = await validate(vreq);
    const operationId = verdict.operationId;
    if (!operationId) {
      failures.push(
        `${method} ${call.path}: no operation of the OpenAPI subset matches. If ai-ci should call this GitHub endpoint, ${REGENERATE}.`,
      );
      reply({
        status: 404,
        body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
      });
      return;
    }
    call.operationId = operationId;
    if (!verdict.valid) {
      failures.push(
        `${method} ${call.path} (${operationId}) does not match GitHub's OpenAPI description: ${verdict.errors.join('; ')}`,
      );
      reply({
        status: 422,
        body: {
          message: 'Invalid request.',
          errors: verdict.errors,
          documentation_url: 'https://docs.github.com/rest',
          status: '422',
        },
      });
      return;
    }
    if (requireAuth && !call.authorization) {
      reply({
        status: 401,
        body: {
          message: 'Requires authentication',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      });
      return;
    }
    const fault = faults.find((f) => f.remaining > 0 && matches(f.match, method, call.path, operationId));
    if (fault) {
      fault.remaining--;
      if (fault.respond) {
        call.injected = true;
        reply(fault.respond());
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, fault.stallMs));
      // The client gave up waiting: nothing reached the endpoint.
      if (res.destroyed || req.socket.destroyed) {
        call.injected = true;
        return;
      }
    }
    const handler = handlers[operationId];
    if (!handler) {
      failures.push(
        `${method} ${call.path}: the stand-in has no handler for ${operationId}; implement it in test/standins/github/handlers.ts`,
      );
      reply({ status: 501, body: { message: 'not implemented by the stand-in' } });
      return;
    }
    const params = verdict.params;
    remainingQuota = Math.max(remainingQuota - 1, 1);
    reply(
      handler({
        params,
        query,
        body: body && typeof body === 'object' ? (body as Record<string, unknown>) : {},
        state,
        apiUrl,
        webUrl: `${origin}/web`,
        requestUrl: u,
        blobUrl,
      }),
    );
  }

  return {
    url: apiUrl,
    origin,
    get state() {
      return state;
    },
    calls,
    failures,
    writes: () =>
      calls
        .filter((c) => WRITE_METHODS.has(c.method) && !c.injected && c.status < 500 && c.status !== 0)
        .map((c) => ({ method: c.method, path: c.path, body: c.body })),
    failNext(status, count, match = {}) {
      faults.push({
        remaining: count,
        match,
        respond: () => ({
          status,
          body: { message: status === 502 ? 'Server Error' : 'Service Unavailable', status: String(status) },
        }),
      });
    },
    rateLimitNext(kind, count, o = {}) {
      const { status, retryAfterS, ...match } = o;
      faults.push({
        remaining: count,
        match,
        respond: (): HandlerResult => {
          const reset = Math.ceil(Date.now() / 1000) + (retryAfterS ?? 1);
          if (kind === 'primary') {
            return {
              status: status ?? 403,
              headers: {
                'x-ratelimit-limit': '5000',
                'x-ratelimit-remaining': '0',
                'x-ratelimit-used': '5000',
                'x-ratelimit-reset': String(reset),
                'x-ratelimit-resource': 'core',
              },
              body: {
                message:
                  'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID 0000:STANDIN.',
                documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
                status: String(status ?? 403),
              },
            };
          }
          return {
            status: status ?? 403,
            headers: { 'retry-after': String(retryAfterS ?? 1) },
            body: {
              message:
                'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:STANDIN.',
              documentation_url:
                'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
              status: String(status ?? 403),
            },
          };
        },
      });
    },
    stallNext(ms, count, match = {}) {
      faults.push({ remaining: count, match, stallMs: ms });
    },
    takeFailures() {
      return failures.splice(0, failures.length);
    },
    assertNoFailures() {
      if (failures.length > 0) {
        const list = failures.splice(0, failures.length);
        throw new Error(
          `GitHub stand-in: ${list.length} request(s) did not conform:\n- ${list.join('\n- ')}`,
        );
      }
    },
    reset() {
      state = new StandInState();
      calls.splice(0, calls.length);
      failures.splice(0, failures.length);
      faults = [];
      remainingQuota = 5000;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        releaseValidator();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
