import type { LlmClient } from '../../core/llm/client.js';
import type { ArchitectureAnalysis } from './analyze.js';
import type { Narrative } from './report.js';

export const NARRATIVE_SYSTEM =
  'You are a software architect reviewing the results of a static architecture scan. Write 3 to 6 sentences of plain prose ' +
  'for the maintainers: what the facts say about the design, and which refactoring to do first and why. Use only the ' +
  'facts given; do not invent modules, numbers or causes. No headings, no lists.';

/** The facts the narrative may use, compact (`key:value|...`), small whatever the repository's size. */
export function narrativeFacts(a: ArchitectureAnalysis): string {
  const lines = [
    `score:${a.score}/10|modules:${a.modules}|imports:${a.edges}|cycles:${a.cycles.length}|violations:${a.violations.length}|unresolved:${a.unresolved.length}`,
    ...a.cycles
      .slice(0, 5)
      .map(
        (c) => `cycle:${c.members.length} modules|kinds:${c.kinds.join(',')}|example:${c.example.join('>')}`,
      ),
    ...a.coupling.mostDependedUpon
      .slice(0, 5)
      .map((m) => `depended-upon:${m.path}|fan-in:${m.fanIn}|instability:${m.instability}`),
    ...a.hotspots
      .slice(0, 5)
      .map((h) => `hotspot:${h.path}|cognitive:${h.cognitive}|commits:${h.commits ?? 'n/a'}`),
    ...a.priorities.map((p) => `priority:${p}`),
  ];
  if (a.baseline)
    lines.push(
      `baseline:new cycles ${a.baseline.newCycles}|grown ${a.baseline.grownCycles}|new violations ${a.baseline.newViolations}`,
    );
  return lines.join('\n');
}

/** Prose from the facts (background audience: local model first); any failure leaves the deterministic report as is. */
export async function narrate(client: LlmClient, a: ArchitectureAnalysis): Promise<Narrative> {
  const res = await client.complete({
    audience: 'background',
    action: 'architecture-scan',
    system: NARRATIVE_SYSTEM,
    prompt: `Scan facts:\n${narrativeFacts(a)}`,
    mode: 'prose',
    maxTokens: 400,
  });
  if (!res.ok) return { note: `LLM narrative: unavailable (${res.reason}).` };
  return { text: res.text, note: `LLM narrative by ${res.model} (${res.backend}).` };
}
