import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** A JSON schema as an object: the same one is sent to Ollama as `format` and validated here. */
export type JsonSchema = Record<string, unknown>;

// ajv-formats is CommonJS with a `default` property; NodeNext sees the module object.
const addFormats = 'default' in addFormatsModule ? addFormatsModule.default : addFormatsModule;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Parses a model's answer as JSON and checks it against the schema. */
export function parseStructured<T>(text: string, schema: JsonSchema): Parsed<T> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  let value: unknown;
  try {
    value = JSON.parse(stripFences(text));
  } catch (err) {
    return { ok: false, problem: `it is not valid JSON (${(err as Error).message})` };
  }
  if (!isT<T>(validate, value))
    return { ok: false, problem: `it does not match the schema (${describe(validate.errors)})` };
  return { ok: true, value };
}

function isT<T>(validate: ValidateFunction, value: unknown): value is T {
  return validate(value);
}

/** Some models wrap JSON in a Markdown fence even when asked not to. */
function stripFences(text: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text);
  return m ? m[1] : text;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  if (!errors?.length) return 'unknown reason';
  return errors
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');
}
