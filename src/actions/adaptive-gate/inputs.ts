import { ConfigurationError } from '../../core/errors.js';
import { Inputs, parseBoolean } from '../../core/inputs.js';
import type { GateSettings, UpdateBaseline, VulnScope } from './types.js';

export interface AdaptiveGateInputs {
  /** Coverage report globs (lcov, Cobertura, JaCoCo, Clover, istanbul JSON, Go cover profiles). */
  coverage: string[] | undefined;
  /** Vulnerability report globs (npm audit, Trivy, Grype, SARIF). */
  vulnerabilities: string[] | undefined;
  /** The gate's thresholds. */
  gate: GateSettings;
  /** Runs in the rolling baseline (default 10). */
  baselineWindow: number;
  /** Committed baseline read as a seed (default `ci_metrics/quality_metrics.json`), workspace-relative. */
  baselineFile: string;
  /** `auto`: record on the default branch when the gate passed; `true`: always; `false`: never. */
  updateBaseline: UpdateBaseline;
  /** Write the baseline to `baseline-file` after recording, for teams that commit it (default false). */
  writeBaselineFile: boolean;
  /** Commit to diff with for patch coverage; undefined: taken from the event. */
  base: string | undefined;
  /** Where the gate report goes, workspace-relative (default `ci_metrics`). */
  outputDir: string;
}

function percent(inputs: Inputs, name: string, env?: string[]): number | undefined {
  return inputs.number({ name, ...(env ? { env } : {}) }, { min: 0, max: 100 });
}

function count(inputs: Inputs, name: string, env: string[]): number | undefined {
  return inputs.number({ name, env }, { min: 0, integer: true });
}

/** `auto`, or any boolean spelling (`true/false`, `1/0`, `yes/no`). */
function updateMode(inputs: Inputs): UpdateBaseline {
  const v = inputs.raw('update-baseline');
  if (v === undefined || v.toLowerCase() === 'auto') return 'auto';
  try {
    return parseBoolean(v, 'update-baseline') ? 'true' : 'false';
  } catch {
    throw new ConfigurationError(
      `Invalid value for input 'update-baseline': '${v}'. Expected auto, true or false.`,
    );
  }
}

export function getInputs(inputs = new Inputs()): Readonly<AdaptiveGateInputs> {
  const gate: GateSettings = Object.freeze({
    deltaCoverage: percent(inputs, 'delta-coverage', ['DELTA_COVERAGE']) ?? 5.0,
    deltaVulnHigh: count(inputs, 'delta-vuln-high', ['DELTA_VULN_HIGH']) ?? 3,
    deltaVulnCritical: count(inputs, 'delta-vuln-critical', ['DELTA_VULN_CRITICAL']) ?? 1,
    maxHigh: count(inputs, 'max-high', ['MAX_HIGH']),
    maxCritical: count(inputs, 'max-critical', ['MAX_CRITICAL']),
    vulnGating: inputs.boolean({ name: 'vuln-gating', env: ['VULN_GATING'] }) ?? false,
    minCoverage: percent(inputs, 'min-coverage'),
    minPatchCoverage: percent(inputs, 'min-patch-coverage'),
    smallChangeLines: inputs.number('small-change-lines', { min: 0, integer: true }) ?? 20,
    vulnScope: inputs.choice<VulnScope>('vuln-scope', ['all', 'introduced']) ?? 'all',
  });
  const outputDir = inputs.string('output-dir') ?? 'ci_metrics';
  const baselineFile = inputs.string('baseline-file') ?? 'ci_metrics/quality_metrics.json';
  for (const [name, value] of [
    ['output-dir', outputDir],
    ['baseline-file', baselineFile],
  ] as const) {
    if (value.split(/[\\/]/).includes('..')) {
      throw new ConfigurationError(
        `Invalid value for input '${name}': '${value}'. Expected a path inside the workspace.`,
      );
    }
  }
  return Object.freeze({
    coverage: inputs.globs('coverage'),
    vulnerabilities: inputs.globs('vulnerabilities'),
    gate,
    baselineWindow: inputs.number('baseline-window', { min: 1, max: 1000, integer: true }) ?? 10,
    baselineFile,
    updateBaseline: updateMode(inputs),
    writeBaselineFile: inputs.boolean('write-baseline-file') ?? false,
    base: inputs.string('base'),
    outputDir,
  });
}
