#!/usr/bin/env node
/**
 * Extracts the GitHub REST operations ai-ci calls from GitHub's official OpenAPI description (npm
 * `@octokit/openapi`, `generated/api.github.com.json`) into the small subset the test stand-in
 * validates every request against: `test/standins/github/openapi-subset.json`.
 *
 * `@octokit/openapi` is 385 MB installed, so it is not a dependency. Regenerate with:
 *
 *   npm install --prefix /tmp/oa @octokit/openapi
 *   node scripts/extract-openapi-subset.mjs /tmp/oa/node_modules/@octokit/openapi
 *
 * A call to an operation missing from the subset fails the test that made it: add its operationId
 * to OPERATIONS below and regenerate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPERATIONS = [
  // Sticky comments and labels (pr-feedback, auto-fix).
  'issues/list-comments',
  'issues/get-comment',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'issues/add-labels',
  'issues/get',
  // Pull requests (pr-feedback, auto-fix, select-tests).
  'pulls/get',
  'pulls/list',
  'pulls/create',
  'pulls/update',
  'pulls/list-files',
  // Git data: committing a fix without a checkout (auto-fix).
  'git/create-blob',
  'git/create-tree',
  'git/create-commit',
  'git/get-commit',
  'git/create-ref',
  'git/update-ref',
  'git/get-ref',
  // Repository and contents.
  'repos/get',
  'repos/get-content',
  'repos/get-commit',
  'repos/compare-commits-with-basehead',
  // Workflow runs, jobs and their logs (ai-triage, ci-metrics).
  'actions/list-workflow-runs-for-repo',
  'actions/list-workflow-runs',
  'actions/get-workflow-run',
  'actions/list-jobs-for-workflow-run',
  'actions/get-job-for-workflow-run',
  'actions/download-job-logs-for-workflow-run',
  'actions/list-workflow-run-artifacts',
  // Check runs (adaptive-gate, architecture-scan).
  'checks/create',
  'checks/update',
  'rate-limit/get',
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function unescapePointer(s) {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * `nullable: true` without `type` (GitHub writes it beside oneOf/anyOf/$ref) is rejected by ajv:
 * state the same thing as "the schema, or null".
 */
function normaliseNullable(node) {
  if (Array.isArray(node)) return node.map(normaliseNullable);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) out[k] = normaliseNullable(v);
    if (out.nullable === true && out.type === undefined) {
      const { description } = out;
      const rest = { ...out };
      delete rest.nullable;
      delete rest.description;
      return { ...(description !== undefined ? { description } : {}), anyOf: [rest, { enum: [null] }] };
    }
    return out;
  }
  return node;
}

/** Drops what validation never reads (examples) to keep the committed file small. */
function strip(node, parentKey = '') {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      // A schema may have a property named `example`; only the OpenAPI keywords go.
      if ((k === 'examples' || k === 'example') && parentKey !== 'properties') continue;
      out[k] = strip(v, k);
    }
    return out;
  }
  return node;
}

export function extract(spec, version, operationIds = OPERATIONS) {
  const wanted = new Set(operationIds);
  const paths = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op && wanted.has(op.operationId)) {
        paths[path] ??= {};
        if (item.parameters) paths[path].parameters = item.parameters;
        paths[path][method] = normaliseNullable(strip(op));
        wanted.delete(op.operationId);
      }
    }
  }
  if (wanted.size > 0) throw new Error(`operations not in the description: ${[...wanted].join(', ')}`);

  // Only the components those operations reach, followed transitively.
  const components = {};
  const seen = new Set();
  const queue = [paths];
  while (queue.length > 0) {
    const node = queue.pop();
    if (Array.isArray(node)) {
      queue.push(...node);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') {
          if (seen.has(v)) continue;
          seen.add(v);
          const m = /^#\/components\/([^/]+)\/(.+)$/.exec(v);
          if (!m) throw new Error(`unsupported $ref ${v}`);
          const [, kind, rawName] = m;
          const name = unescapePointer(rawName);
          const target = spec.components?.[kind]?.[name];
          if (target === undefined) throw new Error(`dangling $ref ${v}`);
          components[kind] ??= {};
          components[kind][name] = normaliseNullable(strip(target));
          queue.push(components[kind][name]);
        } else {
          queue.push(v);
        }
      }
    }
  }
  for (const kind of Object.keys(components)) {
    components[kind] = Object.fromEntries(
      Object.entries(components[kind]).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return {
    openapi: spec.openapi,
    info: {
      title: `${spec.info.title} (ai-ci subset)`,
      version: spec.info.version,
      'x-ai-ci-source': `@octokit/openapi@${version} generated/api.github.com.json`,
      'x-ai-ci-generator': 'scripts/extract-openapi-subset.mjs',
      'x-ai-ci-operations': [...operationIds].sort(),
    },
    servers: spec.servers,
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components,
  };
}

function main() {
  const pkgDir = process.argv[2] ?? '/tmp/oa/node_modules/@octokit/openapi';
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const spec = JSON.parse(readFileSync(join(pkgDir, 'generated', 'api.github.com.json'), 'utf8'));
  const subset = extract(spec, version);
  const here = dirname(fileURLToPath(import.meta.url));
  const out = join(here, '..', 'test', 'standins', 'github', 'openapi-subset.json');
  writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
  const kinds = Object.entries(subset.components).map(([k, v]) => `${Object.keys(v).length} ${k}`);
  console.log(
    `wrote ${out}: ${OPERATIONS.length} operations, ${kinds.join(', ')} (@octokit/openapi ${version})`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
