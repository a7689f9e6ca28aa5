import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { loadWorkflow, ROOT } from './workflow-files.js';

// Docs that cannot drift: the configuration table against the code, the workflow reference
// against ai-ci.yml, the permissions table against the actions.
const code = globSync(['src/**/*.ts'], { cwd: ROOT, ignore: ['**/*.test.ts'] })
  .map((f) => readFileSync(join(ROOT, f), 'utf8'))
  .join('\n');
const configDoc = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
const workflowsDoc = readFileSync(join(ROOT, 'docs', 'workflows.md'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

// The prefixes of ai-ci's own settings (the seeds' names and ours); GITHUB_*/RUNNER_* belong to the runner.
const OURS =
  /^(?:(?:OLLAMA|REDIS|AGENT_CACHE|AI|DELTA|MAX|TEST_SELECTION|DD|OTEL|ARCHITECTURE)_[A-Z0-9_]*[A-Z0-9]|VULN_GATING|PROMETHEUS_GATEWAY|DATADOG_API_KEY|RUNNING_IN_DOCKER|CHURN_WINDOW|XDG_CACHE_HOME)$/;

function documented(): Set<string> {
  const names = new Set<string>();
  for (const line of configDoc.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const first = line.split('|')[1];
    for (const m of first.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(m[1]);
  }
  return names;
}

function readByCode(): Set<string> {
  const names = new Set<string>();
  const patterns = [
    /\benv(?:\.|\[')([A-Z][A-Z0-9_]+)/g,
    /process\.env\.([A-Z][A-Z0-9_]+)/g,
    /['`]([A-Z][A-Z0-9_]+)['`]/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) if (OURS.test(m[1])) names.add(m[1]);
  return names;
}

describe('docs/configuration.md', () => {
  it('lists only variables the code reads', () => {
    const missing = [...documented()].filter((n) => !new RegExp(`\\b${n}\\b`).test(code));
    expect(missing).toEqual([]);
  });

  it('lists every ai-ci variable the code reads', () => {
    const doc = documented();
    expect([...readByCode()].filter((n) => !doc.has(n)).sort()).toEqual([]);
  });

  it("has the seeds' names", () => {
    const doc = documented();
    for (const n of [
      'OLLAMA_LOCAL_URL',
      'OLLAMA_CLOUD_API_KEY',
      'REDIS_URL',
      'AGENT_CACHE_ENABLED',
      'AGENT_CACHE_TTL_DAYS',
      'AGENT_CACHE_CONFIDENCE_THRESHOLD',
      'AI_MODEL',
      'AI_CONFIDENCE_THRESHOLD',
      'DELTA_COVERAGE',
      'DELTA_VULN_HIGH',
      'DELTA_VULN_CRITICAL',
      'MAX_HIGH',
      'MAX_CRITICAL',
      'VULN_GATING',
      'TEST_SELECTION_ENABLED',
      'TEST_SELECTION_THRESHOLD',
      'PROMETHEUS_GATEWAY',
      'DATADOG_API_KEY',
    ])
      expect([n, doc.has(n)]).toEqual([n, true]);
  });
});

describe('docs/workflows.md', () => {
  it("names every input, secret and output of ai-ci.yml, and every job with ai-ci.yml's permissions", () => {
    const wf = loadWorkflow('.github/workflows/ai-ci.yml');
    const call = wf.on.workflow_call as Record<string, Record<string, unknown>>;
    for (const kind of ['inputs', 'secrets', 'outputs'])
      for (const name of Object.keys(call[kind]))
        expect([kind, name, workflowsDoc.includes(`\`${name}\``)]).toEqual([kind, name, true]);
    for (const [id, job] of Object.entries(wf.jobs)) {
      const row = workflowsDoc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      const perms = Object.entries(typeof job.permissions === 'object' ? job.permissions : {})
        .map(([k, v]) => `\`${k}: ${v}\``)
        .join(', ');
      expect([id, row?.split(' | ')[2]]).toEqual([id, perms || 'none']);
    }
  });
});

describe('README', () => {
  it('has a permissions row for every action', () => {
    const actions = readdirSync(join(ROOT, 'actions')).sort();
    const section = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('## Security model'));
    for (const a of actions) expect([a, section.includes(`| \`${a}\``)]).toEqual([a, true]);
  });

  it('links the LLM, configuration and workflow docs, which exist', () => {
    for (const doc of ['docs/llm.md', 'docs/configuration.md', 'docs/workflows.md']) {
      expect(readme).toContain(`](${doc})`);
      expect(readdirSync(join(ROOT, 'docs'))).toContain(doc.slice('docs/'.length));
    }
  });
});
