/**
 * A test-only Ollama stand-in on 127.0.0.1 that speaks Ollama's HTTP API as documented in
 * ollama/docs/api.md and as its server (server/routes.go) behaves:
 *
 * - GET /api/version, GET /api/tags
 * - POST /api/chat and /api/generate, streamed as NDJSON (`application/x-ndjson`, one object per
 *   line, intermediate chunks with `done: false`, a final chunk with `done: true`, `done_reason`,
 *   durations in nanoseconds, `prompt_eval_count`, `eval_count`) unless `"stream": false`, then one
 *   JSON object (`application/json; charset=utf-8`)
 * - errors as `{"error": "..."}` with the real status codes: 404 `model "x" not found, try pulling
 *   it first`, 400 `model is required`; an error inside a stream is a `{"error": ...}` line after
 *   a 200; unknown routes are gin's `404 page not found` in text/plain
 *
 * Tests script answers (a queue, or a function of the request) and inject delays, 429 with
 * Retry-After, 5xx, dropped connections and invalid JSON. Every request is recorded with its headers.
 */
import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { countTokens } from 'gpt-tokenizer';

export interface StandInRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it was not JSON; undefined for GET. */
  body: unknown;
}

/** The fields of a chat/generate request a script needs to decide. */
export interface ModelRequest {
  endpoint: 'chat' | 'generate';
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
  prompt: string;
  format: unknown;
  options: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export type Script =
  /** A normal answer. `chunks` pieces when streamed (default: one per word). */
  | {
      kind: 'answer';
      content: string;
      doneReason?: string;
      promptEvalCount?: number;
      evalCount?: number;
      delayMs?: number;
      chunks?: number;
    }
  /** An HTTP error before any body: `{"error": message}` with this status. */
  | { kind: 'error'; status: number; message: string; retryAfter?: string; delayMs?: number }
  /** 200, some streamed content, then an `{"error": ...}` line, as Ollama does when a runner dies mid-answer. */
  | { kind: 'stream-error'; contentBefore: string; message: string }
  /** The socket is destroyed without a response. */
  | { kind: 'drop' }
  /** 200, some streamed chunks, then the socket is destroyed before the final chunk. */
  | { kind: 'drop-mid-stream'; contentBefore: string }
  /** 200 with a body that is not JSON (a broken proxy). */
  | { kind: 'invalid-json'; body?: string }
  /** Headers and body are held back this long (to trip a client timeout), then the answer follows. */
  | { kind: 'delay'; ms: number; then: Script };

export interface StandInOptions {
  /** Models /api/tags lists and chat accepts; others get Ollama's 404. */
  models?: string[];
  version?: string;
}

export interface OllamaStandIn {
  url: string;
  port: number;
  requests: StandInRequest[];
  /** Requests to /api/chat and /api/generate only. */
  modelRequests(): StandInRequest[];
  enqueue(...scripts: Script[]): void;
  /** Decides answers when the queue is empty. */
  respondWith(fn: (req: ModelRequest) => Script): void;
  setModels(models: string[]): void;
  close(): Promise<void>;
}

const DEFAULT_MODELS = ['qwen2.5:7b-instruct', 'gpt-oss:120b'];

export async function startOllamaStandIn(opts: StandInOptions = {}): Promise<OllamaStandIn> {
  let models = opts.models ?? DEFAULT_MODELS;
  const version = opts.version ?? '0.12.6';
  const queue: Script[] = [];
  let responder: ((req: ModelRequest) => Script) | undefined;
  const requests: StandInRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(err) });
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
    let body: unknown = undefined;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });

    if (req.method === 'GET' && path === '/api/version') return sendJson(res, 200, { version });
    if (req.method === 'GET' && path === '/api/tags')
      return sendJson(res, 200, { models: models.map(tagEntry) });
    if (req.method === 'POST' && (path === '/api/chat' || path === '/api/generate')) {
      if (typeof body !== 'object' || body === null) {
        return sendJson(res, 400, { error: raw === '' ? 'EOF' : 'invalid character in request body' });
      }
      const mr = modelRequest(path === '/api/chat' ? 'chat' : 'generate', body, req.headers);
      if (!mr.model) return sendJson(res, 400, { error: 'model is required' });
      if (!models.some((m) => sameModel(m, mr.model))) {
        return sendJson(res, 404, { error: `model "${mr.model}" not found, try pulling it first` });
      }
      const script = queue.shift() ?? responder?.(mr) ?? { kind: 'answer', content: 'stand-in answer' };
      return play(script, mr, res);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('404 page not found');
  }

  async function play(script: Script, mr: ModelRequest, res: ServerResponse): Promise<void> {
    switch (script.kind) {
      case 'delay':
        await wait(script.ms);
        if (res.destroyed) return;
        return play(script.then, mr, res);
      case 'drop':
        res.socket?.destroy();
        return;
      case 'invalid-json':
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(script.body ?? '<html><body>502 Bad Gateway</body></html>');
        return;
      case 'error': {
        if (script.delayMs) await wait(script.delayMs);
        const headers: Record<string, string> = {};
        if (script.retryAfter !== undefined) headers['Retry-After'] = script.retryAfter;
        return sendJson(res, script.status, { error: script.message }, headers);
      }
      case 'stream-error':
      case 'drop-mid-stream': {
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
        for (const piece of splitChunks(script.contentBefore, undefined)) {
          res.write(`${JSON.stringify(chunk(mr, piece))}\n`);
        }
        await wait(5);
        if (script.kind === 'drop-mid-stream') {
          res.socket?.destroy();
          return;
        }
        res.end(`${JSON.stringify({ error: script.message })}\n`);
        return;
      }
      case 'answer': {
        if (script.delayMs) await wait(script.delayMs);
        if (res.destroyed) return;
        const promptTokens =
          script.promptEvalCount ?? countTokens(mr.messages.map((m) => m.content).join('\n') + mr.prompt);
        const evalCount = script.evalCount ?? countTokens(script.content);
        const empty = mr.endpoint === 'chat' ? mr.messages.length === 0 : mr.prompt === '';
        const doneReason = empty ? 'load' : (script.doneReason ?? 'stop');
        const stats = {
          total_duration: 1_250_000_000 + evalCount * 20_000_000,
          load_duration: 35_000_000,
          prompt_eval_count: promptTokens,
          prompt_eval_duration: promptTokens * 400_000,
          eval_count: evalCount,
          eval_duration: evalCount * 20_000_000,
        };
        const content = empty ? '' : script.content;
        if (!mr.stream) {
          return sendJson(res, 200, final(mr, content, doneReason, empty ? {} : stats));
        }
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
        for (const piece of splitChunks(content, script.chunks)) {
          res.write(`${JSON.stringify(chunk(mr, piece))}\n`);
        }
        res.end(`${JSON.stringify(final(mr, '', doneReason, empty ? {} : stats))}\n`);
        return;
      }
    }
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    modelRequests: () => requests.filter((r) => r.path === '/api/chat' || r.path === '/api/generate'),
    enqueue: (...scripts) => void queue.push(...scripts),
    respondWith: (fn) => void (responder = fn),
    setModels: (m) => void (models = m),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

function modelRequest(
  endpoint: 'chat' | 'generate',
  body: object,
  headers: IncomingHttpHeaders,
): ModelRequest {
  const b: Record<string, unknown> = { ...body };
  const messages = Array.isArray(b.messages)
    ? b.messages.map((m: unknown) => {
        const o: Record<string, unknown> = typeof m === 'object' && m !== null ? { ...m } : {};
        return { role: String(o.role ?? ''), content: String(o.content ?? '') };
      })
    : [];
  const options = typeof b.options === 'object' && b.options !== null ? { ...b.options } : {};
  return {
    endpoint,
    model: typeof b.model === 'string' ? b.model : '',
    // Ollama streams unless told otherwise.
    stream: b.stream !== false,
    messages,
    prompt: typeof b.prompt === 'string' ? b.prompt : '',
    format: b.format,
    options,
    headers,
  };
}

function chunk(mr: ModelRequest, piece: string): Record<string, unknown> {
  const base = { model: mr.model, created_at: new Date().toISOString() };
  return mr.endpoint === 'chat'
    ? { ...base, message: { role: 'assistant', content: piece }, done: false }
    : { ...base, response: piece, done: false };
}

function final(
  mr: ModelRequest,
  content: string,
  doneReason: string,
  stats: object,
): Record<string, unknown> {
  const base = { model: mr.model, created_at: new Date().toISOString() };
  return mr.endpoint === 'chat'
    ? { ...base, message: { role: 'assistant', content }, done_reason: doneReason, done: true, ...stats }
    : { ...base, response: content, done: true, done_reason: doneReason, context: [1, 2, 3], ...stats };
}

function splitChunks(content: string, n: number | undefined): string[] {
  if (content === '') return [];
  if (n === undefined) return content.match(/\S+\s*|\s+/g) ?? [content];
  const size = Math.max(1, Math.ceil(content.length / n));
  const out: string[] = [];
  for (let i = 0; i < content.length; i += size) out.push(content.slice(i, i + size));
  return out;
}

function tagEntry(name: string): Record<string, unknown> {
  const full = name.includes(':') ? name : `${name}:latest`;
  return {
    name: full,
    model: full,
    modified_at: '2025-10-01T12:00:00.000000000Z',
    size: 4_683_087_332,
    digest: 'a8b0c51577010a279d933d14c2a8ab4b268079d44c5c8830c0a93900f1827c67',
    details: {
      parent_model: '',
      format: 'gguf',
      family: full.split(/[:.\d]/)[0],
      families: [full.split(/[:.\d]/)[0]],
      parameter_size: '7.6B',
      quantization_level: 'Q4_K_M',
    },
  };
}

function sameModel(a: string, b: string): boolean {
  const norm = (s: string) => (s.includes(':') ? s : `${s}:latest`);
  return norm(a) === norm(b);
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(parts).toString('utf8');
}
