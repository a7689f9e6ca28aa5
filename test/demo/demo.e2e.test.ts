import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import type { DemoSummary } from '../../src/demo/run-demo.js';

interface Report {
  type: string;
  version: number;
  [k: string]: unknown;
}

const read = (p: string): Report => JSON.parse(readFileSync(p, 'utf8')) as Report;

// `ai-ci demo` end to end, as a new user runs it: every action is a real child process.
describe('ai-ci demo', () => {
  let dir: string;
  let summary: DemoSummary;
  let progress: string;
  let code: number;

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'ai-ci-demo-test-')), 'demo');
    const r = await runCli(['demo', '--dir', dir, '--json'], {
      env: {
        // No LLM (a closed port on 127.0.0.1), no Redis, no sinks: the embedded default.
        OLLAMA_LOCAL_URL: 'http://127.0.0.1:9',
        OLLAMA_HOST: undefined,
        OLLAMA_CLOUD_API_KEY: undefined,
        OLLAMA_API_KEY: undefined,
        REDIS_URL: undefined,
        PROMETHEUS_GATEWAY: undefined,
        DATADOG_API_KEY: undefined,
        DD_API_KEY: undefined,
        AI_CI_CACHE_DIR: undefined,
        GITHUB_TOKEN: undefined,
      },
    });
    code = r.code;
    progress = r.stderr;
    summary = JSON.parse(r.stdout) as DemoSummary;
  }, 600_000);
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('runs every step of the chain and exits 0', () => {
    expect(summary.steps.map((s) => [s.name, s.status])).toEqual([
      ['sample repo', 'ok'],
      ['baseline (main)', 'ok'],
      ['pull request', 'ok'],
      ['select-tests', 'ok'],
      ['tests', 'failed'],
      ['ai-triage', 'ok'],
      ['adaptive-gate', 'ok'],
      ['pr-feedback', 'ok'],
      ['auto-fix', 'ok'],
      ['ci-metrics', 'ok'],
    ]);
    expect(summary.ok).toBe(true);
    expect(code).toBe(0);
    expect(summary.workspace).toBe(dir);
    // Progress per step with its timing.
    for (const [i, s] of summary.steps.entries())
      expect(progress).toMatch(
        new RegExp(`\\[ ?${i + 1}/10\\] \\S+ +${s.name.replace(/[()]/g, '\\$&')} +\\d+\\.\\ds`),
      );
    expect(progress).toContain('LLM: no Ollama at http://127.0.0.1:9');
  });

  it('prints where every report is, and each one exists', () => {
    expect(Object.keys(summary.reports)).toEqual([
      'selection',
      'junit',
      'test log',
      'coverage',
      'triage',
      'errors',
      'gate',
      'feedback',
      'comment',
      'autofix',
      'metrics',
    ]);
    for (const [name, path] of Object.entries(summary.reports)) {
      expect([name, existsSync(path)]).toEqual([name, true]);
      expect(progress).toContain(`  ${name.padEnd(10)} ${path}\n`);
    }
  });

  it('selects the tests that depend on the changed file, and only those', () => {
    const sel = read(summary.reports.selection);
    expect(sel.type).toBe('ai-ci/selection');
    expect(sel.mode).toBe('selective');
    expect(sel.changedFiles).toEqual([{ path: 'src/money.js', status: 'modified' }]);
    expect(sel.tests).toEqual(['test/cart.test.js', 'test/money.test.js']);
    expect(sel.totalTestCount).toBe(3);
    expect(sel.base).toBe(summary.baseSha);
    expect(sel.head).toBe(summary.headSha);
  });

  it('ran those tests for real: 5 cases, the 3 that print prices failed', () => {
    const xml = readFileSync(summary.reports.junit, 'utf8');
    expect((xml.match(/<testcase\b/g) ?? []).length).toBe(5);
    expect((xml.match(/<failure\b/g) ?? []).length).toBe(3);
    expect(xml).not.toContain('slugifies');
  });

  it('triages each failing test to its file:line', () => {
    const triage = read(summary.reports.triage);
    expect(triage.type).toBe('ai-ci/triage');
    const victims = (
      triage.root_causes as Array<{ victims: Array<{ name: string; file: string; line: number }> }>
    )
      .flatMap((r) => r.victims.map((v) => `${v.name} @ ${v.file}:${v.line}`))
      .sort();
    expect(victims).toEqual([
      'formats a price with two decimals @ test/money.test.js:10',
      'formats a refund with a minus sign @ test/money.test.js:14',
      'prints the receipt line @ test/cart.test.js:15',
    ]);
  });

  it('gates coverage against the baseline recorded on main', () => {
    const gate = read(summary.reports.gate);
    expect(gate.type).toBe('ai-ci/gate');
    expect(gate.passed).toBe(true);
    const cov = gate.coverage as { lines: number; baselineLines: number; delta: number };
    expect(cov.baselineLines).toBe(100);
    expect(cov.delta).toBe(cov.lines - cov.baselineLines);
  });

  it('renders one comment with the same failures, and saves the feedback report', () => {
    const fb = read(summary.reports.feedback);
    expect(fb.type).toBe('ai-ci/feedback');
    expect(fb.status).toBe('failure');
    const comment = readFileSync(summary.reports.comment, 'utf8');
    expect(comment.startsWith('<!-- ai-ci:pr-feedback -->')).toBe(true);
    expect(comment).toContain('3 of 5 tests failed');
    for (const t of [
      'formats a price with two decimals',
      'formats a refund with a minus sign',
      'prints the receipt line',
    ])
      expect(comment).toContain(t);
    // The demo printed that same comment.
    expect(progress).toContain('  | ### ❌ ai-ci: 3 of 5 tests failed');
  });

  it('says why auto-fix proposed nothing, and writes the metrics', () => {
    const fix = read(summary.reports.autofix);
    expect(fix.type).toBe('ai-ci/autofix');
    expect(fix.outcome).toBe('skipped');
    expect(summary.steps.find((s) => s.name === 'auto-fix')?.detail).toBe(
      `skipped: ${String(fix.reason)} (no LLM reachable)`,
    );
    const metrics = read(summary.reports.metrics);
    expect(metrics.type).toBe('ai-ci/metrics');
    expect(metrics.workflow_run_id).toBe('1');
  });
});
