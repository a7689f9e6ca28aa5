/**
 * Which packages a change touched, read from the lines its diff adds to lockfiles and manifests. A
 * vulnerability on a package the change touched is "introduced"; one on an untouched package was
 * disclosed since (the code did not change, the advisory database did).
 *
 * Each format names the package that owns a line differently; for each added line we walk up to
 * the entry that owns it (a version bump only changes `"version"`, `resolved` and `integrity`
 * lines, never the key that names the package).
 */

const BASENAMES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'package.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'go.mod',
  'go.sum',
  'cargo.lock',
  'poetry.lock',
  'uv.lock',
  'pipfile.lock',
  'gemfile.lock',
  'composer.lock',
]);

export function isDependencyFile(path: string): boolean {
  const base = (path.split('/').pop() ?? '').toLowerCase();
  return BASENAMES.has(base) || /^requirements.*\.txt$/.test(base) || /^constraints.*\.txt$/.test(base);
}

const indent = (line: string): number => line.length - line.trimStart().length;

/** JSON objects that hold package entries, and the keys inside an entry that are not packages. */
const DEP_MAPS = new Set([
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'packages',
  // Pipfile.lock
  'default',
  'develop',
]);
const JSON_KEY = /^\s*"((?:[^"\\]|\\.)*)"\s*:\s*(.*)$/;

/** The chain of enclosing keys of line `i` in pretty-printed JSON (innermost first), the line's own key included. */
function jsonAncestors(lines: string[], i: number): string[] {
  const keys: string[] = [];
  const own = JSON_KEY.exec(lines[i]);
  if (own) keys.push(own[1]);
  let level = indent(lines[i]);
  for (let j = i - 1; j >= 0 && level > 0; j--) {
    const l = lines[j];
    if (l.trim() === '' || indent(l) >= level) continue;
    const m = JSON_KEY.exec(l);
    if (m && /^[{[]\s*$/.test(m[2].trim())) keys.push(m[1]);
    level = indent(l);
  }
  return keys;
}

function npmJsonOwner(lines: string[], i: number): string | undefined {
  const keys = jsonAncestors(lines, i);
  // package-lock v2/v3: "packages" -> "node_modules/a/node_modules/b" -> fields.
  const nm = keys.find((k) => k.includes('node_modules/'));
  if (nm) return nm.slice(nm.lastIndexOf('node_modules/') + 'node_modules/'.length);
  // lockfile v1 and package.json: the key right under a dependency map.
  for (let k = 1; k < keys.length; k++) {
    if (DEP_MAPS.has(keys[k]) && keys[k - 1] !== '') return keys[k - 1];
  }
  return undefined;
}

/** `lodash@^4.17.0, lodash@^4.17.21:` / `"@babel/core@^7.0.0":` / `"lodash@npm:4.17.21":` -> the name. */
function specName(spec: string): string | undefined {
  const s = spec
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/^\//, '');
  const at = s.indexOf('@', s.startsWith('@') ? 1 : 0);
  const name = at > 0 ? s.slice(0, at) : s;
  return name || undefined;
}

function yarnOwner(lines: string[], i: number): string | undefined {
  for (let j = i; j >= 0; j--) {
    const l = lines[j];
    if (l.trim() === '' || l.startsWith('#') || indent(l) > 0) continue;
    return specName(l.replace(/:\s*$/, '').split(',')[0]);
  }
  return undefined;
}

/** YAML with keys on their own lines (pnpm-lock.yaml). */
function pnpmOwner(lines: string[], i: number): string | undefined {
  const chain: { key: string; indent: number }[] = [];
  let level = Number.POSITIVE_INFINITY;
  for (let j = i; j >= 0; j--) {
    const l = lines[j];
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const ind = indent(l);
    if (j !== i && ind >= level) continue;
    const m = /^\s*(['"]?[^'":]+(?::[^'":\s][^'":]*)*['"]?):(?:\s|$)/.exec(l);
    if (m) chain.unshift({ key: m[1].replace(/^['"]|['"]$/g, ''), indent: ind });
    level = ind;
    if (ind === 0) break;
  }
  const top = chain[0]?.key;
  if ((top === 'packages' || top === 'snapshots') && chain[1]) {
    const key = chain[1].key;
    // v5: /lodash/4.17.21 ; v6+: /lodash@4.17.21 or lodash@4.17.21(peer@1)
    if (/^\/(@[^/]+\/)?[^/@]+\/\d/.test(key)) return key.replace(/^\//, '').replace(/\/\d.*$/, '');
    return specName(key.replace(/\(.*$/, ''));
  }
  for (let k = chain.length - 2; k >= 0; k--) {
    if (DEP_MAPS.has(chain[k].key) && chain[k + 1]) return chain[k + 1].key;
  }
  return undefined;
}

function goOwner(line: string): string | undefined {
  const t = line
    .trim()
    .replace(/^require\s+/, '')
    .replace(/^\(\s*/, '');
  const m = /^([^\s]+)\s+v\d/.exec(t);
  return m ? m[1] : undefined;
}

function requirementsOwner(line: string): string | undefined {
  const t = line.trim();
  if (!t || t.startsWith('#') || t.startsWith('-')) return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(t);
  return m ? m[1] : undefined;
}

/** TOML lockfiles with `[[package]]` tables (Cargo.lock, poetry.lock, uv.lock). */
function tomlOwner(lines: string[], i: number): string | undefined {
  let start = i;
  while (start > 0 && !/^\s*\[\[package\]\]/.test(lines[start])) start--;
  for (let j = start; j < lines.length && (j === start || !/^\s*\[\[package\]\]/.test(lines[j])); j++) {
    const m = /^\s*name\s*=\s*"([^"]+)"/.exec(lines[j]);
    if (m) return m[1];
  }
  return undefined;
}

function gemOwner(line: string): string | undefined {
  const m = /^\s{4}([A-Za-z0-9._-]+) \(/.exec(line);
  return m ? m[1] : undefined;
}

function composerOwner(lines: string[], i: number): string | undefined {
  // Each package object has a "name" line near its top: the closest one above at the same depth.
  const target = indent(lines[i]);
  for (let j = i; j >= 0; j--) {
    const m = /^\s*"name"\s*:\s*"([^"]+)"/.exec(lines[j]);
    if (m && indent(lines[j]) <= target) return m[1];
  }
  return undefined;
}

/** The packages whose entries own the given (1-based) added lines of one dependency file. */
export function packagesTouched(path: string, text: string, added: readonly number[]): string[] {
  const base = (path.split('/').pop() ?? '').toLowerCase();
  const lines = text.split(/\r?\n/);
  const out = new Set<string>();
  for (const n of added) {
    const i = n - 1;
    if (i < 0 || i >= lines.length) continue;
    let name: string | undefined;
    if (
      base === 'package-lock.json' ||
      base === 'npm-shrinkwrap.json' ||
      base === 'package.json' ||
      base === 'pipfile.lock'
    ) {
      name = npmJsonOwner(lines, i);
    } else if (base === 'yarn.lock') name = yarnOwner(lines, i);
    else if (base === 'pnpm-lock.yaml') name = pnpmOwner(lines, i);
    else if (base === 'go.mod' || base === 'go.sum') name = goOwner(lines[i]);
    else if (base === 'cargo.lock' || base === 'poetry.lock' || base === 'uv.lock')
      name = tomlOwner(lines, i);
    else if (base === 'gemfile.lock') name = gemOwner(lines[i]);
    else if (base === 'composer.lock') name = composerOwner(lines, i);
    else name = requirementsOwner(lines[i]);
    if (name) out.add(name);
  }
  return [...out].sort();
}
