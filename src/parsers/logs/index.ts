/**
 * Failures and the lines that explain them, from a raw CI job log (GitHub's timestamps, group
 * markers and ANSI colours allowed), for jest, vitest, mocha, node --test, pytest, go test, eslint,
 * tsc, npm/yarn/pnpm, Maven and Gradle, and a generic extractor for everything else.
 */
import { open, stat } from 'node:fs/promises';
import { LogScanner } from './scanner.js';
import { PassingIndex } from './passing.js';
import { LineSplitter, MAX_LINE_CHARS } from './splitter.js';
import { cleanRaw } from './clean.js';
import type { ExtractOptions, LogReport } from './types.js';

export type { ExtractOptions, FailureKind, LogFailure, LogLine, LogReport } from './types.js';
export { LogScanner } from './scanner.js';
export { PassingIndex } from './passing.js';
export { cleanRaw, maskLine, stripAnsi, stripRunnerTimestamp } from './clean.js';

// Read size; the splitter decodes each read in 64 KiB pieces.
const CHUNK = 1 << 20;

function toReport(
  file: string,
  r: { tool: string; failures: LogReport['failures']; warnings: string[] },
): LogReport {
  const report: LogReport = { file, kind: 'log', tool: r.tool, failures: r.failures };
  if (r.warnings.length) report.warnings = r.warnings;
  return report;
}

/** Indexes a passing log (every line masked) from any byte source. */
export async function indexPassingLog(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): Promise<PassingIndex> {
  const idx = new PassingIndex();
  const splitter = new LineSplitter();
  const add = (s: string, start: number, end: number) => {
    for (let p = start; p < end && !idx.full;) {
      const nl = s.indexOf('\n', p);
      idx.add(cleanRaw(s.slice(p, Math.min(nl, p + MAX_LINE_CHARS))));
      p = nl + 1;
    }
  };
  for await (const c of source) {
    splitter.push(typeof c === 'string' ? Buffer.from(c) : c, add);
    // Past the cap nothing more is used: stop reading instead of splitting the rest.
    if (idx.full) break;
  }
  splitter.end(add);
  return idx;
}

/** The streaming core over any byte source (a file stream, an HTTP body, chunks in a test). */
export async function extractLogFailuresFromStream(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  opts: { file?: string; passing?: PassingIndex; maxLinesPerFailure?: number } = {},
): Promise<LogReport> {
  const scanner = new LogScanner({ passing: opts.passing, maxLinesPerFailure: opts.maxLinesPerFailure });
  for await (const c of source) scanner.push(typeof c === 'string' ? Buffer.from(c) : c);
  return toReport(opts.file ?? '<stream>', scanner.end());
}

/** The same on a log already in memory (tests, API responses); `passingLog` is the passing run's text. */
export async function extractLogFailuresFromText(
  text: string | Buffer,
  opts: { file?: string; passingLog?: string | Buffer; maxLinesPerFailure?: number } = {},
): Promise<LogReport> {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += CHUNK) chunks.push(buf.subarray(i, i + CHUNK));
  const passing =
    opts.passingLog === undefined
      ? undefined
      : await indexPassingLog([
          typeof opts.passingLog === 'string' ? Buffer.from(opts.passingLog) : opts.passingLog,
        ]);
  return extractLogFailuresFromStream(chunks, {
    file: opts.file,
    passing,
    maxLinesPerFailure: opts.maxLinesPerFailure,
  });
}

/** Reads a log file as a stream with bounded memory; an unreadable file throws with a one-line message. */
export async function extractLogFailures(path: string, opts: ExtractOptions = {}): Promise<LogReport> {
  await stat(path);
  const passing = opts.passingLogPath ? await indexPassingLog(readChunks(opts.passingLogPath)) : undefined;
  return extractLogFailuresFromStream(readChunks(path), {
    file: path,
    passing,
    maxLinesPerFailure: opts.maxLinesPerFailure,
  });
}

/**
 * A file's bytes through two reused buffers: the next read runs while the current chunk is
 * scanned, and each chunk is decoded before its buffer is read into again, so a 1 GB log makes
 * no 1 GB of short-lived buffers (external memory that V8 collects late).
 */
async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let offset = 0;
  let next = fh.read(bufs[0], 0, CHUNK, offset);
  try {
    for (let i = 0; ; i ^= 1) {
      const { bytesRead } = await next;
      if (bytesRead === 0) return;
      offset += bytesRead;
      next = fh.read(bufs[i ^ 1], 0, CHUNK, offset);
      yield bufs[i].subarray(0, bytesRead);
    }
  } finally {
    await next.catch(() => undefined);
    await fh.close();
  }
}
