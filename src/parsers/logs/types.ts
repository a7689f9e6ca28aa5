/** What a raw CI log yields: the failures found and the log lines that explain each one. */
export type FailureKind =
  | 'assertion'
  | 'exception'
  | 'timeout'
  | 'compile'
  | 'lint'
  | 'dependency'
  | 'infra'
  | 'snapshot'
  | 'type'
  | 'import'
  | 'unknown';

/** One log line: `n` is 1-based in the input (split on LF, CRLF and lone CR), `text` cleaned and redacted. */
export interface LogLine {
  n: number;
  text: string;
}

export interface LogFailure {
  item: string;
  kind: FailureKind;
  file?: string;
  line?: number;
  lines: LogLine[];
}

export interface LogReport {
  file: string;
  kind: 'log';
  tool: string;
  failures: LogFailure[];
  warnings?: string[];
}

export interface ExtractOptions {
  /** The last passing log of the same job: lines it also has are noise. */
  passingLogPath?: string;
  /** Cap on explaining lines kept per failure (default 40). */
  maxLinesPerFailure?: number;
}
