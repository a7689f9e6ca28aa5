import { Block, type LineView, type LookBack, type Starter } from './block.js';
import { classify } from './classify.js';
import type { FailureKind } from './types.js';

// Code frames that jest, vitest and tsc print around the failing source line: the location is
// already in the finding, and the frame is not what the tool reports as the failure.
const CODE_FRAME = /^\s*(?:>\s*)?\d+\s*\|(?:\s|$)|^\s*\|\s*[\^~]+\s*$|^\s*\|\s*$/;
const keepNoFrame = (l: LineView) => l.text.trim() !== '' && !CODE_FRAME.test(l.text);

/** jest: `● Suite › test` blocks up to the next one or the summary. */
function jest(): Starter {
  return {
    tool: 'jest',
    start(l) {
      const m = /^\s*● (.+)$/.exec(l.text);
      if (!m) return null;
      const item = m[1].trim();
      return new Block(
        {
          tool: 'jest',
          item,
          keep: keepNoFrame,
          belongs: (x) =>
            !/^\s*● |^(?:PASS|FAIL) |^(?:Test Suites|Tests|Snapshots|Time):|^ › \d+ snapshots? |^Snapshot Summary|^Summary of all failing tests|^> |^npm (?:ERR!|error)/.test(
              x.text,
            ),
        },
        l,
      );
    },
  };
}

/** vitest: `FAIL  file > suite > test` blocks closed by the `⎯⎯⎯` rule, and the `×` lines of the run list. */
function vitest(): Starter {
  return {
    tool: 'vitest',
    start(l) {
      let m = /^\s*FAIL\s+(\S+\.[cm]?[jt]sx?)\s+>\s+(.+?)\s*$/.exec(l.text);
      if (m) {
        return new Block(
          {
            tool: 'vitest',
            item: m[2],
            file: m[1],
            keep: (x) => keepNoFrame(x) && !/^\s*⎯+/.test(x.text),
            belongs: (x) => !/^\s*⎯{3,}|^\s*FAIL\s|^\s*Test Files\s/.test(x.text),
            done: (f) => {
              for (const t of f.lines) {
                const loc = /❯\s+(?:\S+\s+)?(\S+?):(\d+):\d+/.exec(t.text);
                if (loc && loc[1] === f.file) {
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
      m = /^\s*[×✕]\s+(.+?)(?:\s+\d+ms)?\s*$/.exec(l.text);
      if (m) {
        return new Block(
          { tool: 'vitest', item: m[1], belongs: (x) => /^\s*→ /.test(x.text), maxLines: 6 },
          l,
        );
      }
      return null;
    },
  };
}

/** mocha (spec reporter): after `N failing`, `  1) Suite\n       test:` blocks. */
function mocha(): Starter {
  let armed = false;
  return {
    tool: 'mocha',
    start(l) {
      if (/^\s+\d+ failing\s*$/.test(l.text)) {
        armed = true;
        return null;
      }
      const m = armed && /^ {2}(\d+)\) (.+)$/.exec(l.text);
      if (!m) return null;
      const title = [m[2].trim()];
      let titleDone = m[2].trim().endsWith(':');
      return new Block(
        {
          tool: 'mocha',
          item: '',
          belongs: (x, b) => {
            if (/^ {2}\d+\) |^npm (?:ERR!|error)|^##\[/.test(x.text)) return false;
            if (!titleDone && x.text.trim() !== '') {
              title.push(x.text.trim());
              titleDone = x.text.trim().endsWith(':');
            }
            return b.count < 200;
          },
          done: (f) => {
            f.item = title.join(' ').replace(/:$/, '');
            return f;
          },
        },
        l,
      );
    },
  };
}

/** node --test, TAP reporter: `not ok N - name` and its YAML diagnostic up to `...`. */
function nodeTap(): Starter {
  return {
    tool: 'node-test',
    start(l) {
      const m = /^(\s*)not ok \d+ - (.+?)(?:\s+#.*)?$/.exec(l.text);
      if (!m) return null;
      const indent = m[1].length;
      let closed = false;
      let location: { file: string; line: number } | undefined;
      let parent = false;
      // The error's class (`name: 'RangeError'`): the quoted lines drop the YAML keys, so the
      // kind would otherwise be guessed from the message alone.
      let errorClass: string | undefined;
      return new Block(
        {
          tool: 'node-test',
          item: m[2],
          keep: (x) =>
            x.text.trim() !== '' &&
            !/^\s*(?:---|\.\.\.|duration_ms:|type:|failureType:|code:|name:|operator:|location:)/.test(
              x.text,
            ),
          belongs: (x) => {
            if (closed) return false;
            const lead = /^\s*/.exec(x.text)?.[0].length ?? 0;
            if (lead <= indent && x.text.trim() !== '') return false;
            const loc = /location: '(.+):(\d+):\d+'/.exec(x.text);
            if (loc) location = { file: loc[1], line: Number(loc[2]) };
            if (/failureType: 'subtestsFailed'/.test(x.text)) parent = true;
            errorClass ??= /^\s*name: '?([\w$.]+(?:Error|Exception))'?\s*$/.exec(x.text)?.[1];
            if (x.text.trim() === '...' && lead === indent + 2) closed = true;
            return true;
          },
          done: (f) => {
            if (parent) return null;
            if (f.kind === 'unknown' && errorClass) f.kind = classify([errorClass], 'exception');
            if (location) {
              f.file = location.file;
              f.line = location.line;
            }
            return f;
          },
        },
        l,
      );
    },
  };
}

/** node --test, spec reporter: `✖ name (1.2ms)` with its error below; suites without a body are dropped. */
function nodeSpec(): Starter {
  return {
    tool: 'node-test',
    start(l, back: LookBack) {
      const m = /^(\s*)✖ (.+?) \([\d.]+m?s\)\s*$/.exec(l.text);
      if (!m) return null;
      const indent = m[1].length;
      const at = back.prev(1);
      const loc = at && /^test at (.+):(\d+):\d+$/.exec(at.text);
      return new Block(
        {
          tool: 'node-test',
          item: m[2],
          ...(loc ? { file: loc[1], line: Number(loc[2]) } : {}),
          belongs: (x) => {
            const lead = /^\s*/.exec(x.text)?.[0].length ?? 0;
            if (x.text.trim() === '') return true;
            return lead > indent && !/^\s*(?:✔|✖|▶|ℹ|﹣)/.test(x.text);
          },
          done: (f) => (f.lines.length > 1 ? f : null),
        },
        l,
      );
    },
  };
}

/** eslint stylish: problem lines under their file's path line; one finding per file. */
function eslint(): Starter {
  const PROBLEM = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)(?:\s{2,}(\S+))?\s*$/;
  return {
    tool: 'eslint',
    start(l, back) {
      const m = PROBLEM.exec(l.text);
      if (!m || m[3] !== 'error') return null;
      const path = back.prev(1);
      if (!path || !/^\S+\.\w+$/.test(path.text.trim())) return null;
      return new Block(
        {
          tool: 'eslint',
          item: path.text.trim(),
          kind: 'lint',
          file: path.text.trim(),
          line: Number(m[1]),
          before: [path],
          belongs: (x) => PROBLEM.test(x.text),
        },
        l,
      );
    },
  };
}

function tscKind(code: string, text: string): FailureKind {
  if (/^TS(?:2307|2305|2306|2792|2614|7016)$/.test(code)) return 'import';
  if (/^TS1\d{3}$/.test(code)) return 'compile';
  return classify([text], 'type') === 'import' ? 'import' : 'type';
}

/** tsc, plain (`file(l,c): error TSn: msg`) and pretty (`file:l:c - error TSn: msg` + code frame). */
function tsc(): Starter {
  const PLAIN = /^(\S.*?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
  const PRETTY = /^(\S.*?):(\d+):(\d+) - error (TS\d+): (.*)$/;
  return {
    tool: 'tsc',
    start(l) {
      const m = PLAIN.exec(l.text) ?? PRETTY.exec(l.text);
      if (!m) return null;
      return new Block(
        {
          tool: 'tsc',
          item: `${m[1]}:${m[2]}:${m[3]} ${m[4]}`,
          kind: tscKind(m[4], m[5]),
          file: m[1],
          line: Number(m[2]),
          keep: (x) => x.text.trim() !== '' && !/^\d+\s|^\s*~+\s*$|^\s+~/.test(x.text),
          belongs: (x) =>
            !PLAIN.test(x.text) &&
            !PRETTY.test(x.text) &&
            (x.text.trim() === '' || /^\s/.test(x.text) || /^\d+ /.test(x.text)) &&
            !/^Found \d+ errors?/.test(x.text),
          maxLines: 12,
        },
        l,
      );
    },
  };
}

const NPM_INFRA = /ENOTFOUND|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|E5\d\d|socket hang up/;

/** npm (`npm error`/`npm ERR!`), yarn classic (`error ...`) and pnpm (`ERR_PNPM_*`). */
function packageManagers(): Starter {
  let yarnSeen = false;
  return {
    tool: 'npm',
    start(l) {
      if (/^yarn (?:run|install) v\d/.test(l.text)) yarnSeen = true;
      let m = /^npm (?:ERR!|error) ?(.*)$/.exec(l.text);
      if (m) {
        let code = '';
        return new Block(
          {
            tool: 'npm',
            item: '',
            keep: (x) =>
              x.text.replace(/^npm (?:ERR!|error)/, '').trim() !== '' &&
              !/A complete log of this run/.test(x.text),
            belongs: (x) => {
              const c = /^npm (?:ERR!|error) code (\S+)/.exec(x.text);
              if (c && !code) code = c[1];
              return /^npm (?:ERR!|error)/.test(x.text);
            },
            done: (f, b) => {
              const first = /^npm (?:ERR!|error) code (\S+)/.exec(b.lines[0]?.text ?? '');
              code ||= first?.[1] ?? '';
              const all = f.lines.map((x) => x.text).join('\n');
              const script = /Missing script: "?([^"\s]+)"?/.exec(all);
              f.item = script ? `npm missing script ${script[1]}` : `npm ${code || 'error'}`;
              if (NPM_INFRA.test(code)) f.kind = 'infra';
              else if (script) f.kind = 'unknown';
              else if (/^E(?:NOTCACHED|RESOLVE|TARGET|404|INTEGRITY|USAGE|LOCKVERIFY)$/.test(code))
                f.kind = 'dependency';
              if (
                /Lifecycle script|command failed|^code [1-9]\d*$/m.test(
                  all.replace(/npm (?:ERR!|error) /g, ''),
                )
              ) {
                f.consequence = !script;
              }
              return f;
            },
          },
          l,
        );
      }
      m = /^\s*(ERR_PNPM_\w+)\s+(.*)$/.exec(l.text);
      if (m) {
        const code = m[1];
        return new Block(
          {
            tool: 'pnpm',
            item: `pnpm ${code}`,
            kind: /NO_SCRIPT/.test(code) ? 'unknown' : classify([l.text], 'dependency'),
            belongs: (x, b) => b.count < 4 && !/^\s*ERR_PNPM_/.test(x.text),
          },
          l,
        );
      }
      m = yarnSeen ? /^error (.+)$/.exec(l.text) : null;
      if (m) {
        return new Block(
          {
            tool: 'yarn',
            item: `yarn ${m[1].replace(/\.$/, '')}`,
            kind: /Command ".*" not found/.test(m[1]) ? 'unknown' : classify([m[1]], 'dependency'),
            belongs: () => false,
          },
          l,
        );
      }
      return null;
    },
  };
}

export function jsStarters(): Starter[] {
  return [jest(), vitest(), mocha(), nodeTap(), nodeSpec(), eslint(), tsc(), packageManagers()];
}
