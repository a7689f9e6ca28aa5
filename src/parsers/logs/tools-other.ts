import { Block, type LineView, type LookBack, type Starter } from './block.js';
import { classify } from './classify.js';

/** pytest: `____ name ____` sections up to the next rule, and the `FAILED x::y - msg` summary lines. */
function pytest(): Starter {
  return {
    tool: 'pytest',
    start(l) {
      let m = /^_{3,} (.+?) _{3,}$/.exec(l.text);
      if (m) {
        const header = m[1];
        const collecting = /^ERROR collecting (.+)$/.exec(header);
        let loc: { file: string; line: number } | undefined;
        return new Block(
          {
            tool: 'pytest',
            item: collecting ? collecting[1] : header.replace(/^ERROR at (?:setup|teardown) of /, ''),
            belongs: (x) => {
              if (/^_{3,} .+ _{3,}$|^={3,}|^-{3,} Captured /.test(x.text)) return false;
              const m2 = /^(\S+\.py):(\d+): /.exec(x.text);
              if (m2) loc = { file: m2[1], line: Number(m2[2]) };
              return true;
            },
            done: (f) => {
              if (collecting) {
                f.kind = classify(
                  f.lines.map((x) => x.text),
                  'import',
                );
                if (f.kind === 'exception' || f.kind === 'unknown') f.kind = 'import';
              } else {
                const e = f.lines.filter((x) => /^E\s/.test(x.text)).map((x) => x.text);
                f.kind = classify(e.length ? e : f.lines.map((x) => x.text), 'exception');
              }
              if (loc && !/site-packages|\/lib\/python\d/.test(loc.file)) {
                f.file = loc.file;
                f.line = loc.line;
              } else if (collecting) {
                f.file = collecting[1];
                delete f.line;
              }
              return f;
            },
          },
          l,
        );
      }
      m = /^(?:FAILED|ERROR) (\S+?)(?: - (.*))?$/.exec(l.text);
      if (m && /\.py\b/.test(m[1])) {
        const id = m[1];
        const name = id.includes('::') ? id.slice(id.lastIndexOf('::') + 2) : id;
        return new Block({ tool: 'pytest', item: name, belongs: () => false }, l);
      }
      return null;
    },
  };
}

const GO_FRAMEWORK = /\/usr\/(?:local\/)?(?:lib\/)?go[^/]*\/src\/|\/src\/runtime\/|\/src\/testing\//;

/** go test: `--- FAIL: Name` with its indented output, panics, and `[build failed]` packages. */
function goTest(): Starter {
  let lastFail: string | undefined;
  return {
    tool: 'go',
    start(l, back: LookBack) {
      let m = /^(\s*)--- FAIL: (\S+) \([\d.]+s\)/.exec(l.text);
      if (m) {
        const indent = m[1].length;
        lastFail = m[2];
        return new Block(
          {
            tool: 'go',
            item: m[2],
            belongs: (x) => {
              const lead = /^\s*/.exec(x.text)?.[0].length ?? 0;
              return lead > indent && x.text.trim() !== '' && !/^\s*--- (?:FAIL|PASS|SKIP):/.test(x.text);
            },
            done: (f) => {
              for (const t of f.lines) {
                const loc = /^\s+(\S+_test\.go|\S+\.go):(\d+): /.exec(t.text);
                if (loc) {
                  f.file = loc[1];
                  f.line = Number(loc[2]);
                  f.kind = classify([t.text.replace(/^\s+\S+:\d+: /, '')], 'assertion');
                  if (f.kind === 'unknown' || f.kind === 'compile') f.kind = 'assertion';
                  break;
                }
              }
              return f;
            },
          },
          l,
        );
      }
      m = /^panic: (.+)$/.exec(l.text);
      if (m) {
        const item = lastFail ?? 'panic';
        return new Block(
          {
            tool: 'go',
            item,
            kind: /test timed out/.test(m[1]) ? 'timeout' : 'exception',
            belongs: (x) => !/^(?:FAIL|ok)\s|^exit status \d+|^--- FAIL/.test(x.text),
            maxLines: 60,
            done: (f) => {
              delete f.file;
              delete f.line;
              for (const t of f.lines) {
                const loc = /^\s+(\/\S+\.go):(\d+)(?: \+0x[0-9a-f]+)?$/.exec(t.text);
                if (loc && !GO_FRAMEWORK.test(loc[1])) {
                  f.file = loc[1];
                  f.line = Number(loc[2]);
                  break;
                }
              }
              return f;
            },
          },
          l,
        );
      }
      m = /^FAIL\s+(\S+)\s+\[(build|setup) failed\]/.exec(l.text);
      if (m) {
        const pkg = m[1];
        // The compiler's messages come before this line, under a `# pkg` header.
        const before: LineView[] = [];
        for (let k = 1; k <= 50; k++) {
          const p = back.prev(k);
          if (!p) break;
          if (/^# \S+/.test(p.text)) {
            before.unshift(p);
            break;
          }
          if (/^(?:FAIL|ok|---|===)\s/.test(p.text)) break;
          before.unshift(p);
        }
        let loc: { file: string; line: number } | undefined;
        for (const p of before) {
          const x = /^(\S+\.go):(\d+):\d+: /.exec(p.text.trim());
          if (x) {
            loc = { file: x[1], line: Number(x[2]) };
            break;
          }
        }
        const kind = classify(
          before.map((p) => p.text),
          'compile',
        );
        return new Block(
          {
            tool: 'go',
            item: pkg,
            kind: kind === 'import' || kind === 'dependency' ? kind : 'compile',
            ...(loc ? { file: loc.file, line: loc.line } : {}),
            before,
            belongs: () => false,
          },
          l,
        );
      }
      return null;
    },
  };
}

/** Maven: Surefire failures, javac errors, and the BUILD FAILURE block's `Failed to execute goal`. */
function maven(): Starter {
  const SUREFIRE =
    /^\[ERROR\] (?:(\S+)\.(\w+)(?:\(.*?\))? -- Time elapsed: .*<<< (FAILURE|ERROR)!|(\w+)\((\S+)\)\s+Time elapsed: .*<<< (FAILURE|ERROR)!)/;
  const JAVAC = /^\[ERROR\] (\S+\.(?:java|kt|scala|groovy)):\[(\d+),(\d+)\] (.*)$/;
  let testFailures = 0;
  return {
    tool: 'maven',
    start(l) {
      let m = SUREFIRE.exec(l.text);
      if (m) {
        testFailures++;
        const item = m[1] ? `${m[1]}.${m[2]}` : `${m[5]}.${m[4]}`;
        const errorKind = (m[3] ?? m[6]) === 'ERROR';
        return new Block(
          {
            tool: 'maven',
            item,
            belongs: (x) => x.text.trim() !== '' && !/^\[(?:INFO|ERROR|WARNING)\]/.test(x.text),
            maxLines: 60,
            done: (f) => {
              const cls = item.slice(0, item.lastIndexOf('.'));
              const simple = cls.slice(cls.lastIndexOf('.') + 1);
              for (const t of f.lines) {
                const fr = /^\s+at (\S+)\.\w+\((\w+\.java):(\d+)\)/.exec(t.text);
                if (fr && (fr[1] === cls || fr[2] === `${simple}.java`)) {
                  f.file = fr[2];
                  f.line = Number(fr[3]);
                  break;
                }
              }
              f.kind = classify(
                f.lines.slice(1, 3).map((x) => x.text),
                errorKind ? 'exception' : 'assertion',
              );
              if (!errorKind && f.kind === 'exception') f.kind = 'assertion';
              return f;
            },
          },
          l,
        );
      }
      m = JAVAC.exec(l.text);
      if (m) {
        const file = m[1];
        return new Block(
          {
            tool: 'maven',
            item: `${file.slice(file.lastIndexOf('/') + 1)}:${m[2]}`,
            kind: classify([m[4]], 'compile') === 'import' ? 'import' : 'compile',
            file,
            line: Number(m[2]),
            // javac's detail lines follow, indented, with or without the [ERROR] prefix.
            belongs: (x) => /^(?:\[ERROR\])? {2}\S/.test(x.text) && !JAVAC.test(x.text),
            maxLines: 8,
          },
          l,
        );
      }
      m = /^\[ERROR\] Tests run: .*|^\[ERROR\] {3}(\w+)\.(\w+)(?::\d+)? (.*)$/.exec(l.text);
      if (m && m[1]) {
        // The Results section repeats each failure in one line; merge it into the Surefire finding.
        return new Block({ tool: 'maven', item: `@results:${m[1]}.${m[2]}`, belongs: () => false }, l);
      }
      m = /^\[ERROR\] Failed to execute goal (\S+) (?:\(([^)]*)\) )?on project (\S+): (.*)$/.exec(l.text);
      if (m) {
        const reason = m[4];
        return new Block(
          {
            tool: 'maven',
            item: `${m[1]} ${m[3]}`,
            belongs: (x) => /^\[ERROR\] \S/.test(x.text) && !/^\[ERROR\] -> \[Help/.test(x.text),
            maxLines: 20,
            done: (f) => {
              // After test or compiler failures this block only repeats them.
              if (testFailures > 0 || /Compilation failure|There are test failures/.test(reason)) {
                f.consequence = true;
              }
              f.kind = classify([reason], 'unknown');
              return f;
            },
          },
          l,
        );
      }
      return null;
    },
  };
}

/** javac through Gradle; the plain console of Gradle 4.x prints the task name with no line end before it. */
const GRADLE_JAVAC = /^(?::[\w:-]+?(?=\/|[A-Za-z]:\\))?(\S+\.java):(\d+): error: (.*)$/;
const GRADLE_KOTLINC = /^e: (?:file:\/\/)?(\S+\.kts?):(\d+):(\d+):? (.*)$/;
/** Frames of the JDK, JUnit and Gradle's test worker: never where a test failed. */
const JVM_FRAMEWORK =
  /^(?:java\.|javax\.|jdk\.|sun\.|org\.junit\.|junit\.|org\.opentest4j\.|org\.gradle\.|worker\.org\.gradle\.)/;

/**
 * Where a Gradle test failure happened: the test class's own frame, as Gradle's short exception
 * format (`java.lang.AssertionError at BasketTest.java:10`) names it; in the full format, the
 * test class's frame, else the first frame outside the JDK and the test frameworks.
 */
function gradleTestLocation(
  lines: readonly LineView[],
  cls: string,
): { file: string; line: number } | undefined {
  let other: { file: string; line: number } | undefined;
  for (const t of lines) {
    const short = /^\s+\S+ at (\w+\.(?:java|kt|groovy|scala)):(\d+)$/.exec(t.text);
    if (short) return { file: short[1], line: Number(short[2]) };
    // `at app//shop.BasketTest.total(BasketTest.java:10)`: JDK 9+ may put a loader or module before the class.
    const fr = /^\s+at (?:[\w.@-]*\/+)?([\w.$]+)\.[\w$<>-]+\((\w+\.(?:java|kt|groovy|scala)):(\d+)\)/.exec(
      t.text,
    );
    if (!fr) continue;
    const loc = { file: fr[2], line: Number(fr[3]) };
    if (fr[1] === cls || fr[1].startsWith(`${cls}$`)) return loc;
    if (!other && !JVM_FRAMEWORK.test(fr[1])) other = loc;
  }
  return other;
}

/** Gradle: `Test > method FAILED` with its indented cause, compiler errors, and `* What went wrong:`. */
function gradle(): Starter {
  return {
    tool: 'gradle',
    start(l) {
      let m = /^(\S[^>]*?) > (.+?) FAILED$/.exec(l.text);
      if (m) {
        const cls = m[1];
        return new Block(
          {
            tool: 'gradle',
            item: `${m[1]}.${m[2]}`,
            // The exception at 4 spaces, its stack (exceptionFormat 'full') at 8.
            belongs: (x) => /^\s{4,}\S/.test(x.text),
            maxLines: 20,
            done: (f) => {
              // The exception's own line says what failed; frames of assert methods do not.
              const k = classify(
                f.lines.slice(1, 2).map((x) => x.text),
                'assertion',
              );
              f.kind = k === 'compile' ? 'assertion' : k;
              delete f.file;
              delete f.line;
              const loc = gradleTestLocation(f.lines, cls);
              if (loc) {
                f.file = loc.file;
                f.line = loc.line;
              }
              return f;
            },
          },
          l,
        );
      }
      m = GRADLE_KOTLINC.exec(l.text) ?? GRADLE_JAVAC.exec(l.text);
      if (m) {
        const file = m[1];
        const message = m[m.length - 1];
        return new Block(
          {
            tool: 'gradle',
            item: `${file.slice(file.lastIndexOf('/') + 1)}:${m[2]}`,
            kind: classify([message], 'compile') === 'import' ? 'import' : 'compile',
            file,
            line: Number(m[2]),
            // javac's source line, caret and `symbol:`/`location:` details follow, indented.
            belongs: (x) => /^\s+\S/.test(x.text),
            keep: (x) => x.text.trim() !== '' && !/^\s+\^\s*$/.test(x.text),
            maxLines: 6,
          },
          l,
        );
      }
      if (/^\* What went wrong:/.test(l.text)) {
        let item = '';
        return new Block(
          {
            tool: 'gradle',
            item: 'gradle build',
            belongs: (x) => {
              if (!item && x.text.trim()) item = x.text.trim();
              return !/^\* (?:Try|Get more help|Exception is):|^BUILD FAILED/.test(x.text);
            },
            maxLines: 20,
            done: (f) => {
              f.item = item.replace(/[.:]$/, '') || 'gradle build';
              const texts = f.lines.map((x) => x.text);
              f.kind = texts.some((t) =>
                /Could not (?:resolve|find|download|GET)\b|Could not resolve all (?:files|dependencies|artifacts)/.test(
                  t,
                ),
              )
                ? 'dependency'
                : classify(texts, 'unknown');
              // `Execution failed for task ':test'.` then `> There were failing tests...`: the cause is
              // on the second line; the failures themselves were reported above.
              f.consequence = texts.some((t) =>
                /There were failing tests|Compilation failed; see the compiler error output|Compilation error\. See log for more details/.test(
                  t,
                ),
              );
              return f;
            },
          },
          l,
        );
      }
      return null;
    },
  };
}

export function otherStarters(): Starter[] {
  return [pytest(), goTest(), maven(), gradle()];
}
