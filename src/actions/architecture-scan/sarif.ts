import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ArchitectureAnalysis } from './analyze.js';

/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif`: one result per cycle and per rule
 * violation, each with a `partialFingerprints` entry derived from the SCC's member set (or the
 * violation's rule and edge) so that GitHub keeps one alert per finding across runs. Within
 * GitHub's limits: at most 25,000 results per run and 1,000 related locations per result.
 */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const MAX_RESULTS = 25_000;
export const MAX_RELATED = 1_000;
export const CYCLE_RULE = 'architecture/import-cycle';

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: { name: string; semanticVersion: string; rules: SarifRule[] } };
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  help: { text: string };
  properties: { tags: string[] };
}

interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
  message?: { text: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
}

/** The line of `from` that imports `to`, found by the target's file or folder name in a quoted specifier; 1 when not found. */
export type ImportLineFinder = (from: string, to: string) => number;

export function importLineFinder(root: string, maxBytes = 1_000_000): ImportLineFinder {
  const cache = new Map<string, string[]>();
  const lines = (path: string): string[] => {
    let l = cache.get(path);
    if (!l) {
      try {
        const abs = join(root, path);
        l = statSync(abs).size <= maxBytes ? readFileSync(abs, 'utf8').split(/\r?\n/) : [];
      } catch {
        l = [];
      }
      cache.set(path, l);
    }
    return l;
  };
  return (from, to) => {
    const file = basename(to).replace(/\.[^.]+$/, '');
    const names =
      file === 'index' || file === '__init__' ? [basename(to.slice(0, to.lastIndexOf('/'))) || file] : [file];
    const dir = to.includes('/') ? basename(to.slice(0, to.lastIndexOf('/'))) : '';
    if (dir && !names.includes(dir)) names.push(dir);
    const text = lines(from);
    for (const name of names) {
      const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(
        `(["'\`])[^"'\`]*\\b${esc}\\b[^"'\`]*\\1|^\\s*(from|import)\\s+[\\w.]*\\b${esc}\\b`,
      );
      const i = text.findIndex((l) => re.test(l));
      if (i !== -1) return i + 1;
    }
    return 1;
  };
}

function loc(uri: string, line: number, text?: string, id?: number): SarifLocation {
  const l: SarifLocation = {
    physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: line } },
  };
  if (id !== undefined) l.id = id;
  if (text) l.message = { text };
  return l;
}

const LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const;

export function toSarif(a: ArchitectureAnalysis, lineOf: ImportLineFinder, toolVersion = '0.1.0'): SarifLog {
  const rules: SarifRule[] = [
    {
      id: CYCLE_RULE,
      name: 'ImportCycle',
      shortDescription: { text: 'Modules import each other in a cycle' },
      fullDescription: {
        text: 'A strongly connected component of the module import graph: every module in it depends, directly or not, on every other.',
      },
      defaultConfiguration: { level: 'error' },
      help: {
        text: 'Break the cycle by removing or inverting one import of the example path (move the shared code to a module both can import, or depend on an interface).',
      },
      properties: { tags: ['architecture', 'maintainability'] },
    },
  ];
  const ruleIndex = new Map<string, number>([[CYCLE_RULE, 0]]);
  for (const v of a.violations) {
    const id = `architecture/forbidden/${v.rule}`;
    if (ruleIndex.has(id)) continue;
    ruleIndex.set(id, rules.length);
    rules.push({
      id,
      name: `Forbidden_${v.rule.replace(/[^A-Za-z0-9]+/g, '_')}`,
      shortDescription: { text: `Forbidden dependency: ${v.rule}` },
      fullDescription: {
        text: v.comment ?? `Imports matching the forbidden rule '${v.rule}' of the architecture rules file.`,
      },
      defaultConfiguration: { level: LEVEL[v.severity] },
      help: { text: v.comment ?? `Remove the import or change the rule '${v.rule}'.` },
      properties: { tags: ['architecture'] },
    });
  }

  const results: SarifResult[] = [];
  for (const c of a.cycles) {
    const path = c.example.join(' → ');
    const status = c.status ? ` (${c.status})` : '';
    const related = c.members
      .filter((m) => m !== c.example[0])
      .slice(0, MAX_RELATED)
      .map((m, i) => loc(m, 1, `member of the cycle`, i + 1));
    const more =
      c.members.length - 1 > MAX_RELATED ? ` Only the first ${MAX_RELATED} other members are linked.` : '';
    const text =
      c.members.length === 1
        ? `${c.members[0]} imports itself${status}.`
        : `Import cycle of ${c.members.length} modules${status}; shortest example: ${path}. Kinds: ${c.kinds.join(', ')}.${more}`;
    const r: SarifResult = {
      ruleId: CYCLE_RULE,
      ruleIndex: 0,
      level: 'error',
      message: { text },
      locations: [loc(c.example[0], lineOf(c.example[0], c.example[1]))],
      partialFingerprints: { 'architectureCycle/v1': c.id },
      properties: { members: c.members.length, kinds: c.kinds },
    };
    if (related.length) r.relatedLocations = related;
    if (c.status) r.properties!.status = c.status;
    results.push(r);
  }
  for (const v of a.violations) {
    const id = `architecture/forbidden/${v.rule}`;
    const status = v.status ? ` (${v.status})` : '';
    const r: SarifResult = {
      ruleId: id,
      ruleIndex: ruleIndex.get(id)!,
      level: LEVEL[v.severity],
      message: {
        text: `${v.from} imports ${v.to} (${v.kind}), forbidden by rule '${v.rule}'${status}.${v.comment ? ` ${v.comment}` : ''}`,
      },
      locations: [loc(v.from, lineOf(v.from, v.to))],
      relatedLocations: [loc(v.to, 1, 'the forbidden target', 1)],
      partialFingerprints: { 'architectureViolation/v1': v.id },
    };
    if (v.status) r.properties = { status: v.status };
    results.push(r);
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ai-ci architecture-scan',
            semanticVersion: toolVersion,
            rules,
          },
        },
        results: results.slice(0, MAX_RESULTS),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}
