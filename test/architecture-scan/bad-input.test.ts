import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FILE_BYTES, measureFiles } from '../../src/complexity/index.js';
import { readBaseline } from '../../src/actions/architecture-scan/baseline.js';
import { parseRulesConfig } from '../../src/graph/analysis/rules.js';
import { recordingLogger } from '../../src/core/logger.js';

describe('bad input', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'arch-bad-'));
    writeFileSync(
      join(root, 'junk.ts'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)),
    );
    writeFileSync(join(root, 'huge.js'), `export const x = [${'1,'.repeat(MAX_FILE_BYTES / 2)}];\n`);
    writeFileSync(join(root, 'broken.ts'), 'export function f( { if (a) { for (;;) {\n');
    writeFileSync(join(root, 'ok.ts'), 'export function g(a: number) { return a > 0 ? 1 : 0; }\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('measures what parses, skips oversized and missing files, and never throws on junk', async () => {
    const logger = recordingLogger();
    const files = await measureFiles(
      root,
      ['junk.ts', 'huge.js', 'broken.ts', 'ok.ts', 'missing.ts', 'README.md'],
      logger,
    );
    expect(files.map((f) => f.path)).toEqual(['junk.ts', 'broken.ts', 'ok.ts']);
    expect(files.find((f) => f.path === 'ok.ts')).toMatchObject({ cognitive: 1, cyclomatic: 2 });
    expect(logger.messages('debug').some((m) => m.startsWith('complexity: skipped huge.js ('))).toBe(true);
    expect(logger.messages('debug').some((m) => m.startsWith('complexity: could not read missing.ts'))).toBe(
      true,
    );
  });

  it('refuses a rules file with an alias bomb or a non-list, with a message', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
      'forbidden: []',
    ].join('\n');
    expect(() => parseRulesConfig(bomb, 'bomb.yml')).toThrow(
      /bomb.yml' is not valid YAML or JSON: Excessive alias count/,
    );
    expect(() => parseRulesConfig('forbidden: 3', 'r.yml')).toThrow(
      "Rules file 'r.yml': 'forbidden' must be a list of rules.",
    );
    expect(parseRulesConfig('', 'empty.yml')).toEqual({ forbidden: [] });
  });

  it('does not take a report of another type, or garbage, for a baseline', () => {
    expect(readBaseline({ type: 'ai-ci/gate', cycles: [] })).toEqual({
      problem: 'type is "ai-ci/gate", expected "ai-ci/architecture"',
    });
    expect(readBaseline([1, 2])).toEqual({ problem: 'not a JSON object' });
    expect(
      readBaseline({
        type: 'ai-ci/architecture',
        cycles: [{ members: [1] }, 'x'],
        violations: [{ rule: 'r' }],
      }),
    ).toEqual({
      facts: { cycles: [], violations: [] },
    });
  });
});
