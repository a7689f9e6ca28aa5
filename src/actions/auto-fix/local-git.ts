import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function git(cwd: string, args: string[], input?: string): Promise<string> {
  if (input === undefined) {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  }
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(err.trim() || `git ${args[0]} exited ${code}`)),
    );
    child.stdin.end(input);
  });
}

/** `git apply --check`: does the patch apply cleanly to the working tree? */
export async function applyCheck(cwd: string, patch: string): Promise<string | undefined> {
  try {
    await git(cwd, ['apply', '--check', '--whitespace=nowarn', '-'], patch);
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  }
}

/**
 * Runs `fn` with the patch applied to the working tree and takes it back out afterwards, so a
 * local `ai-ci run` leaves the checkout as it found it.
 */
export async function withPatch<T>(cwd: string, patch: string, fn: () => Promise<T>): Promise<T> {
  await git(cwd, ['apply', '--whitespace=nowarn', '-'], patch);
  try {
    return await fn();
  } finally {
    await git(cwd, ['apply', '-R', '--whitespace=nowarn', '-'], patch);
  }
}

export interface CommandResult {
  exitCode: number;
  timedOut: boolean;
  output: string;
}

/** Runs the verify command in a shell, bounded in time and output. */
export function runCommand(
  cwd: string,
  command: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const keep = (d: Buffer): void => {
      output += d.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? 1, timedOut, output });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ exitCode: 127, timedOut: false, output: err.message });
    });
  });
}
