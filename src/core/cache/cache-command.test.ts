import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCacheArgs, runCache } from '../../cli/commands/cache.js';
import { UsageError } from '../../cli/commands/types.js';
import { recordingLogger } from '../logger.js';
import { DecisionCache } from './decision-cache.js';
import { openStore } from './open-store.js';

describe('ai-ci cache (on the file tier)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ai-ci-cli-cache-'));
    env = { AI_CI_CACHE_DIR: dir, GITHUB_REPOSITORY: 'acme/widgets' };
    const store = await openStore({ action: 'ai-triage', logger: recordingLogger(), env });
    const triage = new DecisionCache(store, { action: 'ai-triage', env: {} });
    const fix = new DecisionCache(store, { action: 'auto-fix', env: {} });
    const k = (n: number) => ({ kind: 'root-cause', model: 'm', promptVersion: '1', inputs: n });
    await triage.put(k(1), { value: 'a', confidence: 0.9, latencyMs: 2500 });
    await triage.put(k(2), { value: 'b', confidence: 0.9, latencyMs: 500 });
    await triage.get(k(1));
    await triage.get(k(2));
    await triage.get(k(3));
    await fix.get(k(1));
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (argv: string[]) => {
    let out = '';
    const code = await runCache(argv, { env, stdout: (t) => (out += t), logger: recordingLogger() });
    return { code, out };
  };

  it('prints stats per action and overall', async () => {
    const { code, out } = await run(['stats']);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Decision cache on the file tier',
        'action     hits  misses  hit rate  entries  time saved',
        'ai-triage     2       1     66.7%        2       3.0 s',
        'auto-fix      0       1      0.0%        0        0 ms',
        'overall       2       2     50.0%        2       3.0 s',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON for one action', async () => {
    const { out } = await run(['stats', '--action', 'auto-fix', '--json']);
    expect(JSON.parse(out)).toEqual({
      tier: 'file',
      actions: [
        {
          action: 'auto-fix',
          hits: 0,
          misses: 1,
          hitRate: 0,
          entries: 0,
          stored: 0,
          rejectedLowConfidence: 0,
          timeSavedMs: 0,
        },
      ],
      overall: {
        hits: 0,
        misses: 1,
        hitRate: 0,
        entries: 0,
        stored: 0,
        rejectedLowConfidence: 0,
        timeSavedMs: 0,
      },
    });
  });

  it('clears one action, then all', async () => {
    expect((await run(['clear', '--action=ai-triage'])).out).toBe(
      'Removed 2 cached decision(s) of ai-triage and their counters from the file tier.\n',
    );
    expect(
      JSON.parse((await run(['stats', '--json'])).out).actions.map((a: { action: string }) => a.action),
    ).toEqual(['auto-fix']);
    expect((await run(['clear'])).out).toBe(
      'Removed 0 cached decision(s) and their counters from the file tier.\n',
    );
    expect(JSON.parse((await run(['stats', '--json'])).out).actions).toEqual([]);
  });

  it('rejects bad command lines with a usage error', () => {
    expect(() => parseCacheArgs([])).toThrow(UsageError);
    expect(() => parseCacheArgs(['purge'])).toThrow("unknown cache sub-command 'purge'");
    expect(() => parseCacheArgs(['stats', '--action'])).toThrow('--action needs an action name');
    expect(() => parseCacheArgs(['clear', '--json'])).toThrow("unknown option '--json' for cache clear");
  });
});
