import { measureText } from '../../src/complexity/index.js';

/**
 * The examples of G. Ann Campbell's white paper "Cognitive Complexity" (SonarSource, version 1.5),
 * written in TypeScript with the same control structure as the paper's Java, each with the total the
 * paper gives. Java's two `catch` clauses on one `try` become two nested `try`s, whose catches sit at
 * the same nesting level, as in the paper.
 */
async function only(src: string, file = 'x.ts') {
  const fns = await measureText(file, src);
  expect(fns).toHaveLength(1);
  return fns[0];
}

describe('cognitive complexity (white paper examples)', () => {
  it('sumOfPrimes = 7 (cyclomatic 4)', async () => {
    const f = await only(`
function sumOfPrimes(max: number): number {
  let total = 0;
  OUT: for (let i = 1; i <= max; ++i) {   // +1
    for (let j = 2; j < i; ++j) {          // +2
      if (i % j === 0) {                   // +3
        continue OUT;                      // +1
      }
    }
    total += i;
  }
  return total;
}`);
    expect(f).toMatchObject({ name: 'sumOfPrimes', line: 2, endLine: 13, cognitive: 7, cyclomatic: 4 });
  });

  it('getWords = 1 (cyclomatic 4)', async () => {
    const f = await only(`
function getWords(number: number): string {
  switch (number) {     // +1
    case 1:
      return 'one';
    case 2:
      return 'a couple';
    case 3:
      return 'a few';
    default:
      return 'lots';
  }
}`);
    expect(f).toMatchObject({ name: 'getWords', cognitive: 1, cyclomatic: 4 });
  });

  it('nesting: myMethod = 9', async () => {
    const f = await only(`
function myMethod() {
  try {
    if (condition1) {                       // +1
      for (let i = 0; i < 10; i++) {        // +2 (nesting = 1)
        while (condition2) { step(); }      // +3 (nesting = 2)
      }
    }
  } catch (e) {                             // +1
    if (condition2) { log(e); }             // +2 (nesting = 1)
  }
}`);
    expect(f.cognitive).toBe(9);
  });

  it('a lambda raises nesting without an increment: myMethod2 = 2', async () => {
    const f = await only(`
function myMethod2() {
  const r = () => {            // +0 (nesting is now 1)
    if (condition1) { go(); }  // +2 (nesting = 1)
  };
  return r;
}`);
    expect(f.cognitive).toBe(2);
  });

  it('sequences of logical operators: a && b && c || d || e && f = 4 with its if; a && !(b && c) = 3', async () => {
    expect((await only('function f() { if (a && b && c || d || e && f) { g(); } }')).cognitive).toBe(4);
    expect((await only('function f() { if (a && !(b && c)) { g(); } }')).cognitive).toBe(3);
    expect((await only('function f() { return a && (b || c); }')).cognitive).toBe(2);
  });

  it('ignores null-coalescing shorthand, counts it for cyclomatic', async () => {
    expect(await only('function f(a?: { b?: number }) { return a?.b ?? 0; }')).toMatchObject({
      cognitive: 0,
      cyclomatic: 2,
    });
  });

  it('adds one for a function that calls itself, once', async () => {
    expect(
      (await only('function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1) + fact(0); }'))
        .cognitive,
    ).toBe(2);
    expect((await only('class A { walk(n: number): number { return this.walk(n - 1); } }')).cognitive).toBe(
      1,
    );
  });

  it('Appendix C: overriddenSymbolFrom = 19', async () => {
    const f = await only(
      `
class JavaSymbolLike {
  overriddenSymbolFrom(classType) {
    if (classType.isUnknown()) {                                      // +1
      return Symbols.unknownMethodSymbol;
    }
    let unknownFound = false;
    const symbols = classType.getSymbol().members().lookup(this.name);
    for (const overrideSymbol of symbols) {                           // +1
      if (overrideSymbol.isKind(JavaSymbol.MTH)                       // +2 (nesting = 1)
          && !overrideSymbol.isStatic()) {                            // +1
        const methodJavaSymbol = overrideSymbol;
        if (this.canOverride(methodJavaSymbol)) {                     // +3 (nesting = 2)
          const overriding = this.checkOverridingParameters(methodJavaSymbol, classType);
          if (overriding == null) {                                   // +4 (nesting = 3)
            if (!unknownFound) {                                      // +5 (nesting = 4)
              unknownFound = true;
            }
          } else if (overriding) {                                    // +1
            return methodJavaSymbol;
          }
        }
      }
    }
    if (unknownFound) {                                               // +1
      return Symbols.unknownMethodSymbol;
    }
    return null;
  }
}`,
      'symbol.js',
    );
    expect(f).toMatchObject({ name: 'JavaSymbolLike.overriddenSymbolFrom', cognitive: 19 });
  });

  it('Appendix C: addVersion = 35', async () => {
    const f = await only(`
class Persistit {
  addVersion(entry: Entry, txn: Transaction): void {
    const ti = this._persistit.getTransactionIndex();
    while (true) {                                                     // +1
      try {
        try {
          {
            if (this.frst != null) {                                   // +2 (nesting = 1)
              if (this.frst.getVersion() > entry.getVersion()) {       // +3 (nesting = 2)
                throw new RollbackException();
              }
              if (txn.isActive()) {                                    // +3 (nesting = 2)
                for (let e = this.frst; e != null; e = e.getPrevious()) { // +4 (nesting = 3)
                  const version = e.getVersion();
                  const depends = ti.wwDependency(version, txn.getTransactionStatus(), 0);
                  if (depends === TIMED_OUT) {                         // +5 (nesting = 4)
                    throw new WWRetryException(version);
                  }
                  if (depends !== 0                                    // +5 (nesting = 4)
                      && depends !== ABORTED) {                        // +1
                    throw new RollbackException();
                  }
                }
              }
            }
            entry.setPrevious(this.frst);
            this.frst = entry;
            break;
          }
        } catch (re) {                                                 // +2 (nesting = 1)
          try {
            const depends = this._persistit.getTransactionIndex()
              .wwDependency(re.getVersionHandle(), txn.getTransactionStatus(), DEFAULT_MAX_WAIT_TIME);
            if (depends !== 0                                          // +3 (nesting = 2)
                && depends !== ABORTED) {                              // +1
              throw new RollbackException();
            }
          } catch (ie) {                                               // +3 (nesting = 2)
            throw new PersistitInterruptedException(ie);
          }
        }
      } catch (ie) {                                                   // +2 (nesting = 1)
        throw new PersistitInterruptedException(ie);
      }
    }
  }
}`);
    expect(f).toMatchObject({ name: 'Persistit.addVersion', cognitive: 35 });
  });

  it('Appendix C: toRegexp = 20', async () => {
    const f = await only(`
export function toRegexp(antPattern: string, directorySeparator: string): string {
  const escapedDirectorySeparator = '\\\\' + directorySeparator;
  const sb: string[] = ['^'];
  let i = antPattern.startsWith('/') ||                               // +1
    antPattern.startsWith('\\\\') ? 1 : 0;                             // +1
  while (i < antPattern.length) {                                      // +1
    const ch = antPattern.charAt(i);
    if (SPECIAL_CHARS.indexOf(ch) !== -1) {                            // +2 (nesting = 1)
      sb.push('\\\\', ch);
    } else if (ch === '*') {                                           // +1
      if (i + 1 < antPattern.length                                    // +3 (nesting = 2)
          && antPattern.charAt(i + 1) === '*') {                       // +1
        if (i + 2 < antPattern.length                                  // +4 (nesting = 3)
            && isSlash(antPattern.charAt(i + 2))) {                    // +1
          sb.push('(?:.*', escapedDirectorySeparator, '|)');
          i += 2;
        } else {                                                       // +1
          sb.push('.*');
          i += 1;
        }
      } else {                                                         // +1
        sb.push('[^', escapedDirectorySeparator, ']*?');
      }
    } else if (ch === '?') {                                           // +1
      sb.push('[^', escapedDirectorySeparator, ']');
    } else if (isSlash(ch)) {                                          // +1
      sb.push(escapedDirectorySeparator);
    } else {                                                           // +1
      sb.push(ch);
    }
    i++;
  }
  sb.push('$');
  return sb.join('');
}`);
    expect(f).toMatchObject({ name: 'toRegexp', cognitive: 20 });
  });

  it('names functions by declaration, class member, variable, and reports each top-level function once', async () => {
    const fns = await measureText(
      'm.tsx',
      `export const a = (x: number) => (x > 0 ? <b>{x}</b> : null);
export default function () { return 1; }
class K { constructor() {} get v() { return 1; } static s = () => 2; }
const o = { m() { return [1].map((n) => (n ? n : 0)); } };`,
    );
    expect(fns.map((f) => [f.name, f.line, f.cognitive])).toEqual([
      ['a', 1, 1],
      ['<anonymous>', 2, 0],
      ['K.constructor', 3, 0],
      ['K.v', 3, 0],
      ['K.s', 3, 0],
      ['m', 4, 2],
    ]);
  });
});
