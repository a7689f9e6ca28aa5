import type { Finding, VulnSummary, WindowRun } from './types.js';

/**
 * Package names compare loosely: registries differ in case and separators (PyPI treats `-`, `_`
 * and `.` alike, PEP 503), and a lockfile may spell a name differently from the scanner.
 */
export function normalizePackage(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

type BaselineFinding = WindowRun['findings'][number];

/**
 * Splits this run's findings against the latest baseline run by identity (id, package, version):
 * new ones are either introduced by this change or newly disclosed on packages it did not touch.
 *
 * With a lockfile diff (`dependencyChanges`), a new finding is introduced exactly when the change
 * touched its package. Without one, a package already present at the same version in the baseline
 * is unchanged (so a new advisory on it is a disclosure); any other new finding counts as
 * introduced, the cautious reading.
 */
export function classifyFindings(
  current: readonly Finding[],
  latest: WindowRun | undefined,
  dependencyChanges: readonly string[] | undefined,
): Pick<VulnSummary, 'introduced' | 'disclosed' | 'fixed' | 'classifiedBy'> {
  if (!latest) {
    return { introduced: [], disclosed: [], fixed: [], classifiedBy: 'none' };
  }
  const matches = (b: BaselineFinding, f: Finding): boolean =>
    b.id === f.id &&
    normalizePackage(b.package ?? f.package) === normalizePackage(f.package) &&
    (b.version === undefined || b.version === f.version);
  const fresh = current.filter((f) => !latest.findings.some((b) => matches(b, f)));
  const fixed = latest.findings.filter((b) => !current.some((f) => matches(b, f)));
  const introduced: Finding[] = [];
  const disclosed: Finding[] = [];
  if (dependencyChanges) {
    const touched = new Set(dependencyChanges.map(normalizePackage));
    for (const f of fresh) (touched.has(normalizePackage(f.package)) ? introduced : disclosed).push(f);
    return { introduced, disclosed, fixed, classifiedBy: 'lockfile-diff' };
  }
  const present = new Set(
    latest.findings
      .filter((b) => b.package !== undefined && b.version !== undefined)
      .map((b) => `${normalizePackage(b.package ?? '')}@${b.version ?? ''}`),
  );
  for (const f of fresh)
    (present.has(`${normalizePackage(f.package)}@${f.version}`) ? disclosed : introduced).push(f);
  return { introduced, disclosed, fixed, classifiedBy: 'baseline-packages' };
}
