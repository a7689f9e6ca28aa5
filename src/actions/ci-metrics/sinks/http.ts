import { errorMessage } from '../../../core/errors.js';
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
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
    const body = await res.text();
    return { status: res.status, body: body.slice(0, 500) };
  } catch (err) {
    const e = err as { name?: string; cause?: unknown };
    if (e.name === 'TimeoutError') throw new Error(`no answer within ${ms} ms`, { cause: err });
    throw new Error(e.cause ? errorMessage(e.cause) : errorMessage(err), { cause: err });
  }
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
