import { jest } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TriageReport } from '../../src/actions/ai-triage/types.js';
import { runCli } from '../helpers/cli.js';
import { startOllamaStandIn } from '../standins/ollama/server.js';

jest.setTimeout(180_000);
const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

describe('ai-triage end to end', () => {
  let ws: string;
  let cache: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'ai-ci-triage-'));
    cache = mkdtempSync(join(tmpdir(), 'ai-ci-triage-cache-'));
    mkdirSync(join(ws, 'logs'));
  });
  afterEach(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string | undefined> = {}) => ({
    AI_CI_CACHE_DIR: cache,
    REDIS_URL: undefined,
    OLLAMA_CLOUD_API_KEY: undefined,
    ...extra,
  });
  const report = (): TriageReport =>
    JSON.parse(readFileSync(join(ws, 'ai_analysis', 'triage_report.json'), 'utf8')) as TriageReport;
  const triage = (inputs: string[], extra: Record<string, string | undefined> = {}, args: string[] = []) =>
    runCli(['run', 'ai-triage', '--repo', ws, '--json', ...inputs.flatMap((i) => ['--input', i]), ...args], {
      env: env(extra),
    });

  it('groups a jest run into its four root causes with the lines that explain them', async () => {
    for (const f of ['fail.gh.log', 'pass.gh.log', 'report.json'])
      copyFileSync(join(FIX, 'logs', 'jest', f), join(ws, 'logs', f));
    // Triage runs in the checkout: the project the log came from.
    cpSync(join(FIX, 'scripts', 'log-projects', 'projects', 'jest'), ws, { recursive: true });
    const r = await triage([
      'logs=logs/fail.gh.log',
      'reports=logs/report.json',
      'passing-log=logs/pass.gh.log',
      'llm=false',
    ]);
    expect(r.code).toBe(0);
    expect(r.json!.outputs['root-causes']).toBe('4');
    const t = report();
    const byKind = Object.fromEntries(t.root_causes.map((rc) => [rc.kind, rc]));
    expect(Object.keys(byKind).sort()).toEqual(['assertion', 'exception', 'snapshot', 'timeout']);
    expect(byKind.assertion.victims.map((v) => v.name)).toEqual(['cart total adds price times quantity']);
    expect(byKind.exception).toMatchObject({
      file: 'cart.js',
      line: 9,
      title: "TypeError: Cannot read properties of undefined (reading 'SAVE10')",
    });
    expect(byKind.timeout.fixable).toBe(false);
    const texts = byKind.assertion.lines
      .filter((l) => l.source === 'logs/fail.gh.log')
      .map((l) => `${l.n}:${l.text.trim()}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        '17:expect(received).toBe(expected) // Object.is equality',
        '19:Expected: 11',
        '20:Received: 12',
      ]),
    );
    // Runner timestamps and colours are gone from quoted text.
    expect(JSON.stringify(t)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z|\\u001b\[/);
    expect(t.fix_confidence).toBe(
      Math.max(...t.root_causes.filter((rc) => !rc.flaky && !rc.infra).map((rc) => rc.fix_confidence)),
    );
    expect(r.json!.annotations.filter((a) => a.level === 'error')).toHaveLength(4);
    expect(r.json!.summary).toContain('| 1 |');
  });

  it('merges the same failure seen in two matrix legs into one root cause', async () => {
    copyFileSync(join(FIX, 'logs', 'jest', 'fail.log'), join(ws, 'logs', 'node18.log'));
    copyFileSync(join(FIX, 'logs', 'jest', 'fail.gh.log'), join(ws, 'logs', 'node20.log'));
    await triage(['logs=logs/*.log', 'llm=false']);
    const t = report();
    expect(t.root_causes).toHaveLength(4);
    for (const rc of t.root_causes) expect(rc.sources).toEqual(['logs/node18.log', 'logs/node20.log']);
  });

  it('collapses the test suites one type error broke into that one root cause', async () => {
    // A real TypeScript project and real tool outputs: tsc, and jest through ts-jest, on one type error.
    const ROOT = join(FIX, '..', '..');
    mkdirSync(join(ws, 'src'));
    mkdirSync(join(ws, 'test'));
    symlinkSync(join(ROOT, 'node_modules'), join(ws, 'node_modules'));
    writeFileSync(
      join(ws, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'commonjs',
          target: 'es2020',
          types: ['jest'],
          esModuleInterop: true,
        },
        include: ['src', 'test'],
      }),
    );
    writeFileSync(
      join(ws, 'jest.config.js'),
      "module.exports = { testEnvironment: 'node', transform: { '^.+\\.ts$': 'ts-jest' } };\n",
    );
    writeFileSync(
      join(ws, 'src', 'util.ts'),
      'export function add(a: number, b: number): number {\n  return `${a + b}`;\n}\n',
    );
    for (const n of ['a', 'b', 'c']) {
      writeFileSync(
        join(ws, 'test', `${n}.test.ts`),
        `import { add } from '../src/util';\n\ntest('${n} adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n`,
      );
    }
    const tsc = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'],
      { cwd: ws, encoding: 'utf8' },
    );
    expect(tsc.status).not.toBe(0);
    writeFileSync(join(ws, 'logs', 'typecheck.log'), `> tsc --noEmit -p .\n\n${tsc.stdout}`);
    const jestRun = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--json', '--outputFile=logs/jest.json'],
      { cwd: ws, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect(jestRun.status).not.toBe(0);
    await triage(['logs=logs/typecheck.log', 'reports=logs/jest.json', 'llm=false']);
    const t = report();
    expect(t.root_causes).toHaveLength(1);
    expect(t.root_causes[0]).toMatchObject({ kind: 'type', file: 'src/util.ts', line: 2 });
    expect(t.root_causes[0].victims).toHaveLength(3);
    expect(t.summary).toContain('1 root cause behind 3 failing tests');
  });

  it('names flaky tests: retried-and-passed, and both outcomes on one commit across runs', async () => {
    copyFileSync(join(FIX, 'reports', 'surefire-rerun.xml'), join(ws, 'logs', 'surefire.xml'));
    await triage(['reports=logs/surefire.xml', 'llm=false']);
    const names = report().flaky_tests.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringContaining('failsAssertionOnlyFirstAttempt'),
        expect.stringContaining('throwsOnlyFirstAttempt'),
      ]),
    );
    expect(report().has_flaky_tests).toBe(true);

    // Same commit, two runs: passing, then failing -> flaky by history.
    execFileSync('git', ['init', '-q'], { cwd: ws });
    execFileSync(
      'git',
      ['-c', 'user.email=t@e', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'x'],
      { cwd: ws },
    );
    const jest = readFileSync(join(FIX, 'reports', 'jest-junit.xml'), 'utf8');
    writeFileSync(join(ws, 'logs', 'j.xml'), jest.replace(/<failure>[\s\S]*?<\/failure>/g, ''));
    await triage(['reports=logs/j.xml', 'llm=false'], { GITHUB_RUN_ID: '1' });
    writeFileSync(join(ws, 'logs', 'j.xml'), jest);
    await triage(['reports=logs/j.xml', 'llm=false'], { GITHUB_RUN_ID: '2' });
    const flaky = report().flaky_tests.find((f) => f.name.includes('cart total is wrong on purpose'));
    expect(flaky?.evidence).toMatch(/^passed and failed on commit [0-9a-f]{7}$/);
  });

  it('adds LLM explanations, answers the second run from the decision cache, and gives the same deterministic report with Ollama down', async () => {
    for (const f of ['fail.gh.log', 'report.json'])
      copyFileSync(join(FIX, 'logs', 'jest', f), join(ws, 'logs', f));
    const ollama = await startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] });
    try {
      ollama.respondWith(() => ({
        kind: 'answer',
        content: JSON.stringify({
          summary: 'The cart code is wrong.',
          explanation: 'Because.',
          suggested_fix: 'Fix cart.js.',
          files: ['cart.js'],
          confidence: 0.9,
        }),
      }));
      const inputs = ['logs=logs/fail.gh.log', 'reports=logs/report.json'];
      await triage(inputs, { OLLAMA_LOCAL_URL: ollama.url, GITHUB_RUN_ID: '11' });
      const first = report();
      expect(
        first.root_causes.every((rc) => 'summary' in rc.llm && rc.llm.summary === 'The cart code is wrong.'),
      ).toBe(true);
      const calls = ollama.modelRequests().length;
      expect(calls).toBe(4);
      // Text from logs reaches the model only as fenced data.
      const sent = JSON.stringify(ollama.modelRequests()[0].body);
      expect(sent).toContain('<data id=');

      await triage(inputs, { OLLAMA_LOCAL_URL: ollama.url, GITHUB_RUN_ID: '12' });
      expect(ollama.modelRequests().length).toBe(calls);
      expect(report().root_causes.map((rc) => rc.llm)).toEqual(first.root_causes.map((rc) => rc.llm));

      await ollama.close();
      const down = await triage(inputs, {
        OLLAMA_LOCAL_URL: ollama.url,
        AGENT_CACHE_ENABLED: 'false',
        AI_CI_TIMEOUT_SCALE: '0.05',
        GITHUB_RUN_ID: '13',
      });
      expect(down.code).toBe(0);
      const strip = (t: TriageReport) => t.root_causes.map(({ llm: _llm, seen_before: _s, ...rest }) => rest);
      expect(strip(report())).toEqual(strip(first));
      expect(report().root_causes.every((rc) => 'skipped' in rc.llm)).toBe(true);
      expect(report().root_causes[0].seen_before?.length).toBe(2);
    } finally {
      await ollama.close().catch(() => undefined);
    }
  });

  it('fails only on a usage error', async () => {
    const r = await triage([]);
    expect(r.code).toBe(1);
    expect(r.json!.annotations[0].message).toContain('ai-triage needs something to read');
    const none = await triage(['reports=nothing/*.xml', 'llm=false']);
    expect(none.code).toBe(0);
    expect(none.json!.outputs.fix_confidence).toBe('0');
  });
});
