/**
 * One of two processes hammering the same file cache directory (file-tier.test.ts). Args: cache
 * dir, worker id, iterations.
 */
import { recordingLogger } from '../../logger.js';
import { BaselineStore } from '../../baseline/baseline-store.js';
import { openStore } from '../open-store.js';
import { sampleRun } from '../test-support.js';

const [dir, id, nText] = process.argv.slice(2);
const n = Number(nText);
const logger = recordingLogger();
const store = await openStore({
  action: 'worker',
  logger,
  env: { AI_CI_CACHE_DIR: dir, GITHUB_REPOSITORY: 'acme/widgets' },
});
const baseline = new BaselineStore(store, { logger, repo: 'acme/widgets', branch: 'main', window: 50 });
for (let i = 0; i < n; i++) {
  await store.incr('counter', 1);
  await store.hincr('hash', `w${id}`, 1);
  await store.set(`item:${id}:${i}`, `value ${i} from ${id}`);
  if (i < 5) {
    const runId = `${id}${i}`;
    const time = new Date(Date.UTC(2026, 10, 1, Number(id), i)).toISOString();
    await baseline.recordRun(sampleRun(runId, 1, time));
    await baseline.recordTestOutcomes({
      runId,
      attempt: 1,
      sha: 'abcdef1',
      time,
      outcomes: { 'suite > shared test': { outcome: 'passed', durationMs: i } },
    });
  }
}
await store.close();
const warnings = logger.messages('warning');
if (warnings.length > 0) {
  process.stderr.write(warnings.join('\n'));
  process.exit(1);
}
