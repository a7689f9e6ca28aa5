/**
 * One writer of part of each run, for baseline-merge.test.ts: `gate` records coverage and
 * vulnerabilities, `metrics` records tests, flake rate and build duration, of the same run ids,
 * all at once. The store is whichever the environment selects (REDIS_URL or AI_CI_CACHE_DIR).
 * Args: role, run ids (comma-separated).
 */
import { recordingLogger } from '../../logger.js';
import { openStore } from '../../cache/open-store.js';
import { BaselineStore } from '../baseline-store.js';
import { partialRecord, type Role } from './partial-records.js';

const [role, ids] = process.argv.slice(2) as [Role, string];
const logger = recordingLogger();
const store = await openStore({ action: `worker-${role}`, logger, repo: 'acme/widgets' });
const baseline = new BaselineStore(store, { logger, repo: 'acme/widgets', branch: 'main', window: 50 });
await Promise.all(ids.split(',').map((id) => baseline.recordRun(partialRecord(role, id))));
await store.close();
const warnings = logger.messages('warning');
if (warnings.length > 0) {
  process.stderr.write(warnings.join('\n'));
  process.exit(1);
}
