import * as core from './runner-commands.js';

/** Where an annotation points. Paths are relative to the repository root, with `/`. */
export interface AnnotationProps {
  file?: string;
  line?: number;
  endLine?: number;
  title?: string;
}

/**
 * What the logic of an action may say. Logic never imports `@actions/core` itself, so the CLI and
 * the tests run it unchanged (codeql-action's logging.ts).
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  notice(message: string, props?: AnnotationProps): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** The logger of a real workflow step: workflow commands on stdout. */
/** Our `line` is the runner's `startLine` (which it writes as `line=`). */
function toRunner(p: AnnotationProps | undefined): core.AnnotationProperties | undefined {
  if (!p) return undefined;
  return { file: p.file, startLine: p.line, endLine: p.endLine, title: p.title };
}

export function actionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warning: (m, p) => core.warning(m, toRunner(p)),
    error: (m, p) => core.error(m, toRunner(p)),
    notice: (m, p) => core.notice(m, toRunner(p)),
    group: (name, fn) => core.group(name, fn),
  };
}

/** A logger for the CLI's own messages: everything to stderr, so `--json` keeps stdout clean. */
export function cliLogger(opts: { verbose?: boolean } = {}): Logger {
  const w = (prefix: string, m: string, p?: AnnotationProps) => {
    const where = p?.file ? ` (${p.file}${p.line ? `:${p.line}` : ''})` : '';
    process.stderr.write(`${prefix}${m}${where}\n`);
  };
  return {
    debug: (m) => {
      if (opts.verbose) w('debug: ', m);
    },
    info: (m) => w('', m),
    warning: (m, p) => w('warning: ', m, p),
    error: (m, p) => w('error: ', m, p),
    notice: (m, p) => w('notice: ', m, p),
    group: async (name, fn) => {
      w('', `▸ ${name}`);
      return fn();
    },
  };
}

export interface RecordedLog {
  level: 'debug' | 'info' | 'warning' | 'error' | 'notice';
  message: string;
  props?: AnnotationProps;
}

/** A logger that keeps what it was told, for tests. */
export function recordingLogger(): Logger & {
  records: RecordedLog[];
  messages(level?: RecordedLog['level']): string[];
} {
  const records: RecordedLog[] = [];
  const rec =
    (level: RecordedLog['level']) =>
    (message: string, props?: AnnotationProps): void => {
      records.push(props ? { level, message, props } : { level, message });
    };
  return {
    records,
    messages: (level) => records.filter((r) => !level || r.level === level).map((r) => r.message),
    debug: rec('debug'),
    info: rec('info'),
    warning: rec('warning'),
    error: rec('error'),
    notice: rec('notice'),
    group: async (_name, fn) => fn(),
  };
}
