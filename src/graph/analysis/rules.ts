import { parse as parseYaml } from 'yaml';
import { ConfigurationError } from '../../core/errors.js';
import type { EdgeKind, ModuleGraph } from '../types.js';
import { EDGE_KINDS, compareStrings } from './scc.js';

/**
 * Forbidden dependencies between folders or layers, in the shape of dependency-cruiser's
 * `forbidden` rules: `from` and `to` select modules by path regular expressions, `pathNot`
 * excludes, and `$1`..`$9` in `to` refer to groups captured by `from.path` (so "a feature may not
 * import another feature" is one rule).
 */
export type Severity = 'error' | 'warn' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warn', 'info'];

export interface PathMatcher {
  path?: string[];
  pathNot?: string[];
}

export interface ForbiddenRule {
  name: string;
  severity: Severity;
  comment?: string;
  from: PathMatcher;
  to: PathMatcher & {
    /** Only edges of these kinds break the rule (all kinds when absent). */
    kinds?: EdgeKind[];
  };
}

export interface RulesConfig {
  forbidden: ForbiddenRule[];
}

export interface Violation {
  rule: string;
  severity: Severity;
  from: string;
  to: string;
  kind: EdgeKind;
  comment?: string;
}

/** Reads a rules file's text (YAML or JSON: YAML 1.2 is a superset of JSON). `source` names it in messages. */
export function parseRulesConfig(text: string, source: string): RulesConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new ConfigurationError(
      `Rules file '${source}' is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  if (raw === null || raw === undefined) return { forbidden: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigurationError(`Rules file '${source}' must hold an object with a 'forbidden' list.`);
  }
  const list = (raw as Record<string, unknown>).forbidden;
  if (list === undefined) return { forbidden: [] };
  if (!Array.isArray(list))
    throw new ConfigurationError(`Rules file '${source}': 'forbidden' must be a list of rules.`);
  return { forbidden: list.map((r, i) => parseRule(r, `${source}: forbidden[${i}]`)) };
}

function parseRule(raw: unknown, where: string): ForbiddenRule {
  const r = asObject(raw, where);
  const name = r.name === undefined ? where.replace(/^.*: /, '') : String(r.name);
  const severity = r.severity === undefined ? 'error' : String(r.severity);
  if (!SEVERITIES.includes(severity as Severity)) {
    throw new ConfigurationError(`${where}: severity '${severity}' is not one of ${SEVERITIES.join(', ')}.`);
  }
  const from = parseMatcher(r.from ?? {}, `${where}.from`);
  const toObj = asObject(r.to ?? {}, `${where}.to`);
  const to: ForbiddenRule['to'] = parseMatcher(toObj, `${where}.to`);
  if (toObj.kinds !== undefined) {
    const kinds = stringList(toObj.kinds, `${where}.to.kinds`);
    for (const k of kinds) {
      if (!EDGE_KINDS.includes(k as EdgeKind)) {
        throw new ConfigurationError(`${where}.to.kinds: '${k}' is not one of ${EDGE_KINDS.join(', ')}.`);
      }
    }
    to.kinds = kinds as EdgeKind[];
  }
  const rule: ForbiddenRule = { name, severity: severity as Severity, from, to };
  if (typeof r.comment === 'string') rule.comment = r.comment;
  return rule;
}

function parseMatcher(raw: unknown, where: string): PathMatcher {
  const o = asObject(raw, where);
  const m: PathMatcher = {};
  if (o.path !== undefined) m.path = stringList(o.path, `${where}.path`);
  if (o.pathNot !== undefined) m.pathNot = stringList(o.pathNot, `${where}.pathNot`);
  // Compile now so a bad pattern is reported with its place, not at the first edge it meets.
  for (const p of [...(m.path ?? []), ...(m.pathNot ?? [])]) {
    try {
      new RegExp(p.replace(/\$[1-9]/g, 'x'));
    } catch (err) {
      throw new ConfigurationError(
        `${where}: '${p}' is not a valid regular expression (${(err as Error).message}).`,
      );
    }
  }
  return m;
}

function asObject(raw: unknown, where: string): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigurationError(`${where} must be an object.`);
  return raw as Record<string, unknown>;
}

function stringList(raw: unknown, where: string): string[] {
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) return raw as string[];
  throw new ConfigurationError(`${where} must be a string or a list of strings.`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex source with `$n` replaced by the (escaped) groups captured on the `from` side. */
function substitute(pattern: string, groups: string[]): string {
  return pattern.replace(/\$([1-9])/g, (_, n: string) => escapeRegExp(groups[Number(n)] ?? ''));
}

interface CompiledRule {
  rule: ForbiddenRule;
  fromPath: RegExp[];
  fromNot: RegExp[];
  /** `to` patterns that use `$n` must be compiled per `from` match. */
  toPath: string[];
  toNot: string[];
  toNeedsGroups: boolean;
}

function compile(rule: ForbiddenRule): CompiledRule {
  const toPath = rule.to.path ?? [];
  const toNot = rule.to.pathNot ?? [];
  return {
    rule,
    fromPath: (rule.from.path ?? []).map((p) => new RegExp(p)),
    fromNot: (rule.from.pathNot ?? []).map((p) => new RegExp(p)),
    toPath,
    toNot,
    toNeedsGroups: [...toPath, ...toNot].some((p) => /\$[1-9]/.test(p)),
  };
}

/** The groups of the first `from.path` pattern that matches, or undefined when the rule does not apply. */
function matchFrom(c: CompiledRule, path: string): string[] | undefined {
  if (c.fromNot.some((re) => re.test(path))) return undefined;
  if (c.fromPath.length === 0) return [];
  for (const re of c.fromPath) {
    const m = re.exec(path);
    if (m) return [...m];
  }
  return undefined;
}

function matchTo(c: CompiledRule, path: string, groups: string[], cache: Map<string, RegExp>): boolean {
  const re = (p: string): RegExp => {
    const src = c.toNeedsGroups ? substitute(p, groups) : p;
    let r = cache.get(src);
    if (!r) cache.set(src, (r = new RegExp(src)));
    return r;
  };
  if (c.toNot.some((p) => re(p).test(path))) return false;
  return c.toPath.length === 0 || c.toPath.some((p) => re(p).test(path));
}

/** Every edge that breaks a rule, one violation per (rule, from, to, kind), sorted. */
export function checkRules(graph: Pick<ModuleGraph, 'edges'>, config: RulesConfig): Violation[] {
  const compiled = config.forbidden.map(compile);
  const cache = new Map<string, RegExp>();
  const out: Violation[] = [];
  for (const [from, to, kind] of graph.edges) {
    for (const c of compiled) {
      if (c.rule.to.kinds && !c.rule.to.kinds.includes(kind)) continue;
      const groups = matchFrom(c, from);
      if (!groups || !matchTo(c, to, groups, cache)) continue;
      const v: Violation = { rule: c.rule.name, severity: c.rule.severity, from, to, kind };
      if (c.rule.comment) v.comment = c.rule.comment;
      out.push(v);
    }
  }
  return out.sort(
    (a, b) =>
      compareStrings(a.rule, b.rule) ||
      compareStrings(a.from, b.from) ||
      compareStrings(a.to, b.to) ||
      EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind),
  );
}
