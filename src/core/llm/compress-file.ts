import { open } from 'node:fs/promises';
import { redact } from '../redact.js';
import { type CompressedLog, type CompressOptions, compressLog } from './compress.js';
import { countTokens } from './tokens.js';

/**
 * Compresses a log file of any size with bounded memory: only its last `maxInputChars` bytes are
 * read (failures and summaries sit at the end), redacted, then compressed.
 */
export async function compressLogFile(path: string, opts: CompressOptions): Promise<CompressedLog> {
  const cap = opts.maxInputChars ?? 32 * 1024 * 1024;
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const start = Math.max(0, size - cap);
    const buf = Buffer.alloc(size - start);
    let read = 0;
    while (read < buf.length) {
      const { bytesRead } = await fh.read(buf, read, buf.length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    let text = buf.subarray(0, read).toString('utf8');
    // The cut lands mid-line (maybe mid-character): start at the next full line.
    if (start > 0) text = text.slice(text.indexOf('\n') + 1);
    const c = compressLog(redact(text), { ...opts, maxInputChars: Number.MAX_SAFE_INTEGER });
    if (start === 0) return c;
    const withNote = `skipped_head_bytes:${start}\n${c.text}`;
    return { ...c, text: withNote, tokens: countTokens(withNote) };
  } finally {
    await fh.close();
  }
}
