/**
 * Streaming, hostile-input-safe XML reading on top of saxes. Nothing is ever expanded or fetched: a
 * DOCTYPE with an internal subset (where entities are declared) is refused, undeclared entities are
 * malformed input, nesting is bounded, and a truncated file yields what was complete plus a warning.
 */
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { ReportFormatError } from './types.js';

export const MAX_XML_DEPTH = 256;

export interface XmlHandler {
  open(name: string, attrs: Readonly<Record<string, string>>, depth: number): void;
  close(name: string, depth: number): void;
  /** Called with character data (text and CDATA) only while `wantsText()` says so. */
  text?(chunk: string): void;
  wantsText?(): boolean;
}

export interface XmlOutcome {
  warnings: string[];
  /** The root element's name, or null when no element was seen. */
  root: string | null;
}

class XmlStop extends Error {}

/** Parse `file` as XML, calling `handler`; `format` names the expected format in messages. */
export async function streamXml(file: string, format: string, handler: XmlHandler): Promise<XmlOutcome> {
  // Positions cost a third of the parse time; messages name the problem, not its column.
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let root: string | null = null;
  let rootClosed = false;
  let problem: string | null = null;
  let seenContent = false;

  parser.on('doctype', (doctype) => {
    if (doctype.includes('[') || /<!ENTITY/i.test(doctype)) {
      throw new ReportFormatError(
        `refusing XML with an inline DTD (entity declarations are never expanded): not a safe ${format} file`,
      );
    }
  });
  // Character data is only delivered while the handler wants it: most of a report is text nobody
  // reads (passing tests' output), and a callback per text node halves the throughput.
  let textOn = false;
  const onText = (t: string): void => handler.text?.(t);
  const syncText = (): void => {
    const want = handler.text !== undefined && handler.wantsText?.() === true;
    if (want === textOn) return;
    textOn = want;
    if (want) {
      parser.on('text', onText);
      parser.on('cdata', onText);
    } else {
      parser.off('text');
      parser.off('cdata');
    }
  };
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_XML_DEPTH) {
      throw new ReportFormatError(
        `XML nested deeper than ${MAX_XML_DEPTH} levels: refusing this ${format} file`,
      );
    }
    if (root === null) root = tag.name;
    handler.open(tag.name, tag.attributes, depth);
    syncText();
  });
  parser.on('closetag', (tag) => {
    handler.close(tag.name, depth);
    depth--;
    if (depth === 0) rootClosed = true;
    syncText();
  });
  parser.on('error', (err) => {
    problem = err.message;
    throw new XmlStop(err.message);
  });

  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  // Pieces of a chunk are joined back into one string: saxes reads fastest from a single flat string
  // per megabyte, not from a mix of sliced one-byte and small two-byte strings.
  const pieces: string[] = [];
  const collect = (t: string): void => {
    pieces.push(t);
  };
  let carry: Buffer | null = null;
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      let bytes: Buffer = carry !== null ? Buffer.concat([carry, raw]) : raw;
      const end = completeUtf8End(bytes);
      carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : null;
      bytes = bytes.subarray(0, end);
      if (!seenContent) {
        const chunk = bytes.toString('utf8');
        const head = chunk.replace(/^\uFEFF/, '').trimStart();
        if (head.length === 0) continue;
        if (head.includes('\u0000') || head[0] !== '<') {
          throw new ReportFormatError(`not a ${format} file (it is not XML)`);
        }
        seenContent = true;
        parser.write(chunk);
        continue;
      }
      decodeUtf8(bytes, collect);
      parser.write(pieces.length === 1 ? pieces[0] : pieces.join(''));
      pieces.length = 0;
    }
    // A file cut inside a multi-byte character ends with what the decoder makes of the broken bytes.
    if (carry !== null) {
      const tail = carry.toString('utf8');
      if (!seenContent) throw new ReportFormatError(`not a ${format} file (it is not XML)`);
      parser.write(tail);
    }
    if (!seenContent) throw new ReportFormatError(`not a ${format} file (it is empty)`);
    parser.close();
  } catch (err) {
    stream.destroy();
    if (!(err instanceof XmlStop)) throw err;
  }

  const warnings: string[] = [];
  if (problem !== null) {
    if (root === null)
      throw new ReportFormatError(`not a ${format} file (malformed XML: ${oneLine(problem)})`);
    warnings.push(
      rootClosed
        ? `trailing garbage after the XML document ignored: ${oneLine(problem)}`
        : `the file is truncated or malformed (${oneLine(problem)}); kept what was complete before that point`,
    );
  }
  return { warnings, root };
}

/** Length of the prefix of `b` that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8End(b: Buffer): number {
  const n = b.length;
  for (let back = 1; back <= 4 && back <= n; back++) {
    const c = b[n - back];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

const ASCII_BLOCK = 4096;

/**
 * Decodes `b` (which ends on a character boundary) in pieces: ASCII stretches as slices of one latin1
 * string, only the runs of non-ASCII bytes as UTF-8. Reports are nearly all ASCII with a stray "✓" or
 * "●" every few kilobytes, and a whole-chunk UTF-8 decode of such text costs more than the rest of
 * the reading. Blocks are checked with the native isAscii first, so bytes are only looked at one by
 * one in the few blocks that hold a non-ASCII character. A run of bytes >= 0x80 is always whole UTF-8
 * characters (lead and continuation bytes), so no character is ever cut.
 */
function decodeUtf8(b: Buffer, out: (s: string) => void): void {
  const n = b.length;
  const s = b.toString('latin1');
  let from = 0;
  for (let p = 0; p < n; p += ASCII_BLOCK) {
    const end = Math.min(p + ASCII_BLOCK, n);
    let i = Math.max(p, from);
    if (i >= end || isAscii(b.subarray(i, end))) continue;
    for (; i < end; i++) {
      if (b[i] < 0x80) continue;
      let j = i + 1;
      while (j < n && b[j] >= 0x80) j++;
      if (i > from) out(s.slice(from, i));
      out(b.toString('utf8', i, j));
      from = j;
      i = j - 1;
    }
  }
  if (from < n) out(from === 0 ? s : s.slice(from));
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Collects character data of the element being read, capped so a huge failure text stays bounded. */
export class TextBuffer {
  private parts: string[] = [];
  private size = 0;
  private dropped = 0;
  constructor(private readonly max: number) {}
  add(t: string): void {
    if (this.size >= this.max) {
      this.dropped += t.length;
      return;
    }
    const room = this.max - this.size;
    const piece = t.length > room ? t.slice(0, room) : t;
    this.dropped += t.length - piece.length;
    this.parts.push(piece);
    this.size += piece.length;
  }
  take(): string {
    let s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    if (this.dropped > 0) s += `… [${this.dropped} more characters]`;
    this.parts = [];
    this.size = 0;
    this.dropped = 0;
    return s;
  }
}
