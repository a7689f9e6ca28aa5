import { Ajv, type SchemaObject, type ValidateFunction } from 'ajv';

export const BASELINE_TYPE = 'ai-ci/baseline';
export const TEST_HISTORY_TYPE = 'ai-ci/test-history';
/**
 * Bumped on an incompatible change. Older versions this code knows are migrated on read (and stored
 * in the new version by the next write); any other version is kept aside, never overwritten.
 * 2: vulnerability identities carry the package version; a section a run did not measure is null.
 */
export const BASELINE_VERSION = 2;
/** The test-outcome history has its own version (still 1). */
export const TEST_HISTORY_VERSION = 1;
export const DEFAULT_BASELINE_WINDOW = 10;
export const DEFAULT_TEST_HISTORY_WINDOW = 20;

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'unknown'];

/** Percentages 0-100; null when the run did not measure it. */
export interface CoverageFigures {
  lines: number | null;
  branches: number | null;
}

/** One finding. Its identity is (id, package, version): an upgrade that keeps a CVE is a new finding. */
export interface VulnItem {
  id: string;
  severity: Severity;
  /** null when the report did not name it (or the entry predates version 2). */
  package: string | null;
  version: string | null;
}

export interface CoverageSection extends CoverageFigures {
  /** Per test suite or coverage flag (e.g. `unit`, `integration`). */
  bySuite: Record<string, CoverageFigures>;
}

export interface VulnSection {
  bySeverity: Record<Severity, number>;
  /** Identities, so a new CVE is told apart from a fixed one with the same counts. */
  items: VulnItem[];
}

export interface TestSection {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  bySuite: Record<string, { total: number; failed: number; durationMs: number }>;
}

/**
 * One run of the default branch. Each measured section is null when no writer of this run measured
 * it: a run without a vulnerability report has `vulns: null`, never zero counts. Several writers
 * (adaptive-gate, ci-metrics, a repeated step) may each record the sections they measured; the
 * entry is merged field by field (see `mergeRunEntries`).
 */
export interface BaselineRun {
  /** GITHUB_RUN_ID; with `attempt`, the identity of an entry. */
  runId: string;
  attempt: number;
  sha: string;
  /** ISO 8601 time of the run (the earliest any writer gave). */
  time: string;
  coverage: CoverageSection | null;
  vulns: VulnSection | null;
  tests: TestSection | null;
  /** Share of tests that flaked in this run, 0-1. */
  flakeRate: number | null;
  buildDurationMs: number | null;
}

/** What one writer records for a run: the identity and the sections it measured (others omitted). */
export type BaselineRunInput = Pick<BaselineRun, 'runId' | 'attempt' | 'sha' | 'time'> &
  Partial<Omit<BaselineRun, 'runId' | 'attempt' | 'sha' | 'time'>>;

/** The input as a full entry: every section it omits is null (not measured by this writer). */
export function runEntry(input: BaselineRunInput): BaselineRun {
  return {
    runId: input.runId,
    attempt: input.attempt,
    sha: input.sha,
    time: input.time,
    coverage: input.coverage ?? null,
    vulns: input.vulns ?? null,
    tests: input.tests ?? null,
    flakeRate: input.flakeRate ?? null,
    buildDurationMs: input.buildDurationMs ?? null,
  };
}

/**
 * Two records of the same run (same run id + attempt) as one: what either measured is kept, and
 * where both measured a field the later record (`add`) wins. Coverage merges figure by figure and
 * suite by suite; vulnerabilities and tests are whole reports and are taken whole. A null (not
 * measured) never replaces a measurement, so writers of different sections commute.
 */
export function mergeRunEntries(old: BaselineRun, add: BaselineRun): BaselineRun {
  const coverage =
    old.coverage && add.coverage
      ? {
          lines: add.coverage.lines ?? old.coverage.lines,
          branches: add.coverage.branches ?? old.coverage.branches,
          bySuite: { ...old.coverage.bySuite, ...add.coverage.bySuite },
        }
      : (add.coverage ?? old.coverage);
  return {
    runId: old.runId,
    attempt: old.attempt,
    sha: old.sha,
    time: Date.parse(add.time) < Date.parse(old.time) ? add.time : old.time,
    coverage,
    vulns: add.vulns ?? old.vulns,
    tests: add.tests ?? old.tests,
    flakeRate: add.flakeRate ?? old.flakeRate,
    buildDurationMs: add.buildDurationMs ?? old.buildDurationMs,
  };
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
  version: typeof TEST_HISTORY_VERSION;
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

const vulnItemV1 = {
  type: 'object',
  required: ['id', 'severity'],
  additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1 }, severity, package: { type: 'string', nullable: true } },
} as const;
const vulnItem = {
  type: 'object',
  required: ['id', 'severity', 'package', 'version'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 },
    severity,
    package: { type: 'string', nullable: true },
    version: { type: 'string', nullable: true },
  },
} as const;

function sectionSchemas(item: object) {
  return {
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
        items: { type: 'array', items: item },
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
  };
}

const identity = {
  runId: { type: 'string', minLength: 1 },
  attempt: { type: 'integer', minimum: 1 },
  sha: { type: 'string', pattern: '^[0-9a-f]{7,64}$' },
  time: { type: 'string', format: 'date-time' },
} as const;
const RUN_FIELDS = [
  'runId',
  'attempt',
  'sha',
  'time',
  'coverage',
  'vulns',
  'tests',
  'flakeRate',
  'buildDurationMs',
];

/** Version 1: every section present (zeros when not measured), items without versions. */
const runSchemaV1: SchemaObject = (() => {
  const sec = sectionSchemas(vulnItemV1);
  return {
    type: 'object',
    required: RUN_FIELDS,
    additionalProperties: false,
    properties: {
      ...identity,
      ...sec,
      flakeRate: { type: 'number', minimum: 0, maximum: 1 },
      buildDurationMs: nullableNumber,
    },
  };
})();

const runSchema: SchemaObject = (() => {
  const sec = sectionSchemas(vulnItem);
  return {
    type: 'object',
    required: RUN_FIELDS,
    additionalProperties: false,
    properties: {
      ...identity,
      coverage: { ...sec.coverage, nullable: true },
      vulns: { ...sec.vulns, nullable: true },
      tests: { ...sec.tests, nullable: true },
      flakeRate: { type: 'number', minimum: 0, maximum: 1, nullable: true },
      buildDurationMs: nullableNumber,
    },
  };
})();

function baselineSchemaOf(version: number, run: SchemaObject): SchemaObject {
  return {
    type: 'object',
    required: ['type', 'version', 'repo', 'branch', 'window', 'updatedAt', 'runs'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', const: BASELINE_TYPE },
      version: { type: 'integer', const: version },
      repo: { type: 'string' },
      branch: { type: 'string' },
      window: { type: 'integer', minimum: 1, maximum: 1000 },
      updatedAt: { type: 'string', format: 'date-time' },
      runs: { type: 'array', items: run },
    },
  };
}

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
    version: { type: 'integer', const: TEST_HISTORY_VERSION },
    window: { type: 'integer', minimum: 1, maximum: 1000 },
    updatedAt: { type: 'string', format: 'date-time' },
    tests: { type: 'object', required: [], additionalProperties: { type: 'array', items: outcomeSchema } },
  },
};

// `date-time` checked by a small regex instead of ajv-formats: one format is not worth its start-up.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let ajv: Ajv | undefined;
const compiled = new Map<SchemaObject, ValidateFunction>();

/** Compiled on first use: a run that never meets a version-1 document never compiles its schema. */
function validator<T>(schema: SchemaObject): ValidateFunction<T> {
  let v = compiled.get(schema);
  if (!v) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: false, strict: true });
      ajv.addFormat('date-time', ISO);
    }
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v as ValidateFunction<T>;
}

const baselineSchema = baselineSchemaOf(BASELINE_VERSION, runSchema);
const baselineSchemaV1 = baselineSchemaOf(1, runSchemaV1);

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function check<T>(v: ValidateFunction<T>, doc: unknown): Checked<T> {
  if (v(doc)) return { ok: true, value: doc };
  const e = v.errors?.[0];
  return { ok: false, error: e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` : 'is invalid' };
}

/**
 * Parses and validates; a version-1 document is validated as such and migrated (`migrated: true`).
 * Says why a document is not a baseline this code can read.
 */
export function parseBaseline(text: string): Checked<Baseline> & { migrated?: boolean } {
  const doc = parseJson(text);
  if (!doc.ok) return doc;
  const versionProblem = versionMismatch(doc.value, BASELINE_TYPE, [BASELINE_VERSION, 1]);
  if (versionProblem) return { ok: false, error: versionProblem };
  if ((doc.value as { version: unknown }).version === 1) {
    const v1 = check(validator<BaselineV1>(baselineSchemaV1), doc.value);
    if (!v1.ok) return { ok: false, error: `${v1.error} (version 1)` };
    const up = check(validator<Baseline>(baselineSchema), migrateV1(v1.value));
    return up.ok ? { ...up, migrated: true } : up;
  }
  return check(validator<Baseline>(baselineSchema), doc.value);
}

export function parseTestHistory(text: string): Checked<TestHistory> {
  const doc = parseJson(text);
  if (!doc.ok) return doc;
  const versionProblem = versionMismatch(doc.value, TEST_HISTORY_TYPE, [TEST_HISTORY_VERSION]);
  if (versionProblem) return { ok: false, error: versionProblem };
  return check(validator<TestHistory>(historySchema), doc.value);
}

export function checkRun(run: unknown): Checked<BaselineRun> {
  return check(validator<BaselineRun>(runSchema), run);
}

/**
 * A run entry as this version stores it: a version-2 entry as it is, a version-1 entry (a write
 * journaled by an older ai-ci during a Redis outage, replayed now) migrated; otherwise undefined.
 */
export function upgradeRun(run: unknown): BaselineRun | undefined {
  if (checkRun(run).ok) return run as BaselineRun;
  if (!check(validator<RunV1>(runSchemaV1), run).ok) return undefined;
  const [up] = migrateV1({
    type: BASELINE_TYPE,
    version: 1,
    repo: '',
    branch: '',
    window: 1,
    updatedAt: '',
    runs: [run as RunV1],
  }).runs;
  return up;
}

type RunV1 = Omit<BaselineRun, 'coverage' | 'vulns' | 'tests' | 'flakeRate'> & {
  coverage: CoverageSection;
  vulns: {
    bySeverity: Record<Severity, number>;
    items: { id: string; severity: Severity; package?: string | null }[];
  };
  tests: TestSection;
  flakeRate: number;
};
type BaselineV1 = Omit<Baseline, 'version' | 'runs'> & { version: 1; runs: RunV1[] };

/**
 * Version 1 had no way to say "not measured": its writers put zeros (tests, flake rate) or empty
 * figures (coverage) there, and finding versions were not kept. Empty sections become null; an
 * all-zero test section (no test counted, no time) is read as not measured, and so is the flake
 * rate of a run without tests. Vulnerability counts are kept as measured: version 1 cannot tell.
 */
export function migrateV1(doc: BaselineV1): Baseline {
  return {
    ...doc,
    version: BASELINE_VERSION,
    runs: doc.runs.map((r) => {
      const c = r.coverage;
      const t = r.tests;
      const noTests = t.total === 0 && t.durationMs === 0 && Object.keys(t.bySuite).length === 0;
      const noCoverage = c.lines === null && c.branches === null && Object.keys(c.bySuite).length === 0;
      return {
        runId: r.runId,
        attempt: r.attempt,
        sha: r.sha,
        time: r.time,
        coverage: noCoverage ? null : c,
        vulns: {
          bySeverity: r.vulns.bySeverity,
          items: r.vulns.items.map((i) => ({
            id: i.id,
            severity: i.severity,
            package: i.package ?? null,
            version: null,
          })),
        },
        tests: noTests ? null : t,
        flakeRate: noTests && r.flakeRate === 0 ? null : r.flakeRate,
        buildDurationMs: r.buildDurationMs,
      };
    }),
  };
}

function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

function versionMismatch(doc: unknown, type: string, readable: readonly number[]): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'not a JSON object';
  const d = doc as { type?: unknown; version?: unknown };
  if (d.type !== type) return `type is ${JSON.stringify(d.type)}, expected "${type}"`;
  if (!readable.includes(d.version as number))
    return `unknown version ${JSON.stringify(d.version)} (this ai-ci reads version ${[...readable].sort().join(' or ')})`;
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
    version: TEST_HISTORY_VERSION,
    window,
    updatedAt: now.toISOString(),
    tests: {},
  };
}
