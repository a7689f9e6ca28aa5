/**
 * Go coverprofiles (`go test -coverprofile`). Blocks cover line ranges; a line is covered when any
 * block on it ran. Go profiles carry no branch or function data, so those counters are 0/0.
 */
import { ReportFormatError, type CoverageReport } from '../types.js';
import { readLines } from '../lines.js';
import { CoverageBuilder } from './build.js';

const BLOCK = /^(.+):(\d+)\.\d+,(\d+)\.\d+ (\d+) (\d+)$/;
/** A block longer than this is malformed input; it is clamped so it cannot allocate without bound. */
const MAX_BLOCK_LINES = 100_000;

export async function parseGoCover(file: string, root: string): Promise<CoverageReport> {
  const builder = new CoverageBuilder(root);
  const warnings: string[] = [];
  let first = true;
  let bad = 0;
  for await (const line of readLines(file, 'Go coverprofile')) {
    if (first) {
      first = false;
      if (!/^mode: (set|count|atomic)\s*$/.test(line)) {
        throw new ReportFormatError('not a Go coverprofile (first line is not "mode: set|count|atomic")');
      }
      continue;
    }
    if (line.trim() === '') continue;
    const m = BLOCK.exec(line);
    if (!m) {
      bad++;
      continue;
    }
    const start = Number(m[2]);
    const end = Math.min(Number(m[3]), start + MAX_BLOCK_LINES);
    const count = Number(m[5]);
    const acc = builder.file(m[1]);
    for (let l = start; l <= end; l++) acc.hit(l, count);
  }
  if (first) throw new ReportFormatError('not a Go coverprofile (it is empty)');
  if (bad > 0) warnings.push(`${bad} malformed line(s) ignored`);
  return builder.build(file, 'gocover', warnings);
}
