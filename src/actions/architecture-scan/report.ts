import { compareStrings } from '../../graph/analysis/scc.js';
import { folderOf } from '../../graph/analysis/coupling.js';
import type { ArchitectureAnalysis } from './analyze.js';

/** At most this many folders in the diagram (the most connected ones), so GitHub still renders it. */
export const MAX_DIAGRAM_FOLDERS = 40;
/** At most this many arrows; Mermaid's default limit is 500 and a denser picture says nothing. */
export const MAX_DIAGRAM_EDGES = 150;

/**
 * A Mermaid `flowchart` of the folder-level import graph. Folders holding a module of a cycle are
 * filled red, and a folder-to-folder arrow is red when one of the module imports behind it lies
 * inside a cycle (both ends in the same strongly connected component).
 */
export function folderDiagram(a: ArchitectureAnalysis): string {
  const componentOf = new Map<string, number>();
  a.cycles.forEach((c, i) => c.members.forEach((m) => componentOf.set(m, i)));
  const cycleFolders = new Set<string>();
  const cycleEdges = new Set<string>();
  for (const [from, to] of a.graph.edges) {
    const c = componentOf.get(from);
    if (c === undefined || componentOf.get(to) !== c) continue;
    const f = folderOf(from);
    const t = folderOf(to);
    cycleFolders.add(f).add(t);
    if (f !== t) cycleEdges.add(`${f}\0${t}`);
  }
  const degree = new Map<string, number>();
  for (const f of a.coupling.folders) degree.set(f.folder, 0);
  for (const e of a.coupling.folderEdges) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + e.imports);
    degree.set(e.to, (degree.get(e.to) ?? 0) + e.imports);
  }
  const ranked = [...degree.keys()].sort(
    (x, y) =>
      Number(cycleFolders.has(y)) - Number(cycleFolders.has(x)) ||
      degree.get(y)! - degree.get(x)! ||
      compareStrings(x, y),
  );
  const shown = new Set(ranked.slice(0, MAX_DIAGRAM_FOLDERS));
  const folders = [...shown].sort(compareStrings);
  const id = new Map(folders.map((f, i) => [f, `f${i}`]));
  const lines = ['flowchart LR'];
  for (const f of folders) lines.push(`  ${id.get(f)}["${mermaidText(f === '.' ? '(root)' : f)}"]`);
  const red: number[] = [];
  // Cycle edges first, then the heaviest, so a crowded graph still shows what matters.
  const candidates = a.coupling.folderEdges.filter((e) => shown.has(e.from) && shown.has(e.to));
  const isRed = (e: { from: string; to: string }): boolean => cycleEdges.has(`${e.from}\0${e.to}`);
  const kept = new Set(
    [...candidates]
      .sort(
        (x, y) =>
          Number(isRed(y)) - Number(isRed(x)) ||
          y.imports - x.imports ||
          compareStrings(x.from, y.from) ||
          compareStrings(x.to, y.to),
      )
      .slice(0, MAX_DIAGRAM_EDGES),
  );
  let n = 0;
  for (const e of candidates) {
    if (!kept.has(e)) continue;
    lines.push(`  ${id.get(e.from)} -->|${e.imports}| ${id.get(e.to)}`);
    if (isRed(e)) red.push(n);
    n++;
  }
  const hot = folders.filter((f) => cycleFolders.has(f)).map((f) => id.get(f)!);
  lines.push('  classDef cycle fill:#ffd6d6,stroke:#c00,stroke-width:2px');
  if (hot.length) lines.push(`  class ${hot.join(',')} cycle`);
  if (red.length) lines.push(`  linkStyle ${red.join(',')} stroke:#c00,stroke-width:2px`);
  const hidden = degree.size - shown.size;
  const hiddenEdges = candidates.length - kept.size;
  if (hidden > 0 || hiddenEdges > 0) {
    lines.push(`  more["… ${hidden} more folders and ${hiddenEdges} more folder imports not shown"]`);
  }
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;');
}

function cell(s: string | number): string {
  return String(s).replace(/\|/g, '\\|');
}

function table(head: string[], rows: Array<Array<string | number>>): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** What the LLM added, or why it did not. */
export interface Narrative {
  text?: string;
  note: string;
}

/**
 * `architecture_report.md`: deterministic text from the analysis (the same analysis gives the same
 * bytes), with the LLM narrative, when there is one, in its own section.
 */
export function renderReport(a: ArchitectureAnalysis, narrative: Narrative): string {
  const out: string[] = [];
  out.push('# Architecture report', '');
  out.push(
    `**Health score: ${a.score.toFixed(1)} / 10** · ${a.modules} modules · ${a.edges} imports · ${a.cycles.length} cycle${a.cycles.length === 1 ? '' : 's'} · ${a.violations.length} rule violation${a.violations.length === 1 ? '' : 's'} · ${a.unresolved.length} unresolved import${a.unresolved.length === 1 ? '' : 's'}`,
    '',
  );
  const p = a.scoreBreakdown.penalties;
  out.push(
    `Penalties: cycles ${p.cycles}, violations ${p.violations}, complexity ${p.complexity}, unresolved ${p.unresolved}.`,
    '',
    `<details><summary>How the score is computed</summary>`,
    '',
    a.scoreBreakdown.formula,
    '',
    '</details>',
    '',
  );
  out.push(
    `Scanned: ${a.scanned.paths.join(', ')} (${a.scanned.languages.join(', ') || 'no supported language found'}).`,
  );
  const ignored = [a.options.ignoreTypeOnly && 'type-only', a.options.ignoreDynamic && 'dynamic'].filter(
    Boolean,
  );
  if (ignored.length) out.push(`Cycles ignore ${ignored.join(' and ')} imports.`);
  out.push('');

  if (a.baseline) {
    const b = a.baseline;
    out.push('## Compared with the baseline', '');
    out.push(
      `Baseline: ${b.source}. Cycles: ${b.newCycles} new, ${b.grownCycles} grown, ${b.knownCycles} known, ${b.fixedCycles.length} fixed. Violations: ${b.newViolations} new, ${b.knownViolations} known.`,
      '',
    );
  }

  out.push('## Refactoring priorities', '');
  if (a.priorities.length) a.priorities.forEach((x, i) => out.push(`${i + 1}. ${x}`));
  else
    out.push(
      'Nothing stands out: no cycles, no error violations, no function over the complexity threshold.',
    );
  out.push('');

  out.push('## Narrative', '');
  out.push(narrative.text ? narrative.text.trim() : narrative.note, '');

  out.push('## Cycles', '');
  if (a.cycles.length === 0) out.push('No import cycles.', '');
  else {
    out.push(
      ...table(
        ['#', 'modules', 'kinds', 'shortest example', ...(a.baseline ? ['status'] : [])],
        a.cycles
          .slice(0, 50)
          .map((c, i) => [
            i + 1,
            c.members.length,
            c.kinds.join(', '),
            c.example.join(' → '),
            ...(a.baseline ? [c.status ?? ''] : []),
          ]),
      ),
    );
    if (a.cycles.length > 50)
      out.push('', `… and ${a.cycles.length - 50} more in architecture_analysis.json.`);
    out.push('');
  }

  out.push('## Folder graph', '', '```mermaid', folderDiagram(a), '```', '');

  out.push('## Coupling', '', 'Most depended-upon modules:', '');
  if (a.coupling.mostDependedUpon.length === 0) out.push('No module is imported by another.', '');
  else {
    out.push(
      ...table(
        ['module', 'fan-in', 'fan-out', 'instability'],
        a.coupling.mostDependedUpon.map((m) => [m.path, m.fanIn, m.fanOut, m.instability.toFixed(2)]),
      ),
      '',
    );
  }
  const folders = [...a.coupling.folders].sort(
    (x, y) => y.fanIn + y.fanOut - (x.fanIn + x.fanOut) || compareStrings(x.folder, y.folder),
  );
  out.push('Folders (instability = fan-out ÷ (fan-in + fan-out)):', '');
  out.push(
    ...table(
      ['folder', 'modules', 'fan-in', 'fan-out', 'instability'],
      folders.slice(0, 20).map((f) => [f.folder, f.modules, f.fanIn, f.fanOut, f.instability.toFixed(2)]),
    ),
    '',
  );

  out.push('## Hotspots', '');
  if (!a.churn.available)
    out.push(`Churn unavailable: ${a.churn.reason}. Hotspots rank by complexity alone.`, '');
  else
    out.push(
      `Churn since ${a.churn.since?.slice(0, 10)} (${a.churn.commits} commits); hotspot score = cognitive complexity × commits.`,
      '',
    );
  if (a.hotspots.length === 0) out.push('No hotspots.', '');
  else {
    out.push(
      ...table(
        [
          'file',
          'cognitive',
          'max per function',
          ...(a.churn.available ? ['commits', 'lines changed'] : []),
          'score',
        ],
        a.hotspots.map((h) => [
          h.path,
          h.cognitive,
          h.maxCognitive,
          ...(a.churn.available ? [h.commits ?? 0, h.linesChanged ?? 0] : []),
          h.score,
        ]),
      ),
      '',
    );
  }
  if (a.complexity.top.length) {
    out.push(
      `Most complex functions (cognitive; over ${a.complexity.threshold} counts against the score):`,
      '',
    );
    out.push(
      ...table(
        ['function', 'where', 'cognitive', 'cyclomatic'],
        a.complexity.top.slice(0, 10).map((f) => [f.name, `${f.path}:${f.line}`, f.cognitive, f.cyclomatic]),
      ),
      '',
    );
  }

  out.push('## Rule violations', '');
  if (a.violations.length === 0) out.push('None.', '');
  else {
    out.push(
      ...table(
        ['rule', 'severity', 'from', 'to', 'kind', ...(a.baseline ? ['status'] : [])],
        a.violations
          .slice(0, 100)
          .map((v) => [v.rule, v.severity, v.from, v.to, v.kind, ...(a.baseline ? [v.status ?? ''] : [])]),
      ),
      '',
    );
  }

  out.push('## Unresolved imports', '');
  if (a.unresolved.length === 0) out.push('None: the graph is complete.', '');
  else {
    out.push(
      `${a.unresolved.length} local import${a.unresolved.length === 1 ? '' : 's'} could not be resolved; cycles through them are not seen.`,
      '',
    );
    out.push(
      ...table(
        ['from', 'specifier'],
        a.unresolved.slice(0, 50).map((u) => [u.from, u.specifier]),
      ),
      '',
    );
  }
  return out.join('\n');
}

/** The job summary: the score line, the diagram, and the priorities. */
export function renderSummary(a: ArchitectureAnalysis): string {
  const lines = [
    '## Architecture scan',
    '',
    `**Health score ${a.score.toFixed(1)} / 10** · ${plural(a.cycles.length, 'cycle')} · ${plural(a.violations.length, 'violation')} · ${plural(a.unresolved.length, 'unresolved import')}`,
    '',
    '```mermaid',
    folderDiagram(a),
    '```',
    '',
  ];
  if (a.priorities.length)
    lines.push('**Refactoring priorities**', '', ...a.priorities.map((p, i) => `${i + 1}. ${p}`), '');
  return lines.join('\n');
}
