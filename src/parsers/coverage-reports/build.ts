/** Accumulates per-file line/branch/function facts and turns them into the normalized coverage model. */
import type { CoverageCounter, CoverageKind, CoverageReport, FileCoverage } from '../types.js';
import { counter, detach, relPath, sumCounters } from '../util.js';

export class FileAccumulator {
  /** line number -> hit count (max over the entries that cover the line). */
  readonly lineHits = new Map<number, number>();
  branches: { covered: number; total: number } = { covered: 0, total: 0 };
  functions: { covered: number; total: number } = { covered: 0, total: 0 };
  /** Counts given directly by the format (when it has no per-line data). */
  lineCounts: { covered: number; total: number } | null = null;

  hit(line: number, count: number): void {
    if (!Number.isInteger(line) || line <= 0) return;
    const prev = this.lineHits.get(line);
    if (prev === undefined || count > prev) this.lineHits.set(line, count);
  }

  toFile(path: string): FileCoverage {
    const covered: number[] = [];
    const uncovered: number[] = [];
    for (const [line, hits] of this.lineHits) (hits > 0 ? covered : uncovered).push(line);
    covered.sort((a, b) => a - b);
    uncovered.sort((a, b) => a - b);
    const lines: CoverageCounter =
      this.lineHits.size === 0 && this.lineCounts
        ? counter(this.lineCounts.covered, this.lineCounts.total)
        : counter(covered.length, covered.length + uncovered.length);
    return {
      path,
      lines,
      branches: counter(this.branches.covered, this.branches.total),
      functions: counter(this.functions.covered, this.functions.total),
      coveredLines: covered,
      uncoveredLines: uncovered,
    };
  }
}

/** Files keyed by their path as written in the report; several entries for one file are merged. */
export class CoverageBuilder {
  private readonly files = new Map<string, FileAccumulator>();
  constructor(private readonly root: string) {}

  file(rawPath: string): FileAccumulator {
    const key = detach(relPath(rawPath, this.root));
    let acc = this.files.get(key);
    if (!acc) {
      acc = new FileAccumulator();
      this.files.set(key, acc);
    }
    return acc;
  }

  accumulators(): IterableIterator<FileAccumulator> {
    return this.files.values();
  }

  get size(): number {
    return this.files.size;
  }

  build(file: string, kind: CoverageKind, warnings: string[]): CoverageReport {
    const files = [...this.files]
      .map(([p, acc]) => acc.toFile(p))
      .sort((a, b) => a.path.localeCompare(b.path));
    return {
      file,
      kind,
      totals: {
        lines: sumCounters(files.map((f) => f.lines)),
        branches: sumCounters(files.map((f) => f.branches)),
        functions: sumCounters(files.map((f) => f.functions)),
      },
      files,
      warnings,
    };
  }
}
