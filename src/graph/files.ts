import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { GitRepo } from '../core/git.js';

/**
 * The files a graph is built from, with a content hash per file when one is known without
 * reading it (git's blob SHA), and a way to read each. Two sources: the working tree and a
 * committed revision (for the base graph of deleted files).
 */
export interface FileSource {
  /** Repository-relative path -> git blob SHA of its content, or `undefined` when it must be read to know. */
  files: Map<string, string | undefined>;
  /** Reads many files; the result maps path -> [text, blob SHA]. Missing files are absent. */
  readMany(paths: string[]): Promise<Map<string, [string, string]>>;
  /** Reads one small file (a config) by path, `undefined` when absent. */
  readText(path: string): Promise<string | undefined>;
}

const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** git's blob id of some bytes: the cache key that `git ls-files -s` already knows for clean files. */
export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function underSkippedDir(path: string): boolean {
  if (path.startsWith('node_modules/') || path.includes('/node_modules/')) return true;
  return false;
}

/** The working tree under `root`: `git ls-files` when it is a git work tree, else a directory walk. */
export async function workingTreeSource(root: string): Promise<FileSource> {
  const git = new GitRepo(root);
  const files = new Map<string, string | undefined>();
  // Outside a work tree these fail; that is the test (one spawn fewer than asking first).
  const [staged, others] = await Promise.all([
    git.tryRun(['-c', 'core.quotepath=off', 'ls-files', '-z', '-s']),
    // -t tags each path: `C ` modified, `R ` deleted from the work tree, `? ` untracked.
    git.tryRun(['-c', 'core.quotepath=off', 'ls-files', '-z', '-t', '-m', '-d', '-o', '--exclude-standard']),
  ]);
  if (staged !== undefined && others !== undefined) {
    // "<mode> <sha> <stage>\t<path>\0" records, read in place: splitting first made an extra
    // string per file (10,000 of them) for the garbage collector.
    for (let at = 0; at < staged.length;) {
      let end = staged.indexOf('\0', at);
      if (end < 0) end = staged.length;
      const tab = staged.indexOf('\t', at);
      // Submodules (mode 160000) are not files.
      if (tab > at && tab < end && !staged.startsWith('160000', at)) {
        const path = staged.slice(tab + 1, end);
        if (!underSkippedDir(path)) files.set(path, staged.slice(at + 7, at + 47));
      }
      at = end + 1;
    }
    const deleted: string[] = [];
    for (const rec of others.split('\0')) {
      if (rec.length < 3) continue;
      const tag = rec[0];
      const path = rec.slice(2);
      if (tag === 'R') deleted.push(path);
      else if (!underSkippedDir(path)) files.set(path, undefined);
    }
    for (const path of deleted) files.delete(path);
  } else {
    await walk(root, '', files);
  }
  return {
    files,
    readMany: (paths) => readWorkingTree(root, paths, files),
    readText: async (path) => {
      try {
        return await readFile(join(root, path), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

async function walk(root: string, rel: string, files: Map<string, string | undefined>): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  await Promise.all(
    entries.map(async (e) => {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRS.has(e.name)) await walk(root, p, files);
      } else if (e.isFile()) files.set(p, undefined);
    }),
  );
}

/**
 * Reads files synchronously: for thousands of small files this is about 5x faster than promise-based
 * reads, whose per-file thread-pool round trips dominate (measured on 11,800 files: 0.19 s vs 0.83 s).
 */
async function readWorkingTree(
  root: string,
  paths: string[],
  known: Map<string, string | undefined>,
): Promise<Map<string, [string, string]>> {
  const out = new Map<string, [string, string]>();
  for (const p of paths) {
    try {
      const bytes = readFileSync(join(root, p));
      // A clean tracked file's hash is already known from the index; hash only the rest.
      out.set(p, [bytes.toString('utf8'), known.get(p) ?? blobSha(bytes)]);
    } catch {
      // vanished or unreadable: absent
    }
  }
  return out;
}

/** The tree of a committed revision, read through one `git cat-file --batch` process. */
export async function revisionSource(root: string, rev: string): Promise<FileSource> {
  const git = new GitRepo(root);
  const blobs = await git.blobsAtRevision(rev);
  const files = new Map<string, string | undefined>();
  for (const [p, sha] of blobs) if (!underSkippedDir(p)) files.set(p, sha);
  const readMany = async (paths: string[]): Promise<Map<string, [string, string]>> => {
    const wanted = paths.filter((p) => blobs.has(p));
    const texts = await catFileBatch(
      root,
      wanted.map((p) => blobs.get(p)!),
    );
    const out = new Map<string, [string, string]>();
    wanted.forEach((p, k) => {
      const t = texts[k];
      if (t !== undefined) out.set(p, [t, blobs.get(p)!]);
    });
    return out;
  };
  return {
    files,
    readMany,
    readText: async (path) => (await readMany([path])).get(path)?.[0],
  };
}

/** Reads many objects with one git process: `<sha> <type> <size>\n<bytes>\n` per object. */
export function catFileBatch(cwd: string, shas: string[]): Promise<Array<string | undefined>> {
  if (!shas.length) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', reject);
    child.on('close', () => {
      const buf = Buffer.concat(chunks);
      const out: Array<string | undefined> = [];
      let pos = 0;
      for (let k = 0; k < shas.length && pos < buf.length; k++) {
        const nl = buf.indexOf(10, pos);
        if (nl < 0) break;
        const header = buf.toString('latin1', pos, nl).split(' ');
        pos = nl + 1;
        if (header[1] === 'missing' || header.length < 3) {
          out.push(undefined);
          continue;
        }
        const size = Number(header[2]);
        out.push(buf.toString('utf8', pos, pos + size));
        pos += size + 1;
      }
      resolve(out);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(shas.join('\n') + '\n');
  });
}
