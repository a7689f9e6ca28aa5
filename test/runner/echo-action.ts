import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inputs } from '../../src/core/inputs.js';
import { readRunContext } from '../../src/core/github/context.js';

/**
 * A small test-only action for the runner's own tests: it echoes what it was given through every
 * channel an action has (outputs, summary, annotations, files, exit code).
 */
export async function run(): Promise<void> {
  const inputs = new Inputs();
  const ctx = readRunContext();
  const greeting = inputs.string({ name: 'greeting', env: ['ECHO_GREETING'] }) ?? 'hello';
  const multiline = inputs.string('multi-line');
  core.setOutput('greeting', greeting);
  core.setOutput('repository', ctx.repository);
  core.setOutput('event-name', ctx.eventName);
  core.setOutput('sha', ctx.sha);
  core.setOutput('ref', ctx.ref);
  core.setOutput('default-branch', ctx.defaultBranch ?? '');
  core.setOutput('pull-number', String(ctx.pullNumber ?? ''));
  core.setOutput('workspace', ctx.workspace);
  core.setOutput('cwd', process.cwd());
  core.setOutput('dry-run', process.env.AI_CI_DRY_RUN ?? '');
  if (multiline !== undefined) core.setOutput('multi-line', multiline);
  core.info(`greeting is ${greeting}`);
  core.warning('a warning with a place', { file: 'src/a.ts', startLine: 7 });
  core.error('an error, with a comma: and colon', { file: 'src/b,c.ts', startLine: 12 });
  core.notice('a notice without a place');
  await core.summary.addHeading('Echo').addRaw(`greeting: ${greeting}`).write();
  writeFileSync(join(ctx.workspace, 'echo-output.txt'), greeting);
  if (inputs.boolean('fail')) core.setFailed('asked to fail');
}
