import { classify, inAppFrame } from './classify.js';
import type { FailureKind, LogLine } from './types.js';

/** A cleaned log line as the extractors see it. */
export interface LineView {
  n: number;
  text: string;
}

/** Read-only look back at the lines just before the current one (1 = the previous line). */
export interface LookBack {
  prev(k: number): LineView | undefined;
}

/** A failure a tool extractor found; the scanner merges findings with the same tool and item. */
export interface Finding {
  tool: string;
  item: string;
  kind: FailureKind;
  file?: string;
  line?: number;
  lines: LogLine[];
  /** Only a consequence of other failures (npm's "command failed" after a test runner failed). */
  consequence?: boolean;
}

/** A failure block being read line by line. */
export interface OpenBlock {
  /** False when the line is not part of the block; the scanner then closes it and offers the line to the starters. */
  feed(line: LineView): boolean;
  finish(): Finding | null;
}

export interface Starter {
  tool: string;
  start(line: LineView, back: LookBack): OpenBlock | null;
}

export interface BlockSpec {
  tool: string;
  item: string;
  /** Does the line still belong to the block? */
  belongs: (line: LineView, block: Block) => boolean;
  /** Is the line worth quoting (blank lines and code frames are not)? */
  keep?: (line: LineView) => boolean;
  kind?: FailureKind;
  file?: string;
  line?: number;
  maxLines?: number;
  /** Lines read before the block started (look-back) that belong to it. */
  before?: LineView[];
  /** Called at finish to adjust or drop the finding. */
  done?: (f: Finding, block: Block) => Finding | null;
}

const notBlank = (l: LineView) => l.text.trim() !== '';

export class Block implements OpenBlock {
  readonly lines: LogLine[] = [];
  /** Every line read, kept or not (for classification and bookkeeping). */
  count = 0;
  constructor(
    readonly spec: BlockSpec,
    first: LineView,
  ) {
    for (const l of spec.before ?? []) this.add(l);
    this.add(first);
  }

  private add(l: LineView): void {
    this.count++;
    if ((this.spec.keep ?? notBlank)(l) && this.lines.length < (this.spec.maxLines ?? 400)) {
      this.lines.push({ n: l.n, text: l.text });
    }
  }

  feed(line: LineView): boolean {
    if (this.count >= 2000 || !this.spec.belongs(line, this)) return false;
    this.add(line);
    return true;
  }

  finish(): Finding | null {
    const texts = this.lines.map((l) => l.text);
    let file = this.spec.file;
    let line = this.spec.line;
    if (file === undefined) {
      for (const t of texts) {
        const loc = inAppFrame(t);
        if (loc) {
          file = loc.file;
          line = loc.line;
          break;
        }
      }
    }
    const f: Finding = {
      tool: this.spec.tool,
      item: this.spec.item,
      kind: this.spec.kind ?? classify(texts),
      lines: this.lines,
    };
    if (file !== undefined) f.file = file;
    if (line !== undefined) f.line = line;
    return this.spec.done ? this.spec.done(f, this) : f;
  }
}
