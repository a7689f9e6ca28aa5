/** Whole-file JSON input for the JSON report formats, bounded in size and with clear messages. */
import { open, stat } from 'node:fs/promises';
import { ReportFormatError } from './types.js';

/** JSON reports are read whole; beyond this they are refused rather than exhausting memory. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;

export async function readText(file: string, format: string, maxBytes = MAX_JSON_BYTES): Promise<string> {
  const info = await stat(file);
  if (!info.isFile()) throw new ReportFormatError(`not a ${format} file (not a regular file)`);
  if (info.size > maxBytes) {
    throw new ReportFormatError(`${format} file is ${info.size} bytes, over the ${maxBytes}-byte limit`);
  }
  const fh = await open(file, 'r');
  try {
    const buf = await fh.readFile();
    if (buf.includes(0)) throw new ReportFormatError(`not a ${format} file (binary content)`);
    return buf.toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await fh.close();
  }
}

export async function readJson(file: string, format: string): Promise<unknown> {
  const text = await readText(file, format);
  if (text.trim() === '') throw new ReportFormatError(`not a ${format} file (it is empty)`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const truncated = /Unexpected end of JSON input|Unterminated/.test(String(err));
    throw new ReportFormatError(
      truncated ? `${format} file is truncated (incomplete JSON)` : `not a ${format} file (invalid JSON)`,
    );
  }
}
