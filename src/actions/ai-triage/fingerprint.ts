import { createHash } from 'node:crypto';
import type { Failure } from './types.js';

/**
 * Masks what differs between two occurrences of the same failure (numbers, ids, hashes, times,
 * temp paths, quoted values) so that they normalize to the same text.
 */
export function maskMessage(text: string): string {
  return text
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?\b/g, '<time>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<hex>')
    .replace(/\b[0-9a-f]{7,64}\b/gi, (m) => (/\d/.test(m) && /[a-f]/i.test(m) ? '<hex>' : m))
    .replace(
      /(?:\/tmp|\/var\/folders|\/home\/runner\/work\/_temp|C:\\Users\\[^\\]+\\AppData\\Local\\Temp)[^\s'"`)]*/g,
      '<tmp>',
    )
    .replace(/(["'`])(?:(?!\1).){0,200}\1/g, '<str>')
    .replace(/\b\d+(?:\.\d+)?(?:ms|s|m|h|kb|mb|gb|%)?\b/gi, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

const NON_APP =
  /node_modules\/|node:internal|\(internal\/|site-packages\/|dist-packages\/|\/usr\/lib\/|\/lib\/python\d|runtime\/|testing\/testing\.go|\/go\/src\/|<anonymous>|jest-circus|mocha\/lib|_pytest\//;

export interface Frame {
  file: string;
  line?: number;
  fn?: string;
}

/** In-app stack frames (not the test runner's, the runtime's or a dependency's), top first. */
export function inAppFrames(stack: string, limit = 3): Frame[] {
  const frames: Frame[] = [];
  for (const raw of stack.split(/\r?\n/)) {
    const line = raw.trim();
    if (NON_APP.test(line)) continue;
    let m = /^at (?:(.+?) \()?(?:file:\/\/)?([^():\s]+\.[a-z]+):(\d+)(?::\d+)?\)?$/.exec(line); // JS
    if (m) {
      frames.push({ file: m[2], line: Number(m[3]), fn: m[1] });
    } else if ((m = /^File "([^"]+)", line (\d+)(?:, in (\S+))?/.exec(line))) {
      frames.push({ file: m[1], line: Number(m[2]), fn: m[3] }); // Python
    } else if ((m = /^([^\s:]+\.go):(\d+)/.exec(line))) {
      frames.push({ file: m[1], line: Number(m[2]) }); // Go
    } else if ((m = /^at ([\w.$]+)\(([\w$]+\.(?:java|kt|scala)):(\d+)\)/.exec(line))) {
      frames.push({ file: m[2], line: Number(m[3]), fn: m[1] }); // JVM
    }
    if (frames.length >= limit) break;
  }
  return frames;
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * The identity of a root cause: the same failure in another run, job or matrix leg gets the same
 * fingerprint. Compile-like failures are keyed by kind, place and masked message; failures with a
 * stack by the message template and the in-app frame that raised it.
 */
export function fingerprint(f: Failure): string {
  const msg = maskMessage(f.message);
  if (
    f.kind === 'compile' ||
    f.kind === 'type' ||
    f.kind === 'import' ||
    f.kind === 'lint' ||
    f.kind === 'dependency'
  ) {
    return shortHash(`${f.kind}|${f.file ?? ''}|${msg}`);
  }
  const frames = f.detail ? inAppFrames(f.detail, 2) : [];
  // An assertion is located by the exact line that asserted; an exception by the function that threw.
  const where =
    frames.length > 0
      ? frames
          .map((fr) => (f.kind === 'assertion' ? `${fr.file}:${fr.line ?? ''}` : `${fr.file}#${fr.fn ?? ''}`))
          .join('>')
      : `${f.testFile ?? f.file ?? ''}|${f.test ?? ''}`;
  return shortHash(`${f.kind}|${msg}|${where}`);
}
