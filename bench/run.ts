// Runs the benchmarks: `npm run bench` (all), `npm run bench -- <name>` (those whose file or figure
// name contains <name>), `--large` for the heavy variants. Prints one BENCH line per figure and
// exits non-zero when a figure misses its target.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));

export function formatResult(r: BenchResult): string {
  const pass =
    r.op === '>=' ? r.value >= r.target : r.op === '<=' ? r.value <= r.target : r.value === r.target;
  const v = Number.isInteger(r.value)
    ? String(r.value)
    : r.value.toFixed(r.value < 1 ? 3 : r.value < 100 ? 2 : 0);
  return `BENCH ${r.name}: ${v} ${r.unit} (target ${r.op} ${r.target}) ${pass ? 'PASS' : 'FAIL'}${r.extra ? ` — ${r.extra}` : ''}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const large = argv.includes('--large');
  const filters = argv.filter((a) => !a.startsWith('--'));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  let failed = 0;
  let ran = 0;
  for (const f of files) {
    const base = f.replace(/\.bench\.ts$/, '');
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: Bench; names?: string[] };
    const names = mod.names ?? [];
    if (filters.length && !filters.some((x) => base.includes(x) || names.some((n) => n.includes(x))))
      continue;
    const started = Date.now();
    process.stderr.write(`bench ${base}...\n`);
    try {
      const results = await mod.default({ large });
      for (const r of results) {
        const line = formatResult(r);
        if (line.includes(') FAIL')) failed++;
        process.stdout.write(line + '\n');
      }
    } catch (err) {
      failed++;
      process.stdout.write(`BENCH ${base}: error (${(err as Error).message})\n`);
    }
    ran++;
    process.stderr.write(`bench ${base} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  if (ran === 0) {
    process.stderr.write(`No benchmark matches ${filters.join(' ')}. Files: ${files.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
