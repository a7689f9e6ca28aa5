/**
 * A stand-in for the GitHub Actions cache service v2 on 127.0.0.1, for tests only. It speaks what
 * the real `@actions/cache` 6 sends: Twirp JSON calls under
 * `/twirp/github.actions.results.api.v1.CacheService/<Method>` (GetCacheEntryDownloadURL,
 * CreateCacheEntry, FinalizeCacheEntryUpload; snake_case proto field names, int64 as strings,
 * `Authorization: Bearer $ACTIONS_RUNTIME_TOKEN`), and the Azure Blob requests that
 * @azure/storage-blob makes against the signed upload URL it hands out (Put Blob, or Put Block +
 * Put Block List for large archives), plus the plain GET/HEAD downloads of the signed download URL.
 *
 * Matching follows the service: the exact key first, then the key as a prefix, then each restore
 * key as a prefix, the most recently created entry first; the `version` must match. Faults can be injected per route.
 */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

export type Route =
  | 'GetCacheEntryDownloadURL'
  | 'CreateCacheEntry'
  | 'FinalizeCacheEntryUpload'
  | 'blob-upload'
  | 'blob-download';

interface Entry {
  id: number;
  key: string;
  version: string;
  createdAt: number;
  blob: Buffer | undefined;
  blocks: Map<string, Buffer>;
  finalized: boolean;
  sizeBytes: number;
}

export interface RequestLog {
  method: string;
  route: Route | 'other';
  status: number;
}

export class ActionsCacheStandIn {
  readonly token = `test-token-${randomBytes(8).toString('hex')}`;
  readonly requests: RequestLog[] = [];
  private readonly secret = randomBytes(16);
  private readonly entries: Entry[] = [];
  private readonly faults = new Map<Route, { status: number; remaining: number }>();
  private server: http.Server | undefined;
  private nextId = 1;
  private clock = 0;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req, Buffer.concat(chunks), res).catch((e: unknown) => {
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: 'internal', msg: String(e) }));
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** The variables a runner sets for `@actions/cache` v2. */
  env(): Record<string, string> {
    return {
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RUNTIME_TOKEN: this.token,
    };
  }

  /** The next `times` requests to `route` answer `status`. */
  fail(route: Route, status: number, times = 1): void {
    this.faults.set(route, { status, remaining: times });
  }

  /** Finalized entries, oldest first. */
  keys(): string[] {
    return this.entries.filter((e) => e.finalized).map((e) => e.key);
  }

  private sign(path: string, perm: string, expiry: string): string {
    return createHmac('sha256', this.secret).update(`${perm}\n${expiry}\n${path}`).digest('base64');
  }

  private signedUrl(entry: Entry, perm: 'r' | 'cw'): string {
    const path = `/devstoreaccount1/actions-cache/${entry.id}-${encodeURIComponent(entry.key)}`;
    const se = new Date(Date.now() + 3600_000).toISOString();
    const q = new URLSearchParams({
      sv: '2024-08-04',
      se,
      sp: perm,
      sr: 'b',
      sig: this.sign(path, perm, se),
    });
    return `${this.url.replace(/\/$/, '')}${path}?${q.toString()}`;
  }

  private injected(route: Route): number | undefined {
    const f = this.faults.get(route);
    if (!f || f.remaining <= 0) return undefined;
    f.remaining--;
    return f.status;
  }

  private async handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const log = (route: RequestLog['route'], status: number) =>
      this.requests.push({ method: req.method ?? '', route, status });
    if (url.pathname.startsWith(SERVICE)) {
      const method = url.pathname.slice(SERVICE.length) as Route;
      const twirp = (status: number, payload: object) => {
        log(method, status);
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      };
      if (req.method !== 'POST')
        return twirp(404, { code: 'bad_route', msg: `no handler for ${req.method}` });
      if (req.headers.authorization !== `Bearer ${this.token}`)
        return twirp(401, { code: 'unauthenticated', msg: 'invalid token' });
      const fault = this.injected(method);
      if (fault) return twirp(fault, { code: 'internal', msg: `injected ${fault}` });
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return twirp(400, { code: 'malformed', msg: 'body is not JSON' });
      }
      const key = typeof input.key === 'string' ? input.key : '';
      const version = typeof input.version === 'string' ? input.version : '';
      if (!key || !version)
        return twirp(400, { code: 'invalid_argument', msg: 'key and version are required' });
      switch (method) {
        case 'GetCacheEntryDownloadURL': {
          const restoreKeys = Array.isArray(input.restore_keys)
            ? input.restore_keys.filter((k): k is string => typeof k === 'string')
            : [];
          const live = this.entries
            .filter((e) => e.finalized && e.version === version)
            .sort((a, b) => b.createdAt - a.createdAt);
          const hit =
            live.find((e) => e.key === key) ??
            [key, ...restoreKeys]
              .map((p) => live.find((e) => e.key.startsWith(p)))
              .find((e) => e !== undefined);
          if (!hit) return twirp(200, { ok: false, signed_download_url: '', matched_key: '' });
          return twirp(200, {
            ok: true,
            signed_download_url: this.signedUrl(hit, 'r'),
            matched_key: hit.key,
          });
        }
        case 'CreateCacheEntry': {
          if (this.entries.some((e) => e.key === key && e.version === version)) {
            return twirp(409, {
              code: 'already_exists',
              msg: 'cache entry with the same key, version, and scope already exists',
            });
          }
          const entry: Entry = {
            id: this.nextId++,
            key,
            version,
            createdAt: ++this.clock,
            blob: undefined,
            blocks: new Map(),
            finalized: false,
            sizeBytes: 0,
          };
          this.entries.push(entry);
          return twirp(200, { ok: true, signed_upload_url: this.signedUrl(entry, 'cw') });
        }
        case 'FinalizeCacheEntryUpload': {
          const entry = this.entries.find((e) => e.key === key && e.version === version && !e.finalized);
          if (!entry || !entry.blob)
            return twirp(404, { code: 'not_found', msg: 'no uploaded entry to finalize' });
          const size = Number(input.size_bytes);
          if (size !== entry.blob.length)
            return twirp(400, {
              code: 'invalid_argument',
              msg: `size ${size} != uploaded ${entry.blob.length}`,
            });
          entry.finalized = true;
          entry.sizeBytes = size;
          return twirp(200, { ok: true, entry_id: String(entry.id) });
        }
        default:
          return twirp(404, { code: 'bad_route', msg: `no method ${method}` });
      }
    }
    return this.handleBlob(req, url, body, res, log);
  }

  private handleBlob(
    req: http.IncomingMessage,
    url: URL,
    body: Buffer,
    res: http.ServerResponse,
    log: (r: RequestLog['route'], s: number) => void,
  ): void {
    const isUpload = req.method === 'PUT';
    const route: Route = isUpload ? 'blob-upload' : 'blob-download';
    const azureError = (status: number, code: string) => {
      log(route, status);
      res
        .writeHead(status, {
          'content-type': 'application/xml',
          'x-ms-error-code': code,
          'x-ms-request-id': randomBytes(8).toString('hex'),
        })
        .end(
          `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
        );
    };
    const perm = url.searchParams.get('sp') ?? '';
    const se = url.searchParams.get('se') ?? '';
    const sig = url.searchParams.get('sig') ?? '';
    if (sig !== this.sign(url.pathname, perm, se) || Date.parse(se) < Date.now())
      return azureError(403, 'AuthenticationFailed');
    if ((isUpload && !perm.includes('w')) || (!isUpload && !perm.includes('r')))
      return azureError(403, 'AuthorizationPermissionMismatch');
    const id = Number(/^\/devstoreaccount1\/actions-cache\/(\d+)-/.exec(url.pathname)?.[1]);
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return azureError(404, 'BlobNotFound');
    const fault = this.injected(route);
    if (fault) return azureError(fault, 'InternalError');
    const common = {
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2024-08-04',
      date: new Date().toUTCString(),
    };
    const etag = `"0x${entry.id.toString(16).padStart(8, '0')}"`;

    if (isUpload) {
      if (entry.finalized) return azureError(409, 'BlobAlreadyExists');
      const comp = url.searchParams.get('comp');
      if (comp === 'block') {
        entry.blocks.set(url.searchParams.get('blockid') ?? '', body);
        log(route, 201);
        res.writeHead(201, { ...common, 'x-ms-request-server-encrypted': 'true' }).end();
        return;
      }
      if (comp === 'blocklist') {
        const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map(
          (m) => m[1],
        );
        const parts = ids.map((b) => entry.blocks.get(b));
        if (parts.some((p) => p === undefined)) return azureError(400, 'InvalidBlockList');
        entry.blob = Buffer.concat(parts as Buffer[]);
        entry.blocks.clear();
      } else {
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return azureError(400, 'MissingRequiredHeader');
        entry.blob = body;
      }
      log(route, 201);
      res
        .writeHead(201, {
          ...common,
          etag,
          'last-modified': new Date().toUTCString(),
          'x-ms-request-server-encrypted': 'true',
        })
        .end();
      return;
    }

    if (!entry.blob || !entry.finalized) return azureError(404, 'BlobNotFound');
    const blob = entry.blob;
    const headers = {
      ...common,
      etag,
      'last-modified': new Date().toUTCString(),
      'x-ms-blob-type': 'BlockBlob',
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
    };
    const range = /bytes=(\d+)-(\d*)/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
    if (req.method === 'HEAD') {
      log(route, 200);
      res.writeHead(200, { ...headers, 'content-length': String(blob.length) }).end();
      return;
    }
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), blob.length - 1) : blob.length - 1;
      const part = blob.subarray(start, end + 1);
      log(route, 206);
      res
        .writeHead(206, {
          ...headers,
          'content-length': String(part.length),
          'content-range': `bytes ${start}-${end}/${blob.length}`,
        })
        .end(part);
      return;
    }
    log(route, 200);
    res.writeHead(200, { ...headers, 'content-length': String(blob.length) }).end(blob);
  }
}
