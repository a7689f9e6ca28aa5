import { execFileSync } from 'node:child_process';
import { ScratchRepo, tempDir } from '../../test/select-tests/repo.js';
import { ConfigurationError } from './errors.js';
import { GitRepo, ZERO_SHA, parseAddedLines, parseNameStatus, resolveBaseHead } from './git.js';
import { recordingLogger } from './logger.js';

describe('git base resolution on real repositories', () => {
  let repo: ScratchRepo;
  let c1: string;
  let c2: string;
  let c3: string;
  let feature: string;

  beforeAll(() => {
    repo = new ScratchRepo();
    repo.write({ 'a.txt': 'one\n', 'b.txt': 'two\n' });
    c1 = repo.commit('first');
    repo.write({ 'a.txt': 'one\nmore\n' });
    c2 = repo.commit('second');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'c.txt': 'three\n' });
    feature = repo.commit('feature work');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'b.txt': 'two changed on main\n' });
    c3 = repo.commit('main moves on');
  });
  afterAll(() => repo.cleanup());

  it('push: compares with the payload before', async () => {
    const git = new GitRepo(repo.dir);
    const r = await resolveBaseHead(git, { eventName: 'push', payload: { before: c1 }, sha: c2 });
    expect(r).toEqual({ base: c1, head: c2, source: 'push.before' });
    expect(await git.changedFiles(r.base!, r.head)).toEqual([{ status: 'modified', path: 'a.txt' }]);
  });

  it('push of a new branch (all-zero before): merge base with the default branch', async () => {
    const git = new GitRepo(repo.dir);
    const r = await resolveBaseHead(git, {
      eventName: 'push',
      payload: { before: ZERO_SHA },
      sha: feature,
      defaultBranch: 'main',
    });
    expect(r).toEqual({ base: c2, head: feature, source: 'merge-base(main)' });
    expect(await git.changedFiles(r.base!, r.head)).toEqual([{ status: 'added', path: 'c.txt' }]);
  });

  it('push of the default branch itself as a new branch has no base (full run)', async () => {
    const git = new GitRepo(repo.dir);
    const r = await resolveBaseHead(git, {
      eventName: 'push',
      payload: { before: ZERO_SHA },
      sha: c3,
      defaultBranch: 'main',
    });
    expect(r.base).toBeUndefined();
  });

  it.each(['pull_request', 'pull_request_target'])(
    '%s: base.sha, merge base when the base moved on',
    async (eventName) => {
      const git = new GitRepo(repo.dir);
      const r = await resolveBaseHead(git, {
        eventName,
        payload: { pull_request: { base: { sha: c3 }, head: { sha: feature } } },
        sha: feature,
      });
      // c3 is not an ancestor of the feature branch: the diff starts at the merge base, so main's own
      // change to b.txt is not reported as the PR's.
      expect(r).toEqual({ base: c2, head: feature, source: 'pull_request.base.sha -> merge-base' });
      expect(await git.changedFiles(r.base!, r.head)).toEqual([{ status: 'added', path: 'c.txt' }]);
    },
  );

  it('merge_group: merge_group.base_sha', async () => {
    const git = new GitRepo(repo.dir);
    const r = await resolveBaseHead(git, {
      eventName: 'merge_group',
      payload: { merge_group: { base_sha: c1, head_sha: c3 } },
      sha: c3,
    });
    expect(r).toEqual({ base: c1, head: c3, source: 'merge_group.base_sha' });
    expect((await git.changedFiles(r.base!, r.head)).map((f) => f.path)).toEqual(['a.txt', 'b.txt']);
  });

  it('schedule without an input has no base; workflow_dispatch takes the input', async () => {
    const git = new GitRepo(repo.dir);
    expect(await resolveBaseHead(git, { eventName: 'schedule', payload: {}, sha: c3 })).toEqual({
      base: undefined,
      head: c3,
      source: 'none (schedule event without a base input)',
    });
    const r = await resolveBaseHead(
      git,
      { eventName: 'workflow_dispatch', payload: {}, sha: c3 },
      { base: 'main~1' },
    );
    expect(r).toEqual({ base: c2, head: c3, source: 'input' });
  });

  it('explicit base and head inputs win over the payload', async () => {
    const git = new GitRepo(repo.dir);
    const r = await resolveBaseHead(
      git,
      { eventName: 'push', payload: { before: c2 }, sha: c3 },
      { base: c1, head: c2 },
    );
    expect(r).toEqual({ base: c1, head: c2, source: 'input' });
  });

  it('resolves HEAD, the top folder and named revisions in one git call, and asks again for what it lacked', async () => {
    const git = new GitRepo(repo.dir);
    await git.prime(['main', 'feature', '--output=x']);
    // '--output=x' is never passed to git as an option; one missing name spoils nothing.
    expect(await git.resolveCommit('feature')).toBe(feature);
    expect(await git.topLevelAndHead()).toEqual({ top: repo.dir, head: c3 });
    expect(await git.parentsOf(c3)).toEqual([c2]);
    const other = new GitRepo(repo.dir);
    await other.prime(['main', 'no-such-branch']);
    expect(await other.resolveCommit('main')).toBe(c3);
    expect(await other.resolveCommit('no-such-branch')).toBeUndefined();
  });

  it('a base that does not exist is a configuration error', async () => {
    const git = new GitRepo(repo.dir);
    await expect(
      resolveBaseHead(git, { eventName: 'push', payload: { before: 'f'.repeat(40) }, sha: c3 }),
    ).rejects.toThrow(ConfigurationError);
  });
});

describe('changed files, renames, deletions, added lines', () => {
  it('lists renames with both paths and deletions, and added line numbers', async () => {
    const repo = new ScratchRepo();
    try {
      repo.write({
        'src/old name.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n',
        'gone.ts': 'x\n',
        'keep.ts': 'k\n',
      });
      const base = repo.commit('base');
      repo.move('src/old name.ts', 'src/new-name.ts').remove('gone.ts');
      repo.write({
        'keep.ts': 'k\nadded 2\nadded 3\n',
        'src/new-name.ts': 'export const a = 1;\nexport const b = 20;\nexport const c = 3;\n',
      });
      const head = repo.commit('change');
      const git = new GitRepo(repo.dir);
      const files = await git.changedFiles(base, head);
      expect(files).toEqual([
        { status: 'deleted', path: 'gone.ts' },
        { status: 'modified', path: 'keep.ts' },
        { status: 'renamed', path: 'src/new-name.ts', oldPath: 'src/old name.ts' },
      ]);
      const added = await git.addedLines(base, head);
      expect(Object.fromEntries(added)).toEqual({ 'keep.ts': [2, 3], 'src/new-name.ts': [2] });
      expect(await git.fileAtRevision(base, 'gone.ts')).toBe('x\n');
      expect(await git.fileAtRevision(head, 'gone.ts')).toBeUndefined();
      expect(await git.listFilesAtRevision(base)).toEqual(['gone.ts', 'keep.ts', 'src/old name.ts']);
      const blobs = await git.blobsAtRevision(head);
      expect(blobs.get('keep.ts')).toBe(repo.git('rev-parse', `${head}:keep.ts`));
      // Uncommitted work: head omitted compares with the working tree.
      repo.write({ 'keep.ts': 'changed again\n' });
      expect(await git.changedFiles(head)).toEqual([{ status: 'modified', path: 'keep.ts' }]);
    } finally {
      repo.cleanup();
    }
  });

  it('parses name-status and -U0 output exactly', () => {
    expect(parseNameStatus('M\0a b.ts\0R087\0x.ts\0y.ts\0D\0z.ts\0A\0n.ts\0T\0l\0')).toEqual([
      { status: 'modified', path: 'a b.ts' },
      { status: 'renamed', path: 'y.ts', oldPath: 'x.ts' },
      { status: 'deleted', path: 'z.ts' },
      { status: 'added', path: 'n.ts' },
      { status: 'type-changed', path: 'l' },
    ]);
    const diff = [
      'diff --git a/f.ts b/f.ts',
      '--- a/f.ts',
      '+++ b/f.ts',
      '@@ -3 +3,2 @@',
      '-x',
      '+y',
      '+z',
      '@@ -10,2 +11,0 @@',
      'diff --git a/d.ts b/d.ts',
      '--- a/d.ts',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      'diff --git "a/\\303\\251.ts" "b/\\303\\251.ts"',
      '--- "a/\\303\\251.ts"',
      '+++ "b/\\303\\251.ts"',
      '@@ -0,0 +1 @@',
    ].join('\n');
    expect(Object.fromEntries(parseAddedLines(diff))).toEqual({ 'f.ts': [3, 4], 'é.ts': [1] });
  });
});

describe('shallow clones', () => {
  let origin: ScratchRepo;
  let shas: string[];
  beforeAll(() => {
    origin = new ScratchRepo();
    shas = [];
    for (let i = 0; i < 5; i++) {
      origin.write({ [`f${i}.txt`]: `${i}\n` });
      shas.push(origin.commit(`c${i}`));
    }
    // Servers such as GitHub let a client fetch any reachable commit by SHA.
    origin.git('config', 'uploadpack.allowReachableSHA1InWant', 'true');
  });
  afterAll(() => origin.cleanup());

  function shallowClone(): ScratchRepo {
    const dir = tempDir('ai-ci-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--no-local', `file://${origin.dir}`, dir]);
    return new ScratchRepo(undefined, dir);
  }

  it('detects a shallow clone and fetches the missing base', async () => {
    const clone = shallowClone();
    try {
      const log = recordingLogger();
      const git = new GitRepo(clone.dir, log);
      expect(await git.isShallow()).toBe(true);
      expect(await git.resolveCommit(shas[1])).toBeUndefined();
      const r = await resolveBaseHead(git, { eventName: 'push', payload: { before: shas[1] }, sha: shas[4] });
      expect(r).toEqual({ base: shas[1], head: shas[4], source: 'push.before' });
      expect((await git.changedFiles(r.base!, r.head)).map((f) => f.path)).toEqual([
        'f2.txt',
        'f3.txt',
        'f4.txt',
      ]);
      expect(log.messages('info').some((m) => m.includes(`Fetching ${shas[1]} from origin`))).toBe(true);
    } finally {
      clone.cleanup();
    }
  });

  it('deepens a shallow clone to find a merge base', async () => {
    origin.git('checkout', '-q', '-b', 'side', shas[2]);
    origin.write({ 'side.txt': 's\n' });
    const side = origin.commit('side');
    origin.git('checkout', '-q', 'main');
    const clone = shallowClone();
    try {
      const git = new GitRepo(clone.dir, recordingLogger());
      const r = await resolveBaseHead(
        git,
        { eventName: 'pull_request', payload: { pull_request: { base: { sha: shas[4] } } }, sha: side },
        { head: side },
      );
      expect(r.base).toBe(shas[2]);
      expect(await git.changedFiles(r.base!, r.head)).toEqual([{ status: 'added', path: 'side.txt' }]);
    } finally {
      clone.cleanup();
    }
  });

  it('without a remote to deepen from, the error names fetch-depth: 0', async () => {
    const clone = shallowClone();
    try {
      clone.git('fetch', '-q', '--depth', '1', 'origin', shas[1]);
      clone.git('remote', 'remove', 'origin');
      const git = new GitRepo(clone.dir);
      await expect(
        resolveBaseHead(git, { eventName: 'push', payload: { before: shas[1] }, sha: shas[4] }),
      ).rejects.toThrow(/fetch-depth: 0/);
    } finally {
      clone.cleanup();
    }
  });
});
