/** Paths shared by the parser tests: the committed fixtures and the roots their tools ran in. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '../../../test/fixtures');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** Where gen-*.sh ran each scratch project; reports carry these absolute paths. */
export function workRoot(project: string): string {
  return `/tmp/fixture-work/${project}`;
}
