import type { RootCauseKind } from './types.js';

/**
 * Infrastructure failures: the code did not fail, the machine or network did. Labelled as such so
 * nobody "fixes" code for a registry outage, and so auto-fix never touches them.
 */
const INFRA_PATTERNS: RegExp[] = [
  /\bE(?:CONNRESET|CONNREFUSED|TIMEDOUT|AI_AGAIN|NOTFOUND|HOSTUNREACH|PIPE)\b/,
  /\bsocket hang up\b/i,
  /\bnetwork (?:error|timeout|is unreachable)\b/i,
  /\bCould not resolve host\b/i,
  /\bTemporary failure in name resolution\b/i,
  /\bNo space left on device\b/i,
  /\bENOSPC\b/,
  /\bJavaScript heap out of memory\b/i,
  /\bOut of memory\b|\bOOMKilled\b|\bKilled\b.*\bsignal 9\b|\bexit code 137\b/i,
  /\bThe runner has received a shutdown signal\b/i,
  /\blost communication with the server\b/i,
  /\bThe operation was canceled\b/i,
  /\b(?:API )?rate limit(?:ed| exceeded)?\b/i,
  /\b(?:HTTP|status(?: code)?)[ :]*(?:429|502|503|504)\b/i,
  /\b(?:502 Bad Gateway|503 Service Unavailable|504 Gateway Time-?out)\b/i,
  /\bnpm ERR! (?:network|code E(?:CONNRESET|TIMEDOUT|AI_AGAIN))\b/i,
  /\bTLS handshake timeout\b/i,
  /\btoomanyrequests\b/i,
];

export function isInfra(text: string): boolean {
  return INFRA_PATTERNS.some((re) => re.test(text));
}

/** The kind a failure message shows, when it shows one; `undefined` leaves the tool's own kind. */
export function kindFromMessage(text: string): RootCauseKind | undefined {
  if (isInfra(text)) return 'infra';
  if (
    /\bsnapshot\b.*\b(?:mismatch|failed|obsolete)|toMatch(?:Inline)?Snapshot\b|Snapshot `[^`]*` mismatched/i.test(
      text,
    )
  )
    return 'snapshot';
  // An identifier that is not defined at run time is, nearly always, a missing import or declaration.
  if (
    /\bReferenceError(?: \[\w+\])?: \w+ is not defined\b|\bNameError: name '\w+' is not defined\b/.test(text)
  )
    return 'import';
  if (
    /\bCannot find module\b|\bModuleNotFoundError\b|\bImportError\b|\bERR_MODULE_NOT_FOUND\b|\bno required module provides package\b|\bcannot find package\b|\bNo module named\b|\bFailed to resolve import\b/i.test(
      text,
    )
  )
    return 'import';
  if (
    /\berror TS\d+\b|\bTS\d{4}:|\bTypeError: .* is not a function\b.*\btype\b|\bis not assignable to\b|\bhas no exported member\b|\bProperty '.*' does not exist on type\b/.test(
      text,
    )
  )
    return 'type';
  if (
    /\b(?:Exceeded timeout of \d+|Timeout of \d+ ?ms exceeded|timed out after|test timed out|panic: test timed out|TimeoutError|Timeout - Async callback)\b/i.test(
      text,
    )
  )
    return 'timeout';
  if (
    /\bSyntaxError\b|\bcompilation failed\b|\bCOMPILATION ERROR\b|\bcannot compile\b|\bbuild failed\b|\bundefined: \w+|\bdeclared and not used\b|\bexpected ['"`;]/i.test(
      text,
    )
  )
    return 'compile';
  if (
    /\bAssertionError\b|\bexpect\(|\bassert(?:ion)?\b.*\b(?:failed|error)\b|\bExpected\b[\s\S]*\bReceived\b|\bexpected .* to (?:equal|be|deep)|^\s*assert |Error: Not equal|\bshould (?:equal|be)\b/im.test(
      text,
    )
  )
    return 'assertion';
  if (
    /\b(?:ERESOLVE|peer dep(?:endency)?|Could not resolve dependencies|version solving failed|unable to resolve dependency|No matching version found|ETARGET|npm ERR! code E404)\b/i.test(
      text,
    )
  )
    return 'dependency';
  if (
    /\b(?:\w*Error|\w*Exception|panic):|\bTraceback \(most recent call last\)|\bUnhandled\b|\bthrew\b/.test(
      text,
    )
  )
    return 'exception';
  return undefined;
}

/** The kind a log extractor reported, refined by the message when the message is more specific. */
export function classify(toolKind: string | undefined, text: string): RootCauseKind {
  const fromText = kindFromMessage(text);
  if (fromText === 'infra') return 'infra';
  const base = normalizeKind(toolKind);
  // The tool knows compile/lint/type better than a message regex; the message knows snapshots,
  // timeouts and missing modules better than a generic "exception".
  if (base && base !== 'exception' && base !== 'unknown' && base !== 'assertion') return base;
  if (base === 'assertion' && fromText && fromText !== 'exception')
    return fromText === 'assertion' ? 'assertion' : fromText;
  return fromText ?? base ?? 'unknown';
}

function normalizeKind(k: string | undefined): RootCauseKind | undefined {
  switch (k) {
    case 'assertion':
    case 'exception':
    case 'timeout':
    case 'snapshot':
    case 'compile':
    case 'type':
    case 'import':
    case 'lint':
    case 'dependency':
    case 'infra':
    case 'unknown':
      return k;
    default:
      return undefined;
  }
}
