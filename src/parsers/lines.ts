/** Line-by-line streaming for the text report formats (go test -json, TAP, lcov, Go coverprofile). */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ReportFormatError } from './types.js';

/** Longer lines are cut: no real report line is this long, and it keeps memory bounded. */
export const MAX_LINE = 1 << 20;

export async function* readLines(file: string, format: string): AsyncGenerator<string> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let checked = false;
  stream.on('data', (chunk) => {
    if (!checked) {
      checked = true;
      if (String(chunk).slice(0, 4096).includes('\u0000')) {
        stream.destroy(new ReportFormatError(`not a ${format} file (binary content)`));
      }
    }
  });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let first = true;
  for await (const raw of rl) {
    let line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
    if (first) {
      line = line.replace(/^\uFEFF/, '');
      first = false;
    }
    yield line;
  }
}
