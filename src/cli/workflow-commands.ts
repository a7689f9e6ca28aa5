/**
 * Reading what an action wrote the way the runner does: workflow commands on stdout
 * (`::error file=a.ts,line=3::message`) and the `GITHUB_OUTPUT` file (`name=value` or
 * `name<<DELIMITER` heredocs).
 */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
}

export interface ParsedCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const COMMAND_RE = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/;

export function parseWorkflowCommand(line: string): ParsedCommand | undefined {
  const m = COMMAND_RE.exec(line);
  if (!m) return undefined;
  const properties: Record<string, string> = {};
  if (m[2]) {
    for (const part of m[2].split(',')) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      properties[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
    }
  }
  return { command: m[1], properties, message: unescapeData(m[3]) };
}

export function toAnnotation(cmd: ParsedCommand): Annotation | undefined {
  if (cmd.command !== 'error' && cmd.command !== 'warning' && cmd.command !== 'notice') return undefined;
  const a: Annotation = { level: cmd.command, message: cmd.message };
  if (cmd.properties.file) a.file = cmd.properties.file;
  const line = Number(cmd.properties.line);
  if (cmd.properties.line && Number.isFinite(line)) a.line = line;
  return a;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return s
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
}

/** Parses a `GITHUB_OUTPUT` (or `GITHUB_ENV`) file; later values win, as on the runner. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]);
      out[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
