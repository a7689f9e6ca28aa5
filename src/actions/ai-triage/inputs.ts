import { Inputs } from '../../core/inputs.js';
import { readLlmSettings } from '../../core/llm/settings.js';
import type { LlmSettings } from '../../core/llm/settings.js';

/** ai-triage's settings, read once from the action's inputs (env fallbacks from the seeds). */
export interface TriageSettings {
  /** Globs of raw CI logs. */
  logs: string[];
  /** Globs of test reports (JUnit XML, jest/vitest/mocha JSON, go test -json, TAP). */
  reports: string[];
  /** The last passing log of the same job, for the masked-diff extractor. */
  passingLog: string | undefined;
  /** Pull the current run's failed-job logs through the API (needs a token). */
  fetchJobLogs: boolean;
  /** Root causes with fix confidence at or above this are `fixable`. */
  confidenceThreshold: number;
  /** Runs of test-outcome history used for flip rates. */
  historyWindow: number;
  /** Where the reports go, relative to the workspace. */
  outputDir: string;
  /** Ask the LLM for explanations (it never changes the deterministic result). */
  llmEnabled: boolean;
  llm: LlmSettings;
}

export function getInputs(inputs = new Inputs()): Readonly<TriageSettings> {
  return Object.freeze({
    logs: inputs.globs('logs') ?? [],
    reports: inputs.globs('reports') ?? [],
    passingLog: inputs.string('passing-log'),
    fetchJobLogs: inputs.boolean('fetch-job-logs') ?? false,
    confidenceThreshold:
      inputs.number({ name: 'confidence-threshold', env: ['AI_CONFIDENCE_THRESHOLD'] }, { min: 0, max: 1 }) ??
      0.9,
    historyWindow: inputs.number('history-window', { min: 1, max: 1000, integer: true }) ?? 30,
    outputDir: inputs.string('output-dir') ?? 'ai_analysis',
    llmEnabled: inputs.boolean({ name: 'llm', env: ['AI_CI_LLM'] }) ?? true,
    llm: readLlmSettings(inputs),
  });
}
