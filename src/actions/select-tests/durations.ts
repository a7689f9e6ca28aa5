import type { Logger } from '../../core/logger.js';
import type { TestReport } from '../../parsers/types.js';
import type { TestCatalog } from './tests.js';

/** Store key of the per-test-file durations select-tests keeps (test id -> milliseconds). */
export const DURATIONS_KEY = 'select-tests:durations';

/** The part of the shared store this module needs. */
export interface DurationStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
}

/**
 * Sums the test cases of JUnit (or other test) reports per test id: the file for JS and Python,
 * the package (`./dir`) for Go, whose reports name the import path as the suite.
 */
export function durationsFromReports(
  reports: TestReport[],
  catalog: TestCatalog,
  goPackages: Record<string, string>,
): Map<string, number> {
  const byImportPath = new Map<string, string>();
  for (const [dir, ip] of Object.entries(goPackages)) byImportPath.set(ip, dir === '' ? '.' : `./${dir}`);
  const testFiles = new Set(catalog.files);
  const ids = new Set(catalog.ids);
  const out = new Map<string, number>();
  for (const r of reports) {
    for (const t of r.tests) {
      let id: string | undefined;
      const goPkg = byImportPath.get(t.suite);
      if (goPkg && ids.has(goPkg)) id = goPkg;
      else if (t.file && testFiles.has(t.file)) id = catalog.idOf(t.file);
      else if (t.file) {
        // Reports written from a sub-folder name files relative to it.
        const hit = catalog.files.find((f) => f.endsWith(`/${t.file}`));
        if (hit) id = catalog.idOf(hit);
      }
      if (!id && /^[\w.]+$/.test(t.suite)) {
        // pytest's classname is the dotted module path.
        const asPath = `${t.suite.replace(/\./g, '/')}.py`;
        if (testFiles.has(asPath)) id = asPath;
      }
      if (!id) continue;
      out.set(id, (out.get(id) ?? 0) + Math.max(0, t.durationMs ?? 0));
    }
  }
  return out;
}

export async function loadStoredDurations(
  store: DurationStore | undefined,
  logger: Logger,
): Promise<Map<string, number>> {
  if (!store) return new Map();
  try {
    const raw = await store.get(DURATIONS_KEY);
    if (!raw) return new Map();
    const data = JSON.parse(raw) as unknown;
    const out = new Map<string, number>();
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      for (const [k, v] of Object.entries(data as Record<string, unknown>))
        if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out.set(k, v);
    }
    return out;
  } catch (err) {
    logger.warning(
      `Stored test durations could not be read (${(err as Error).message}); shards are balanced by test count.`,
    );
    return new Map();
  }
}

/** Newer measurements replace older ones; at most `max` tests are kept. */
export async function saveDurations(
  store: DurationStore | undefined,
  previous: Map<string, number>,
  fresh: Map<string, number>,
  logger: Logger,
  max = 50_000,
): Promise<void> {
  if (!store || !fresh.size) return;
  const merged = new Map(previous);
  for (const [k, v] of fresh) merged.set(k, Math.round(v));
  const entries = [...merged.entries()].slice(-max);
  try {
    await store.set(DURATIONS_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch (err) {
    logger.warning(`Test durations could not be saved (${(err as Error).message}).`);
  }
}
