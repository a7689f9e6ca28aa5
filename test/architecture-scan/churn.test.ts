import { rmSync } from 'node:fs';
import { readChurn } from '../../src/actions/architecture-scan/churn.js';
import { recordingLogger } from '../../src/core/logger.js';
import { commitAll, git, makeRepo, writeFiles } from './repo.js';

const DAY = 86_400_000;
const NOW = new Date('2026-06-30T12:00:00Z');

describe('readChurn', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('counts commits and lines per file inside the window only, relative to a sub-folder root', async () => {
    const root = makeRepo(
      { 'app/src/a.ts': 'a\n', 'app/src/b.ts': 'b\n', 'other/c.ts': 'c\n' },
      { date: '2026-01-01T00:00:00Z' },
    );
    roots.push(root);
    writeFiles(root, { 'app/src/a.ts': 'a\na2\na3\n' });
    commitAll(root, 'recent a', '2026-06-20T00:00:00Z');
    writeFiles(root, { 'app/src/a.ts': 'a\n', 'app/src/b.ts': 'b\nb2\n', 'other/c.ts': 'c\nc2\n' });
    commitAll(root, 'recent a, b, c', '2026-06-25T00:00:00Z');
    const churn = await readChurn(`${root}/app`, 30 * DAY, recordingLogger(), NOW);
    expect(churn.available).toBe(true);
    if (!churn.available) return;
    expect(churn.commits).toBe(2); // the January commit is outside the window; `other/` changes are outside the root
    expect(Object.fromEntries(churn.files)).toEqual({
      'src/a.ts': { commits: 2, added: 2, deleted: 2 },
      'src/b.ts': { commits: 1, added: 1, deleted: 0 },
    });
  });

  it('reports churn unavailable in a shallow clone, naming fetch-depth: 0', async () => {
    const origin = makeRepo({ 'a.ts': '1\n' });
    writeFiles(origin, { 'a.ts': '2\n' });
    commitAll(origin, 'second');
    const clone = `${origin}-clone`;
    roots.push(origin, clone);
    git(origin, ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    const churn = await readChurn(clone, 90 * DAY, recordingLogger());
    expect(churn).toEqual({
      available: false,
      reason:
        'the clone is shallow: check out the full history (actions/checkout with `fetch-depth: 0`) to rank hotspots by churn',
    });
  });

  it('reports churn unavailable outside a git repository', async () => {
    const root = makeRepo({ 'a.ts': '1\n' }, { git: false });
    roots.push(root);
    const churn = await readChurn(root, 90 * DAY, recordingLogger());
    expect(churn.available).toBe(false);
    if (!churn.available) expect(churn.reason).toMatch(/^no git history in this directory: .*fetch-depth: 0/);
  });
});
