import { getInputs } from '../../src/actions/adaptive-gate/inputs.js';
import { Inputs } from '../../src/core/inputs.js';

const read = (env: Record<string, string>) => getInputs(new Inputs(env));

describe('adaptive-gate inputs', () => {
  it('defaults are the seed values', () => {
    const i = read({});
    expect(i.gate).toEqual({
      deltaCoverage: 5,
      deltaVulnHigh: 3,
      deltaVulnCritical: 1,
      maxHigh: undefined,
      maxCritical: undefined,
      vulnGating: false,
      minCoverage: undefined,
      minPatchCoverage: undefined,
      smallChangeLines: 20,
      vulnScope: 'all',
    });
    expect(i).toMatchObject({
      coverage: undefined,
      vulnerabilities: undefined,
      baselineWindow: 10,
      baselineFile: 'ci_metrics/quality_metrics.json',
      updateBaseline: 'auto',
      writeBaselineFile: false,
      base: undefined,
      outputDir: 'ci_metrics',
    });
    expect(Object.isFrozen(i) && Object.isFrozen(i.gate)).toBe(true);
  });

  it('falls back to the seed environment names; inputs win over them', () => {
    const i = read({
      DELTA_COVERAGE: '1.5',
      DELTA_VULN_HIGH: '0',
      DELTA_VULN_CRITICAL: '2',
      MAX_HIGH: '10',
      MAX_CRITICAL: '0',
      VULN_GATING: '1',
    });
    expect(i.gate).toMatchObject({
      deltaCoverage: 1.5,
      deltaVulnHigh: 0,
      deltaVulnCritical: 2,
      maxHigh: 10,
      maxCritical: 0,
      vulnGating: true,
    });
    expect(read({ DELTA_COVERAGE: '1.5', 'INPUT_DELTA-COVERAGE': '3' }).gate.deltaCoverage).toBe(3);
    expect(read({ 'INPUT_UPDATE-BASELINE': 'yes', INPUT_COVERAGE: 'a/*.info\nb.xml' })).toMatchObject({
      updateBaseline: 'true',
      coverage: ['a/*.info', 'b.xml'],
    });
  });

  it('says what is wrong with a bad value', () => {
    expect(() => read({ DELTA_VULN_HIGH: '1.5' })).toThrow(
      "Invalid value for input 'delta-vuln-high': '1.5'. Expected a whole number of at least 0.",
    );
    expect(() => read({ 'INPUT_VULN-SCOPE': 'new' })).toThrow(
      "Invalid value for input 'vuln-scope': 'new'. Expected one of: all, introduced.",
    );
    expect(() => read({ 'INPUT_UPDATE-BASELINE': 'always' })).toThrow(
      "Invalid value for input 'update-baseline': 'always'. Expected auto, true or false.",
    );
    expect(() => read({ 'INPUT_OUTPUT-DIR': '../elsewhere' })).toThrow(
      "Invalid value for input 'output-dir': '../elsewhere'. Expected a path inside the workspace.",
    );
  });
});
