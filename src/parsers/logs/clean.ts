/** Turning raw log bytes into the text quoted in reports: no ANSI codes, no runner timestamps. */

// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks, titles).
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// The prefix the GitHub runner writes before every line of a job log.
const RUNNER_TS = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;

export function stripAnsi(s: string): string {
  return s.indexOf('\x1b') === -1 ? s : s.replace(ANSI, '');
}

export function stripRunnerTimestamp(s: string): string {
  return s.replace(RUNNER_TS, '');
}

/**
 * A raw line as read (bytes held one per char, latin1) to display text: UTF-8 decoded, runner
 * timestamp and ANSI removed, trailing whitespace and stray control characters dropped.
 */
export function cleanRaw(raw: string): string {
  let s = raw;
  // Only re-decode when a byte above 0x7f is present; pure ASCII is already right.
  if (/[\x80-\xff]/.test(s)) s = Buffer.from(s, 'latin1').toString('utf8');
  s = stripAnsi(stripRunnerTimestamp(s));
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').trimEnd();
}

/**
 * A line with everything that differs between two runs of the same job masked: timestamps,
 * durations, hex ids, numbers, temp paths. Two lines with the same mask are "the same line".
 */
export function maskLine(clean: string): string {
  return clean
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi, '<hex>')
    .replace(/\d+(?:[.:,]\d+)*\s*(?:ms|s|sec|seconds|m|min|µs|ns)?\b/g, '0')
    .replace(/\s+/g, ' ')
    .trim();
}
