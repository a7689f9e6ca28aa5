/**
 * The cheap pre-filter, run by two regexes over a whole chunk: only lines it hits (and lines inside
 * an open failure block, and the tail before a failing exit) are looked at one by one. It must hit
 * every line a tool starter or the generic scorer could use; zero counts (`errors=0`,
 * `Failures: 0`, `0 failed`, `error_rate`) are not hits, because the scorer rates such lines as
 * noise anyway and progress logs print them on every line. Chunks are latin1 strings (one char
 * per byte), so the non-ASCII markers are written as their UTF-8 bytes.
 */
const ERROR = String.raw`error(?!s? ?(?:0|none)\b|_rate)(?!(?<!\werror)s?[=:][ \t]*0\b)(?!(?<=\b(?:0|no) error)s?\b)`;
const FAIL = String.raw`fail(?!(?<!\wfail)(?:ures?|ed)[=:][ \t]*0\b)(?!(?<=\b0 fail)(?:ures?|ed)\b)`;
// Grouped by first letter so that the regex engine rejects most positions on one character;
// context is checked after the literal (a leading look-behind would be tried at every position).
const WORDS = String.raw`e(?:xception|xit (?:code|status))|fatal|panic|t(?:raceback|imed? ?out)|n(?:ot (?:ok|found)|o such|pm err!)|denied|c(?:an(?:not|'t)|ould(?: not|n't))|un(?:able|de(?:clared|fined)|resolved)|refused|killed|abort|invalid|segmentation|what went wrong`;
// Case-sensitive, as the tools print them: case folding doubles this pass's time.
const MARKS = String.raw`\) (?<=\d\) )|____+ |ERR_(?<=\bERR_)|yarn (?:run|install) v|[eE]: (?<=(?:^|\dZ )[eE]: )|\[(?:ERROR|error|Error)\]|##\[error|::error`;
// ● ✖ ✕ → ❯ and ×
const SYMBOLS = String.raw`\xe2(?:\x97\x8f|\x9c[\x96\x95]|\x86\x92|\x9d\xaf)|\xc3\x97`;

// Two passes cost less than one: V8's regex engine skips ahead well over a small alternation,
// and not at all over one whose alternatives start with two dozen different characters
// (measured on the 100 MB bench log: one regex ~2x the time of these two).
const PASSES = [
  new RegExp([ERROR, FAIL, WORDS].join('|'), 'gi'),
  new RegExp([MARKS, SYMBOLS].join('|'), 'gm'),
];

/** The next pre-filter hit in one text, merging the passes; each pass is re-run only once passed. */
export class Prefilter {
  private text = '';
  private readonly next = PASSES.map(() => -1);

  /** Starts on a new text (a hit cached for the previous one says nothing about it). */
  reset(text: string): void {
    this.text = text;
    this.next.fill(-1);
  }

  /** Index of the first hit at or after `from` in the current text, or -1. */
  find(from: number): number {
    const text = this.text;
    let best = -1;
    for (let i = 0; i < PASSES.length; i++) {
      let at = this.next[i];
      if (at !== Infinity && at < from) {
        const re = PASSES[i];
        re.lastIndex = from;
        const h = re.exec(text);
        at = this.next[i] = h ? h.index : Infinity;
      }
      if (at !== Infinity && (best === -1 || at < best)) best = at;
    }
    return best;
  }
}
