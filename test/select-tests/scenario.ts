import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { ScratchRepo, tempDir, writeEvent } from './repo.js';
import type { SelectionReport } from '../../src/actions/select-tests/run.js';

export interface ScenarioResult {
  code: number;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  report: SelectionReport;
  tests: string[];
  matrix: { include: Array<{ shard: number; tests: string }> };
}

/**
 * Runs `ai-ci run select-tests --json` on the repository as a push from `base` to its HEAD,
 * with a private cache folder, and returns the parsed outputs and report.
 */
export async function runSelect(
  repo: ScratchRepo,
  opts: {
    base?: string;
    eventName?: string;
    payload?: unknown;
    inputs?: Record<string, string>;
    env?: Record<string, string | undefined>;
  } = {},
): Promise<ScenarioResult> {
  const eventDir = tempDir('ai-ci-event-');
  const eventName = opts.eventName ?? 'push';
  const payload = opts.payload ?? (opts.base ? { before: opts.base } : {});
  const args = [
    'run',
    'select-tests',
    '--repo',
    repo.dir,
    '--json',
    '--event',
    writeEvent(eventDir, payload),
    '--event-name',
    eventName,
  ];
  for (const [k, v] of Object.entries(opts.inputs ?? {})) args.push('--input', `${k}=${v}`);
  const env: Record<string, string | undefined> = {
    AI_CI_CACHE_DIR: join(eventDir, 'cache'),
    REDIS_URL: undefined,
    ACTIONS_RUNTIME_TOKEN: undefined,
    ACTIONS_CACHE_URL: undefined,
    ACTIONS_RESULTS_URL: undefined,
    TEST_SELECTION_ENABLED: undefined,
    TEST_SELECTION_THRESHOLD: undefined,
    GITHUB_TOKEN: undefined,
    ...opts.env,
  };
  const r = await runCli(args, { env }).finally(() => rmSync(eventDir, { recursive: true, force: true }));
  if (!r.json) throw new Error(`no JSON from the CLI (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  const outputs = r.json.outputs;
  const reportPath = outputs['report-path'];
  if (!reportPath) throw new Error(`select-tests wrote no report (exit ${r.code}): ${r.stderr}`);
  const report = JSON.parse(readFileSync(join(repo.dir, reportPath), 'utf8')) as SelectionReport;
  return {
    code: r.code,
    stderr: r.stderr,
    outputs,
    summary: r.json.summary,
    report,
    tests: outputs.tests ? (JSON.parse(outputs.tests) as string[]) : [],
    matrix: outputs.matrix ? (JSON.parse(outputs.matrix) as ScenarioResult['matrix']) : { include: [] },
  };
}

/** Starts a scenario branch at `base`, applies `change`, commits; returns nothing (HEAD is the change). */
export function branchFrom(
  repo: ScratchRepo,
  base: string,
  name: string,
  change: (r: ScratchRepo) => void,
): void {
  repo.git('checkout', '-q', '-B', name, base);
  change(repo);
  repo.commit(name);
}

export function chainOf(report: SelectionReport, test: string): string[] | undefined {
  return report.selected.find((s) => s.test === test)?.chain;
}
