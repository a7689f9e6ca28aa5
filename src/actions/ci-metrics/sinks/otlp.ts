import { createHash } from 'node:crypto';
import { redact } from '../../../core/redact.js';
import type { CommonLabels } from '../metrics.js';
import type { JobTiming, RunTiming } from '../timings.js';
import { displayUrl, send } from './http.js';

/** OTLP span kinds (opentelemetry-proto `Span.SpanKind`). */
const KIND_INTERNAL = 1;
const KIND_SERVER = 2;
/** `Status.StatusCode`. */
const STATUS_UNSET = 0;
const STATUS_ERROR = 2;

type AnyValue = { stringValue: string } | { intValue: string };
interface KeyValue {
  key: string;
  value: AnyValue;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: KeyValue[];
  status: { code: number; message?: string };
}

export interface OtlpTraces {
  resourceSpans: {
    resource: { attributes: KeyValue[] };
    scopeSpans: { scope: { name: string; version: string }; spans: OtlpSpan[] }[];
  }[];
}

function hex(input: string, bytes: number): string {
  return createHash('sha256')
    .update(input)
    .digest('hex')
    .slice(0, bytes * 2);
}

/** The same run attempt always gets the same trace id, so a re-sent trace merges instead of duplicating. */
export function traceIdFor(repo: string, runId: number, attempt: number): string {
  return hex(`ai-ci:${repo}:run:${runId}:attempt:${attempt}`, 16);
}

function spanId(traceId: string, what: string): string {
  return hex(`${traceId}:${what}`, 8);
}

/** GitHub conclusions -> `cicd.pipeline.result` / `cicd.pipeline.task.run.result` values. */
export function cicdResult(conclusion: string): string {
  switch (conclusion) {
    case 'success':
      return 'success';
    case 'failure':
      return 'failure';
    case 'cancelled':
      return 'cancellation';
    case 'timed_out':
      return 'timeout';
    case 'skipped':
      return 'skip';
    default:
      return 'error';
  }
}

const str = (key: string, v: string): KeyValue => ({ key, value: { stringValue: redact(v) } });
const int = (key: string, v: number): KeyValue => ({ key, value: { intValue: String(v) } });

function nanos(iso: string): string {
  return `${BigInt(Date.parse(iso)) * 1_000_000n}`;
}

function failed(result: string): boolean {
  return result !== 'success' && result !== 'skip';
}

/**
 * The run attempt as one trace: a SERVER span for the pipeline run, a child span per job that has
 * started, and under each a span per finished step whose times GitHub reports. Jobs still running
 * end at `now` and say so (`cicd.pipeline.task.run.state`); a trace is never padded with zeros.
 */
export function buildTrace(
  timing: RunTiming,
  common: CommonLabels,
  ctx: { runUrl: string; sha: string; now: Date },
): OtlpTraces {
  const traceId = traceIdFor(common.repo, timing.runId, timing.attempt);
  const rootId = spanId(traceId, 'run');
  const nowIso = ctx.now.toISOString();
  const result = cicdResult(timing.conclusion);
  const jobs = timing.jobs.filter((j) => j.attempt === timing.attempt && j.startedAt);
  const ends = jobs.map((j) => j.completedAt ?? nowIso);
  const runEnd = ends.length ? ends.reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b)) : nowIso;
  const spans: OtlpSpan[] = [
    {
      traceId,
      spanId: rootId,
      name: redact(`RUN ${common.workflow}`),
      kind: KIND_SERVER,
      startTimeUnixNano: nanos(timing.startedAt),
      endTimeUnixNano: nanos(runEnd),
      attributes: [
        str('cicd.pipeline.name', common.workflow),
        str('cicd.pipeline.action.name', 'RUN'),
        str('cicd.pipeline.run.id', String(timing.runId)),
        str('cicd.pipeline.run.url.full', ctx.runUrl),
        str('cicd.pipeline.run.state', timing.phase === 'completed' ? 'finalizing' : 'executing'),
        str('cicd.pipeline.result', result),
        int('cicd.pipeline.run.attempt', timing.attempt),
        ...(failed(result) ? [str('error.type', timing.conclusion)] : []),
      ],
      status: failed(result) ? { code: STATUS_ERROR, message: timing.conclusion } : { code: STATUS_UNSET },
    },
  ];
  for (const j of jobs) spans.push(...jobSpans(j, traceId, rootId, ctx, nowIso));
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            str('service.name', 'ai-ci'),
            str('cicd.pipeline.name', common.workflow),
            str('cicd.pipeline.run.id', String(timing.runId)),
            str('vcs.repository.name', common.repo),
            str('vcs.ref.head.name', common.branch),
            str('vcs.ref.head.revision', ctx.sha),
          ],
        },
        scopeSpans: [{ scope: { name: 'ai-ci/ci-metrics', version: '1' }, spans }],
      },
    ],
  };
}

function jobSpans(
  j: JobTiming,
  traceId: string,
  parent: string,
  ctx: { runUrl: string },
  nowIso: string,
): OtlpSpan[] {
  const id = spanId(traceId, `job:${j.id}`);
  const done = j.phase === 'completed';
  const result = done ? cicdResult(j.status) : undefined;
  const out: OtlpSpan[] = [
    {
      traceId,
      spanId: id,
      parentSpanId: parent,
      name: redact(j.name),
      kind: KIND_INTERNAL,
      startTimeUnixNano: nanos(j.startedAt ?? nowIso),
      endTimeUnixNano: nanos(j.completedAt ?? nowIso),
      attributes: [
        str('cicd.pipeline.task.name', j.name),
        str('cicd.pipeline.task.run.id', String(j.id)),
        str('cicd.pipeline.task.run.url.full', `${ctx.runUrl}/job/${j.id}`),
        ...(result ? [str('cicd.pipeline.task.run.result', result)] : []),
        str('cicd.pipeline.task.run.state', done ? 'finalizing' : 'executing'),
      ],
      status: result && failed(result) ? { code: STATUS_ERROR, message: j.status } : { code: STATUS_UNSET },
    },
  ];
  for (const s of j.steps) {
    if (!s.startedAt || !s.completedAt) continue;
    const r = cicdResult(s.conclusion ?? 'unknown');
    out.push({
      traceId,
      spanId: spanId(traceId, `job:${j.id}:step:${s.number}`),
      parentSpanId: id,
      name: redact(s.name),
      kind: KIND_INTERNAL,
      startTimeUnixNano: nanos(s.startedAt),
      endTimeUnixNano: nanos(s.completedAt),
      attributes: [
        str('cicd.pipeline.task.name', s.name),
        str('cicd.pipeline.task.run.result', r),
        int('github.step.number', s.number),
      ],
      status: failed(r) ? { code: STATUS_ERROR, message: s.conclusion ?? 'unknown' } : { code: STATUS_UNSET },
    });
  }
  return out;
}

/** `OTEL_EXPORTER_OTLP_ENDPOINT` is a base: the traces path `/v1/traces` is appended (OTLP exporter spec). */
export function tracesUrl(endpoint: string): string {
  const e = endpoint.trim().replace(/\/+$/, '');
  return e.endsWith('/v1/traces') ? e : `${e}/v1/traces`;
}

export async function sendTrace(
  endpoint: string,
  trace: OtlpTraces,
  headers: Record<string, string>,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  const url = tracesUrl(endpoint);
  const res = await send(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(trace),
    },
    env,
  );
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${displayUrl(url)} answered ${res.status}: ${redact(res.body.trim()).slice(0, 200)}`);
  }
  const n = trace.resourceSpans.reduce((a, r) => a + r.scopeSpans.reduce((b, s) => b + s.spans.length, 0), 0);
  return `${n} spans to ${displayUrl(url)}`;
}
