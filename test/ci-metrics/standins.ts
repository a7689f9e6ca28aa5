import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stand-ins for the Datadog v2 series intake and an OTLP/HTTP traces receiver on 127.0.0.1. Each
 * checks the request the way the real service documents it and answers as it does: Datadog 202
 * `{"errors":[]}` (403 without the right `DD-API-KEY`, 400 with the problems otherwise), OTLP 200
 * with an empty `partialSuccess` (400 when the body is not a valid ExportTraceServiceRequest).
 */
export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface StandIn {
  url: string;
  received: Received[];
  /** Problems found in requests (a test expects none). */
  problems: string[];
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
  });
}

async function start(
  handle: (
    path: string,
    method: string,
    headers: IncomingMessage['headers'],
    body: unknown,
  ) => { status: number; problems: string[]; answer: unknown },
): Promise<StandIn> {
  const received: Received[] = [];
  const problems: string[] = [];
  const server: Server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body });
      const r = handle(path, req.method ?? '', req.headers, body);
      problems.push(...r.problems);
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(r.answer));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    problems,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Datadog's v2 series checks: metric name, type 0-3, points with whole-second timestamps, `key:value` tags. */
export function datadogProblems(body: unknown): string[] {
  const p: string[] = [];
  if (!isObj(body) || !Array.isArray(body.series) || body.series.length === 0)
    return ['body.series must be a non-empty array'];
  body.series.forEach((s: unknown, i) => {
    if (!isObj(s)) return p.push(`series[${i}] is not an object`);
    if (typeof s.metric !== 'string' || !/^[A-Za-z][A-Za-z0-9_.]{0,199}$/.test(s.metric))
      p.push(`series[${i}].metric '${String(s.metric)}' is not a valid metric name`);
    if (s.type !== undefined && ![0, 1, 2, 3].includes(s.type as number))
      p.push(`series[${i}].type ${String(s.type)} is not 0-3`);
    if (!Array.isArray(s.points) || s.points.length === 0)
      p.push(`series[${i}].points must be a non-empty array`);
    else
      for (const pt of s.points as unknown[]) {
        if (
          !isObj(pt) ||
          !Number.isInteger(pt.timestamp) ||
          typeof pt.value !== 'number' ||
          !Number.isFinite(pt.value)
        )
          p.push(`series[${i}] has a bad point ${JSON.stringify(pt)}`);
      }
    if (
      s.tags !== undefined &&
      (!Array.isArray(s.tags) ||
        s.tags.some((t) => typeof t !== 'string' || !/^[a-z][^\s,]*:[^\s,]+$/.test(t) || t.length > 200))
    ) {
      p.push(`series[${i}].tags ${JSON.stringify(s.tags)} are not key:value tags`);
    }
    return undefined;
  });
  return p;
}

export function startDatadogStandIn(apiKey: string): Promise<StandIn> {
  return start((path, method, headers, body) => {
    if (method !== 'POST' || path !== '/api/v2/series')
      return {
        status: 404,
        problems: [`${method} ${path} is not the v2 series API`],
        answer: { errors: ['Not found'] },
      };
    if (headers['dd-api-key'] !== apiKey)
      return { status: 403, problems: [], answer: { errors: ['Forbidden'] } };
    if (!String(headers['content-type']).startsWith('application/json'))
      return {
        status: 415,
        problems: ['content-type is not application/json'],
        answer: { errors: ['Unsupported Media Type'] },
      };
    const problems = datadogProblems(body);
    return problems.length
      ? { status: 400, problems, answer: { errors: problems } }
      : { status: 202, problems: [], answer: { errors: [] } };
  });
}

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

/** OTLP/JSON checks: hex ids (not base64), non-zero, decimal-string nanos, end not before start, known span kinds. */
export function otlpProblems(body: unknown): string[] {
  const p: string[] = [];
  if (!isObj(body) || !Array.isArray(body.resourceSpans)) return ['resourceSpans must be an array'];
  for (const rs of body.resourceSpans as unknown[]) {
    if (!isObj(rs) || !Array.isArray(rs.scopeSpans)) {
      p.push('resourceSpans[] needs scopeSpans');
      continue;
    }
    for (const ss of rs.scopeSpans as unknown[]) {
      if (!isObj(ss) || !Array.isArray(ss.spans)) {
        p.push('scopeSpans[] needs spans');
        continue;
      }
      for (const s of ss.spans as unknown[]) {
        if (!isObj(s)) continue;
        const n = String(s.name);
        if (typeof s.traceId !== 'string' || !HEX32.test(s.traceId) || /^0+$/.test(s.traceId))
          p.push(`${n}: bad traceId`);
        if (typeof s.spanId !== 'string' || !HEX16.test(s.spanId) || /^0+$/.test(s.spanId))
          p.push(`${n}: bad spanId`);
        if (
          s.parentSpanId !== undefined &&
          (typeof s.parentSpanId !== 'string' || !HEX16.test(s.parentSpanId))
        )
          p.push(`${n}: bad parentSpanId`);
        if (typeof s.name !== 'string' || s.name === '') p.push('a span has no name');
        if (!Number.isInteger(s.kind) || (s.kind as number) < 0 || (s.kind as number) > 5)
          p.push(`${n}: bad kind`);
        const a =
          typeof s.startTimeUnixNano === 'string' && /^\d+$/.test(s.startTimeUnixNano)
            ? BigInt(s.startTimeUnixNano)
            : undefined;
        const b =
          typeof s.endTimeUnixNano === 'string' && /^\d+$/.test(s.endTimeUnixNano)
            ? BigInt(s.endTimeUnixNano)
            : undefined;
        if (a === undefined || b === undefined) p.push(`${n}: times must be decimal strings of nanoseconds`);
        else if (b < a) p.push(`${n}: ends before it starts`);
      }
    }
  }
  return p;
}

export function startOtlpStandIn(): Promise<StandIn> {
  return start((path, method, headers, body) => {
    if (method !== 'POST' || path !== '/v1/traces')
      return { status: 404, problems: [`${method} ${path} is not /v1/traces`], answer: {} };
    if (!String(headers['content-type']).startsWith('application/json'))
      return { status: 415, problems: ['content-type is not application/json'], answer: {} };
    const problems = otlpProblems(body);
    return problems.length
      ? { status: 400, problems, answer: { code: 3, message: problems.join('; ') } }
      : { status: 200, problems: [], answer: { partialSuccess: {} } };
  });
}
