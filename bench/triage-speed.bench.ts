/**
 * The whole deterministic triage (no LLM) of a 100 MB job log: raw-log extraction, then
 * `triage()` on its result, in a child process, on the same generated log as
 * log-extract.bench.ts (real passing-run noise repeated around real jest and go failures).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './log-extract.bench.js';
import type { BenchOptions, BenchResult } from './types.js';

const LOGS = fileURLToPath(new URL('../src/parsers/logs/index.ts', import.meta.url));
const TRIAGE = fileURLToPath(new URL('../src/actions/ai-triage/triage.ts', import.meta.url));

export default async function run(_opts: BenchOptions): Promise<BenchResult[]> {
  const path = join(tmpdir(), `ai-ci-triage-bench-${process.pid}.log`);
  try {
    generate(path, 100 * 1024 * 1024);
    const script = `
      import { extractLogFailures } from ${JSON.stringify(LOGS)};
      import { triage } from ${JSON.stringify(TRIAGE)};
      import { dirname } from 'node:path';
      const path = ${JSON.stringify(path)};
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      const report = await extractLogFailures(path);
      const t1 = process.hrtime.bigint();
      const { report: triaged } = triage({
        testReports: [],
        logReports: [{ source: 'job.log', report }],
        root: dirname(path),
        sha: '0000000000000000000000000000000000000000',
        history: new Map(),
        threshold: 0.9,
      });
      const t2 = process.hrtime.bigint();
      const cu = process.cpuUsage(c);
      console.log(JSON.stringify({
        total: Number(t2 - t) / 1e9,
        extract: Number(t1 - t) / 1e9,
        triage: Number(t2 - t1) / 1e9,
        cpu: (cu.user + cu.system) / 1e6,
        rootCauses: triaged.root_causes.length,
        victims: triaged.totals.victims,
      }));
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`triage child failed: ${child.stderr}`);
    const out = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
      total: number;
      extract: number;
      triage: number;
      cpu: number;
      rootCauses: number;
      victims: number;
    };
    return [
      {
        name: 'triage-100mb',
        value: Math.round(out.total * 100) / 100,
        unit: 's',
        op: '<=',
        target: 1.5,
        extra:
          `extraction ${out.extract.toFixed(2)} s + triage ${out.triage.toFixed(3)} s; ${out.cpu.toFixed(2)} s of CPU; ` +
          `${out.rootCauses} root causes, ${out.victims} victims; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      },
    ];
  } finally {
    rmSync(path, { force: true });
  }
}
