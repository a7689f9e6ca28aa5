// Parses Mermaid diagrams with mermaid's own parser under jsdom, outside Jest (Jest's global
// teardown recurses through a jsdom window and overflows the stack). stdin: a JSON array of
// diagram texts; stdout: a JSON array of {ok, type} or {ok:false, error}.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const text of JSON.parse(input)) {
  try {
    const r = await mermaid.parse(text);
    out.push(r ? { ok: true, type: r.diagramType } : { ok: false, error: 'not accepted' });
  } catch (e) {
    out.push({ ok: false, error: String(e && e.message ? e.message : e) });
  }
}
process.stdout.write(JSON.stringify(out));
