import { round2 } from './stats.js';
import type { CoverageDriver, CoverageFileFacts, FileSnapshot, PatchCoverage } from './types.js';

/**
 * Finds the coverage entry of a diff path. Coverage tools in a sub-project write paths relative to
 * that project (`src/a.js` for `packages/x/src/a.js`), so a unique suffix match is accepted.
 */
export function coverageIndex(
  files: readonly CoverageFileFacts[],
): (path: string) => CoverageFileFacts | undefined {
  const exact = new Map(files.map((f) => [f.path, f]));
  return (path) => {
    const hit = exact.get(path);
    if (hit) return hit;
    const suffixed = files.filter((f) => path.endsWith(`/${f.path}`));
    return suffixed.length === 1 ? suffixed[0] : undefined;
  };
}

/**
 * Coverage of the lines a change adds. Only lines a coverage report lists (executable lines) are
 * lines to cover; comments and blank lines are not. The small-change exemption counts lines to
 * cover, as Sonar does, and is the same on a pull request and on the default branch.
 */
export function patchCoverage(
  files: readonly CoverageFileFacts[],
  addedLines: ReadonlyMap<string, readonly number[]>,
  smallChangeLines: number,
): PatchCoverage {
  const find = coverageIndex(files);
  let added = 0;
  let covered = 0;
  let toCover = 0;
  const perFile: PatchCoverage['files'] = [];
  for (const [path, lines] of [...addedLines].sort((a, b) => a[0].localeCompare(b[0]))) {
    added += lines.length;
    const fc = find(path);
    if (!fc) continue;
    const cov = new Set(fc.coveredLines);
    const unc = new Set(fc.uncoveredLines);
    const c = lines.filter((l) => cov.has(l));
    const u = lines.filter((l) => unc.has(l));
    if (c.length + u.length === 0) continue;
    covered += c.length;
    toCover += c.length + u.length;
    perFile.push({ path, covered: c, uncovered: u });
  }
  return {
    addedLines: added,
    linesToCover: toCover,
    covered,
    pct: toCover === 0 ? null : round2((covered / toCover) * 100),
    exempt: toCover < smallChangeLines,
    files: perFile,
  };
}

/**
 * The files behind a coverage drop: against the last recorded default-branch run when its per-file
 * counts are known (uncovered lines that appeared, covered lines that vanished with a deleted test
 * or file), and the change's own uncovered added lines. Largest increase of uncovered lines first.
 */
export function coverageDrivers(
  files: readonly CoverageFileFacts[],
  snapshot: FileSnapshot | undefined,
  patch: PatchCoverage | null,
  limit = 10,
): CoverageDriver[] {
  const byPath = new Map<string, CoverageDriver>();
  const uncoveredAdded = new Map((patch?.files ?? []).map((f) => [f.path, f.uncovered]));
  if (snapshot) {
    const now = new Map(files.map((f) => [f.path, f]));
    const paths = new Set([...now.keys(), ...Object.keys(snapshot.files)]);
    for (const path of paths) {
      const b = snapshot.files[path] ?? null;
      const f = now.get(path);
      const a = f ? { covered: f.linesCovered, total: f.linesTotal } : null;
      const uncBefore = b ? b.total - b.covered : 0;
      const uncAfter = a ? a.total - a.covered : 0;
      const lostCovered = (b?.covered ?? 0) - (a?.covered ?? 0);
      const newlyUncovered = uncAfter - uncBefore;
      if (newlyUncovered > 0 || lostCovered > 0) {
        byPath.set(path, {
          path,
          before: b,
          after: a,
          newlyUncovered,
          uncoveredAddedLines: uncoveredAdded.get(path) ?? [],
        });
      }
    }
  }
  for (const [path, lines] of uncoveredAdded) {
    if (!lines.length || byPath.has(path)) continue;
    const f = coverageIndex(files)(path);
    const a = f ? { covered: f.linesCovered, total: f.linesTotal } : null;
    const b = snapshot?.files[f?.path ?? path] ?? null;
    // Without a per-file baseline, the uncovered lines the change added are the best estimate.
    const newlyUncovered = snapshot
      ? (a ? a.total - a.covered : 0) - (b ? b.total - b.covered : 0)
      : lines.length;
    byPath.set(path, { path, before: b, after: a, newlyUncovered, uncoveredAddedLines: lines });
  }
  const lost = (d: CoverageDriver) => (d.before?.covered ?? 0) - (d.after?.covered ?? 0);
  return [...byPath.values()]
    .sort(
      (x, y) =>
        y.newlyUncovered - x.newlyUncovered ||
        lost(y) - lost(x) ||
        y.uncoveredAddedLines.length - x.uncoveredAddedLines.length ||
        x.path.localeCompare(y.path),
    )
    .slice(0, limit);
}
