import { posix } from 'node:path';
import type { ScannedImport } from './cache.js';

/**
 * Python imports: `import a.b as c, d`, `from a.b import c, (d, e)`, relative `from ..x import y`,
 * wherever they appear (inside functions and `try` blocks too). Docstrings, strings and comments are
 * skipped. Specifiers keep the leading dots of relative imports; `from a import b` also yields the
 * optional candidate `a.b` (b may be a submodule or just a name).
 */
export function scanPython(src: string): ScannedImport[] {
  const out: ScannedImport[] = [];
  const lines = logicalLines(src);
  for (const line of lines) {
    const m = /^\s*(?:import\s+(.+)|from\s+(\.*[\w.]*)\s+import\s+(.+))$/s.exec(line);
    if (!m) continue;
    if (m[1] !== undefined) {
      for (const part of m[1].split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)[0]
          .trim();
        if (/^[A-Za-z_][\w.]*$/.test(name)) out.push({ specifier: name, kind: 'runtime' });
      }
    } else {
      const mod = m[2];
      if (!/^\.*([A-Za-z_][\w.]*)?$/.test(mod) || mod === '') continue;
      if (!/^\.+$/.test(mod)) out.push({ specifier: mod, kind: 'runtime' });
      const names = m[3].replace(/[()]/g, ' ');
      for (const part of names.split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)[0]
          .trim();
        if (!/^[A-Za-z_]\w*$/.test(name)) continue;
        const joined = mod.endsWith('.') ? `${mod}${name}` : `${mod}.${name}`;
        // `from . import x`: x must be a module or a name in the package's __init__.
        out.push({ specifier: joined, kind: 'runtime', optional: true });
      }
      if (/^\.+$/.test(mod)) out.push({ specifier: mod, kind: 'runtime', optional: true });
    }
  }
  return out;
}

/** Joins continuation lines (backslash, open brackets) and drops comments and string contents. */
function logicalLines(src: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src[i];
    if (c === '#') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = src.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let k = i + q.length;
      while (k < n) {
        if (src[k] === '\\') {
          k += 2;
          continue;
        }
        if (src.startsWith(q, k)) break;
        if (!triple && src[k] === '\n') break;
        k++;
      }
      cur += '""';
      i = Math.min(n, k + q.length);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    if (c === '\\' && src[i + 1] === '\n') {
      cur += ' ';
      i += 2;
      continue;
    }
    if (c === '\n' || c === ';') {
      if (depth > 0 && c === '\n') {
        cur += ' ';
      } else {
        out.push(cur);
        cur = '';
      }
      i++;
      continue;
    }
    cur += c;
    i++;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Resolves Python module names to files. Import roots: the repository root, `src/`, the folder of
 * any `pyproject.toml`/`setup.py`/`setup.cfg` (and its `src/`), and the folder above the file's
 * top-level package (what pytest puts on `sys.path`). Importing `a.b.c` also runs `a/__init__.py`
 * and `a/b/__init__.py`, so those are dependencies too.
 */
export class PythonResolver {
  private readonly roots: string[];
  private readonly dirs = new Set<string>();
  private readonly topNames = new Set<string>();

  constructor(private readonly files: Set<string>) {
    const roots = new Set<string>(['', 'src']);
    for (const f of files) {
      if (/(^|\/)(pyproject\.toml|setup\.py|setup\.cfg)$/.test(f)) {
        const d = posix.dirname(f) === '.' ? '' : posix.dirname(f);
        roots.add(d);
        roots.add(d ? `${d}/src` : 'src');
      }
      if (f.endsWith('.py')) {
        let d = posix.dirname(f);
        while (d !== '.' && !this.dirs.has(d)) {
          this.dirs.add(d);
          d = posix.dirname(d);
        }
      }
    }
    this.roots = [...roots];
    for (const r of this.roots) {
      const prefix = r ? `${r}/` : '';
      for (const f of files) {
        if (!f.startsWith(prefix) || !f.endsWith('.py')) continue;
        const top = f.slice(prefix.length).split('/')[0];
        this.topNames.add(top.replace(/\.py$/, ''));
      }
    }
  }

  /** The folder pytest (rootdir/prepend mode) puts on sys.path for a file: above its top package. */
  private basedir(from: string): string {
    let d = posix.dirname(from) === '.' ? '' : posix.dirname(from);
    while (d !== '' && this.files.has(`${d}/__init__.py`))
      d = posix.dirname(d) === '.' ? '' : posix.dirname(d);
    return d;
  }

  /** Files the import needs, and whether it names a module of this repository. */
  resolve(from: string, specifier: string): { paths: string[]; local: boolean; found: boolean } {
    const dots = /^\.*/.exec(specifier)![0].length;
    let name = specifier.slice(dots);
    let bases: string[];
    if (dots > 0) {
      let d = posix.dirname(from) === '.' ? '' : posix.dirname(from);
      for (let k = 1; k < dots; k++) d = d === '' ? '..' : posix.dirname(d) === '.' ? '' : posix.dirname(d);
      if (d.startsWith('..')) return { paths: [], local: true, found: false };
      bases = [d];
    } else {
      const top = name.split('.')[0];
      const bd = this.basedir(from);
      bases = [bd, ...this.roots.filter((r) => r !== bd)];
      if (!this.topNames.has(top) && !this.isModuleUnder(bd, top))
        return { paths: [], local: false, found: false };
    }
    if (name === '') {
      // `from . import x` refers to the package itself.
      const init = bases[0] ? `${bases[0]}/__init__.py` : '__init__.py';
      return { paths: this.files.has(init) ? [init] : [], local: true, found: true };
    }
    name = name.replace(/\.$/, '');
    const parts = name.split('.');
    for (const base of bases) {
      const found = this.resolveUnder(base, parts);
      if (found) return { paths: found, local: true, found: true };
    }
    return { paths: [], local: true, found: false };
  }

  private isModuleUnder(base: string, top: string): boolean {
    const prefix = base ? `${base}/` : '';
    return this.files.has(`${prefix}${top}.py`) || this.dirs.has(`${prefix}${top}`);
  }

  private resolveUnder(base: string, parts: string[]): string[] | undefined {
    const prefix = base ? `${base}/` : '';
    const path = prefix + parts.join('/');
    const found: string[] = [];
    if (this.files.has(`${path}.py`)) found.push(`${path}.py`);
    else if (this.files.has(`${path}/__init__.py`)) found.push(`${path}/__init__.py`);
    else if (this.dirs.has(path)) {
      // a namespace package: importing it runs nothing, but it is local and exists
    } else return undefined;
    for (let k = 1; k < parts.length; k++) {
      const init = `${prefix}${parts.slice(0, k).join('/')}/__init__.py`;
      if (this.files.has(init)) found.push(init);
    }
    return found;
  }
}
