import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, workflowFiles } from './workflow-files.js';

// The release script runs on a temporary repository holding copies of the real workflows, so
// that its commit and tags never touch this checkout.
describe('npm run release -- <owner> <version>', () => {
  let repo: string;
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const release = (...args: string[]) =>
    spawnSync(process.execPath, [join(repo, 'scripts', 'release.mjs'), ...args], {
      cwd: repo,
      encoding: 'utf8',
    });

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'ai-ci-release-'));
    for (const d of ['scripts', '.github/workflows', 'action-templates'])
      mkdirSync(join(repo, d), { recursive: true });
    copyFileSync(join(ROOT, 'scripts', 'release.mjs'), join(repo, 'scripts', 'release.mjs'));
    for (const f of workflowFiles()) copyFileSync(join(ROOT, f), join(repo, f));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'r@example.com');
    git('config', 'user.name', 'R');
    git('config', 'commit.gpgsign', 'false');
    git('config', 'tag.gpgsign', 'false');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  function ourRefs(): string[] {
    return workflowFiles().flatMap((f) =>
      [...readFileSync(join(repo, f), 'utf8').matchAll(/uses:\s*(\S+\/ai-ci\/\S+)/g)].map((m) => m[1]),
    );
  }

  it('rewrites every reference to our actions, commits, tags the version and moves the major tag', () => {
    const before = ourRefs();
    expect(before.length).toBeGreaterThan(10);
    const r = release('acme', '2.3.4');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const after = ourRefs();
    expect(after).toEqual(before.map((u) => u.replace(/^[^/]+\//, 'acme/').replace(/@v\d+$/, '@v2')));
    // Third-party pins are untouched.
    const ai = readFileSync(join(repo, '.github/workflows/ai-ci.yml'), 'utf8');
    expect(ai).toContain('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2');
    const head = git('rev-parse', 'HEAD');
    expect(git('rev-list', '-n', '1', 'v2.3.4')).toBe(head);
    expect(git('rev-list', '-n', '1', 'v2')).toBe(head);
    expect(git('log', '-1', '--format=%s')).toBe(
      'Release v2.3.4: our actions referenced as acme/ai-ci/...@v2',
    );
    expect(git('status', '--porcelain')).toBe('');

    // The next release of the same major moves v2 and leaves v2.3.4 where it was.
    writeFileSync(join(repo, 'NOTES.md'), 'fix\n');
    git('add', 'NOTES.md');
    git('commit', '-q', '-m', 'a fix');
    const fix = git('rev-parse', 'HEAD');
    expect(release('acme', 'v2.3.5').status).toBe(0);
    expect(git('rev-list', '-n', '1', 'v2')).toBe(fix);
    expect(git('rev-list', '-n', '1', 'v2.3.4')).toBe(head);
    expect(git('rev-list', '-n', '1', 'v2.3.5')).toBe(fix);
  });

  it('refuses a dirty tree, an existing tag and malformed arguments', () => {
    writeFileSync(join(repo, 'scratch.txt'), 'x');
    expect(release('acme', '1.0.0').stderr).toBe(
      'release: the working tree has uncommitted changes; commit or remove them first.\n',
    );
    rmSync(join(repo, 'scratch.txt'));
    expect(release('acme', '1.0').stderr).toBe("release: '1.0' is not a version: expected X.Y.Z.\n");
    expect(release('ac/me', '1.0.0').stderr).toBe("release: 'ac/me' is not a GitHub owner name.\n");
    expect(release('acme', '1.0.0').status).toBe(0);
    expect(release('acme', '1.0.0').stderr).toBe('release: tag v1.0.0 already exists.\n');
  });
});
