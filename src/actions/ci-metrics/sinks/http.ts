import { errorMessage } from '../../../core/errors.js';
import { registerSecret } from '../../../core/redact.js';
import { timeoutMs } from '../../../core/timeouts.js';

/** Default deadline of one sink request; `AI_CI_METRICS_TIMEOUT_MS` overrides it. */
export const SINK_TIMEOUT_MS = 10_000;

/**
 * One request to a metrics sink. Resolves to the status line and body on any HTTP answer; throws
 * with a one-line reason on a connection failure or timeout (the caller turns both into a warning).
 */
export async function send(
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ status: number; body: string }> {
  const ms = timeoutMs('AI_CI_METRICS_TIMEOUT_MS', SINK_TIMEOUT_MS, env);
  const { target, headers } = withoutCredentials(url, init.headers);
  try {
    const res = await fetch(target, { ...init, headers, signal: AbortSignal.timeout(ms) });
    const body = await res.text();
    return { status: res.status, body: body.slice(0, 500) };
  } catch (err) {
    const e = err as { name?: string; cause?: unknown };
    if (e.name === 'TimeoutError') throw new Error(`no answer within ${ms} ms`, { cause: err });
    throw new Error(e.cause ? errorMessage(e.cause) : errorMessage(err), { cause: err });
  }
}

/**
 * fetch refuses URLs with credentials; a Pushgateway behind basic auth is usually configured as
 * `https://user:pass@host`, so they move into an Authorization header.
 */
function withoutCredentials(
  url: string,
  headers: Record<string, string>,
): { target: string; headers: Record<string, string> } {
  const u = new URL(url);
  if (!u.username && !u.password) return { target: url, headers };
  const basic = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString(
    'base64',
  );
  registerSecret(basic);
  registerSecret(decodeURIComponent(u.password));
  u.username = '';
  u.password = '';
  return { target: u.toString(), headers: { ...headers, authorization: `Basic ${basic}` } };
}

/** The URL without credentials or query, for messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
