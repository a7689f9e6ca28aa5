import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile, parseWorkflowCommand, toAnnotation } from '../cli/workflow-commands.js';
import * as core from './runner-commands.js';
import { actionsLogger } from './logger.js';

describe('runner commands', () => {
  let dir: string;
  const saved = { ...process.env };
  let out: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ai-ci-cmd-'));
    process.env.GITHUB_OUTPUT = join(dir, 'out');
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, '');
    out = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...saved };
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes outputs the runner reads back, multi-line values included', () => {
    core.setOutput('one', 'plain');
    core.setOutput('two', 'a\nb=c\n');
    expect(parseOutputFile(readFileSync(process.env.GITHUB_OUTPUT!, 'utf8'))).toEqual({
      one: 'plain',
      two: 'a\nb=c\n',
    });
  });

  it("escapes annotation messages and properties, and maps line to the runner's startLine", () => {
    actionsLogger().error('50% done:\nsecond line', { file: 'src/a,b.ts', line: 12, title: 'x: y' });
    const cmd = parseWorkflowCommand(out.join('').trim())!;
    expect(out.join('')).toBe('::error title=x%3A y,file=src/a%2Cb.ts,line=12::50%25 done:%0Asecond line\n');
    expect(toAnnotation(cmd)).toEqual({
      level: 'error',
      message: '50% done:\nsecond line',
      file: 'src/a,b.ts',
      line: 12,
    });
  });

  it('appends the job summary and fails the step with exit code 1', async () => {
    await core.summary.addRaw('## one').addRaw('\ntwo', true).write();
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8')).toBe('## one\ntwo\n');
    core.setFailed('broken');
    expect(process.exitCode).toBe(1);
    expect(out.join('')).toBe('::error::broken\n');
  });
});
