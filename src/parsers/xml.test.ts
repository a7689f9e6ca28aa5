import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseFile } from './index.js';
import { parseJUnit } from './tests/junit.js';
import { MAX_XML_DEPTH } from './xml.js';
import { fixture, workRoot } from './testing/fixtures.js';

let n = 0;
async function temp(content: string | Buffer): Promise<string> {
  const file = path.join(os.tmpdir(), `ai-ci-xml-${process.pid}-${n++}.xml`);
  await writeFile(file, content);
  return file;
}

describe('hostile and broken XML', () => {
  it('refuses an external entity (XXE) without reading it', async () => {
    const file = await temp(
      '<?xml version="1.0"?>\n<!DOCTYPE testsuites [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
        '<testsuites><testsuite name="&xxe;"><testcase name="t"/></testsuite></testsuites>',
    );
    const r = await parseFile(file);
    expect(r).toEqual({
      file,
      kind: 'junit',
      error:
        'refusing XML with an inline DTD (entity declarations are never expanded): not a safe JUnit XML file',
    });
  });

  it('refuses an entity expansion bomb (billion laughs) without expanding', async () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++)
      entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const file = await temp(
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [${entities.join('')}]>\n<testsuites>&lol9;</testsuites>`,
    );
    const r = await parseFile(file, { kind: 'cobertura' });
    expect(r).toMatchObject({
      kind: 'cobertura',
      error: expect.stringContaining('refusing XML with an inline DTD'),
    });
  });

  it('treats an undeclared entity as malformed, keeping nothing invented', async () => {
    const file = await temp(
      '<testsuites><testsuite name="s"><testcase name="&secret;"/></testsuite></testsuites>',
    );
    const r = await parseJUnit(file, '/');
    expect(r.tests).toEqual([]);
    expect(r.warnings[0]).toMatch(/^the file is truncated or malformed \(.*[Uu]ndefined entity/);
  });

  it(`refuses nesting deeper than ${MAX_XML_DEPTH} levels`, async () => {
    const file = await temp('<testsuites>' + '<testsuite>'.repeat(100_000));
    const r = await parseFile(file);
    expect(r).toEqual({
      file,
      kind: 'junit',
      error: `XML nested deeper than ${MAX_XML_DEPTH} levels: refusing this JUnit XML file`,
    });
  });

  it('a truncated report yields the complete test cases and a warning', async () => {
    const full = await readFile(fixture('reports', 'pytest-junit.xml'), 'utf8');
    const cut = full.indexOf('<testcase classname="tests.test_cart" name="test_skipped"');
    const r = await parseJUnit(await temp(full.slice(0, cut + 40)), workRoot('pytest-app'));
    expect(r.tests.map((t) => `${t.name}:${t.status}`)).toEqual([
      'test_sums:passed',
      'test_wrong_on_purpose:failed',
      'test_parse_qty_raises:failed',
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^the file is truncated or malformed/);
  });

  it('binary junk and empty files are "not a <format> file"', async () => {
    const gz = gzipSync(await readFile(fixture('reports', 'jest-junit.xml')));
    expect(await parseFile(await temp(gz), { kind: 'junit' })).toMatchObject({
      error: 'not a JUnit XML file (it is not XML)',
    });
    expect(await parseFile(await temp(''), { kind: 'jacoco' })).toMatchObject({
      error: 'not a JaCoCo XML file (it is empty)',
    });
    expect(await parseFile(await temp(gz))).toMatchObject({
      error: 'not a recognised report file (binary content)',
    });
  });

  it('accepts the external DOCTYPE real JaCoCo and Cobertura files carry, fetching nothing', async () => {
    expect(await parseFile(fixture('coverage', 'jacoco.xml'))).toMatchObject({ kind: 'jacoco' });
    expect(await parseFile(fixture('coverage', 'cobertura.xml'))).toMatchObject({ kind: 'cobertura' });
  });
});
