import { GoResolver, parseGoMod, scanGo } from './go.js';
import { PythonResolver, scanPython } from './python.js';

describe('scanPython', () => {
  it('reads every import form and skips strings and comments', () => {
    const src = [
      'import os, sys as system',
      'import a.b.c as abc',
      'from x.y import (',
      '    one,  # a comment',
      '    two as deux,',
      ')',
      'from . import sibling',
      'from ..pkg.mod import thing',
      'from .local import *',
      '"""',
      'import not_real',
      '"""',
      "s = 'from fake import x'",
      '# import commented',
      'def f():',
      '    import inner.mod',
      'x = 1; import after_semicolon',
      'from y \\',
      '    import z',
    ].join('\n');
    expect(scanPython(src).map((i) => `${i.optional ? '?' : ''}${i.specifier}`)).toEqual([
      'os',
      'sys',
      'a.b.c',
      'x.y',
      '?x.y.one',
      '?x.y.two',
      '?.sibling',
      '?.',
      '..pkg.mod',
      '?..pkg.mod.thing',
      '.local',
      'inner.mod',
      'after_semicolon',
      'y',
      '?y.z',
    ]);
  });

  it('resolves packages, __init__ chains, relative imports and src layouts', () => {
    const files = new Set([
      'pkg/__init__.py',
      'pkg/sub/__init__.py',
      'pkg/sub/mod.py',
      'src/lib2/core.py',
      'tests/test_a.py',
      'ns/part.py',
    ]);
    const r = new PythonResolver(files);
    expect(r.resolve('tests/test_a.py', 'pkg.sub.mod')).toEqual({
      paths: ['pkg/sub/mod.py', 'pkg/__init__.py', 'pkg/sub/__init__.py'],
      local: true,
      found: true,
    });
    expect(r.resolve('tests/test_a.py', 'lib2.core')).toEqual({
      paths: ['src/lib2/core.py'],
      local: true,
      found: true,
    });
    expect(r.resolve('pkg/sub/mod.py', '..')).toEqual({
      paths: ['pkg/__init__.py'],
      local: true,
      found: true,
    });
    expect(r.resolve('pkg/sub/mod.py', '.mod')).toEqual({
      paths: ['pkg/sub/mod.py'],
      local: true,
      found: true,
    });
    expect(r.resolve('tests/test_a.py', 'ns.part')).toEqual({
      paths: ['ns/part.py'],
      local: true,
      found: true,
    });
    expect(r.resolve('tests/test_a.py', 'pkg.nothing')).toEqual({ paths: [], local: true, found: false });
    expect(r.resolve('tests/test_a.py', 'requests')).toEqual({ paths: [], local: false, found: false });
  });
});

describe('scanGo and GoResolver', () => {
  it('reads single, aliased, dot, blank and grouped imports before the first declaration', () => {
    const src = [
      '// Package x does things.',
      'package x',
      '',
      'import "fmt"',
      'import str "strings"',
      'import (',
      '\t"os" // why',
      '\t_ "embed"',
      '\t. "example.com/m/dot"',
      '\t/* block */ alias "example.com/m/pkg"',
      '\t`example.com/m/raw`',
      ')',
      '',
      'func f() { _ = "import \\"not/this\\"" }',
      'var s = `',
      'import "nope"',
      '`',
    ].join('\n');
    expect(scanGo(src).map((i) => i.specifier)).toEqual([
      'fmt',
      'strings',
      'os',
      'embed',
      'example.com/m/dot',
      'example.com/m/pkg',
      'example.com/m/raw',
    ]);
  });

  it('maps import paths to package files under nested modules', () => {
    const mods = [
      parseGoMod('', 'module example.com/m\n\ngo 1.22\n')!,
      parseGoMod('tools', '// comment\nmodule "example.com/m/tools"\n')!,
    ];
    const r = new GoResolver(['a/a.go', 'a/a_test.go', 'a/b.go', 'tools/gen/gen.go', 'main.go'], mods);
    expect(r.resolve('example.com/m/a')).toEqual({ paths: ['a/a.go', 'a/b.go'], local: true, dir: 'a' });
    expect(r.resolve('example.com/m/tools/gen')).toEqual({
      paths: ['tools/gen/gen.go'],
      local: true,
      dir: 'tools/gen',
    });
    expect(r.resolve('example.com/m')).toEqual({ paths: ['main.go'], local: true, dir: '' });
    expect(r.resolve('example.com/m/missing')).toEqual({ paths: [], local: true, dir: 'missing' });
    expect(r.resolve('github.com/x/y')).toEqual({ paths: [], local: false });
    expect(r.importPathOf('tools/gen')).toBe('example.com/m/tools/gen');
  });
});
