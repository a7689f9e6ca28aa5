/**
 * TAP 13/14 as node --test and mocha write it. Nesting comes from indentation: a point with deeper
 * points before it is a parent. Parents marked `type: 'suite'` (describe blocks) are not tests;
 * other parents (a test with subtests) are, as node's own `# tests` count has it.
 */
import YAML from 'yaml';
import { ReportFormatError, type TestCaseResult, type TestReport, type TestStatus } from '../types.js';
import { readLines } from '../lines.js';
import {
  capText,
  detach,
  isHookTitle,
  isRecord,
  locate,
  MAX_TEXT,
  num,
  relPath,
  roundMs,
  str,
  totalsOf,
} from '../util.js';

const POINT = /^(\s*)(not ok|ok)\b(?:\s+(\d+))?(?:\s*-)?\s*(.*)$/;

interface Point {
  indent: number;
  ok: boolean;
  description: string;
  directive: 'skip' | 'todo' | null;
  directiveText: string;
  suite: string;
  yaml: string[];
  diag: string[];
  hasChildren: boolean;
}

export async function parseTap(file: string, root: string): Promise<TestReport> {
  const points: Point[] = [];
  const subtestNames: { indent: number; name: string }[] = [];
  const openIndents: number[] = [];
  let current: Point | null = null;
  let inYaml = false;
  let sawTap = false;
  let lineNo = 0;
  for await (const line of readLines(file, 'TAP')) {
    lineNo++;
    if (inYaml && current) {
      if (/^\s*\.\.\.\s*$/.test(line)) inYaml = false;
      else if (current.yaml.length < 2000) current.yaml.push(line);
      continue;
    }
    const trimmed = line.trim();
    if (/^TAP version \d+$/.test(trimmed) || /^\d+\.\.\d+/.test(trimmed)) {
      sawTap = true;
      continue;
    }
    const sub = /^(\s*)# Subtest: (.*)$/.exec(line);
    if (sub) {
      const indent = sub[1].length;
      while (subtestNames.length > 0 && subtestNames[subtestNames.length - 1].indent >= indent)
        subtestNames.pop();
      subtestNames.push({ indent, name: sub[2] });
      continue;
    }
    const m = POINT.exec(line);
    if (m) {
      sawTap = true;
      const indent = m[1].length;
      const hasChildren = openIndents.length > 0 && openIndents[openIndents.length - 1] > indent;
      while (openIndents.length > 0 && openIndents[openIndents.length - 1] > indent) openIndents.pop();
      if (openIndents[openIndents.length - 1] !== indent) openIndents.push(indent);
      const split = splitDirective(m[4]);
      const description = detach(split.description);
      const { directive } = split;
      const directiveText = detach(split.directiveText);
      current = {
        indent,
        ok: m[2] === 'ok',
        description,
        directive,
        directiveText,
        suite: detach(
          subtestNames
            .filter((s) => s.indent < indent)
            .map((s) => s.name)
            .join(' > '),
        ),
        yaml: [],
        diag: [],
        hasChildren,
      };
      points.push(current);
      continue;
    }
    if (current && /^\s*---\s*$/.test(line) && leading(line) > current.indent) {
      inYaml = true;
      continue;
    }
    if (current && trimmed !== '' && !trimmed.startsWith('#') && leading(line) > current.indent) {
      if (current.diag.length < 500) current.diag.push(detach(line.slice(current.indent + 2)));
    }
    if (!sawTap && lineNo > 50) break;
  }
  if (!sawTap) throw new ReportFormatError('not a TAP file (no "TAP version", plan or test point)');

  const tests: TestCaseResult[] = [];
  for (const p of points) {
    const y = parseYaml(p.yaml);
    if (p.hasChildren && y.type === 'suite') continue;
    tests.push(toResult(p, y, root));
  }
  const warnings = inYaml ? ['the file is truncated inside a YAML block; kept what was complete'] : [];
  return { file, kind: 'tap', totals: totalsOf(tests), tests, warnings };
}

function toResult(p: Point, y: Record<string, unknown>, root: string): TestCaseResult {
  let status: TestStatus;
  if (p.directive === 'skip' || p.directive === 'todo') status = 'skipped';
  else if (p.ok) status = 'passed';
  else if (y.failureType === 'cancelledByParent' || isHookTitle(p.description)) status = 'error';
  else status = 'failed';
  const location = str(y.location);
  const locMatch = location ? /^(.*):(\d+):\d+$/.exec(location) : null;
  const declaredFile = locMatch ? relPath(locMatch[1], root) : null;
  const yamlError =
    typeof y.error === 'string' ? y.error : y.error !== undefined ? JSON.stringify(y.error) : null;
  const yamlStack = str(y.stack);
  const diag = p.diag.join('\n').trim();
  const failing = status === 'failed' || status === 'error';
  const stack = failing ? capText(yamlStack ?? diag, MAX_TEXT) || null : null;
  let file = declaredFile;
  let line: number | null = null;
  if (failing) {
    const loc = locate(`${yamlStack ?? ''}\n${diag}`, file);
    if (loc) {
      line = loc.line;
      file ??= relPath(loc.file, root);
    }
  }
  if (line === null && locMatch && failing) line = Number(locMatch[2]);
  const name = p.description;
  return {
    id: `${p.suite}::${name}`,
    name,
    suite: p.suite,
    file,
    line,
    status,
    durationMs: roundMs(num(y.duration_ms)),
    message: failing
      ? yamlError?.trim() || diag.split('\n')[0] || null
      : status === 'skipped'
        ? p.directiveText || null
        : null,
    stack,
    attempts: 1,
  };
}

function splitDirective(rest: string): {
  description: string;
  directive: 'skip' | 'todo' | null;
  directiveText: string;
} {
  const m = /^(.*?)\s*(?<!\\)#\s*(SKIP|TODO)\S*\s*(.*)$/i.exec(rest);
  if (!m) return { description: rest.trim(), directive: null, directiveText: '' };
  const text = m[3].trim();
  return {
    description: m[1].trim(),
    directive: m[2].toUpperCase() === 'SKIP' ? 'skip' : 'todo',
    directiveText: text === '-' ? '' : text,
  };
}

function parseYaml(lines: readonly string[]): Record<string, unknown> {
  if (lines.length === 0) return {};
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map(leading));
  try {
    const doc: unknown = YAML.parse(lines.map((l) => l.slice(indent)).join('\n'), { maxAliasCount: 10 });
    return isRecord(doc) ? doc : {};
  } catch {
    return {};
  }
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}
