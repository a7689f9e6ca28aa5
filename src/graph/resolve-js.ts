import { posix } from 'node:path';
import picomatch from 'picomatch';
import { parseJsonc } from './jsonc.js';

/**
 * Resolves JS/TS module specifiers to repository files the way TypeScript and bundlers do:
 * relative paths with extension and index resolution (and `.js` written for a `.ts` file), tsconfig
 * `paths` and `baseUrl` (following `extends`), and npm/pnpm/yarn workspace packages through their
 * `exports`, `main`, `module`, `types` or `source` fields. Everything works on the in-memory file
 * set, so resolving costs no file-system calls.
 */

export const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const TRY_EXTENSIONS = [
  '.ts',
  '.tsx',
  '.d.ts',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.json',
  '.vue',
  '.svelte',
];
const JS_TO_TS: Array<[string, string[]]> = [
  ['.js', ['.ts', '.tsx', '.d.ts']],
  ['.jsx', ['.tsx']],
  ['.mjs', ['.mts', '.d.mts']],
  ['.cjs', ['.cts', '.d.cts']],
];
const CONDITIONS = ['source', 'types', 'import', 'module', 'require', 'node', 'default', 'browser'];

export interface Resolution {
  /** The file, when found. */
  path?: string;
  /** Whether the specifier names something in this repository (relative, alias, workspace package). */
  local: boolean;
}

interface PathsRule {
  prefix: string;
  suffix: string;
  wildcard: boolean;
  targets: string[];
  /** Directory the targets are relative to (repository-relative, '' = root). */
  base: string;
}

interface TsConfig {
  baseUrl?: string;
  paths: PathsRule[];
}

interface PackageInfo {
  name: string;
  dir: string;
  json: Record<string, unknown>;
}

export type ReadText = (path: string) => Promise<string | undefined>;

function rec(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Joins and normalises repository-relative paths ('' is the root); a result starting with `..` is outside. */
export function join(dir: string, p: string): string {
  const raw = dir ? `${dir}/${p}` : p;
  // Fast path: nothing to normalise.
  if (
    !raw.includes('./') &&
    !raw.includes('//') &&
    !raw.endsWith('/') &&
    !raw.endsWith('.') &&
    !raw.startsWith('/')
  )
    return raw;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
    } else out.push(seg);
  }
  return out.join('/');
}

function dirOf(p: string): string {
  const k = p.lastIndexOf('/');
  return k < 0 ? '' : p.slice(0, k);
}

export class JsResolver {
  private readonly dirs = new Set<string>();
  private readonly configByDir = new Map<string, TsConfig | undefined>();
  private readonly configFiles = new Map<string, TsConfig>();
  private readonly packages = new Map<string, PackageInfo>();
  private readonly memo = new Map<string, Resolution>();

  private constructor(private readonly files: Set<string>) {
    for (const f of files) {
      let d = posix.dirname(f);
      while (d !== '.' && !this.dirs.has(d)) {
        this.dirs.add(d);
        d = posix.dirname(d);
      }
    }
  }

  static async create(files: Set<string>, readText: ReadText, rootDiskPath?: string): Promise<JsResolver> {
    const r = new JsResolver(files);
    const configs = [...files].filter((f) => /(^|\/)(tsconfig|jsconfig)\.json$/.test(f));
    const loaded = await Promise.all(configs.map((c) => r.loadConfig(c, readText, rootDiskPath, new Set())));
    configs.forEach((c, k) => {
      const cfg = loaded[k];
      if (cfg) r.configFiles.set(posix.dirname(c) === '.' ? '' : posix.dirname(c), cfg);
    });
    await r.loadWorkspaces(readText);
    return r;
  }

  /** A tsconfig with its `extends` chain merged; paths stay relative to the config that set them. */
  private async loadConfig(
    path: string,
    readText: ReadText,
    rootDiskPath: string | undefined,
    seen: Set<string>,
  ): Promise<TsConfig | undefined> {
    if (seen.has(path) || seen.size > 10) return undefined;
    seen.add(path);
    let text = await readText(path);
    if (text === undefined && rootDiskPath && path.startsWith('node_modules/')) {
      // A shared base config from a package (`@tsconfig/node20`) is outside the tracked files.
      try {
        const { readFile } = await import('node:fs/promises');
        text = await readFile(posix.join(rootDiskPath, path), 'utf8');
      } catch {
        text = undefined;
      }
    }
    const json = rec(parseJsonc(text ?? ''));
    if (!json) return undefined;
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    let merged: TsConfig = { paths: [] };
    const ext = json.extends;
    const parents =
      typeof ext === 'string'
        ? [ext]
        : Array.isArray(ext)
          ? ext.filter((e): e is string => typeof e === 'string')
          : [];
    for (const p of parents) {
      const target =
        p.startsWith('.') || p.startsWith('/')
          ? join(dir, p.endsWith('.json') ? p : `${p}.json`)
          : join('node_modules', p.endsWith('.json') ? p : `${p}/tsconfig.json`);
      const parent =
        (await this.loadConfig(target, readText, rootDiskPath, seen)) ??
        (target.endsWith('.json')
          ? undefined
          : await this.loadConfig(`${target}.json`, readText, rootDiskPath, seen));
      if (parent)
        merged = {
          baseUrl: parent.baseUrl ?? merged.baseUrl,
          paths: parent.paths.length ? parent.paths : merged.paths,
        };
    }
    const co = rec(json.compilerOptions);
    if (co) {
      if (typeof co.baseUrl === 'string') merged.baseUrl = join(dir, co.baseUrl);
      const paths = rec(co.paths);
      if (paths) {
        const base = typeof co.baseUrl === 'string' ? join(dir, co.baseUrl) : (merged.baseUrl ?? dir);
        merged.paths = Object.entries(paths).map(([pattern, targets]) => {
          const star = pattern.indexOf('*');
          return {
            prefix: star < 0 ? pattern : pattern.slice(0, star),
            suffix: star < 0 ? '' : pattern.slice(star + 1),
            wildcard: star >= 0,
            targets: Array.isArray(targets) ? targets.filter((t): t is string => typeof t === 'string') : [],
            base,
          };
        });
        // TypeScript picks the pattern with the longest prefix.
        merged.paths.sort((a, b) => b.prefix.length - a.prefix.length);
      } else if (typeof co.baseUrl === 'string' && merged.paths.length && !merged.paths[0].base) {
        merged.paths = merged.paths.map((r) => ({ ...r, base: merged.baseUrl ?? r.base }));
      }
    }
    return merged;
  }

  private async loadWorkspaces(readText: ReadText): Promise<void> {
    const patterns: string[] = [];
    const rootPkg = rec(parseJsonc((await readText('package.json')) ?? ''));
    const ws = rootPkg?.workspaces;
    if (Array.isArray(ws)) patterns.push(...ws.filter((w): w is string => typeof w === 'string'));
    else if (Array.isArray(rec(ws)?.packages))
      patterns.push(...(rec(ws)!.packages as unknown[]).filter((w): w is string => typeof w === 'string'));
    if (this.files.has('pnpm-workspace.yaml')) {
      try {
        // yaml is ~70 modules to initialise; only pnpm repositories need it.
        const { parse: parseYaml } = await import('yaml');
        const y = rec(parseYaml((await readText('pnpm-workspace.yaml')) ?? ''));
        if (Array.isArray(y?.packages))
          patterns.push(...(y!.packages as unknown[]).filter((w): w is string => typeof w === 'string'));
      } catch {
        // a broken pnpm-workspace.yaml means no pnpm workspaces
      }
    }
    if (this.files.has('lerna.json')) {
      const l = rec(parseJsonc((await readText('lerna.json')) ?? ''));
      if (Array.isArray(l?.packages))
        patterns.push(...(l!.packages as unknown[]).filter((w): w is string => typeof w === 'string'));
    }
    if (!patterns.length) return;
    const include = patterns
      .filter((p) => !p.startsWith('!'))
      .map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
    const exclude = patterns
      .filter((p) => p.startsWith('!'))
      .map((p) => p.slice(1).replace(/^\.\//, '').replace(/\/$/, ''));
    const isIn = picomatch(include, { dot: false });
    const isOut = exclude.length ? picomatch(exclude) : () => false;
    const candidates = [...this.files]
      .filter((f) => f.endsWith('/package.json'))
      .map((f) => posix.dirname(f));
    await Promise.all(
      candidates
        .filter((d) => isIn(d) && !isOut(d))
        .map(async (d) => {
          const json = rec(parseJsonc((await readText(`${d}/package.json`)) ?? ''));
          if (json && typeof json.name === 'string')
            this.packages.set(json.name, { name: json.name, dir: d, json });
        }),
    );
  }

  /** Workspace packages by name (for reports and architecture-scan). */
  workspacePackages(): Array<{ name: string; dir: string }> {
    return [...this.packages.values()].map((p) => ({ name: p.name, dir: p.dir }));
  }

  private configFor(fromDir: string): TsConfig | undefined {
    if (this.configByDir.has(fromDir)) return this.configByDir.get(fromDir);
    let found: TsConfig | undefined;
    const own = this.configFiles.get(fromDir);
    if (own) found = own;
    else if (fromDir !== '')
      found = this.configFor(posix.dirname(fromDir) === '.' ? '' : posix.dirname(fromDir));
    this.configByDir.set(fromDir, found);
    return found;
  }

  resolve(from: string, specifier: string): Resolution {
    const fromDir = dirOf(from);
    const key = `${fromDir}\0${specifier}`;
    let r = this.memo.get(key);
    if (!r) {
      r = this.resolveUncached(fromDir, specifier);
      this.memo.set(key, r);
    }
    return r;
  }

  private resolveUncached(fromDir: string, specifier: string): Resolution {
    const q = specifier.search(/[?#]/);
    // `#internal` subpath imports start with '#'; a query or hash later in the specifier is dropped.
    const spec = q > 0 ? specifier.slice(0, q) : specifier;
    if (!spec || spec.startsWith('#')) return { local: false };
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const target = spec.startsWith('/') ? join('', spec.slice(1)) : join(fromDir, spec);
      if (target.startsWith('..')) return { local: true };
      return { path: this.resolveFile(target), local: true };
    }
    if (/^[a-z]+:/i.test(spec) && !spec.startsWith('@')) return { local: false }; // node:fs, https:, virtual:
    const cfg = this.configFor(fromDir);
    let matchedAlias = false;
    if (cfg?.paths.length) {
      for (const rule of cfg.paths) {
        let captured: string | undefined;
        if (rule.wildcard) {
          if (
            spec.startsWith(rule.prefix) &&
            spec.endsWith(rule.suffix) &&
            spec.length >= rule.prefix.length + rule.suffix.length
          ) {
            captured = spec.slice(rule.prefix.length, spec.length - rule.suffix.length);
          }
        } else if (spec === rule.prefix) captured = '';
        if (captured === undefined) continue;
        // A catch-all `*` rule would make every npm package "local"; only named prefixes count.
        if (rule.prefix !== '' || rule.suffix !== '') matchedAlias = true;
        for (const t of rule.targets) {
          const hit = this.resolveFile(join(rule.base, t.replace('*', captured)));
          if (hit) return { path: hit, local: true };
        }
        break;
      }
    }
    if (cfg?.baseUrl !== undefined) {
      const hit = this.resolveFile(join(cfg.baseUrl, spec));
      if (hit) return { path: hit, local: true };
    }
    const pkg = this.packageFor(spec);
    if (pkg) return { path: this.resolvePackage(pkg.info, pkg.subpath), local: true };
    return { local: matchedAlias };
  }

  private packageFor(spec: string): { info: PackageInfo; subpath: string } | undefined {
    if (!this.packages.size) return undefined;
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const info = this.packages.get(name);
    if (!info) return undefined;
    const rest = spec.slice(name.length);
    return { info, subpath: rest ? `.${rest}` : '.' };
  }

  private resolvePackage(pkg: PackageInfo, subpath: string): string | undefined {
    const exp = pkg.json.exports;
    if (exp !== undefined && exp !== null) {
      const hit = this.resolveExports(pkg, exp, subpath);
      if (hit) return hit;
    }
    if (subpath === '.') {
      for (const field of ['source', 'types', 'typings', 'module', 'main']) {
        const v = pkg.json[field];
        if (typeof v === 'string') {
          const hit = this.resolveBuilt(join(pkg.dir, v));
          if (hit) return hit;
        }
      }
      return this.resolveFile(join(pkg.dir, 'index')) ?? this.resolveFile(join(pkg.dir, 'src/index'));
    }
    return (
      this.resolveBuilt(join(pkg.dir, subpath)) ?? this.resolveFile(join(pkg.dir, `src/${subpath.slice(2)}`))
    );
  }

  private resolveExports(pkg: PackageInfo, exp: unknown, subpath: string): string | undefined {
    const map = rec(exp);
    const isSubpathMap = map !== undefined && Object.keys(map).some((k) => k.startsWith('.'));
    if (!isSubpathMap) return subpath === '.' ? this.resolveTarget(pkg, exp, '') : undefined;
    if (map[subpath] !== undefined) return this.resolveTarget(pkg, map[subpath], '');
    // Subpath patterns: the longest matching prefix wins.
    let best: [string, string] | undefined;
    for (const key of Object.keys(map)) {
      const star = key.indexOf('*');
      if (star < 0) continue;
      const pre = key.slice(0, star);
      const post = key.slice(star + 1);
      if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= pre.length + post.length) {
        if (!best || pre.length > best[0].length) best = [pre, key];
      }
    }
    if (best) {
      const key = best[1];
      const star = key.indexOf('*');
      const captured = subpath.slice(star, subpath.length - (key.length - star - 1));
      return this.resolveTarget(pkg, map[key], captured);
    }
    return undefined;
  }

  private resolveTarget(pkg: PackageInfo, target: unknown, captured: string): string | undefined {
    if (typeof target === 'string') return this.resolveBuilt(join(pkg.dir, target.replace(/\*/g, captured)));
    if (Array.isArray(target)) {
      for (const t of target) {
        const hit = this.resolveTarget(pkg, t, captured);
        if (hit) return hit;
      }
      return undefined;
    }
    const conds = rec(target);
    if (!conds) return undefined;
    const keys = [
      ...CONDITIONS.filter((c) => c in conds),
      ...Object.keys(conds).filter((k) => !CONDITIONS.includes(k)),
    ];
    for (const k of keys) {
      const hit = this.resolveTarget(pkg, conds[k], captured);
      if (hit) return hit;
    }
    return undefined;
  }

  /** A package entry that points at build output (`dist/index.js`) maps back to its source when the build is not checked in. */
  private resolveBuilt(p: string): string | undefined {
    const direct = this.resolveFile(p);
    if (direct) return direct;
    const m = /^(.*?\/)?(dist|lib|build|out|esm|cjs|es)\/(.*)$/.exec(p);
    if (!m) return undefined;
    const rest = m[3].replace(/\.d\.(m|c)?ts$/, '').replace(/\.(m|c)?js$/, '');
    return this.resolveFile(`${m[1] ?? ''}src/${rest}`);
  }

  /** Extension, `.js`-for-`.ts` and index resolution against the file set. */
  resolveFile(p: string): string | undefined {
    const files = this.files;
    if (files.has(p)) return p;
    for (const [js, tss] of JS_TO_TS) {
      if (p.endsWith(js)) {
        const stem = p.slice(0, -js.length);
        for (const ts of tss) if (files.has(stem + ts)) return stem + ts;
      }
    }
    for (const ext of TRY_EXTENSIONS) if (files.has(p + ext)) return p + ext;
    if (this.dirs.has(p)) {
      const prefix = p ? `${p}/` : '';
      for (const ext of TRY_EXTENSIONS) if (files.has(`${prefix}index${ext}`)) return `${prefix}index${ext}`;
    }
    return undefined;
  }
}
