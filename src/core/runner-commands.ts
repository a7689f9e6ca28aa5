import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { registerSecret } from './redact.js';

/**
 * The runner's side of the workflow command protocol (outputs, annotations, job summary, masks):
 * what actions use of `@actions/core`, written out because `@actions/core` 3 loads its OIDC
 * client (and through it undici) on import, a few hundred milliseconds of start-up that every
 * workflow run would pay for a feature ai-ci never uses. Formats follow the runner's documented
 * protocol, as `@actions/core` writes them.
 */

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function issue(
  command: string,
  message: string,
  props: Record<string, string | number | undefined> = {},
): void {
  const p = Object.entries(props)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  process.stdout.write(`::${command}${p ? ` ${p}` : ''}::${escapeData(message)}${EOL}`);
}

function annotationProps(p: AnnotationProperties = {}): Record<string, string | number | undefined> {
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
  };
}

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`);
  } else {
    process.stdout.write(EOL);
    issue('set-output', value, { name });
  }
}

export function setSecret(value: string): void {
  registerSecret(value);
  issue('add-mask', value);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function notice(message: string, props?: AnnotationProperties): void {
  issue('notice', message, annotationProps(props));
}

export function warning(message: string, props?: AnnotationProperties): void {
  issue('warning', message, annotationProps(props));
}

export function error(message: string, props?: AnnotationProperties): void {
  issue('error', message, annotationProps(props));
}

/** Fails the step: an error annotation and exit code 1. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup', '');
  }
}

/** The job summary (`GITHUB_STEP_SUMMARY`): markdown appended when `write()` is called. */
class Summary {
  private buffer = '';

  addRaw(text: string, addEol = false): this {
    this.buffer += text + (addEol ? EOL : '');
    return this;
  }

  async write(): Promise<this> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    // Outside a runner (or an old one) there is no summary file: the summary is optional output.
    if (file) appendFileSync(file, this.buffer);
    this.buffer = '';
    return this;
  }
}

export const summary = new Summary();
