import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { sampleProjectDir } from '../../src/demo/sample-repo.js';

describe('ai-ci demo command line', () => {
  it('rejects an unknown argument with the usage text (exit 2)', async () => {
    const r = await runCli(['demo', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ai-ci demo: Unknown argument '--bogus'.");
    expect(r.stderr).toContain('Usage: ai-ci demo [--dir DIR] [--verbose] [--json]');
  }, 60_000);

  it('refuses a --dir that already holds files, and leaves them alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ai-ci-demo-busy-'));
    try {
      writeFileSync(join(dir, 'keep.txt'), 'mine');
      const r = await runCli(['demo', '--dir', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--dir ${dir} is not empty`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('finds the bundled sample project from the source tree and from dist/cli/', () => {
    const fromSrc = sampleProjectDir();
    expect(fromSrc.endsWith(join('src', 'demo', 'sample-project'))).toBe(true);
    expect(sampleProjectDir(join(fromSrc, '..', '..', '..', 'dist', 'cli'))).toBe(fromSrc);
  });
});
