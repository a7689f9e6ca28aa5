import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { actionNames } from '../../src/actions/registry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(
  readFileSync(join(root, 'test', 'metadata', 'action-metadata.schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);
const folders = readdirSync(join(root, 'actions')).filter((n) =>
  existsSync(join(root, 'actions', n, 'action.yml')),
);

describe('action metadata', () => {
  it('every action folder is registered in the bundle, and every registered action has a folder', () => {
    expect(actionNames()).toEqual([...folders].sort());
  });

  it.each(folders.length ? folders : ['(none)'])(
    '%s/action.yml is valid metadata pointing at its bundle entry',
    (name) => {
      if (name === '(none)') return;
      const meta = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as {
        runs: { using: string; main: string };
      };
      const ok = validate(meta);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      expect(meta.runs).toEqual({ using: 'node24', main: `../../dist/${name}/index.js` });
    },
  );

  it.each(folders.length ? folders : ['(none)'])(
    '%s declares every common LLM input when it uses the LLM',
    (name) => {
      if (name === '(none)') return;
      const meta = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as {
        inputs?: Record<string, unknown>;
      };
      if (!meta.inputs || !('model' in meta.inputs)) return;
      const common = Object.keys(
        (parse(readFileSync(join(root, 'scripts', 'llm-inputs.yml'), 'utf8')) as { inputs: object }).inputs,
      );
      expect(common.filter((k) => !(k in meta.inputs!))).toEqual([]);
    },
  );

  it('the README action reference is generated from the action.yml files', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'scripts', 'gen-readme.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
