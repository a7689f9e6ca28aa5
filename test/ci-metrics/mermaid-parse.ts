import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./mermaid-parse-worker.mjs', import.meta.url));

export type MermaidResult = { ok: true; type: string } | { ok: false; error: string };

/**
 * Mermaid's own parser (the `mermaid` package under jsdom), run in a child process so that Jest's
 * global handling never meets a jsdom window. One process parses all the diagrams given.
 * Other tests (architecture-scan's diagrams) can use it too.
 */
export function parseMermaidAll(diagrams: string[]): Promise<MermaidResult[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [WORKER],
      { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`mermaid worker failed: ${err.message}\n${stderr}`));
        resolve(JSON.parse(stdout) as MermaidResult[]);
      },
    );
    child.stdin?.end(JSON.stringify(diagrams));
  });
}

/** Resolves with the diagram type; rejects with mermaid's parse error. */
export async function parseMermaid(text: string): Promise<string> {
  const [r] = await parseMermaidAll([text]);
  if (!r.ok) throw new Error(r.error);
  return r.type;
}
