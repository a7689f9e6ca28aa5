import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

jest.setTimeout(300_000);
const HERE = dirname(fileURLToPath(import.meta.url));
const FIX = join(HERE, '..', 'fixtures');
const GOLDEN = join(HERE, 'golden', 'failing-pr.md');

/**
 * The comment a PR author reads for a realistic failing PR, built by the real chain (ai-triage on
 * a real jest run, adaptive-gate on real coverage, pr-feedback in dry-run) and compared with the
 * committed golden file, which was reviewed for brevity. `UPDATE_GOLDEN=1` rewrites it.
 */
it('renders the comment of a realistic failing PR as the reviewed golden file', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'ai-ci-golden-'));
  const cache = mkdtempSync(join(tmpdir(), 'ai-ci-golden-cache-'));
  try {
    cpSync(join(FIX, 'scripts', 'log-projects', 'projects', 'jest'), ws, { recursive: true });
    mkdirSync(join(ws, 'logs'));
    mkdirSync(join(ws, 'coverage'));
    for (const f of ['fail.gh.log', 'pass.gh.log', 'report.json'])
      copyFileSync(join(FIX, 'logs', 'jest', f), join(ws, 'logs', f));
    const git = (...a: string[]) => execFileSync('git', a, { cwd: ws, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@e', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'base');
    git('remote', 'add', 'origin', 'https://github.com/octo/shop.git');
    const env = {
      AI_CI_CACHE_DIR: cache,
      REDIS_URL: undefined,
      GITHUB_TOKEN: undefined,
      GITHUB_RUN_NUMBER: '57',
      GITHUB_RUN_ID: '9001',
    };
    // The baseline: the default branch at 90% line coverage.
    copyFileSync(
      join(HERE, '..', 'adaptive-gate', 'fixtures', 'shop', 'coverage', 'v1.lcov.info'),
      join(ws, 'coverage', 'lcov.info'),
    );
    const base = await runCli(
      [
        'run',
        'adaptive-gate',
        '--repo',
        ws,
        '--json',
        '--input',
        'coverage=coverage/lcov.info',
        '--input',
        'update-baseline=true',
      ],
      { env: { ...env, GITHUB_RUN_ID: '9000' } },
    );
    expect(base.code).toBe(0);
    // The PR: a coverage drop and four failing tests.
    copyFileSync(
      join(HERE, '..', 'adaptive-gate', 'fixtures', 'shop', 'coverage', 'v3.lcov.info'),
      join(ws, 'coverage', 'lcov.info'),
    );
    const event = join(ws, '..', `${ws.split('/').pop()}-pr.json`);
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: 12,
          head: { sha: 'f'.repeat(40), ref: 'feature', repo: { full_name: 'octo/shop' } },
          base: { ref: 'main', sha: 'e'.repeat(40) },
        },
        repository: { full_name: 'octo/shop', default_branch: 'main' },
      }),
    );
    const triage = await runCli(
      [
        'run',
        'ai-triage',
        '--repo',
        ws,
        '--json',
        '--event',
        event,
        '--input',
        'logs=logs/fail.gh.log',
        '--input',
        'reports=logs/report.json',
        '--input',
        'passing-log=logs/pass.gh.log',
        '--input',
        'llm=false',
      ],
      { env },
    );
    expect(triage.code).toBe(0);
    const gate = await runCli(
      [
        'run',
        'adaptive-gate',
        '--repo',
        ws,
        '--json',
        '--event',
        event,
        '--input',
        'coverage=coverage/lcov.info',
      ],
      { env },
    );
    expect(gate.json!.outputs.passed).toBe('false');
    const fb = await runCli(
      ['run', 'pr-feedback', '--repo', ws, '--json', '--event', event, '--input', 'llm=false'],
      { env },
    );
    expect(fb.code).toBe(0);
    expect(fb.json!.github).toHaveLength(1);
    const body = readFileSync(join(ws, fb.json!.outputs['body-path']), 'utf8');
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, body);
    }
    expect(body).toBe(readFileSync(GOLDEN, 'utf8'));
    const tldr = body.split('\n').filter((l) => l.startsWith('> '));
    expect(tldr.length).toBeGreaterThan(0);
    expect(tldr.length).toBeLessThanOrEqual(3);
  } finally {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
