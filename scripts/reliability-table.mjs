#!/usr/bin/env node
// Builds docs/reliability.md from the cells the hardening tests recorded in
// test/hardening/results/*.json, so the table always says what the last test run observed.
// On top: the issue's fault matrix (7 actions x 15 faults), each cell PASS / FAIL from the recorded
// cells, "n/a" with the reason below when the action never meets that fault, or "missing" when
// it could and no test has recorded it yet.
// Usage: node scripts/reliability-table.mjs   (after: npx jest test/hardening)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'test', 'hardening', 'results');
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export const ACTIONS = [
  'ai-triage',
  'adaptive-gate',
  'select-tests',
  'pr-feedback',
  'auto-fix',
  'ci-metrics',
  'architecture-scan',
];

/**
 * The issue's faults. A recorded cell counts for a fault when its `fault` label matches; a
 * "Redis back after ..." cell (nothing lost once Redis returns) counts for the outage it follows.
 */
export const FAULTS = [
  {
    id: 'redis-down',
    label: 'Redis down at start',
    short: 'Redis down',
    match: /^Redis down\b|^Redis back after (outages|.*\bdown\b)/i,
  },
  {
    id: 'redis-killed',
    label: 'Redis killed mid-run',
    short: 'Redis killed',
    match: /^Redis killed mid-run|^Redis back after a mid-run kill/i,
  },
  {
    id: 'redis-slow',
    label: 'Redis slow (> command timeout)',
    short: 'Redis slow',
    match: /^Redis slow|^Redis back after (outages|.*\bslow\b)/i,
  },
  { id: 'ollama-down', label: 'Ollama down', short: 'Ollama down', match: /^Ollama down/i },
  { id: 'ollama-slow', label: 'Ollama slow (> timeout)', short: 'Ollama slow', match: /^Ollama slow/i },
  {
    id: 'ollama-json',
    label: 'Ollama invalid JSON',
    short: 'Ollama bad JSON',
    match: /^Ollama invalid JSON/i,
  },
  { id: 'ollama-429', label: 'Ollama 429 + Retry-After', short: 'Ollama 429', match: /^Ollama 429/i },
  {
    id: 'ollama-cut',
    label: 'Ollama stream cut mid-answer',
    short: 'Ollama cut',
    match: /^Ollama stream cut/i,
  },
  { id: 'gh-500', label: 'GitHub API 500', short: 'GH 500', match: /^GitHub (API )?500\b/i },
  { id: 'gh-502', label: 'GitHub API 502', short: 'GH 502', match: /^GitHub (API )?502\b/i },
  {
    id: 'gh-403p',
    label: 'GitHub 403 primary rate limit',
    short: 'GH 403 primary',
    match: /^GitHub 403 primary/i,
  },
  {
    id: 'gh-403s',
    label: 'GitHub 403 secondary rate limit',
    short: 'GH 403 secondary',
    match: /^GitHub 403 secondary/i,
  },
  { id: 'gh-404', label: 'GitHub 404 (deleted comment)', short: 'GH 404 comment', match: /^GitHub 404/i },
  {
    id: 'cache-5xx',
    label: 'Actions cache service 5xx',
    short: 'Cache 5xx',
    match: /^Actions cache service 5xx/i,
  },
  { id: 'pushgateway', label: 'Pushgateway down', short: 'Pushgateway down', match: /^Pushgateway down/i },
];

const OLLAMA = ['ollama-down', 'ollama-slow', 'ollama-json', 'ollama-429', 'ollama-cut'];
const GITHUB = ['gh-500', 'gh-502', 'gh-403p', 'gh-403s', 'gh-404'];
const PUSH_ONLY = 'only ci-metrics pushes metrics to a Pushgateway';

/**
 * Where a fault cannot reach an action, and why (checked against the code: which actions create
 * an LLM client, a GitHub client, a Pushgateway sink). Everything not listed here is applicable.
 */
export const NOT_APPLICABLE = [
  {
    action: 'ai-triage',
    faults: ['gh-404'],
    reason: "posts no comments (its only GitHub calls read the failed jobs' logs, with fetch-job-logs)",
  },
  { action: 'ai-triage', faults: ['pushgateway'], reason: PUSH_ONLY },
  { action: 'adaptive-gate', faults: OLLAMA, reason: 'never calls an LLM' },
  {
    action: 'adaptive-gate',
    faults: GITHUB,
    reason: "never calls GitHub's API (it reads reports, the event payload and git)",
  },
  { action: 'adaptive-gate', faults: ['pushgateway'], reason: PUSH_ONLY },
  { action: 'select-tests', faults: OLLAMA, reason: 'never calls an LLM' },
  {
    action: 'select-tests',
    faults: GITHUB,
    reason: "never calls GitHub's API (the change set comes from git and the event payload)",
  },
  { action: 'select-tests', faults: ['pushgateway'], reason: PUSH_ONLY },
  { action: 'pr-feedback', faults: ['pushgateway'], reason: PUSH_ONLY },
  {
    action: 'auto-fix',
    faults: ['gh-404'],
    reason:
      'posts no comments (it opens PRs; duplicate PRs are checked under the other GitHub, Redis and cache faults)',
  },
  { action: 'auto-fix', faults: ['pushgateway'], reason: PUSH_ONLY },
  {
    action: 'ci-metrics',
    faults: ['gh-404'],
    reason: 'posts no comments (it reads the run, its jobs and a commit comparison)',
  },
  {
    action: 'architecture-scan',
    faults: GITHUB,
    reason: "never calls GitHub's API (it reads the import graph and git history; SARIF is a file)",
  },
  { action: 'architecture-scan', faults: ['pushgateway'], reason: PUSH_ONLY },
];

function naReason(action, fault) {
  return NOT_APPLICABLE.find((n) => n.action === action && n.faults.includes(fault))?.reason;
}

/** The grid: per action and fault, the recorded cells that count for it and the verdict. */
export function matrix(rows) {
  return ACTIONS.map((action) => ({
    action,
    cells: FAULTS.map((f) => {
      const recorded = rows.filter((r) => r.action === action && f.match.test(r.fault));
      const na = naReason(action, f.id);
      let status;
      if (na && recorded.length) status = 'CONTRADICTION';
      else if (na) status = 'n/a';
      else if (!recorded.length) status = 'missing';
      else status = recorded.every((r) => r.pass) ? 'PASS' : 'FAIL';
      return { fault: f, status, recorded, na };
    }),
  }));
}

function render(rows) {
  const grid = matrix(rows);
  const all = grid.flatMap((g) => g.cells);
  const count = (s) => all.filter((c) => c.status === s).length;
  const contradictions = all.filter((c) => c.status === 'CONTRADICTION');
  const show = (c) =>
    c.status === 'PASS' || c.status === 'FAIL'
      ? `${c.status}${c.recorded.length > 1 ? ` (${c.recorded.length})` : ''}`
      : c.status;
  const passed = rows.filter((r) => r.pass).length;
  const naLines = ACTIONS.flatMap((action) => {
    const items = NOT_APPLICABLE.filter((n) => n.action === action).map((n) => {
      const names = n.faults.map((id) => FAULTS.find((f) => f.id === id).short);
      const what =
        n.faults === OLLAMA
          ? 'all Ollama faults'
          : n.faults === GITHUB
            ? 'all GitHub faults'
            : names.join(', ');
      return `${what}: ${n.reason}`;
    });
    return items.length ? [`- **${action}**: ${items.join('; ')}.`] : [];
  });
  return [
    '# Reliability: fault matrix results',
    '',
    'Generated by `node scripts/reliability-table.mjs` from `test/hardening/results/*.json`, which the',
    'hardening tests (`test/hardening/*.test.ts`: fault matrix, load, hostile input) write as they run; do not edit by hand.',
    'Each row is one automated test through `ai-ci run` against real Redis and local stand-ins',
    '(Ollama, GitHub, the Actions cache service) and the real Pushgateway. A row marked FAIL is a known',
    'defect whose test is kept as `it.failing`.',
    '',
    '## The matrix: every action x every fault',
    '',
    `${FAULTS.length} faults x ${ACTIONS.length} actions = ${all.length} cells: ` +
      `**${count('PASS')} pass, ${count('FAIL')} fail, ${count('missing')} missing** (applicable, no test recorded yet), ` +
      `${count('n/a')} n/a (the action never meets the fault; reasons below).` +
      (contradictions.length
        ? ` **${contradictions.length} cell(s) are declared n/a but have recorded tests: ` +
          `${contradictions.map((c) => `${c.recorded[0].action} x ${c.fault.short}`).join(', ')}** (fix NOT_APPLICABLE in scripts/reliability-table.mjs).`
        : ''),
    'A cell is PASS when every recorded test counting for it passed (their number in parentheses when',
    'more than one: variants, and "Redis back" cells proving nothing written during that outage is lost).',
    '',
    `| action | ${FAULTS.map((f) => f.short).join(' | ')} |`,
    `| --- | ${FAULTS.map(() => '---').join(' | ')} |`,
    ...grid.map((g) => `| ${g.action} | ${g.cells.map(show).join(' | ')} |`),
    '',
    'Not applicable:',
    '',
    ...naLines,
    '',
    '## Every recorded cell',
    '',
    `**${passed} of ${rows.length} cells pass.**`,
    '',
    '| action | fault | expected | observed | pass |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.action)} | ${cell(r.fault)} | ${cell(r.expected)} | ${cell(r.observed)} | ${r.pass ? 'PASS' : 'FAIL'} |`,
    ),
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const suites = readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')));
  const rows = suites.flatMap((s) => s.cells);
  writeFileSync(join(ROOT, 'docs', 'reliability.md'), render(rows));
  const all = matrix(rows).flatMap((g) => g.cells);
  const n = (s) => all.filter((c) => c.status === s).length;
  console.log(
    `docs/reliability.md: ${rows.length} cells, ${rows.filter((r) => r.pass).length} pass; matrix ` +
      `${n('PASS')} pass, ${n('FAIL')} fail, ${n('missing')} missing, ${n('n/a')} n/a, ${n('CONTRADICTION')} contradictions`,
  );
}
