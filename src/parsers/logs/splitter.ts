/** Lines longer than this are cut: a 50 MB line without newline must not become a 50 MB string. */
export const MAX_LINE_CHARS = 16 * 1024;
const STRING_PIECE = 64 * 1024;

/** `text.slice(start, end)` is a run of complete lines, each ending in '\n'. */
export type SegmentSink = (text: string, start: number, end: number) => void;

/**
 * Splits a byte stream into lines (LF, CRLF, lone CR) with bounded memory. Each chunk becomes
 * one latin1 string (one char per byte) whose complete lines are handed on in place, without
 * copying; only the line that straddles two chunks is carried over (cut at MAX_LINE_CHARS).
 */
export class LineSplitter {
  private carry = '';
  private carrying = false;
  private carryCut = false;
  private pendingCR = false;
  longLines = 0;
  bytes = 0;

  push(chunk: Buffer, sink: SegmentSink): void {
    // Decoded in pieces small enough to live and die in V8's young generation: strings over
    // ~128 KiB go to large-object space and stay until a full GC, which is what made RSS grow.
    for (let i = 0; i < chunk.length; i += STRING_PIECE) {
      this.pushPiece(chunk.subarray(i, Math.min(chunk.length, i + STRING_PIECE)), sink);
    }
  }

  private pushPiece(chunk: Buffer, sink: SegmentSink): void {
    this.bytes += chunk.length;
    let s = chunk.toString('latin1');
    if (this.pendingCR) {
      s = '\r' + s;
      this.pendingCR = false;
    }
    if (s.charCodeAt(s.length - 1) === 13) {
      this.pendingCR = true;
      s = s.slice(0, -1);
    }
    if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
    const first = s.indexOf('\n');
    if (first === -1) {
      this.appendCarry(s);
      return;
    }
    let body = 0;
    if (this.carrying) {
      this.appendCarry(s.slice(0, first));
      const line = this.carry + '\n';
      this.resetCarry();
      sink(line, 0, line.length);
      body = first + 1;
    }
    const last = s.lastIndexOf('\n');
    if (last >= body) sink(s, body, last + 1);
    if (last + 1 < s.length) this.appendCarry(s.slice(last + 1));
  }

  /** The last line when the stream does not end with a line break. */
  end(sink: SegmentSink): void {
    if (this.carrying || this.pendingCR) {
      const line = this.carry + '\n';
      this.resetCarry();
      this.pendingCR = false;
      sink(line, 0, line.length);
    }
  }

  private resetCarry(): void {
    this.carry = '';
    this.carrying = false;
    this.carryCut = false;
  }

  private appendCarry(s: string): void {
    this.carrying = true;
    if (this.carryCut) return;
    if (this.carry.length + s.length > MAX_LINE_CHARS) {
      // Copied flat so that the carried text holds no reference to the chunks it came from.
      this.carry = Buffer.from(
        this.carry + s.slice(0, MAX_LINE_CHARS - this.carry.length),
        'latin1',
      ).toString('latin1');
      this.carryCut = true;
      this.longLines++;
      return;
    }
    this.carry += s;
  }
}

/**
 * `text.slice(start, end)` as a string of its own. A plain slice of a chunk is a view that keeps
 * the whole chunk alive; lines kept in findings or candidates must not pin their chunks.
 */
export function ownLine(text: string, start: number, end: number): string {
  return Buffer.from(text.slice(start, end), 'latin1').toString('latin1');
}
