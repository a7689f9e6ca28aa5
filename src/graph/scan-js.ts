import type { EdgeKind } from './types.js';

/** One module reference found in a source file, before resolution. */
export interface RawImport {
  specifier: string;
  kind: EdgeKind;
}

/**
 * A single-pass scanner for the module references of a JavaScript or TypeScript file. It skips
 * comments, strings, template literals (with nested `${}`) and regular expressions, and recognises:
 * `import ... from 'x'`, `import 'x'`, `import type`, `import { type A } from` (all named imports
 * type-only), `import x = require('x')`, `export ... from 'x'`, `export type ... from`,
 * `import('x')` (dynamic), `require('x')`, `require.resolve('x')`, and the module-path arguments of
 * `jest.mock`/`vi.mock` and their relatives. Parsing a full AST would be 20-50x slower, and an import
 * graph needs only these forms.
 *
 * The scanner is built to survive what it does not understand (JSX text, unusual syntax): a string
 * or regular expression never runs past the end of its line, so one misread cannot hide the rest
 * of the file.
 */
export function scanJs(src: string): RawImport[] {
  const out: RawImport[] = [];
  const n = src.length;
  let i = 0;
  // What came before, to tell a regular expression from a division.
  let prevIsValue = false;
  let prevWord = '';
  // Template literal nesting: each entry is the brace depth at which a `${` opened.
  const templateStack: number[] = [];
  let braceDepth = 0;

  while (i < n) {
    const c = src.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      i++;
      continue;
    }
    if (c === 47 /* / */) {
      const d = src.charCodeAt(i + 1);
      if (d === 47) {
        i = skipLineComment(src, i);
        continue;
      }
      if (d === 42) {
        i = skipBlockComment(src, i);
        continue;
      }
      if (!prevIsValue || REGEX_AFTER_WORD.has(prevWord)) {
        const end = skipRegex(src, i);
        if (end > 0) {
          i = end;
          prevIsValue = true;
          prevWord = '';
          continue;
        }
      }
      i++;
      prevIsValue = false;
      prevWord = '';
      continue;
    }
    if (c === 39 || c === 34) {
      i = skipString(src, i, c);
      prevIsValue = true;
      prevWord = '';
      continue;
    }
    if (c === 96 /* ` */) {
      i = skipTemplate(src, i + 1, templateStack, braceDepth);
      prevIsValue = true;
      prevWord = '';
      continue;
    }
    if (c === 123 /* { */) {
      braceDepth++;
      i++;
      prevIsValue = false;
      prevWord = '';
      continue;
    }
    if (c === 125 /* } */) {
      if (templateStack.length && templateStack[templateStack.length - 1] === braceDepth) {
        templateStack.pop();
        i = skipTemplate(src, i + 1, templateStack, braceDepth);
        prevIsValue = true;
        prevWord = '';
        continue;
      }
      braceDepth--;
      i++;
      // After a block a regex may follow; after an object literal a division may. Blocks are commoner.
      prevIsValue = false;
      prevWord = '';
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      i++;
      while (i < n && isIdentPart(src.charCodeAt(i))) i++;
      const word = src.slice(start, i);
      const afterDot = start > 0 && prevCharIsDot(src, start);
      if (!afterDot) {
        if (word === 'import') i = onImport(src, i, out);
        else if (word === 'export') i = onExport(src, i, out);
        else if (word === 'require') i = onRequire(src, i, out);
        else if (word === 'jest' || word === 'vi') i = onMocker(src, i, out);
      }
      prevIsValue = !KEYWORDS_BEFORE_EXPRESSION.has(word);
      prevWord = word;
      continue;
    }
    if (c === 41 /* ) */ || c === 93 /* ] */) {
      prevIsValue = true;
    } else {
      prevIsValue = false;
    }
    prevWord = '';
    i++;
  }
  return out;
}

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
]);
const REGEX_AFTER_WORD = KEYWORDS_BEFORE_EXPRESSION;

const MOCK_METHODS = new Set([
  'mock',
  'doMock',
  'unmock',
  'dontMock',
  'setMock',
  'requireActual',
  'requireMock',
  'createMockFromModule',
  'importActual',
  'importMock',
]);

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function prevCharIsDot(src: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0) {
    const c = src.charCodeAt(k);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      k--;
      continue;
    }
    // `?.` and `.`, but not a spread `...x`.
    return c === 46 && !(k >= 2 && src.charCodeAt(k - 1) === 46 && src.charCodeAt(k - 2) === 46);
  }
  return false;
}

function skipLineComment(src: string, i: number): number {
  const nl = src.indexOf('\n', i);
  return nl < 0 ? src.length : nl + 1;
}

function skipBlockComment(src: string, i: number): number {
  const end = src.indexOf('*/', i + 2);
  return end < 0 ? src.length : end + 2;
}

/** Skips a quoted string; stops at an unescaped newline so a stray quote cannot swallow the file. */
function skipString(src: string, i: number, quote: number): number {
  const n = src.length;
  i++;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (c === 10) return i;
    i++;
  }
  return n;
}

/** Skips template text up to the closing backtick or into a `${` (pushed on the stack). */
function skipTemplate(src: string, i: number, stack: number[], braceDepth: number): number {
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 96) return i + 1;
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === 36 && src.charCodeAt(i + 1) === 123) {
      stack.push(braceDepth);
      return i + 2;
    }
    i++;
  }
  return n;
}

/** Returns the index after a regular expression literal, or -1 when there is none on this line. */
function skipRegex(src: string, i: number): number {
  const n = src.length;
  let k = i + 1;
  let inClass = false;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c === 10 || c === 13) return -1;
    if (c === 92) {
      k += 2;
      continue;
    }
    if (inClass) {
      if (c === 93) inClass = false;
    } else if (c === 91) inClass = true;
    else if (c === 47) {
      k++;
      while (k < n && isIdentPart(src.charCodeAt(k))) k++;
      return k;
    }
    k++;
  }
  return -1;
}

/** Skips whitespace and comments. */
function ws(src: string, i: number): number {
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) i++;
    else if (c === 47 && src.charCodeAt(i + 1) === 47) i = skipLineComment(src, i);
    else if (c === 47 && src.charCodeAt(i + 1) === 42) i = skipBlockComment(src, i);
    else break;
  }
  return i;
}

/** Reads a string literal (or a template without substitutions) at `i`: [value, end] or undefined. */
function readLiteral(src: string, i: number): [string, number] | undefined {
  const q = src.charCodeAt(i);
  if (q !== 39 && q !== 34 && q !== 96) return undefined;
  const n = src.length;
  let k = i + 1;
  let value = '';
  let chunk = k;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c === q) return [value + src.slice(chunk, k), k + 1];
    if (c === 92) {
      value += src.slice(chunk, k) + src.charAt(k + 1);
      k += 2;
      chunk = k;
      continue;
    }
    if (c === 10 && q !== 96) return undefined;
    if (q === 96 && c === 36 && src.charCodeAt(k + 1) === 123) return undefined;
    k++;
  }
  return undefined;
}

function readWord(src: string, i: number): [string, number] {
  const n = src.length;
  let k = i;
  while (k < n && isIdentPart(src.charCodeAt(k))) k++;
  return [src.slice(i, k), k];
}

/** After the keyword `import`. */
function onImport(src: string, i: number, out: RawImport[]): number {
  let k = ws(src, i);
  const c = src.charCodeAt(k);
  if (c === 40 /* ( */) {
    const lit = readLiteral(src, ws(src, k + 1));
    if (lit) {
      const end = ws(src, lit[1]);
      const e = src.charCodeAt(end);
      // `import('x')` or `import('x', { with: ... })`; a concatenation is not a literal.
      if (e === 41 || e === 44) out.push({ specifier: lit[0], kind: 'dynamic' });
      return lit[1];
    }
    return k + 1;
  }
  if (c === 46 /* . */) return k; // import.meta
  const lit = readLiteral(src, k);
  if (lit) {
    if (c !== 96) out.push({ specifier: lit[0], kind: 'runtime' });
    return lit[1];
  }
  // import [type] <clause> from 'x' | import x = require('x')
  let typeOnly = false;
  if (src.startsWith('type', k) && !isIdentPart(src.charCodeAt(k + 4))) {
    const after = ws(src, k + 4);
    const ac = src.charCodeAt(after);
    const [nextWord] = readWord(src, after);
    // `import type from './x'` imports a default binding named `type`.
    if (ac === 123 || ac === 42 || (isIdentStart(ac) && nextWord !== 'from')) {
      typeOnly = true;
      k = after;
    }
  }
  return readClause(src, k, out, typeOnly, true);
}

/** After the keyword `export`. */
function onExport(src: string, i: number, out: RawImport[]): number {
  let k = ws(src, i);
  let typeOnly = false;
  if (src.startsWith('type', k) && !isIdentPart(src.charCodeAt(k + 4))) {
    const after = ws(src, k + 4);
    const ac = src.charCodeAt(after);
    if (ac === 123 || ac === 42) {
      typeOnly = true;
      k = after;
    } else return i;
  }
  const c = src.charCodeAt(k);
  if (c !== 123 && c !== 42) return i;
  return readClause(src, k, out, typeOnly, false);
}

/**
 * Reads an import/export clause up to `from '<x>'`. Named elements all marked `type` make the
 * statement type-only. Gives up (returning where it started) when the clause is not followed by
 * `from`, e.g. `export { a, b };`.
 */
function readClause(
  src: string,
  start: number,
  out: RawImport[],
  typeOnly: boolean,
  isImport: boolean,
): number {
  const n = src.length;
  let k = start;
  let hasValueBinding = false;
  let named = 0;
  let namedType = 0;
  let inBraces = false;
  let elementStart = true;
  const limit = Math.min(n, start + 4000);
  while (k < limit) {
    k = ws(src, k);
    const c = src.charCodeAt(k);
    if (c === 123) {
      inBraces = true;
      elementStart = true;
      k++;
      continue;
    }
    if (c === 125) {
      inBraces = false;
      k++;
      const after = ws(src, k);
      const [w] = readWord(src, after);
      if (w !== 'from') return isImport ? after : start;
      continue;
    }
    if (c === 44) {
      elementStart = true;
      k++;
      continue;
    }
    if (c === 42) {
      if (!inBraces) hasValueBinding = true;
      k++;
      continue;
    }
    if (c === 61 /* = */ && isImport) {
      // import x = require('y')
      k = ws(src, k + 1);
      const [w, e] = readWord(src, k);
      if (w === 'require') {
        const p = ws(src, e);
        if (src.charCodeAt(p) === 40) {
          const lit = readLiteral(src, ws(src, p + 1));
          if (lit) {
            out.push({ specifier: lit[0], kind: typeOnly ? 'type-only' : 'runtime' });
            return lit[1];
          }
        }
      }
      return k;
    }
    if (c === 39 || c === 34) {
      // a string-named binding: `import { "a-b" as ab }`
      const lit = readLiteral(src, k);
      if (!lit) return k;
      if (inBraces && elementStart) named++;
      elementStart = false;
      k = lit[1];
      continue;
    }
    if (isIdentStart(c)) {
      const [w, e] = readWord(src, k);
      if (!inBraces && w === 'from') {
        const p = ws(src, e);
        const lit = readLiteral(src, p);
        if (!lit) return e;
        const allTyped = named > 0 && named === namedType && !hasValueBinding;
        out.push({ specifier: lit[0], kind: typeOnly || allTyped ? 'type-only' : 'runtime' });
        return lit[1];
      }
      if (inBraces && elementStart) {
        named++;
        if (w === 'type') {
          const after = ws(src, e);
          if (isIdentStart(src.charCodeAt(after))) {
            const [nw, ne] = readWord(src, after);
            if (nw !== 'as') namedType++;
            else {
              // `type as X` binds the export named `type` (a value); `type as as X` is type-only.
              const [nw2, ne2] = readWord(src, ws(src, ne));
              if (nw2 === 'as' && isIdentStart(src.charCodeAt(ws(src, ne2)))) namedType++;
            }
          }
        }
      } else if (!inBraces && w !== 'as') {
        hasValueBinding = true;
      }
      elementStart = false;
      k = e;
      continue;
    }
    // Anything else (`;`, an operator) means this was not an import/export clause.
    return k;
  }
  return k;
}

/** After `require`: `require('x')` or `require.resolve('x')`. */
function onRequire(src: string, i: number, out: RawImport[]): number {
  let k = ws(src, i);
  if (src.charCodeAt(k) === 46) {
    const [w, e] = readWord(src, ws(src, k + 1));
    if (w !== 'resolve') return i;
    k = ws(src, e);
  }
  if (src.charCodeAt(k) !== 40) return i;
  const lit = readLiteral(src, ws(src, k + 1));
  if (!lit) return i;
  const end = ws(src, lit[1]);
  const e = src.charCodeAt(end);
  if (e !== 41 && e !== 44) return i;
  out.push({ specifier: lit[0], kind: 'runtime' });
  return lit[1];
}

/** After `jest` or `vi`: `.mock('x')` and relatives name a module the test depends on. */
function onMocker(src: string, i: number, out: RawImport[]): number {
  const k = ws(src, i);
  if (src.charCodeAt(k) !== 46) return i;
  const [w, e] = readWord(src, ws(src, k + 1));
  if (!MOCK_METHODS.has(w)) return i;
  let p = ws(src, e);
  // vi.mock<typeof import('x')>('x') carries a type argument.
  if (src.charCodeAt(p) === 60) {
    const close = src.indexOf('>(', p);
    if (close < 0 || close - p > 500) return i;
    p = close + 1;
  }
  if (src.charCodeAt(p) !== 40) return i;
  const lit = readLiteral(src, ws(src, p + 1));
  if (!lit) return i;
  out.push({ specifier: lit[0], kind: 'runtime' });
  return lit[1];
}
