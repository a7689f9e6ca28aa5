// Start-up of each bundled action (time to its first line of output, with no work to do) beside a
// bare `node` in the same run; every workflow run pays this. Also starts each bundle once under
// Node 24, which is what `runs.using: node24` gets on GitHub.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const names = ['action-startup'];

function firstOutputMs(
  node: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    let first: number | undefined;
    let output = '';
    const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const mark = (): void => {
      if (first === undefined) first = Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const collect = (d: Buffer): void => {
      mark();
      if (output.length < 20_000) output += d.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ ms: first ?? Number(process.hrtime.bigint() - t0) / 1e6, code: code ?? 1, output }),
    );
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A Node 24 binary from the npm package `node@24`, installed once into a temp prefix. */
function node24(): string | undefined {
  const prefix = join(tmpdir(), 'ai-ci-node24');
  const bin = join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bin)) {
    try {
      execFileSync(
        'npm',
        ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', 'node@24'],
        { stdio: 'ignore', timeout: 180_000 },
      );
    } catch {
      return undefined;
    }
  }
  return existsSync(bin) ? bin : undefined;
}

export default async function run(): Promise<BenchResult[]> {
  const actions = readdirSync(join(root, 'actions')).filter((a) =>
    existsSync(join(root, 'dist', a, 'index.js')),
  );
  const work = mkdtempSync(join(tmpdir(), 'ai-ci-startup-'));
  const results: BenchResult[] = [];
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: work,
      GITHUB_WORKSPACE: work,
      GITHUB_OUTPUT: join(work, 'out'),
      GITHUB_STEP_SUMMARY: join(work, 'summary'),
      RUNNER_TEMP: work,
      AI_CI_CACHE_DIR: join(work, 'cache'),
      AI_CI_DRY_RUN: 'true',
    };
    writeFileSync(join(work, 'out'), '');
    writeFileSync(join(work, 'summary'), '');
    const runs = 7;
    const bare: number[] = [];
    for (let i = 0; i < runs; i++)
      bare.push((await firstOutputMs(process.execPath, ['-e', 'process.stdout.write("x")'], work, env)).ms);
    const bareMs = median(bare);
    for (const a of actions) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++)
        times.push(
          (await firstOutputMs(process.execPath, [join(root, 'dist', a, 'index.js')], work, env)).ms,
        );
      const above = Math.max(0, median(times) - bareMs);
      results.push({
        name: `action-startup-${a}`,
        value: Math.round(above),
        unit: 'ms',
        op: '<=',
        target: 250,
        extra: `median ${median(times).toFixed(0)} ms vs bare node ${bareMs.toFixed(0)} ms`,
      });
    }
    const n24 = node24();
    if (n24) {
      let ok = 0;
      const version = execFileSync(n24, ['--version'], { encoding: 'utf8' }).trim();
      for (const a of actions) {
        // With no inputs an action may fail on purpose (setFailed, exit 1); a load failure under
        // Node 24 shows up as a Node error instead of the action's own workflow commands.
        const r = await firstOutputMs(n24, [join(root, 'dist', a, 'index.js')], work, env);
        const crashed =
          r.code > 1 || /SyntaxError|ERR_[A-Z_]+|Cannot find (module|package)|ReferenceError/.test(r.output);
        if (!crashed) ok++;
        else process.stderr.write(`node 24: ${a} failed to start:\n${r.output.slice(0, 2000)}\n`);
      }
      results.push({
        name: 'action-bundles-load-node24',
        value: ok,
        unit: `of ${actions.length}`,
        op: '==',
        target: actions.length,
        extra: version,
      });
    } else {
      process.stderr.write(
        'startup bench: node@24 could not be installed from the npm registry; Node 24 load check skipped\n',
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}
