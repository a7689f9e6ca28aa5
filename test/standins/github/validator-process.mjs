/**
 * Validates GitHub stand-in requests against the OpenAPI subset with openapi-backend, in a child
 * process: openapi-backend require()s an ESM-only package (@apidevtools/json-schema-ref-parser),
 * which plain Node >= 20.19 loads but Jest's module sandbox cannot. The stand-in server itself runs
 * in the test process (so tests can seed and assert its state) and asks this process over IPC.
 *
 * Message in:  { id, apiRoot, method, path, query, headers, body? }
 * Message out: { id, operationId?, valid, errors: string[], params: Record<string,string> }
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import addFormats from 'ajv-formats';
import { OpenAPIBackend } from 'openapi-backend';

const SUBSET = join(dirname(fileURLToPath(import.meta.url)), 'openapi-subset.json');
const definition = JSON.parse(readFileSync(SUBSET, 'utf8'));
const backends = new Map();

function backendFor(apiRoot) {
  let b = backends.get(apiRoot);
  if (!b) {
    const api = new OpenAPIBackend({
      definition: structuredClone(definition),
      apiRoot,
      quick: true,
      validate: true,
      coerceTypes: true,
      ajvOpts: { strict: false, allErrors: true },
      customizeAjv: (ajv) => {
        addFormats.default(ajv);
        // GitHub's own formats, beyond JSON Schema's.
        ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
        ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
        ajv.addFormat('timestamp', true);
        return ajv;
      },
    });
    b = api.init().then(() => api);
    backends.set(apiRoot, b);
  }
  return b;
}

async function validate(msg) {
  const api = await backendFor(msg.apiRoot);
  const req = { method: msg.method, path: msg.path, query: msg.query, headers: msg.headers };
  if (msg.body !== undefined) req.body = msg.body;
  const operation = api.matchOperation(req);
  if (!operation) return { valid: false, errors: [], params: {} };
  const result = api.validateRequest(req, operation);
  const errors = (result.errors ?? []).map((e) =>
    `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`.trim(),
  );
  const parsed = api.router.parseRequest(req, operation);
  const params = Object.fromEntries(Object.entries(parsed.params ?? {}).map(([k, v]) => [k, String(v)]));
  return { operationId: operation.operationId, valid: result.valid, errors, params };
}

process.on('message', (msg) => {
  validate(msg).then(
    (r) => process.send({ id: msg.id, ...r }),
    (err) =>
      process.send({
        id: msg.id,
        valid: false,
        errors: [`validator error: ${err?.stack ?? err}`],
        params: {},
      }),
  );
});
process.send({ ready: true });
