import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

/**
 * Files matching glob patterns (`!pattern` excludes), relative to `cwd` (the workspace), sorted
 * and unique. Absolute patterns work too. Dot-folders are searched, `node_modules` and `.git` not,
 * since reports usually live in build output folders.
 */
export async function expandGlobs(patterns: readonly string[], cwd: string): Promise<string[]> {
  if (patterns.length === 0) return [];
  const normalized = patterns.map((p) => {
    const neg = p.startsWith('!');
    const body = neg ? p.slice(1) : p;
    const rel = isAbsolute(body) ? relative(cwd, body).split(sep).join('/') : body;
    return neg ? `!${rel}` : rel;
  });
  const found = await glob(normalized, {
    cwd,
    dot: true,
    onlyFiles: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    expandDirectories: false,
  });
  return [...new Set(found.map((f) => resolve(cwd, f)))].sort();
}

/** A path relative to the repository root, with `/`; paths outside it stay absolute. */
export function repoRelative(root: string, path: string): string {
  const abs = resolve(root, path);
  const rel = relative(root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) return abs.split(sep).join('/');
  return rel.split(sep).join('/');
}

/**
 * One predicate for many globs (dot files included), compiled into a single regular expression.
 * picomatch's own matcher re-normalizes each input per pattern (~20 µs a path here); the compiled
 * expression is well under 1 µs, and select-tests matches every path of the repository.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (!patterns.length) return () => false;
  const re = new RegExp(patterns.map((p) => `(?:${picomatch.makeRe(p, { dot: true }).source})`).join('|'));
  return (path) => re.test(path);
}
