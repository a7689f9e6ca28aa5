import picomatch from 'picomatch';
import { ConfigurationError } from './errors.js';

/**
 * Typed readers for action inputs. Each reads `INPUT_<NAME>` as the runner sets it, then the seeds'
 * environment variable names in order, and returns `undefined` when none is set (never `''`).
 * Messages name the input and the values it accepts.
 */
export type Env = Record<string, string | undefined>;

export interface InputSpec {
  /** The input's name in action.yml, e.g. `delta-coverage`. */
  name: string;
  /** Environment variables read when the input is not set, e.g. `DELTA_COVERAGE`. */
  env?: string[];
  required?: boolean;
}

export class Inputs {
  constructor(private readonly env: Env = process.env) {}

  /** The raw value, trimmed; `undefined` when unset or empty. */
  raw(spec: InputSpec | string): string | undefined {
    const s = typeof spec === 'string' ? { name: spec } : spec;
    const key = `INPUT_${s.name.replace(/ /g, '_').toUpperCase()}`;
    const candidates = [this.env[key], ...(s.env ?? []).map((e) => this.env[e])];
    for (const c of candidates) {
      if (c !== undefined && c.trim() !== '') return c.trim();
    }
    if (s.required) throw new ConfigurationError(`Input required and not supplied: ${s.name}`);
    return undefined;
  }

  string(spec: InputSpec | string): string | undefined {
    return this.raw(spec);
  }

  /** One of a fixed set of values. */
  choice<T extends string>(spec: InputSpec | string, allowed: readonly T[]): T | undefined {
    const v = this.raw(spec);
    if (v === undefined) return undefined;
    const lower = v.toLowerCase();
    const hit = allowed.find((a) => a.toLowerCase() === lower);
    if (!hit) {
      throw new ConfigurationError(
        `Invalid value for input '${nameOf(spec)}': '${v}'. Expected one of: ${allowed.join(', ')}.`,
      );
    }
    return hit;
  }

  /** `true/false`, `1/0`, `yes/no`, `on/off` (the seeds use `VULN_GATING=1`). */
  boolean(spec: InputSpec | string): boolean | undefined {
    const v = this.raw(spec);
    if (v === undefined) return undefined;
    return parseBoolean(v, nameOf(spec));
  }

  number(
    spec: InputSpec | string,
    opts: { min?: number; max?: number; integer?: boolean } = {},
  ): number | undefined {
    const v = this.raw(spec);
    if (v === undefined) return undefined;
    const n = Number(v);
    const kind = opts.integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
      throw new ConfigurationError(
        `Invalid value for input '${nameOf(spec)}': '${v}'. Expected ${kind}${range(opts)}.`,
      );
    }
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      throw new ConfigurationError(
        `Invalid value for input '${nameOf(spec)}': ${v}. Expected ${kind}${range(opts)}.`,
      );
    }
    return n;
  }

  /** A duration in milliseconds: `500ms`, `30s`, `5m`, `2h`, `90 days`, or a bare number of seconds. */
  duration(spec: InputSpec | string): number | undefined {
    const v = this.raw(spec);
    if (v === undefined) return undefined;
    const ms = parseDuration(v);
    if (ms === undefined) {
      throw new ConfigurationError(
        `Invalid value for input '${nameOf(spec)}': '${v}'. Expected a duration such as 30s, 5m, 2h or 90 days.`,
      );
    }
    return ms;
  }

  /** A list separated by newlines or commas; empty items dropped. */
  list(spec: InputSpec | string): string[] | undefined {
    const v = this.raw(spec);
    if (v === undefined) return undefined;
    const items = v
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return items.length ? items : undefined;
  }

  /** Glob patterns, one per line or comma-separated; each is checked to compile. */
  globs(spec: InputSpec | string): string[] | undefined {
    const items = this.list(spec);
    if (!items) return undefined;
    for (const g of items) {
      try {
        picomatch.makeRe(g.startsWith('!') ? g.slice(1) : g);
      } catch {
        throw new ConfigurationError(`Invalid glob in input '${nameOf(spec)}': '${g}'.`);
      }
    }
    return items;
  }

  json<T = unknown>(spec: InputSpec | string): T | undefined {
    const v = this.raw(spec);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v) as T;
    } catch (err) {
      throw new ConfigurationError(
        `Invalid value for input '${nameOf(spec)}': not valid JSON (${(err as Error).message}).`,
      );
    }
  }
}

function nameOf(spec: InputSpec | string): string {
  return typeof spec === 'string' ? spec : spec.name;
}

function range(opts: { min?: number; max?: number }): string {
  if (opts.min !== undefined && opts.max !== undefined) return ` from ${opts.min} to ${opts.max}`;
  if (opts.min !== undefined) return ` of at least ${opts.min}`;
  if (opts.max !== undefined) return ` of at most ${opts.max}`;
  return '';
}

const TRUE = new Set(['true', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['false', '0', 'no', 'n', 'off']);

export function parseBoolean(value: string, name = 'value'): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new ConfigurationError(
    `Invalid value for input '${name}': '${value}'. Expected true/false, 1/0 or yes/no.`,
  );
}

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

export function parseDuration(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  if (unit === '') return n * 1000;
  const mult = UNITS[unit];
  return mult === undefined ? undefined : n * mult;
}
