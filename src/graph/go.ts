import { posix } from 'node:path';
import type { ScannedImport } from './cache.js';

/**
 * Go imports: `import "x"`, `import alias "x"`, and `import ( ... )` blocks, read from the top of
 * the file up to the first declaration. Comments and raw-string paths are handled.
 */
export function scanGo(src: string): ScannedImport[] {
  const out: ScannedImport[] = [];
  const text = src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
  const re = /(?:^|\n)\s*import\s*(\(([\s\S]*?)\)|(?:[\w.]+\s+)?("[^"\n]*"|`[^`]*`))/g;
  const firstDecl = /(?:^|\n)\s*(?:func|type|var|const)\b/.exec(text);
  const limit = firstDecl ? firstDecl.index : text.length;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < limit) {
    if (m[2] !== undefined) {
      for (const spec of m[2].matchAll(/(?:[\w.]+\s+)?("[^"\n]*"|`[^`]*`)/g))
        out.push({ specifier: spec[1].slice(1, -1), kind: 'runtime' });
    } else if (m[3]) out.push({ specifier: m[3].slice(1, -1), kind: 'runtime' });
  }
  return out;
}

export interface GoModule {
  /** Folder of go.mod, repository-relative ('' = root). */
  dir: string;
  /** The `module` path. */
  path: string;
}

export function parseGoMod(dir: string, text: string): GoModule | undefined {
  const m = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text.replace(/\/\/[^\n]*/g, ''));
  return m ? { dir, path: m[2] } : undefined;
}

/**
 * Resolves Go import paths under the repository's modules (longest module path first, so nested
 * modules win) to the non-test `.go` files of that package folder.
 */
export class GoResolver {
  private readonly packageFiles = new Map<string, string[]>();
  private readonly modules: GoModule[];

  constructor(files: Iterable<string>, modules: GoModule[]) {
    this.modules = [...modules].sort((a, b) => b.path.length - a.path.length);
    for (const f of files) {
      if (!f.endsWith('.go') || f.endsWith('_test.go')) continue;
      const d = posix.dirname(f) === '.' ? '' : posix.dirname(f);
      let list = this.packageFiles.get(d);
      if (!list) this.packageFiles.set(d, (list = []));
      list.push(f);
    }
  }

  /** Non-test files of the package in a folder. */
  filesOf(dir: string): string[] {
    return this.packageFiles.get(dir) ?? [];
  }

  /** The module that owns a folder (nearest go.mod above it). */
  moduleOf(dir: string): GoModule | undefined {
    let best: GoModule | undefined;
    for (const m of this.modules) {
      if (
        (m.dir === '' || dir === m.dir || dir.startsWith(`${m.dir}/`)) &&
        (!best || m.dir.length > best.dir.length)
      )
        best = m;
    }
    return best;
  }

  /** The import path of the package in a folder, when a module owns it. */
  importPathOf(dir: string): string | undefined {
    const m = this.moduleOf(dir);
    if (!m) return undefined;
    const rest = m.dir === '' ? dir : dir.slice(m.dir.length + 1);
    return rest ? `${m.path}/${rest}` : m.path;
  }

  resolve(specifier: string): { paths: string[]; local: boolean; dir?: string } {
    for (const m of this.modules) {
      if (specifier !== m.path && !specifier.startsWith(`${m.path}/`)) continue;
      const rest = specifier.slice(m.path.length + 1);
      const dir = m.dir && rest ? `${m.dir}/${rest}` : m.dir || rest;
      return { paths: this.filesOf(dir), local: true, dir };
    }
    return { paths: [], local: false };
  }
}
