import type { FailureKind } from './types.js';

/** The kind of a failure from the words of its explaining lines; the first rule that matches wins. */
const RULES: [RegExp, FailureKind][] = [
  [
    /toMatch(?:Inline)?Snapshot|Snapshot name:|snapshots? (?:failed|obsolete|mismatch)|New snapshot was not written/i,
    'snapshot',
  ],
  [
    /Exceeded timeout|Timeout of \d+ms exceeded|timed out|deadline exceeded|test timed out|TimeoutError/i,
    'timeout',
  ],
  [
    /ModuleNotFoundError|ImportError|Cannot find module|Module not found|No module named|ERR_MODULE_NOT_FOUND|TS2307|unresolved import|cannot find package/i,
    'import',
  ],
  [
    /\b(?:ENOTFOUND|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN)\b|[Rr]ate limit|No space left on device|[Oo]ut of memory|OOMKilled|\bKilled\b|runner has received a shutdown|lost communication with the server|Service Unavailable|502 Bad Gateway/,
    'infra',
  ],
  [
    /ENOTCACHED|ERESOLVE|ETARGET|E404|EINTEGRITY|ELOCKVERIFY|npm ci can only install|lockfile|Could not resolve dependencies|No matching distribution|could not find a version|dependency resolution/i,
    'dependency',
  ],
  [/\berror TS\d+|\bTS\d{4}\b|is not assignable to type|Type '.*' is not/i, 'type'],
  [
    /COMPILATION ERROR|compilation failed|build failed|cannot find symbol|undeclared|undefined: |syntax error|SyntaxError|expected ';'|Compilation failure|^\S+:\d+:(?:\d+:)? (?:fatal )?error: /im,
    'compile',
  ],
  [
    /AssertionError|AssertionFailedError|assert(?:ion)?\b|expect\(|Expected:|Received:|expected .* to |!==|want \S|ComparisonFailure|to (?:be|equal)\b/i,
    'assertion',
  ],
  [/\w*(?:Error|Exception)\b|panic:|Traceback|segmentation fault|SIGSEGV|thrown:/, 'exception'],
];

export function classify(texts: readonly string[], fallback: FailureKind = 'unknown'): FailureKind {
  const joined = texts.slice(0, 20).join('\n');
  for (const [re, kind] of RULES) if (re.test(joined)) return kind;
  return fallback;
}

/** A stack frame's location that belongs to the project, not to node internals or dependencies. */
export function inAppFrame(text: string): { file: string; line: number } | undefined {
  const m =
    /\(?((?:file:\/\/)?[^\s()'"]+?\.(?:[cm]?[jt]sx?|py|go|java|kt|rb|rs|cs|php|c|cc|cpp|h)):(\d+)(?::\d+)?\)?/.exec(
      text,
    );
  if (!m) return undefined;
  const file = m[1].replace(/^file:\/\//, '');
  if (
    /node_modules|^node:|\/usr\/lib\/go|\/src\/runtime\/|\/src\/testing\/|site-packages|\/lib\/python\d/.test(
      file,
    )
  ) {
    return undefined;
  }
  return { file, line: Number(m[2]) };
}
