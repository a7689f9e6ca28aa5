import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, workflowFiles } from './workflow-files.js';

const run = promisify(execFile);

async function node(script: string, args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const r = await run(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT });
    return { code: 0, stdout: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('workflow lint (actionlint 1.7.7 + security rules)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ai-ci-wf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes on every workflow and starter template of the repository', async () => {
    const r = await node('lint-workflows.mjs', []);
    expect(r.stdout).toBe(
      `lint-workflows: ${workflowFiles().length} workflow file(s) pass actionlint 1.7.7 and the security rules.\n`,
    );
    expect(r.code).toBe(0);
  }, 120_000);

  it('reports each broken security rule at its line', async () => {
    const file = join(dir, 'bad.yml');
    writeFileSync(
      file,
      [
        'on: pull_request_target', // 1
        'jobs:', // 2
        '  build:', // 3
        '    runs-on: ubuntu-latest', // 4
        '    steps:', // 5
        '      - uses: actions/checkout@v4', // 6
        '        with:', // 7
        '          ref: ${{ github.event.pull_request.head.sha }}', // 8
        '      - run: echo "${{ github.event.pull_request.title }}"', // 9
        '      - uses: octo/ai-ci/actions/ai-triage@v1', // 10
        '  publish:', // 11
        '    runs-on: ubuntu-latest', // 12
        '    permissions: write-all', // 13
        '    steps:', // 14
        '      - run: echo ok', // 15
        '',
      ].join('\n'),
    );
    const r = await node('check-workflows.mjs', [file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.replace(/^.*bad\.yml:/, ''))).toEqual([
      "4: job 'build' has no permissions: block (and the workflow's own are not read-only)",
      "6: job 'build': actions/checkout@v4 is not pinned by a full commit SHA",
      "8: job 'build': a pull_request_target workflow checks out pull request code (ref: ${{ github.event.pull_request.head.sha }}); it runs with secrets and a write token",
      "9: job 'build': ${{ github.event.pull_request.title }} is interpolated into a run: script; pass it through env: instead",
      "13: job 'publish': permissions: write-all; name the scopes it needs",
      '5 workflow security finding(s) in 1 file(s).',
    ]);
  });

  it('fails on what actionlint finds, with file:line', async () => {
    const file = join(dir, 'typo.yml');
    writeFileSync(
      file,
      [
        'on: push',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: echo ${{ matrix.nope }}',
        '',
      ].join('\n'),
    );
    const r = await node('lint-workflows.mjs', [file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('typo.yml:8:');
    expect(r.stdout).toContain('[expression]');
    expect(r.stdout).toContain('1 problem(s) in 1 workflow file(s).');
  }, 60_000);
});
