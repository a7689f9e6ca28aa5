import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { actionNames } from '../actions/registry.js';
import { testActionModules } from './test-actions.js';
import { readLocalGitContext } from './git-context.js';
import { type Annotation, parseOutputFile, parseWorkflowCommand, toAnnotation } from './workflow-commands.js';
import { UsageError } from './commands/types.js';

export interface RunArgs {
  action: string;
  inputs: Record<string, string>;
  repo: string;
  eventFile?: string;
  eventName?: string;
  repository?: string;
  dryRun: boolean;
  json: boolean;
}

export interface GitHubWrite {
  method: string;
  path: string;
  body: unknown;
}

/** The `ai-ci run --json` contract. */
export interface RunResult {
  action: string;
  outcome: 'success' | 'failure';
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  github: GitHubWrite[];
}

export const RUN_USAGE =
  'ai-ci run <action> [--input NAME=VALUE]... [--repo DIR] [--event FILE] [--event-name NAME] [--repository OWNER/NAME] [--dry-run] [--json]';

export function knownActions(): string[] {
  return [...actionNames(), ...Object.keys(testActionModules())].sort();
}

export function parseRunArgs(argv: string[]): RunArgs {
  const args: RunArgs = { action: '', inputs: {}, repo: process.cwd(), dryRun: false, json: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v =
        a.includes('=') && a.startsWith('--') && !a.startsWith('--input=')
          ? a.slice(a.indexOf('=') + 1)
          : argv[++i];
      if (v === undefined) throw new UsageError(`${a.split('=')[0]} needs a value.`);
      return v;
    };
    const flag = a.startsWith('--') ? a.split('=')[0] : a;
    switch (flag) {
      case '--input':
      case '-i': {
        const kv = a.startsWith('--input=') ? a.slice('--input='.length) : argv[++i];
        if (kv === undefined) throw new UsageError('--input needs NAME=VALUE.');
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new UsageError(`Bad --input '${kv}': expected NAME=VALUE.`);
        args.inputs[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      case '--repo':
        args.repo = resolve(value());
        break;
      case '--event':
        args.eventFile = resolve(value());
        break;
      case '--event-name':
        args.eventName = value();
        break;
      case '--repository': {
        const r = value();
        if (!/^[^/\s]+\/[^/\s]+$/.test(r))
          throw new UsageError(`Invalid repository '${r}'. Expected format {owner}/{repo}.`);
        args.repository = r;
        break;
      }
      case '--dry-run':
        args.dryRun = true;
        break;
      case '--json':
        args.json = true;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`Unknown option '${a}'.`);
        rest.push(a);
    }
  }
  if (rest.length === 0) throw new UsageError('Which action? ' + listText());
  if (rest.length > 1) throw new UsageError(`Unexpected argument '${rest[1]}'.`);
  args.action = rest[0];
  if (!knownActions().includes(args.action))
    throw new UsageError(`Unknown action '${args.action}'. ${listText()}`);
  if (!existsSync(args.repo) || !statSync(args.repo).isDirectory())
    throw new UsageError(`--repo '${args.repo}' is not a directory.`);
  if (args.eventFile && !existsSync(args.eventFile))
    throw new UsageError(`--event file '${args.eventFile}' does not exist.`);
  return args;
}

function listText(): string {
  const names = knownActions();
  return names.length ? `Actions: ${names.join(', ')}.` : 'No actions are available in this build.';
}

/** How to start this same program again as a child: the runner starts an action in its own process. */
export interface SelfCommand {
  command: string;
  args: string[];
}

export function selfCommand(): SelfCommand {
  // The action runs with the workspace as cwd: a relative `--import ./x` must still find x.
  const execArgv = process.execArgv.map((a, i, all) => {
    if (all[i - 1] !== '--import' && all[i - 1] !== '--require') return a;
    if (/^\.\.?\//.test(a)) return pathToFileURL(resolve(a)).href;
    if (/^[\w@]/.test(a) && !/^(?:file|node|data):/.test(a)) {
      // A bare package (`--import tsx`) resolves from the workspace otherwise, where it is not installed.
      try {
        return import.meta.resolve(a);
      } catch {
        return a;
      }
    }
    return a;
  });
  return { command: process.execPath, args: [...execArgv, resolve(process.argv[1])] };
}

/**
 * Runs an action the way the runner does: its own process, inputs as `INPUT_*`, `GITHUB_*` from
 * the local checkout, workflow commands read from its stdout, outputs from `GITHUB_OUTPUT`.
 */
export async function runAction(args: RunArgs, self: SelfCommand = selfCommand()): Promise<RunResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'ai-ci-run-'));
  try {
    return await runIn(tmp, args, self);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function runIn(tmp: string, args: RunArgs, self: SelfCommand): Promise<RunResult> {
  const gitCtx = readLocalGitContext(args.repo, args.repository);
  const files = {
    output: join(tmp, 'output'),
    summary: join(tmp, 'step_summary.md'),
    env: join(tmp, 'env'),
    state: join(tmp, 'state'),
    path: join(tmp, 'path'),
    github: join(tmp, 'github-writes.jsonl'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const runnerTemp = join(tmp, 'runner-temp');
  mkdirSync(runnerTemp);

  let payload: Record<string, unknown>;
  let eventPath: string;
  if (args.eventFile) {
    eventPath = args.eventFile;
    payload = JSON.parse(readFileSync(args.eventFile, 'utf8')) as Record<string, unknown>;
  } else {
    payload = { repository: { full_name: gitCtx.repository, default_branch: gitCtx.defaultBranch } };
    if (gitCtx.sha) payload.after = gitCtx.sha;
    eventPath = join(tmp, 'event.json');
    writeFileSync(eventPath, JSON.stringify(payload));
  }
  const eventName = args.eventName ?? ('pull_request' in payload ? 'pull_request' : 'push');

  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('INPUT_') || k.startsWith('STATE_')) continue;
    env[k] = v;
  }
  const token = env.GITHUB_TOKEN;
  Object.assign(env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: args.repo,
    GITHUB_REPOSITORY: gitCtx.repository,
    GITHUB_REPOSITORY_OWNER: gitCtx.repository.split('/')[0],
    GITHUB_SHA: gitCtx.sha,
    GITHUB_REF: gitCtx.ref,
    GITHUB_REF_NAME: gitCtx.ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_PATH: files.path,
    GITHUB_ACTION: args.action,
    GITHUB_JOB: env.GITHUB_JOB ?? args.action,
    GITHUB_RUN_ID: env.GITHUB_RUN_ID ?? '1',
    GITHUB_RUN_NUMBER: env.GITHUB_RUN_NUMBER ?? '1',
    GITHUB_RUN_ATTEMPT: env.GITHUB_RUN_ATTEMPT ?? '1',
    GITHUB_WORKFLOW: env.GITHUB_WORKFLOW ?? 'ai-ci local',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: env.RUNNER_OS ?? 'Linux',
    AI_CI_DEFAULT_BRANCH: env.AI_CI_DEFAULT_BRANCH ?? gitCtx.defaultBranch,
    AI_CI_GITHUB_LOG: files.github,
    AI_CI_DRY_RUN: args.dryRun || !token ? 'true' : 'false',
  });
  if (eventName.startsWith('pull_request')) {
    const pr = payload.pull_request as { head?: { ref?: string }; base?: { ref?: string } } | undefined;
    if (pr?.head?.ref) env.GITHUB_HEAD_REF = pr.head.ref;
    if (pr?.base?.ref) env.GITHUB_BASE_REF = pr.base.ref;
  }
  for (const [name, value] of Object.entries(args.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const annotations: Annotation[] = [];
  const masks: string[] = [];
  const child = spawn(self.command, [...self.args, '__exec', args.action], {
    cwd: args.repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const echo = (line: string): void => {
    let text = line;
    for (const m of masks) text = text.split(m).join('***');
    (args.json ? process.stderr : process.stdout).write(text + '\n');
  };
  const stdoutDone = new Promise<void>((resolveDone) => {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      const cmd = parseWorkflowCommand(line);
      if (cmd?.command === 'add-mask') {
        if (cmd.message) masks.push(cmd.message);
        return;
      }
      const ann = cmd && toAnnotation(cmd);
      if (ann) annotations.push(ann);
      if (cmd && cmd.command === 'debug' && !env.RUNNER_DEBUG) return;
      echo(line);
    });
    rl.on('close', () => resolveDone());
  });
  child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  const code = await new Promise<number>((resolveCode, reject) => {
    child.on('error', reject);
    child.on('close', (c, signal) => resolveCode(c ?? (signal ? 1 : 0)));
  });
  await stdoutDone;

  const github: GitHubWrite[] = readFileSync(files.github, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GitHubWrite);
  const outputs = parseOutputFile(readFileSync(files.output, 'utf8'));
  return {
    action: args.action,
    outcome: code === 0 ? 'success' : 'failure',
    outputs,
    summary: readFileSync(files.summary, 'utf8'),
    annotations,
    github,
  };
}
