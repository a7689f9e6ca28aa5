// The load test at the size (50 concurrent triage + gate runs on one Redis, 20 concurrent
// pr-feedback runs on one PR), behind `--large`: `npm test` runs the same test with 10 and 10.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions, BenchResult } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const names = ['load-50'];

export default async function run(opts: BenchOptions): Promise<BenchResult[]> {
  if (!opts.large) {
    process.stderr.write('load bench: 50/20 concurrent runs only with --large (npm test runs 10/10)\n');
    return [];
  }
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), 'test/hardening/load.test.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        AI_CI_LOAD_RUNS: '50',
        AI_CI_LOAD_PR_RUNS: '20',
        NODE_OPTIONS: '--experimental-vm-modules',
        AI_CI_REQUIRE_REDIS: '1',
      },
      encoding: 'utf8',
      timeout: 30 * 60_000,
    },
  );
  const secs = (Date.now() - started) / 1000;
  if (r.status !== 0) {
    // The failing assertions, so a failure under load can be read, not only counted.
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
    const failures = out.split('\n').filter((l) => /●|Expected|Received|Error/.test(l));
    process.stderr.write(`load bench: jest failed:\n${failures.slice(0, 60).join('\n')}\n`);
  }
  return [
    {
      name: 'load-50-exact-once',
      value: r.status === 0 ? 1 : 0,
      unit: 'passed',
      op: '==',
      target: 1,
      extra: `jest exit ${r.status}, ${secs.toFixed(0)} s`,
    },
  ];
}
