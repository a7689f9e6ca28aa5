/**
 * The XML coverage formats, streamed: Cobertura (line hits, condition-coverage "(a/b)", methods),
 * JaCoCo (per-line instruction and branch counters, METHOD counter per source file) and Clover
 * (statement lines; conditionals and methods from the file's counts, whose meaning istanbul and
 * OpenClover agree on, unlike the per-line truecount/falsecount).
 */
import { streamXml } from '../xml.js';
import { ReportFormatError, type CoverageReport } from '../types.js';
import { CoverageBuilder, type FileAccumulator } from './build.js';

function int(v: string | undefined): number {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export async function parseCobertura(file: string, root: string): Promise<CoverageReport> {
  const builder = new CoverageBuilder(root);
  let acc: FileAccumulator | null = null;
  let inMethod = false;
  let methodHit = false;
  // Branch coverage is per line: a class listed twice for one file must not count a line twice.
  let branchLines = new Map<number, { covered: number; total: number }>();
  const branchByFile = new Map<FileAccumulator, Map<number, { covered: number; total: number }>>();
  const { warnings, root: rootName } = await streamXml(file, 'Cobertura XML', {
    open(name, a) {
      if (name === 'class') {
        acc = builder.file(a.filename ?? a.name ?? '');
        branchLines = branchByFile.get(acc) ?? new Map();
        branchByFile.set(acc, branchLines);
      } else if (name === 'method' && acc) {
        inMethod = true;
        methodHit = int(a.hits) > 0;
      } else if (name === 'line' && acc) {
        const hits = int(a.hits);
        if (inMethod) {
          if (hits > 0) methodHit = true;
          return;
        }
        const nr = int(a.number);
        acc.hit(nr, hits);
        const cc = /\((\d+)\/(\d+)\)/.exec(a['condition-coverage'] ?? '');
        if (a.branch === 'true' && cc) branchLines.set(nr, { covered: Number(cc[1]), total: Number(cc[2]) });
      }
    },
    close(name) {
      if (name === 'method' && acc && inMethod) {
        inMethod = false;
        acc.functions.total++;
        if (methodHit) acc.functions.covered++;
      } else if (name === 'class') {
        acc = null;
      }
    },
  });
  if (rootName !== 'coverage')
    throw new ReportFormatError(`not a Cobertura XML file (root element <${rootName}>)`);
  for (const [fileAcc, lines] of branchByFile) {
    let covered = 0;
    let total = 0;
    for (const b of lines.values()) {
      covered += b.covered;
      total += b.total;
    }
    fileAcc.branches = { covered, total };
  }
  return builder.build(file, 'cobertura', warnings);
}

export async function parseJacoco(file: string, root: string): Promise<CoverageReport> {
  const builder = new CoverageBuilder(root);
  const packages: string[] = [];
  let acc: FileAccumulator | null = null;
  const { warnings, root: rootName } = await streamXml(file, 'JaCoCo XML', {
    open(name, a) {
      if (name === 'package') packages.push(a.name ?? '');
      else if (name === 'sourcefile') {
        const pkg = packages[packages.length - 1] ?? '';
        acc = builder.file(pkg ? `${pkg}/${a.name ?? ''}` : (a.name ?? ''));
      } else if (name === 'line' && acc) {
        acc.hit(int(a.nr), int(a.ci) > 0 ? int(a.ci) : int(a.mi) > 0 ? 0 : -1);
        acc.branches.covered += int(a.cb);
        acc.branches.total += int(a.cb) + int(a.mb);
      } else if (name === 'counter' && acc && a.type === 'METHOD') {
        acc.functions = { covered: int(a.covered), total: int(a.covered) + int(a.missed) };
      }
    },
    close(name) {
      if (name === 'sourcefile') acc = null;
      else if (name === 'package') packages.pop();
    },
  });
  if (rootName !== 'report')
    throw new ReportFormatError(`not a JaCoCo XML file (root element <${rootName}>)`);
  dropNonCode(builder);
  return builder.build(file, 'jacoco', warnings);
}

/** JaCoCo lines with no instructions at all (ci=0, mi=0) are not code; they were recorded as -1. */
function dropNonCode(builder: CoverageBuilder): void {
  for (const acc of builder.accumulators()) {
    for (const [line, hits] of acc.lineHits) if (hits < 0) acc.lineHits.delete(line);
  }
}

export async function parseClover(file: string, root: string): Promise<CoverageReport> {
  const builder = new CoverageBuilder(root);
  let acc: FileAccumulator | null = null;
  let sawProject = false;
  const { warnings, root: rootName } = await streamXml(file, 'Clover XML', {
    open(name, a) {
      if (name === 'project') sawProject = true;
      else if (name === 'file') acc = builder.file(a.path ?? a.name ?? '');
      else if (name === 'metrics' && acc) {
        acc.branches = { covered: int(a.coveredconditionals), total: int(a.conditionals) };
        acc.functions = { covered: int(a.coveredmethods), total: int(a.methods) };
      } else if (name === 'line' && acc && a.type !== 'method') {
        acc.hit(int(a.num), int(a.count));
      }
    },
    close(name) {
      if (name === 'file') acc = null;
    },
  });
  if (rootName !== 'coverage' || !sawProject)
    throw new ReportFormatError('not a Clover XML file (no <coverage><project>)');
  return builder.build(file, 'clover', warnings);
}
