import { errorMessage } from '../errors.js';
import type { CallTrace } from './http.js';

export type FailureKind =
  | 'connection-refused'
  | 'host-not-found'
  | 'timeout'
  | 'connection-dropped'
  | 'server-error'
  | 'rate-limited'
  | 'model-not-found'
  | 'unauthorized'
  | 'bad-request'
  | 'invalid-response'
  | 'stream-error'
  | 'budget-exhausted'
  | 'cloud-disabled';

/** Why a backend could not answer: the reason logged with the fallback. */
export interface BackendFailure {
  kind: FailureKind;
  message: string;
  /**
   * True when trying the same backend again in this run is pointless (nothing listens, the model
   * is not pulled, the key is refused, it is too slow for our timeout): later calls skip it at once.
   */
  persistent: boolean;
}

const PERSISTENT: ReadonlySet<FailureKind> = new Set([
  'connection-refused',
  'host-not-found',
  'timeout',
  'model-not-found',
  'unauthorized',
  'cloud-disabled',
]);

export function failure(kind: FailureKind, message: string): BackendFailure {
  return { kind, message, persistent: PERSISTENT.has(kind) };
}

/** Maps what the `ollama` package, undici and the abort signal throw onto a fallback reason. */
export function classifyError(
  err: unknown,
  ctx: { trace: CallTrace; deadline: AbortSignal; timeoutMs: number },
): BackendFailure {
  if (
    ctx.deadline.aborted ||
    hasCode(err, 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT')
  ) {
    return failure('timeout', `no answer within ${ctx.timeoutMs} ms`);
  }
  const status = statusOf(err);
  if (status !== undefined) {
    const text = errorMessage(err);
    if (status === 404) return failure('model-not-found', `404: ${text}`);
    if (status === 429) {
      const wait = ctx.trace.retryAfterMs;
      const after =
        wait === undefined
          ? ''
          : ctx.trace.retryAfterOverCap
            ? `; Retry-After ${Math.ceil(wait / 1000)} s is over our cap`
            : '';
      return failure('rate-limited', `429 after ${ctx.trace.requests} attempt(s)${after}: ${text}`);
    }
    if (status === 401 || status === 403) return failure('unauthorized', `${status}: ${text}`);
    if (status >= 500)
      return failure('server-error', `${status} after ${ctx.trace.requests} attempt(s): ${text}`);
    return failure('bad-request', `${status}: ${text}`);
  }
  if (hasCode(err, 'ECONNREFUSED')) return failure('connection-refused', 'connection refused');
  if (hasCode(err, 'ENOTFOUND', 'EAI_AGAIN')) return failure('host-not-found', 'host name does not resolve');
  if (hasCode(err, 'ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED')) {
    return failure('connection-dropped', 'connection closed before the answer was complete');
  }
  // Names, not instanceof: errors made in another realm (undici, test VMs) fail instanceof checks.
  const name = nameOf(err);
  const msg = errorMessage(err);
  if (name === 'SyntaxError') return failure('invalid-response', `response is not valid JSON: ${msg}`);
  if (/Did not receive done/.test(msg))
    return failure('connection-dropped', 'stream ended before its final chunk');
  if (name === 'Error') {
    // The package turns an {"error": ...} line inside a stream into a plain Error.
    return failure('stream-error', `error in stream: ${msg}`);
  }
  return failure('connection-dropped', msg);
}

function nameOf(err: unknown): string | undefined {
  return err !== null && typeof err === 'object' && 'name' in err && typeof err.name === 'string'
    ? err.name
    : undefined;
}

function statusOf(err: unknown): number | undefined {
  if (
    err !== null &&
    typeof err === 'object' &&
    'status_code' in err &&
    typeof err.status_code === 'number'
  ) {
    return err.status_code;
  }
  return undefined;
}

/** Node and undici put the socket error code on a nested `cause`, sometimes inside an AggregateError. */
function hasCode(err: unknown, ...codes: string[]): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length) {
    const e = stack.pop();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if ('code' in e && typeof e.code === 'string' && codes.includes(e.code)) return true;
    if ('cause' in e) stack.push(e.cause);
    if ('errors' in e && Array.isArray(e.errors)) stack.push(...e.errors);
  }
  return false;
}
