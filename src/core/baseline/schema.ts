import { Ajv, type SchemaObject, type ValidateFunction } from 'ajv';

export const BASELINE_TYPE = 'ai-ci/baseline';
export const TEST_HISTORY_TYPE = 'ai-ci/test-history';
/** Bumped on an incompatible change; a reader meeting another version keeps the data aside. */
export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_WINDOW = 10;
export const DEFAULT_TEST_HISTORY_WINDOW = 20;

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'unknown'];

/** Percentages 0-100; null when the run did not measure it. */
export interface CoverageFigures {
  lines: number | null;
  branches: number | null;
}

export interface BaselineRun {
  /** GITHUB_RUN_ID; with `attempt`, the identity of an entry (re-recording replaces it). */
  runId: string;
  attempt: number;
  sha: string;
  /** ISO 8601 time of the run. */
  time: string;
  coverage: CoverageFigures & {
    /** Per test suite or coverage flag (e.g. `unit`, `integration`). */
    bySuite: Record<string, CoverageFigures>;
  };
  vulns: {
    bySeverity: Record<Severity, number>;
    /** Identities, so a new CVE is told apart from a fixed one with the same counts. */
    items: { id: string; severity: Severity; package?: string }[];
  };
  tests: {
    total: number;
    passed: number;
    failed: number;
    skipped: number;
    durationMs: number;
    bySuite: Record<string, { total: number; failed: number; durationMs: number }>;
  };
  /** Share of tests that flaked in this run, 0-1. */
  flakeRate: number;
  buildDurationMs: number | null;
}

/** The rolling baseline of the default branch: the last `window` runs, oldest first. */
export interface Baseline {
  type: typeof BASELINE_TYPE;
  version: typeof BASELINE_VERSION;
  repo: string;
  branch: string;
  window: number;
  updatedAt: string;
  runs: BaselineRun[];
}

export type TestOutcomeKind = 'passed' | 'failed' | 'skipped' | 'flaky';

export interface TestOutcome {
  sha: string;
  runId: string;
  attempt: number;
  outcome: TestOutcomeKind;
  durationMs: number;
  time: string;
}

/** Recent outcomes per test id (oldest first, at most `window` each). */
export interface TestHistory {
  type: typeof TEST_HISTORY_TYPE;
  version: typeof BASELINE_VERSION;
  window: number;
  updatedAt: string;
  tests: Record<string, TestOutcome[]>;
}

const nullableNumber = { type: 'number', nullable: true, minimum: 0 } as const;
const coverageSchema = {
  type: 'object',
  required: ['lines', 'branches'],
  properties: { lines: { ...nullableNumber, maximum: 100 }, branches: { ...nullableNumber, maximum: 100 } },
  additionalProperties: false,
} as const;
const count = { type: 'integer', minimum: 0 } as const;
const severity = { type: 'string', enum: [...SEVERITIES] } as const;

const runSchema: SchemaObject = {
  type: 'object',
  required: ['runId', 'attempt', 'sha', 'time', 'coverage', 'vulns', 'tests', 'flakeRate', 'buildDurationMs'],
  additionalProperties: false,
  properties: {
    runId: { type: 'string', minLength: 1 },
    attempt: { type: 'integer', minimum: 1 },
    sha: { type: 'string', pattern: '^[0-9a-f]{7,64}$' },
    time: { type: 'string', format: 'date-time' },
    coverage: {
      type: 'object',
      required: ['lines', 'branches', 'bySuite'],
      additionalProperties: false,
      properties: {
        lines: { ...nullableNumber, maximum: 100 },
        branches: { ...nullableNumber, maximum: 100 },
        bySuite: { type: 'object', required: [], additionalProperties: coverageSchema },
      },
    },
    vulns: {
      type: 'object',
      required: ['bySeverity', 'items'],
      additionalProperties: false,
      properties: {
        bySeverity: {
          type: 'object',
          required: [...SEVERITIES],
          additionalProperties: false,
          properties: { critical: count, high: count, medium: count, low: count, unknown: count },
        },
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'severity'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', minLength: 1 },
              severity,
              package: { type: 'string', nullable: true },
            },
          },
        },
      },
    },
    tests: {
      type: 'object',
      required: ['total', 'passed', 'failed', 'skipped', 'durationMs', 'bySuite'],
      additionalProperties: false,
      properties: {
        total: count,
        passed: count,
        failed: count,
        skipped: count,
        durationMs: { type: 'number', minimum: 0 },
        bySuite: {
          type: 'object',
          required: [],
          additionalProperties: {
            type: 'object',
            required: ['total', 'failed', 'durationMs'],
            additionalProperties: false,
            properties: { total: count, failed: count, durationMs: { type: 'number', minimum: 0 } },
          },
        },
      },
    },
    flakeRate: { type: 'number', minimum: 0, maximum: 1 },
    buildDurationMs: nullableNumber,
  },
};

const baselineSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'version', 'repo', 'branch', 'window', 'updatedAt', 'runs'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', const: BASELINE_TYPE },
    version: { type: 'integer', const: BASELINE_VERSION },
    repo: { type: 'string' },
    branch: { type: 'string' },
    window: { type: 'integer', minimum: 1, maximum: 1000 },
    updatedAt: { type: 'string', format: 'date-time' },
    runs: { type: 'array', items: runSchema },
  },
};

const outcomeSchema: SchemaObject = {
  type: 'object',
  required: ['sha', 'runId', 'attempt', 'outcome', 'durationMs', 'time'],
  additionalProperties: false,
  properties: {
    sha: { type: 'string' },
    runId: { type: 'string', minLength: 1 },
    attempt: { type: 'integer', minimum: 1 },
    outcome: { type: 'string', enum: ['passed', 'failed', 'skipped', 'flaky'] },
    durationMs: { type: 'number', minimum: 0 },
    time: { type: 'string', format: 'date-time' },
  },
};

const historySchema: SchemaObject = {
  type: 'object',
  required: ['type', 'version', 'window', 'updatedAt', 'tests'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', const: TEST_HISTORY_TYPE },
    version: { type: 'integer', const: BASELINE_VERSION },
    window: { type: 'integer', minimum: 1, maximum: 1000 },
    updatedAt: { type: 'string', format: 'date-time' },
    tests: { type: 'object', required: [], additionalProperties: { type: 'array', items: outcomeSchema } },
  },
};

// `date-time` checked by a small regex instead of ajv-formats: one format is not worth its start-up.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let compiled:
  | {
      run: ValidateFunction<BaselineRun>;
      baseline: ValidateFunction<Baseline>;
      history: ValidateFunction<TestHistory>;
    }
  | undefined;

function validators() {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: false, strict: true });
    ajv.addFormat('date-time', ISO);
    compiled = {
      run: ajv.compile<BaselineRun>(runSchema),
      baseline: ajv.compile<Baseline>(baselineSchema),
      history: ajv.compile<TestHistory>(historySchema),
    };
  }
  return compiled;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function check<T>(v: ValidateFunction<T>, doc: unknown): Checked<T> {
  if (v(doc)) return { ok: true, value: doc };
  const e = v.errors?.[0];
  return { ok: false, error: e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` : 'is invalid' };
}

/** Parses and validates; says why a document is not a baseline of this version. */
export function parseBaseline(text: string): Checked<Baseline> {
  const doc = parseJson(text);
  if (!doc.ok) return doc;
  const versionProblem = versionMismatch(doc.value, BASELINE_TYPE);
  if (versionProblem) return { ok: false, error: versionProblem };
  return check(validators().baseline, doc.value);
}

export function parseTestHistory(text: string): Checked<TestHistory> {
  const doc = parseJson(text);
  if (!doc.ok) return doc;
  const versionProblem = versionMismatch(doc.value, TEST_HISTORY_TYPE);
  if (versionProblem) return { ok: false, error: versionProblem };
  return check(validators().history, doc.value);
}

export function checkRun(run: unknown): Checked<BaselineRun> {
  return check(validators().run, run);
}

function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

function versionMismatch(doc: unknown, type: string): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'not a JSON object';
  const d = doc as { type?: unknown; version?: unknown };
  if (d.type !== type) return `type is ${JSON.stringify(d.type)}, expected "${type}"`;
  if (d.version !== BASELINE_VERSION)
    return `unknown version ${JSON.stringify(d.version)} (this ai-ci reads version ${BASELINE_VERSION})`;
  return undefined;
}

export function emptyBaseline(
  repo: string,
  branch: string,
  window = DEFAULT_BASELINE_WINDOW,
  now = new Date(),
): Baseline {
  return {
    type: BASELINE_TYPE,
    version: BASELINE_VERSION,
    repo,
    branch,
    window,
    updatedAt: now.toISOString(),
    runs: [],
  };
}

export function emptyTestHistory(window = DEFAULT_TEST_HISTORY_WINDOW, now = new Date()): TestHistory {
  return {
    type: TEST_HISTORY_TYPE,
    version: BASELINE_VERSION,
    window,
    updatedAt: now.toISOString(),
    tests: {},
  };
}
