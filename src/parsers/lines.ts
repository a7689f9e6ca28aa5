/** Line-by-line streaming for the text report formats (go test -json, TAP, lcov, Go coverprofile). */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ReportFormatError } from './types.js';

/** Longer lines are cut: no real report line is this long, and it keeps memory bounded. */
export const MAX_LINE = 1 << 20;

function headBytes(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export async function* readLines(file: string, format: string): AsyncGenerator<string> {
  // Checked before streaming: an error raised from inside the stream can escape readline's
  // iterator as an unhandled 'error' event (found by the fuzz test).
  if (headBytes(file, 4096).includes(0)) throw new ReportFormatError(`not a ${format} file (binary content)`);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failure: Error | undefined;
  stream.on('error', (err) => {
    failure = err;
  });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  stream.on('error', () => rl.close());
  let first = true;
  for await (const raw of rl) {
    let line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
    if (first) {
      line = line.replace(/^\uFEFF/, '');
      first = false;
    }
    yield line;
  }
  if (failure) throw failure;
}
