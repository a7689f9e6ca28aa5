import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { RunResult, SelfCommand } from '../cli/run.js';

export interface CliStepResult {
  code: number;
  result?: RunResult;
  /** What the action logged (the CLI's stderr with --json), kept in a file for --verbose and for bugs. */
  log: string;
}

/**
 * Runs `ai-ci run <action> --json` in a child process: the same path an action takes in Actions
 * (inputs as INPUT_*, GITHUB_* context, workflow commands, GITHUB_OUTPUT), with its log captured
 * so that the demo's own progress stays readable.
 */
export function runCliStep(
  self: SelfCommand,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; logFile: string; echo?: (chunk: string) => void },
): Promise<CliStepResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(self.command, [...self.args, 'run', ...args, '--json'], {
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let log = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const s = d.toString();
      log += s;
      opts.echo?.(s);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      writeFileSync(opts.logFile, log);
      let result: RunResult | undefined;
      try {
        result = JSON.parse(stdout) as RunResult;
      } catch {
        result = undefined;
      }
      resolve({ code: code ?? 1, result, log });
    });
  });
}
