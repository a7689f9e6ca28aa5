/**
 * Mermaid `xychart-beta` text, which GitHub renders in Markdown. Titles and labels are quoted; a
 * double quote inside one would end the string early, so it becomes a single quote.
 */
export interface XySeries {
  kind: 'line' | 'bar';
  values: number[];
}

export interface XyChart {
  title: string;
  /** One category per point (e.g. days), in order. */
  x: string[];
  yLabel: string;
  /** Axis range; computed from the values (with a margin) when absent. */
  yMin?: number;
  yMax?: number;
  series: XySeries[];
}

function quote(s: string): string {
  return `"${s.replace(/["\n\r`]/g, "'").slice(0, 80)}"`;
}

function num(v: number): string {
  return String(Number(v.toFixed(3)));
}

export function xyChart(c: XyChart): string {
  if (c.x.length === 0) throw new Error('an xychart needs at least one x category');
  for (const s of c.series) {
    if (s.values.length !== c.x.length)
      throw new Error(`series of ${s.values.length} values for ${c.x.length} categories`);
    if (s.values.some((v) => !Number.isFinite(v))) throw new Error('an xychart value is not a finite number');
  }
  const all = c.series.flatMap((s) => s.values);
  const lo = c.yMin ?? Math.min(0, ...all);
  let hi = c.yMax ?? Math.max(...all, lo + 1);
  if (hi <= lo) hi = lo + 1;
  const lines = [
    'xychart-beta',
    `  title ${quote(c.title)}`,
    `  x-axis [${c.x.map(quote).join(', ')}]`,
    `  y-axis ${quote(c.yLabel)} ${num(lo)} --> ${num(c.yMax === undefined ? niceCeil(hi) : hi)}`,
    ...c.series.map((s) => `  ${s.kind} [${s.values.map(num).join(', ')}]`),
  ];
  return lines.join('\n');
}

/** A round upper bound a little above the highest value, so the line does not touch the frame. */
function niceCeil(v: number): number {
  const target = v * 1.1;
  const mag = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * mag >= target) return step * mag;
  return 10 * mag;
}

/** A fenced block for Markdown. */
export function mermaidBlock(diagram: string): string {
  return `\`\`\`mermaid\n${diagram}\n\`\`\``;
}
