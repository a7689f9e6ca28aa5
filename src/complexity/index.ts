import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../core/logger.js';
import { type FunctionComplexity, measureSource } from './measure.js';

export type { FunctionComplexity } from './measure.js';

/** Complexity of one file: its functions and their totals. */
export interface FileComplexity {
  path: string;
  functions: FunctionComplexity[];
  /** Sum of the functions' cognitive complexity. */
  cognitive: number;
  /** Highest cognitive complexity of one function (0 without functions). */
  maxCognitive: number;
  cyclomatic: number;
}

/** Files the TypeScript parser reads: JavaScript and TypeScript in all their module flavours. */
export const COMPLEXITY_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

/** Files larger than this are skipped: generated bundles say nothing about design. */
export const MAX_FILE_BYTES = 1_000_000;

/**
 * Cognitive and cyclomatic complexity of the JS/TS files among `paths` (relative to `root`). The
 * TypeScript compiler (~9 MB) is loaded only here, on first use, so actions that never measure
 * complexity never pay for it. Unreadable or oversized files are skipped with a debug line.
 */
export async function measureFiles(
  root: string,
  paths: readonly string[],
  logger?: Logger,
): Promise<FileComplexity[]> {
  const files = paths.filter((p) => COMPLEXITY_EXTENSIONS.test(p) && !p.endsWith('.d.ts'));
  if (files.length === 0) return [];
  const ts = (await import('typescript')).default;
  const out: FileComplexity[] = [];
  for (const path of files) {
    let text: string;
    try {
      const buf = await readFile(join(root, path));
      if (buf.length > MAX_FILE_BYTES) {
        logger?.debug(`complexity: skipped ${path} (${buf.length} bytes)`);
        continue;
      }
      text = buf.toString('utf8');
    } catch (err) {
      logger?.debug(`complexity: could not read ${path}: ${(err as Error).message}`);
      continue;
    }
    const functions = measureSource(ts, path, text);
    out.push({
      path,
      functions,
      cognitive: functions.reduce((s, f) => s + f.cognitive, 0),
      maxCognitive: functions.reduce((m, f) => Math.max(m, f.cognitive), 0),
      cyclomatic: functions.reduce((s, f) => s + f.cyclomatic, 0),
    });
  }
  return out;
}

export async function measureText(fileName: string, text: string): Promise<FunctionComplexity[]> {
  const ts = (await import('typescript')).default;
  return measureSource(ts, fileName, text);
}
