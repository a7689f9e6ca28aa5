import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadAction,
  loadWorkflow,
  needsOf,
  ROOT,
  workflowFiles,
  type Job,
  type Workflow,
} from './workflow-files.js';

const OURS = /^([A-Za-z0-9_.-]+)\/ai-ci\/actions\/([a-z0-9-]+)@(v\d+)$/;
const OUR_WORKFLOW = /^([A-Za-z0-9_.-]+)\/ai-ci\/\.github\/workflows\/([a-z0-9-]+\.yml)@(v\d+)$/;

function steps(
  wf: Workflow,
): Array<{ file: string; job: string; uses: string; with: Record<string, unknown> }> {
  return Object.entries(wf.jobs).flatMap(([job, j]) =>
    (j.steps ?? []).filter((s) => s.uses).map((s) => ({ file: '', job, uses: s.uses!, with: s.with ?? {} })),
  );
}

describe('the reusable workflow ai-ci.yml', () => {
  const wf = loadWorkflow('.github/workflows/ai-ci.yml');
  const job = (id: string): Job => {
    const j = wf.jobs[id];
    if (!j) throw new Error(`no job ${id}`);
    return j;
  };

  it('is only callable, with the typed inputs and secrets the issue names', () => {
    expect(Object.keys(wf.on)).toEqual(['workflow_call']);
    const call = wf.on.workflow_call as {
      inputs: Record<string, { type: string }>;
      secrets: Record<string, unknown>;
      outputs: Record<string, { value: string }>;
    };
    expect(call.inputs['test-command'].type).toBe('string');
    expect(call.inputs.shards.type).toBe('number');
    expect(call.inputs['allow-cloud'].type).toBe('boolean');
    expect(Object.keys(call.secrets).sort()).toEqual([
      'AUTOFIX_TOKEN',
      'DATADOG_API_KEY',
      'OLLAMA_CLOUD_API_KEY',
      'REDIS_URL',
    ]);
    // Every workflow output names a job output that exists.
    for (const [name, o] of Object.entries(call.outputs)) {
      const m = /^\$\{\{ jobs\.([a-z-]+)\.outputs\.([a-z-]+) \}\}$/.exec(o.value);
      expect([name, m && job(m[1]).outputs?.[m[2]] !== undefined]).toEqual([name, true]);
    }
  });

  it('chains the jobs in the documented order', () => {
    expect(Object.keys(wf.jobs)).toEqual([
      'select-tests',
      'test',
      'tests-passed',
      'ai-triage',
      'adaptive-gate',
      'auto-fix-propose',
      'auto-fix-apply',
      'pr-feedback',
      'ci-metrics',
    ]);
    expect(needsOf(job('test'))).toEqual(['select-tests']);
    expect(job('test').if).toBe("needs.select-tests.outputs.mode != 'none'");
    expect(needsOf(job('tests-passed'))).toEqual(['select-tests', 'test']);
    expect(job('tests-passed').if).toBe('always()');
    expect(job('ai-triage').if).toBe('always()');
    expect(needsOf(job('auto-fix-apply'))).toEqual(['auto-fix-propose']);
    expect(job('auto-fix-apply').if).toContain("needs.auto-fix-propose.outputs.outcome == 'proposed'");
    expect(job('auto-fix-propose').if).toContain('>= inputs.confidence-threshold');
    expect(job('pr-feedback').concurrency?.group).toContain('github.event.pull_request.number');
    expect(job('ci-metrics').if).toBe('always()');
    expect(wf.env?.AI_CI_CACHE_BUNDLE).toBe('ai-ci');
  });

  it('gives write permission only to the jobs that write, and none to the one running LLM code', () => {
    const writes = Object.fromEntries(
      Object.entries(wf.jobs).map(([id, j]) => [
        id,
        Object.entries(typeof j.permissions === 'object' ? j.permissions : {})
          .filter(([, v]) => v === 'write')
          .map(([k]) => k)
          .sort(),
      ]),
    );
    expect(writes).toEqual({
      'select-tests': [],
      test: [],
      'tests-passed': [],
      'ai-triage': [],
      'adaptive-gate': [],
      'auto-fix-propose': [],
      'auto-fix-apply': ['contents', 'pull-requests'],
      'pr-feedback': ['pull-requests'],
      'ci-metrics': [],
    });
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('keeps secrets away from the test command and from LLM-written code', () => {
    expect(JSON.stringify(wf.env)).not.toContain('secrets.');
    expect(JSON.stringify(job('test'))).not.toContain('secrets.');
    const propose = JSON.stringify(job('auto-fix-propose'));
    expect(propose).not.toContain('secrets.REDIS_URL');
    expect(propose).not.toContain('AUTOFIX_TOKEN');
    // The cloud key only with the opt-in.
    expect(propose).toContain("inputs.allow-cloud && secrets.OLLAMA_CLOUD_API_KEY || ''");
  });

  it('hands reports over as artifacts with fixed names', () => {
    const uploaded = Object.values(wf.jobs).flatMap((j) =>
      (j.steps ?? [])
        .filter((s) => s.uses?.startsWith('actions/upload-artifact@'))
        .map((s) => String(s.with?.name)),
    );
    expect(uploaded).toEqual([
      'ai-ci-selection',
      'ai-ci-tests-${{ matrix.shard }}',
      'ai-ci-triage',
      'ai-ci-gate',
      'ai-ci-autofix',
      'pr-feedback',
      'ai-ci-feedback',
      'ai-ci-metrics',
    ]);
  });
});

describe('every workflow and template', () => {
  const files = workflowFiles();

  it.each(files)('%s: our actions exist, by one owner at @v1, and get only inputs they declare', (file) => {
    const wf = loadWorkflow(file);
    const owners = new Set<string>();
    for (const s of steps(wf)) {
      const ours = OURS.exec(s.uses);
      if (s.uses.startsWith('./actions/')) {
        const name = s.uses.slice('./actions/'.length);
        const meta = loadAction(name);
        expect([s.uses, Object.keys(s.with).filter((k) => !(k in (meta.inputs ?? {})))]).toEqual([
          s.uses,
          [],
        ]);
      } else if (ours) {
        owners.add(ours[1]);
        expect(ours[3]).toBe('v1');
        const meta = loadAction(ours[2]);
        expect([s.uses, Object.keys(s.with).filter((k) => !(k in (meta.inputs ?? {})))]).toEqual([
          s.uses,
          [],
        ]);
      } else {
        expect(s.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
    for (const j of Object.values(wf.jobs)) {
      const m = j.uses && OUR_WORKFLOW.exec(j.uses);
      if (j.uses) {
        expect(m).toBeTruthy();
        owners.add(m![1]);
        expect(existsSync(join(ROOT, '.github', 'workflows', m![2]))).toBe(true);
      }
    }
    expect(owners.size).toBeLessThanOrEqual(1);
    if (owners.size) expect([...owners]).toEqual(['ai-ci-dev']);
  });

  it('pins each third-party action at one SHA with its version comment, everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of files) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(
        /uses: ((?:actions|github)\/[\w/-]+)@([0-9a-f]{40}) # (v[\d.]+)/g,
      )) {
        const key = m[1];
        if (!pins.has(key)) pins.set(key, new Set());
        pins.get(key)!.add(`${m[2]} ${m[3]}`);
      }
    }
    expect(Object.fromEntries([...pins].map(([k, v]) => [k, [...v]]))).toEqual({
      'actions/checkout': ['11bd71901bbe5b1630ceea73d27597364c9af683 v4.2.2'],
      'actions/setup-node': ['49933ea5288caeca8642d1e84afbd3f7d6820020 v4.4.0'],
      'actions/upload-artifact': ['ea165f8d65b6e75b540449e92b4886f43607fa02 v4.6.2'],
      'actions/download-artifact': ['d3f86a106a0bac45b974a628896c90dbdf5c8093 v4.3.0'],
      'github/codeql-action/upload-sarif': ['51f77329afa6477de8c49fc9c7046c15b9a4e79d v3.29.5'],
    });
  });

  it('exposes only step outputs that the actions declare', () => {
    for (const file of files) {
      const wf = loadWorkflow(file);
      for (const [id, j] of Object.entries(wf.jobs)) {
        const byId = new Map((j.steps ?? []).filter((s) => s.id && s.uses).map((s) => [s.id!, s.uses!]));
        const text = JSON.stringify(j);
        for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const uses = byId.get(m[1]);
          if (!uses) continue;
          const name = OURS.exec(uses)?.[2] ?? (uses.startsWith('./actions/') ? uses.slice(10) : undefined);
          if (!name) continue;
          expect([file, id, m[0], m[2] in (loadAction(name).outputs ?? {})]).toEqual([file, id, m[0], true]);
        }
      }
    }
  });

  it('has a properties file in GitHub workflow-template format for each template', () => {
    for (const file of files.filter((f) => f.startsWith('action-templates/'))) {
      const props = JSON.parse(
        readFileSync(join(ROOT, file.replace(/\.yml$/, '.properties.json')), 'utf8'),
      ) as {
        name: string;
        description: string;
        iconName: string;
        categories: string[];
      };
      expect(typeof props.name).toBe('string');
      expect(props.description.length).toBeGreaterThan(20);
      expect(props.iconName).toMatch(/^octicon [a-z-]+$/);
      expect(Array.isArray(props.categories) && props.categories.length > 0).toBe(true);
    }
  });
});
