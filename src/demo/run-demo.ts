import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionNames } from '../actions/registry.js';
import { selfCommand, type RunResult, type SelfCommand } from '../cli/run.js';
import { runCliStep } from './cli-step.js';
import { breakSampleRepo, createSampleRepo, SAMPLE_REPOSITORY, type SampleRepo } from './sample-repo.js';

export type StepStatus = 'ok' | 'failed' | 'skipped' | 'error';

export interface DemoStep {
  name: string;
  status: StepStatus;
  ms: number;
  /** One line: what the step found. */
  detail: string;
  /** The `ai-ci run --json` result, for the steps that ran an action. */
  result?: RunResult;
}

/** What `ai-ci demo --json` prints and writes to `.ai-ci/demo_summary.json`. */
export interface DemoSummary {
  type: 'ai-ci/demo';
  version: 1;
  workspace: string;
  repository: string;
  baseSha: string;
  headSha: string;
  steps: DemoStep[];
  /** Report name -> absolute path, only for files that exist. */
  reports: Record<string, string>;
  /** True when every step did its job (failing tests and a failed gate are the demo working). */
  ok: boolean;
}

export interface DemoOptions {
  /** Folder to create the sample in (must not exist or be empty); default a new temp dir. */
  dir?: string;
  /** Progress lines. */
  out: (line: string) => void;
  /** Echo every action's own log as it runs. */
  verbose?: boolean;
  env?: NodeJS.ProcessEnv;
  self?: SelfCommand;
}

// A demo must not reach GitHub or the caller's Actions cache, even when run inside a workflow.
function demoEnv(base: NodeJS.ProcessEnv, workspace: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (/^(GITHUB_|ACTIONS_|INPUT_|STATE_|RUNNER_)/.test(k) || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  env.AI_CI_CACHE_DIR = base.AI_CI_CACHE_DIR || join(workspace, '.ai-ci', 'cache');
  env.AI_CI_ACTIONS_CACHE = 'false';
  env.NO_COLOR = '1';
  return env;
}

function runTests(
  workspace: string,
  tests: string[],
  outDir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  mkdirSync(join(workspace, outDir), { recursive: true });
  // One run, three reporters: the log ai-triage reads, JUnit for every reader, lcov for the gate.
  const args = [
    '--test',
    '--experimental-test-coverage',
    '--test-reporter=spec',
    `--test-reporter-destination=${outDir}/test.log`,
    '--test-reporter=junit',
    `--test-reporter-destination=${outDir}/junit.xml`,
    '--test-reporter=lcov',
    `--test-reporter-destination=${outDir}/lcov.info`,
    ...tests,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function junitCounts(file: string): { tests: number; failures: number } {
  if (!existsSync(file)) return { tests: 0, failures: 0 };
  const xml = readFileSync(file, 'utf8');
  return {
    tests: (xml.match(/<testcase\b/g) ?? []).length,
    failures: (xml.match(/<failure\b/g) ?? []).length,
  };
}

function parseList(json: string | undefined): string[] {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether an Ollama server answers at `url`; a short probe, since the demo must not wait on a missing one. */
async function ollamaReachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/version`, { signal: AbortSignal.timeout(1500) });
    return res.ok;
  } catch {
    return false;
  }
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

const MARK: Record<StepStatus, string> = { ok: 'ok  ', failed: 'FAIL', skipped: 'skip', error: 'ERR ' };

/**
 * `ai-ci demo`: the chain of the reusable workflow on a bundled sample project, locally, through
 * the same code path as in Actions (each action is started by `ai-ci run`). Needs no server:
 * Redis and Ollama are used when the environment points at reachable ones.
 */
export async function runDemo(opts: DemoOptions): Promise<DemoSummary> {
  const workspace = opts.dir ?? mkdtempSync(join(tmpdir(), 'ai-ci-demo-'));
  if (opts.dir && existsSync(opts.dir) && readdirSync(opts.dir).length > 0)
    throw new Error(`--dir ${opts.dir} is not empty; the demo creates a fresh repository there.`);
  const self = opts.self ?? selfCommand();
  const env = demoEnv(opts.env ?? process.env, workspace);
  const logs = join(workspace, '.ai-ci', 'logs');
  const steps: DemoStep[] = [];
  const out = opts.out;
  // sample repo, baseline, pull request, then the seven steps of the chain.
  const total = 10;

  const record = (step: DemoStep): DemoStep => {
    steps.push(step);
    out(
      `[${String(steps.length).padStart(2)}/${total}] ${MARK[step.status]} ${step.name.padEnd(16)} ${secs(step.ms).padStart(6)}  ${step.detail}`,
    );
    return step;
  };
  const timed = async (name: string, fn: () => Promise<Omit<DemoStep, 'name' | 'ms'>>): Promise<DemoStep> => {
    const t0 = Date.now();
    try {
      const r = await fn();
      return record({ name, ms: Date.now() - t0, ...r });
    } catch (err) {
      return record({
        name,
        ms: Date.now() - t0,
        status: 'error',
        detail: err instanceof Error ? err.message : String(err),
      });
    }
  };
  const action = async (
    name: string,
    args: string[],
    describe: (r: RunResult) => { status?: StepStatus; detail: string },
  ): Promise<DemoStep> => {
    if (!actionNames().includes(name))
      return record({
        name,
        ms: 0,
        status: 'skipped',
        detail: `${name} is not in this build of ai-ci yet: step skipped`,
      });
    return timed(name, async () => {
      const r = await runCliStep(
        self,
        [
          name,
          '--repo',
          workspace,
          '--repository',
          SAMPLE_REPOSITORY,
          '--event',
          repo.eventFile,
          '--dry-run',
          ...args,
        ],
        {
          env,
          logFile: join(logs, `${name}.log`),
          echo: opts.verbose ? (s) => process.stderr.write(s) : undefined,
        },
      );
      if (!r.result) {
        const last = r.log.trim().split('\n').slice(-3).join(' | ');
        return { status: 'error', detail: `ai-ci run ${name} exited ${r.code} without a result: ${last}` };
      }
      const d = describe(r.result);
      return {
        status: d.status ?? (r.result.outcome === 'success' ? 'ok' : 'error'),
        detail: d.detail,
        result: r.result,
      };
    });
  };

  out(`ai-ci demo in ${workspace}`);
  const ollamaUrl = (env.OLLAMA_LOCAL_URL || env.OLLAMA_HOST || 'http://localhost:11434').replace(/\/+$/, '');
  const llm = await ollamaReachable(ollamaUrl);
  const cloud = env.OLLAMA_CLOUD_API_KEY ? ' (Ollama Cloud key set: user-facing prose may use it)' : '';
  out(
    llm
      ? `LLM: Ollama at ${ollamaUrl} is reachable; explanations and fix proposals use it${cloud}.`
      : `LLM: no Ollama at ${ollamaUrl}${cloud}; every report is complete without one, prose sections use templates and auto-fix cannot propose an LLM patch.`,
  );
  mkdirSync(logs, { recursive: true });
  let repo: SampleRepo = { dir: workspace, baseSha: '', headSha: '', eventFile: '', changedFile: '' };

  // 1-2: a default branch with a recorded baseline, as after a few green runs of main.
  await timed('sample repo', async () => {
    const sha = createSampleRepo(workspace);
    return { status: 'ok', detail: `${SAMPLE_REPOSITORY}: 2 commits on main (${sha.slice(0, 7)})` };
  });
  await timed('baseline (main)', async () => {
    const t = await runTests(workspace, [], 'reports/main', { ...env });
    const c = junitCounts(join(workspace, 'reports/main/junit.xml'));
    if (t.code !== 0) return { status: 'error', detail: `main's tests should pass: ${t.output.slice(-300)}` };
    const r = await runCliStep(
      self,
      [
        'adaptive-gate',
        '--repo',
        workspace,
        '--repository',
        SAMPLE_REPOSITORY,
        '--event-name',
        'push',
        '--dry-run',
        '--input',
        'coverage=reports/main/lcov.info',
        '--input',
        'update-baseline=true',
        '--input',
        'output-dir=.ai-ci/baseline',
      ],
      { env, logFile: join(logs, 'baseline.log') },
    );
    if (!r.result || r.result.outcome !== 'success')
      return { status: 'error', detail: `recording the baseline failed (see ${join(logs, 'baseline.log')})` };
    return {
      status: 'ok',
      detail: `${c.tests} tests passed, coverage ${r.result.outputs.coverage}% recorded as the baseline`,
    };
  });

  // 3: the pull request.
  await timed('pull request', async () => {
    repo = breakSampleRepo(workspace);
    return {
      status: 'ok',
      detail: `${repo.changedFile} changed on a branch (${repo.headSha.slice(0, 7)}): receipts round to whole dollars`,
    };
  });
  if (!repo.headSha) return finish();

  const selection = await action('select-tests', [], (r) => ({
    detail: `${r.outputs.mode}: ${r.outputs['test-count']} of ${r.outputs['total-test-count']} test files (${r.outputs.reason})`,
  }));
  const mode = selection.result?.outputs.mode;
  const tests = parseList(selection.result?.outputs.tests);

  await timed('tests', async () => {
    if (mode === 'none') return { status: 'skipped', detail: 'no test depends on the change (mode none)' };
    if (!selection.result) return { status: 'skipped', detail: 'no selection: tests not run' };
    const t = await runTests(workspace, mode === 'full' ? [] : tests, 'reports', { ...env });
    const c = junitCounts(join(workspace, 'reports/junit.xml'));
    return {
      status: c.failures > 0 || t.code !== 0 ? 'failed' : 'ok',
      detail: `${c.tests} tests, ${c.failures} failed (node --test ${mode === 'full' ? '(all)' : tests.join(' ')})`,
    };
  });

  await action(
    'ai-triage',
    ['--input', 'reports=reports/junit.xml', '--input', 'logs=reports/test.log'],
    (r) => ({
      detail: `${r.outputs['root-causes']} root cause(s), fix confidence ${r.outputs.fix_confidence}: ${r.outputs.triage_summary}`,
    }),
  );

  await action('adaptive-gate', ['--input', 'coverage=reports/lcov.info'], (r) => ({
    // A failed gate is the gate doing its job, not a broken demo.
    status: r.outputs.passed === 'false' ? 'failed' : r.outcome === 'success' ? 'ok' : 'error',
    detail:
      `${r.outputs.passed === 'true' ? 'passed' : r.outputs.passed === 'false' ? 'failed' : 'no verdict'}: coverage ${r.outputs.coverage || '?'}%` +
      (r.outputs['coverage-delta'] ? ` (${r.outputs['coverage-delta']} vs baseline)` : ''),
  }));

  const feedback = await action('pr-feedback', ['--input', 'test-results=reports/junit.xml'], (r) => ({
    detail: `status ${r.outputs.status}; comment rendered to ${r.outputs['body-path']} (dry run: nothing posted)`,
  }));
  const bodyPath = feedback.result?.outputs['body-path'];
  if (bodyPath && existsSync(join(workspace, bodyPath))) {
    out('');
    out('  ---- the PR comment (dry run) ----');
    for (const line of readFileSync(join(workspace, bodyPath), 'utf8').trimEnd().split('\n'))
      out(`  | ${line}`);
    out('  ---------------------------------');
    out('');
  }

  const verify = `node --test ${mode === 'full' || tests.length === 0 ? '' : tests.join(' ')}`.trim();
  await action('auto-fix', ['--input', 'mode=propose', '--input', `verify-command=${verify}`], (r) => ({
    detail: `${r.outputs.outcome}: ${r.outputs.reason}${llm ? '' : ' (no LLM reachable)'}`,
  }));

  await action('ci-metrics', [], (r) => ({
    detail:
      `${r.outputs['metrics-path'] || 'no metrics.json'}` +
      (env.PROMETHEUS_GATEWAY
        ? `, pushed to ${env.PROMETHEUS_GATEWAY}`
        : ' (no PROMETHEUS_GATEWAY: not pushed)') +
      (r.outputs['flake-rate'] ? `, flake rate ${r.outputs['flake-rate']}` : ''),
  }));

  return finish();

  function finish(): DemoSummary {
    const reports: Record<string, string> = {};
    const add = (name: string, rel: string | undefined): void => {
      if (rel && existsSync(join(workspace, rel))) reports[name] = join(workspace, rel);
    };
    const outputsOf = (step: string): Record<string, string> =>
      steps.find((s) => s.name === step)?.result?.outputs ?? {};
    add('selection', outputsOf('select-tests')['report-path']);
    add('junit', 'reports/junit.xml');
    add('test log', 'reports/test.log');
    add('coverage', 'reports/lcov.info');
    add('triage', outputsOf('ai-triage')['report-path']);
    add('errors', 'ai_analysis/error_report.json');
    add('gate', outputsOf('adaptive-gate')['report-path']);
    add('feedback', outputsOf('pr-feedback')['report-path']);
    add('comment', outputsOf('pr-feedback')['body-path']);
    add('autofix', outputsOf('auto-fix')['report-path']);
    add('patch', outputsOf('auto-fix')['patch-path']);
    add('metrics', outputsOf('ci-metrics')['metrics-path']);
    add('insights', outputsOf('ci-metrics')['insights-path']);
    const summary: DemoSummary = {
      type: 'ai-ci/demo',
      version: 1,
      workspace,
      repository: SAMPLE_REPOSITORY,
      baseSha: repo.baseSha,
      headSha: repo.headSha,
      steps: steps.map(({ result: _result, ...s }) => s),
      reports,
      ok: steps.every((s) => s.status !== 'error'),
    };
    const summaryPath = join(workspace, '.ai-ci', 'demo_summary.json');
    writeFileSync(summaryPath, JSON.stringify(summary, null, 2) + '\n');
    out('');
    out('Reports:');
    for (const [name, path] of Object.entries(reports)) out(`  ${name.padEnd(10)} ${path}`);
    out(`  ${'summary'.padEnd(10)} ${summaryPath}`);
    out(`  ${'logs'.padEnd(10)} ${logs}/`);
    out('');
    out(
      summary.ok ? 'The chain ran end to end.' : 'Some steps did not run as they should: see the logs above.',
    );
    return summary;
  }
}
