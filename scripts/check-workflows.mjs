#!/usr/bin/env node
// The project's workflow security rules, checked on every workflow and starter template (actionlint
// checks syntax and expressions; these are the rules it does not enforce):
//   1. least privilege: no `write-all`; every job declares `permissions:` unless the workflow's own
//      top-level permissions grant nothing but read;
//   2. a `pull_request_target` or `workflow_run` workflow never checks out the pull request's code;
//   3. third-party actions are pinned by a full commit SHA (ours may use a tag: the release moves it);
//   4. no `${{ github.event.* }}` / `${{ github.head_ref }}` expression inside a `run:` script
//      (pass it through `env:` instead: an interpolated title or branch name is shell injection).
// Usage: node scripts/check-workflows.mjs [FILE...]  (default: .github/workflows/*.yml, action-templates/*.yml)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Our own actions and reusable workflows, under whatever owner the release script wrote.
const OURS = /^[A-Za-z0-9_.-]+\/ai-ci\/(actions\/[a-z0-9-]+|\.github\/workflows\/[a-z0-9-]+\.ya?ml)@[\w.-]+$/;
const UNTRUSTED = /\$\{\{[^}]*\b(github\.event\.|github\.head_ref\b)[^}]*\}\}/;

export function defaultFiles() {
  const files = [];
  for (const dir of ['.github/workflows', 'action-templates']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) if (/\.ya?ml$/.test(name)) files.push(join(abs, name));
  }
  return files;
}

function triggers(on) {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on;
  if (on && typeof on === 'object') return Object.keys(on);
  return [];
}

function grantsWrite(perms) {
  if (perms === 'write-all') return true;
  if (perms && typeof perms === 'object') return Object.values(perms).some((v) => v === 'write');
  return false;
}

export function checkWorkflow(text, file) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const findings = [];
  const at = (path, message) => {
    const node = doc.getIn(path, true);
    const offset = node && node.range ? node.range[0] : 0;
    findings.push({ file, line: lc.linePos(offset).line, message });
  };
  if (doc.errors.length) {
    for (const e of doc.errors)
      findings.push({ file, line: e.linePos?.[0]?.line ?? 1, message: `YAML: ${e.message}` });
    return findings;
  }
  const wf = doc.toJS() ?? {};
  const on = triggers(wf.on ?? wf[true]);
  const privileged = on.includes('pull_request_target') || on.includes('workflow_run');
  const topPerms = wf.permissions;
  if (topPerms === 'write-all')
    at(['permissions'], 'permissions: write-all grants every scope; name the few a job needs');
  const topReadOnly = topPerms !== undefined && !grantsWrite(topPerms);

  const jobs = wf.jobs && typeof wf.jobs === 'object' ? wf.jobs : {};
  for (const [id, job] of Object.entries(jobs)) {
    if (!job || typeof job !== 'object') continue;
    if (job.permissions === 'write-all')
      at(['jobs', id, 'permissions'], `job '${id}': permissions: write-all; name the scopes it needs`);
    if (job.permissions === undefined && !topReadOnly)
      at(['jobs', id], `job '${id}' has no permissions: block (and the workflow's own are not read-only)`);
    if (typeof job.uses === 'string') checkUses(job.uses, ['jobs', id, 'uses'], id);
    const steps = Array.isArray(job.steps) ? job.steps : [];
    steps.forEach((step, i) => {
      if (!step || typeof step !== 'object') return;
      const where = ['jobs', id, 'steps', i];
      if (typeof step.uses === 'string') {
        checkUses(step.uses, [...where, 'uses'], id);
        const ref = step.with?.ref;
        if (
          privileged &&
          /^actions\/checkout@/.test(step.uses) &&
          typeof ref === 'string' &&
          /head|pull|merge/i.test(ref)
        )
          at(
            [...where, 'with', 'ref'],
            `job '${id}': a ${on.filter((t) => t === 'pull_request_target' || t === 'workflow_run').join('/')} workflow checks out pull request code (ref: ${ref}); it runs with secrets and a write token`,
          );
      }
      if (typeof step.run === 'string' && UNTRUSTED.test(step.run))
        at(
          [...where, 'run'],
          `job '${id}': ${step.run.match(UNTRUSTED)[0]} is interpolated into a run: script; pass it through env: instead`,
        );
    });
  }
  return findings;

  function checkUses(uses, path, id) {
    if (uses.startsWith('./') || uses.startsWith('docker://')) return;
    if (OURS.test(uses)) return;
    if (!/@[0-9a-f]{40}$/.test(uses)) at(path, `job '${id}': ${uses} is not pinned by a full commit SHA`);
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const files = args.length ? args : defaultFiles();
  let count = 0;
  for (const f of files) {
    for (const x of checkWorkflow(readFileSync(f, 'utf8'), f)) {
      count++;
      process.stdout.write(`${relative(process.cwd(), x.file)}:${x.line}: ${x.message}\n`);
    }
  }
  process.stdout.write(
    count
      ? `${count} workflow security finding(s) in ${files.length} file(s).\n`
      : `check-workflows: ${files.length} file(s) follow the workflow security rules.\n`,
  );
  process.exitCode = count ? 1 : 0;
}
