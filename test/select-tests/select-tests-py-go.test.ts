import { jest } from '@jest/globals';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScratchRepo } from './repo.js';
import { branchFrom, chainOf, runSelect } from './scenario.js';

jest.setTimeout(120_000);

const HERE = fileURLToPath(new URL('.', import.meta.url));

describe('select-tests on a Python project', () => {
  let repo: ScratchRepo;
  let base: string;
  beforeAll(() => {
    repo = new ScratchRepo('ai-ci-sel-py-');
    repo.write({
      '.gitignore': 'ai_analysis/\n',
      'pyproject.toml': '[project]\nname = "app"\n',
      'app/__init__.py': '',
      'app/core.py': 'def add(a, b):\n    return a + b\n',
      'app/util/__init__.py': '',
      'app/util/text.py':
        '"""Text helpers.\n\nimport app.not_real  (inside a docstring)\n"""\nfrom ..core import add\n\n\ndef shout(s):\n    return s.upper() + str(add(1, 1))\n',
      'app/service.py':
        'import os\nfrom app.util import (\n    text,\n)\n\n\ndef serve():\n    return text.shout("x")\n',
      'app/cli.py': 'import sys\n',
      'tests/conftest.py': 'import pytest\n',
      'tests/test_core.py': 'from app.core import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n',
      'tests/test_service.py':
        'import app.service\n\n\ndef test_serve():\n    assert app.service.serve() == "X2"\n',
      'tests/unit/conftest.py': '',
      'tests/unit/test_text.py':
        'from app.util.text import shout\n\n\ndef test_shout():\n    assert shout("a") == "A2"\n',
    });
    base = repo.commit('base');
  });
  afterAll(() => repo.cleanup());

  it('follows absolute, parenthesised and relative imports through packages', async () => {
    branchFrom(repo, base, 'core', (r) => r.write({ 'app/core.py': 'def add(a, b):\n    return b + a\n' }));
    const r = await runSelect(repo, { base });
    expect(r.tests).toEqual(['tests/test_core.py', 'tests/test_service.py', 'tests/unit/test_text.py']);
    expect(chainOf(r.report, 'tests/test_service.py')).toEqual([
      'tests/test_service.py',
      'app/service.py',
      'app/util/text.py',
      'app/core.py',
    ]);
    expect(r.report.graph?.unresolved).toEqual([]);
    expect(r.report.graph?.languages).toEqual(['python']);
  });

  it('conftest.py selects every test under its folder', async () => {
    branchFrom(repo, base, 'unit-conftest', (r) => r.write({ 'tests/unit/conftest.py': 'import pytest\n' }));
    const u = await runSelect(repo, { base });
    expect(u.report.selected).toEqual([
      {
        test: 'tests/unit/test_text.py',
        rule: 'conftest',
        chain: ['tests/unit/test_text.py', 'tests/unit/conftest.py'],
      },
    ]);
    branchFrom(repo, base, 'root-conftest', (r) =>
      r.write({ 'tests/conftest.py': 'import pytest  # changed\n' }),
    );
    const t = await runSelect(repo, { base });
    expect(t.tests).toEqual(['tests/test_core.py', 'tests/test_service.py', 'tests/unit/test_text.py']);
  });

  it('a module only the CLI uses selects nothing; requirements are critical', async () => {
    branchFrom(repo, base, 'cli', (r) => r.write({ 'app/cli.py': 'import sys\nprint(sys.argv)\n' }));
    expect((await runSelect(repo, { base })).outputs.mode).toBe('none');
    branchFrom(repo, base, 'reqs', (r) => r.write({ 'requirements-dev.txt': 'pytest==8.3.3\n' }));
    const q = await runSelect(repo, { base });
    expect(q.outputs.reason).toBe('Critical file changed (requirements-dev.txt): running every test.');
  });
});

describe('select-tests on a Go module', () => {
  let repo: ScratchRepo;
  let base: string;
  beforeAll(() => {
    repo = new ScratchRepo('ai-ci-sel-go-');
    repo.write({
      '.gitignore': 'ai_analysis/\n',
      'go.mod': 'module example.com/shop\n\ngo 1.21\n',
      'calc/calc.go': 'package calc\n\n// Add adds.\nfunc Add(a, b int) int { return a + b }\n',
      'calc/calc_test.go':
        'package calc\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {\n\tif Add(1, 2) != 3 {\n\t\tt.Fatal("bad")\n\t}\n}\n',
      'report/report.go':
        'package report\n\nimport (\n\t"fmt"\n\n\tc "example.com/shop/calc"\n)\n\n// Line renders.\nfunc Line() string { return fmt.Sprint(c.Add(1, 1)) }\n',
      'report/report_test.go':
        'package report_test\n\nimport (\n\t"os"\n\t"testing"\n\n\t"example.com/shop/report"\n)\n\nfunc TestLine(t *testing.T) {\n\tb, _ := os.ReadFile("testdata/golden.txt")\n\tif report.Line() != string(b) {\n\t\tt.Fatal("bad")\n\t}\n}\n',
      'report/testdata/golden.txt': '2',
      'cmd/shop/main.go':
        'package main\n\nimport "example.com/shop/report"\n\nfunc main() { println(report.Line()) }\n',
    });
    base = repo.commit('base');
  });
  afterAll(() => repo.cleanup());

  it('a package change selects its tests and the tests of packages importing it, as Go packages', async () => {
    branchFrom(repo, base, 'calc', (r) =>
      r.write({ 'calc/calc.go': 'package calc\n\n// Add adds.\nfunc Add(a, b int) int { return b + a }\n' }),
    );
    const r = await runSelect(repo, { base });
    expect(r.tests).toEqual(['./calc', './report']);
    expect(chainOf(r.report, './report')).toEqual([
      'report/report_test.go',
      'report/report.go',
      'calc/calc.go',
    ]);
    expect(r.matrix).toEqual({ include: [{ shard: 1, tests: './calc ./report' }] });
    expect(r.outputs['total-test-count']).toBe('2');
  });

  it('testdata selects the tests of its package; a binary no test imports selects nothing; go.sum is critical', async () => {
    branchFrom(repo, base, 'golden', (r) => r.write({ 'report/testdata/golden.txt': '3' }));
    expect((await runSelect(repo, { base })).tests).toEqual(['./report']);
    branchFrom(repo, base, 'main', (r) =>
      r.write({
        'cmd/shop/main.go':
          'package main\n\nimport "example.com/shop/report"\n\nfunc main() { print(report.Line()) }\n',
      }),
    );
    expect((await runSelect(repo, { base })).outputs.mode).toBe('none');
    branchFrom(repo, base, 'sum', (r) => r.write({ 'go.sum': '' }));
    expect((await runSelect(repo, { base })).outputs.mode).toBe('full');
  });
});

describe('shards balanced by the durations of an earlier run', () => {
  it('reads a real jest-junit report, gives untimed tests the median, longest first', async () => {
    // The jest-app scratch project and its real jest-junit output, frozen in fixtures/ (see SOURCE.md).
    const repo = new ScratchRepo('ai-ci-sel-shards-');
    try {
      const src = join(HERE, 'fixtures', 'jest-app');
      for (const f of [
        'package.json',
        'src/cart.js',
        'test/cart.test.js',
        'test/flaky.test.js',
        'test/broken.test.js',
      ]) {
        mkdirSync(join(repo.dir, f, '..'), { recursive: true });
        copyFileSync(join(src, f), join(repo.dir, f));
      }
      repo.write({
        '.gitignore': 'ai_analysis/\nreports/\n',
        'test/new.test.js': "test('new', () => expect(1).toBe(1));\n",
      });
      mkdirSync(join(repo.dir, 'reports'));
      copyFileSync(join(HERE, 'fixtures', 'jest-junit.xml'), join(repo.dir, 'reports', 'junit.xml'));
      repo.commit('base');
      const r = await runSelect(repo, {
        eventName: 'schedule',
        payload: {},
        inputs: { shards: '2', 'timing-reports': 'reports/*.xml' },
      });
      expect(r.outputs.mode).toBe('full');
      // From the report: cart 12+2+1+0+0+51 = 66 ms, flaky 56+1 = 57 ms, broken 0 ms; new.test.js has
      // no history and counts as the median, 57 ms. Longest first: cart, flaky, new, broken.
      expect(r.report.shards).toEqual([
        { shard: 1, tests: ['test/broken.test.js', 'test/cart.test.js'], estimatedMs: 66 },
        { shard: 2, tests: ['test/flaky.test.js', 'test/new.test.js'], estimatedMs: 114 },
      ]);
      expect(r.report.durations).toEqual({ withHistory: 3, medianMs: 57 });
      expect(r.matrix).toEqual({
        include: [
          { shard: 1, tests: 'test/broken.test.js test/cart.test.js' },
          { shard: 2, tests: 'test/flaky.test.js test/new.test.js' },
        ],
      });
    } finally {
      repo.cleanup();
    }
  });
});
