/**
 * Format detection from content, never from the file name: the first 64 KB are enough for every
 * format's distinguishing marks (root element, leading keys, first line).
 */
import { open } from 'node:fs/promises';

export type DetectedKind =
  | 'junit'
  | 'jest-json'
  | 'vitest-json'
  | 'mocha-json'
  | 'go-json'
  | 'tap'
  | 'lcov'
  | 'cobertura'
  | 'jacoco'
  | 'clover'
  | 'istanbul'
  | 'gocover'
  | 'npm-audit'
  | 'trivy'
  | 'grype'
  | 'sarif'
  | 'log';

export type Detection = { kind: DetectedKind } | { kind: null; reason: string };

export const HEAD_BYTES = 64 * 1024;

export async function readHead(file: string, bytes = HEAD_BYTES): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function detectFile(file: string): Promise<Detection> {
  return detectContent(await readHead(file));
}

export function detectContent(head: Buffer): Detection {
  if (head.length === 0) return { kind: null, reason: 'the file is empty' };
  if (looksBinary(head)) return { kind: null, reason: 'binary content' };
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const t = text.trimStart();
  if (t === '') return { kind: null, reason: 'the file is empty' };
  if (t.startsWith('<')) return detectXml(t);
  if (t.startsWith('{') || t.startsWith('[')) return detectJson(t);
  return detectText(t);
}

function looksBinary(head: Buffer): boolean {
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > n * 0.1;
}

function detectXml(t: string): Detection {
  // Skip the prolog (declaration, comments, processing instructions, doctype) to the root element.
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(
    t.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Z][^>]*>/g, ''),
  );
  const name = root ? root[1] : null;
  if (name === 'testsuites' || name === 'testsuite') return { kind: 'junit' };
  if (name === 'report' && /<(package|sessioninfo|counter)\b/.test(t)) return { kind: 'jacoco' };
  if (name === 'coverage') {
    if (/<project\b/.test(t) || /\bclover=/.test(t)) return { kind: 'clover' };
    return { kind: 'cobertura' };
  }
  return { kind: null, reason: `unrecognised XML root element <${name ?? '?'}>` };
}

function detectJson(t: string): Detection {
  const firstLine = t.split('\n', 1)[0];
  if (/^\{\s*"Time"\s*:/.test(firstLine) && /"Action"\s*:/.test(firstLine)) return { kind: 'go-json' };
  if (/^\{\s*"Action"\s*:/.test(firstLine) && /"Package"\s*:/.test(firstLine)) return { kind: 'go-json' };
  const has = (key: string): boolean => t.includes(`"${key}"`);
  if (
    has('auditReportVersion') ||
    (has('advisories') && has('muted')) ||
    (has('actions') && has('advisories'))
  ) {
    return { kind: 'npm-audit' };
  }
  if (has('SchemaVersion') && (has('ArtifactName') || has('Results'))) return { kind: 'trivy' };
  if (has('matches') && (has('matchDetails') || has('artifact'))) return { kind: 'grype' };
  if (has('runs') && (/"version"\s*:\s*"2\.1\.0"/.test(t) || /sarif/i.test(t.slice(0, 500))))
    return { kind: 'sarif' };
  if (has('numTotalTestSuites') && has('testResults')) {
    return {
      kind:
        has('openHandles') || has('numRuntimeErrorTestSuites') || has('wasInterrupted')
          ? 'jest-json'
          : 'vitest-json',
    };
  }
  if (has('numTotalTestSuites') || has('testResults')) return { kind: 'jest-json' };
  if (has('stats') && has('passes') && has('pending')) return { kind: 'mocha-json' };
  if (/^\{\s*"total"\s*:\s*\{\s*"lines"/.test(t)) return { kind: 'istanbul' };
  if (has('statementMap') && has('fnMap')) return { kind: 'istanbul' };
  // npm's own error object when the audit could not run (kept as npm-audit to report "audit failed").
  if (/^\{\s*"message"\s*:/.test(t) && has('uri') && /security\/(advisories|audits)/.test(t))
    return { kind: 'npm-audit' };
  if (/^\{\s*"error"\s*:\s*\{/.test(t) && has('summary')) return { kind: 'npm-audit' };
  return { kind: null, reason: 'unrecognised JSON report' };
}

function detectText(t: string): Detection {
  const lines = t.split(/\r\n|\r|\n/, 40).map((l) => l.trimEnd());
  const first = lines.find((l) => l.trim() !== '') ?? '';
  if (/^mode: (set|count|atomic)$/.test(first)) return { kind: 'gocover' };
  if (/^TAP version 1[34]$/.test(first.trim())) return { kind: 'tap' };
  if (/^(TN|SF):/.test(first)) return { kind: 'lcov' };
  if (/^1\.\.\d+/.test(first) || /^(not )?ok \d+\b/.test(first)) return { kind: 'tap' };
  return { kind: 'log' };
}
