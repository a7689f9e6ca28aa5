import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** A validator for the official OASIS SARIF 2.1.0 schema (test/fixtures/sarif, see its README). */
export function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(join(HERE, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
