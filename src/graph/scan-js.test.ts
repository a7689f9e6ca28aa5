import { scanJs } from './scan-js.js';

const pairs = (src: string): string[] => scanJs(src).map((r) => `${r.kind}:${r.specifier}`);

describe('scanJs', () => {
  it('finds every import form with its kind', () => {
    const src = [
      `import a from './a';`,
      `import * as b from "./b.js";`,
      `import { c, d as e } from '@app/c';`,
      `import './side-effect.css';`,
      `import type { T } from './types';`,
      `import type Def from './def';`,
      `import { type U, type V as W } from './only-types';`,
      `import { type X, y } from './mixed';`,
      `import type from './default-named-type';`,
      `import { type } from './named-type';`,
      `import { type as t } from './type-as';`,
      `import Default, { type Z } from './default-and-type';`,
      `import fs = require('./legacy');`,
      `export * from './all';`,
      `export * as ns from './ns';`,
      `export { f, g as h } from './fg';`,
      `export type { R } from './r';`,
      `export type * from './star-types';`,
      `export { local };`,
      `export const notAnImport = 1;`,
      `const lazy = () => import('./lazy');`,
      `const withOpts = import('./data.json', { with: { type: 'json' } });`,
      `const computed = import('./x' + name);`,
      `const tpl = import(\`./tpl\`);`,
      `const cjs = require('../cjs');`,
      `const where = require.resolve('./resolved');`,
      `jest.mock('./mocked', () => ({}));`,
      `vi.mock('./vi-mocked');`,
      `vi.mock<typeof import('./typed-mock')>('./typed-mock');`,
      `const actual = jest.requireActual('./actual');`,
      `import data from './data.json' with { type: 'json' };`,
      `console.log(import.meta.url);`,
      `obj.require('./not-a-require'); obj.import('./nope');`,
    ].join('\n');
    expect(pairs(src)).toEqual([
      'runtime:./a',
      'runtime:./b.js',
      'runtime:@app/c',
      'runtime:./side-effect.css',
      'type-only:./types',
      'type-only:./def',
      'type-only:./only-types',
      'runtime:./mixed',
      'runtime:./default-named-type',
      'runtime:./named-type',
      'runtime:./type-as',
      'runtime:./default-and-type',
      'runtime:./legacy',
      'runtime:./all',
      'runtime:./ns',
      'runtime:./fg',
      'type-only:./r',
      'type-only:./star-types',
      'dynamic:./lazy',
      'dynamic:./data.json',
      'dynamic:./tpl',
      'runtime:../cjs',
      'runtime:./resolved',
      'runtime:./mocked',
      'runtime:./vi-mocked',
      'runtime:./typed-mock',
      'runtime:./actual',
      'runtime:./data.json',
    ]);
  });

  it('ignores imports inside comments, strings, templates and regular expressions', () => {
    const src = [
      `// import a from './comment';`,
      `/* import b from './block';`,
      `   require('./block2') */`,
      `const s = "import c from './string'";`,
      `const s2 = 'require("./string2")';`,
      'const t = `import d from "./template" ${ require("./inside-template") } import("./after")`;',
      `const re = /import e from '.\\/regex'/g;`,
      `const re2 = x.replace(/['"]/g, '');`,
      `const div = a / b; import f from './after-division';`,
      `if (ok) return /require\\('x'\\)/.test(s);`,
      `import g from './real';`,
    ].join('\n');
    expect(pairs(src)).toEqual(['runtime:./inside-template', 'runtime:./after-division', 'runtime:./real']);
  });

  it('recovers after an unbalanced quote in JSX text', () => {
    const src = [`const el = <p>Don't stop</p>;`, `import x from './still-found';`].join('\n');
    expect(pairs(src)).toEqual(['runtime:./still-found']);
  });

  it('handles multi-line clauses and nested templates', () => {
    const src = [
      `import {`,
      `  one, // first`,
      `  two,`,
      `} from './multi';`,
      'const n = `a ${`b ${c}`} d`;',
      `export {`,
      `  type Q,`,
      `} from './q';`,
    ].join('\n');
    expect(pairs(src)).toEqual(['runtime:./multi', 'type-only:./q']);
  });

  it('survives binary junk and truncated input', () => {
    expect(scanJs('import x from "./unterminated')).toEqual([]);
    expect(scanJs('\u0000\u0001import(\u0000')).toEqual([]);
    expect(pairs('import { a ')).toEqual([]);
  });
});
