import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { RunResult } from '../../src/cli/run.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_BIN = join(ROOT, 'src', 'cli', 'bin.ts');
/** tsx's loader by absolute URL, so the CLI (and the action processes it starts) work from any cwd. */
export const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The parsed stdout when it is one JSON value (`--json`). */
  json?: RunResult;
}

/** Runs the `ai-ci` CLI from source in a child process, as a user would run `npx ai-ci`. */
export function runCli(
  args: string[],
  opts: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
    // Jest's own flags must not leak into the child.
    delete env.NODE_OPTIONS;
    for (const [k, v] of Object.entries(opts.env ?? {})) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI_BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      let json: RunResult | undefined;
      if (args.includes('--json')) {
        try {
          json = JSON.parse(stdout) as RunResult;
        } catch {
          json = undefined;
        }
      }
      resolve({ code: code ?? 1, stdout, stderr, json });
    });
  });
}
