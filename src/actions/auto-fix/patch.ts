/** A unified diff, read as far as validation needs: which files change and which lines. */
export interface FilePatch {
  oldPath: string | null;
  newPath: string | null;
  added: string[];
  removed: string[];
  binary: boolean;
}

function stripPrefix(p: string): string | null {
  const t = p.trim().split('\t')[0];
  if (t === '/dev/null') return null;
  return t.replace(/^[ab]\//, '');
}

export function parseUnifiedDiff(diff: string): FilePatch[] {
  const files: FilePatch[] = [];
  let cur: FilePatch | undefined;
  const lines = diff.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('diff --git ')) {
      const m = /^diff --git a\/(.+) b\/(.+)$/.exec(l);
      cur = { oldPath: m ? m[1] : null, newPath: m ? m[2] : null, added: [], removed: [], binary: false };
      files.push(cur);
      continue;
    }
    if (l.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      const oldPath = stripPrefix(l.slice(4));
      const newPath = stripPrefix(lines[i + 1].slice(4));
      if (!cur || cur.added.length + cur.removed.length > 0) {
        cur = { oldPath, newPath, added: [], removed: [], binary: false };
        files.push(cur);
      } else {
        cur.oldPath = oldPath;
        cur.newPath = newPath;
      }
      i++;
      continue;
    }
    if (!cur) continue;
    if (l.startsWith('Binary files') || l.startsWith('GIT binary patch')) cur.binary = true;
    else if (l.startsWith('deleted file mode')) cur.newPath = null;
    else if (l.startsWith('new file mode')) cur.oldPath = null;
    else if (l.startsWith('+') && !l.startsWith('+++')) cur.added.push(l.slice(1));
    else if (l.startsWith('-') && !l.startsWith('---')) cur.removed.push(l.slice(1));
  }
  return files;
}

/** Every path the patch touches (old and new names of renames). */
export function touchedPaths(files: FilePatch[]): string[] {
  return [...new Set(files.flatMap((f) => [f.oldPath, f.newPath].filter((p): p is string => !!p)))].sort();
}

/** Models often wrap a diff in a code fence: the diff is what is between. */
export function extractDiff(text: string): string {
  const fenced = /```(?:diff|patch)?\s*\n([\s\S]*?)```/.exec(text);
  const body = (fenced ? fenced[1] : text).replace(/^\s*\n/, '');
  return body.endsWith('\n') ? body : `${body}\n`;
}
