import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import { readLlmSettings, type LlmSettings } from '../../core/llm/settings.js';

export const MODES = ['propose', 'apply', 'both'] as const;
export type Mode = (typeof MODES)[number];

/** auto-fix's settings, read once from the action's inputs (env fallbacks from the seeds). */
export interface AutoFixSettings {
  /** The ai-triage report to act on. */
  triageReport: string;
  /** Only root causes whose fix confidence reaches this are attempted (AI_CONFIDENCE_THRESHOLD). */
  confidenceThreshold: number;
  /** propose: validate and verify a patch (no write token); apply: publish a verified patch; both. */
  mode: Mode;
  /** The patch to publish in apply mode (default: the one the propose step wrote). */
  patch: string | undefined;
  /** The command that must pass with the patch applied (e.g. the failing test only). */
  verifyCommand: string | undefined;
  /** Globs a patch may touch; default: the files named in the root cause and their folders. */
  allowedPaths: string[] | undefined;
  maxFiles: number;
  maxLines: number;
  /** Attempts per root-cause fingerprint before auto-fix stops trying it. */
  maxAttempts: number;
  labels: string[];
  /** Target branch for a failure that is not on a pull request (default: the default branch). */
  baseBranch: string | undefined;
  outputDir: string;
  verifyTimeoutMs: number;
  llm: LlmSettings;
}

export function getInputs(inputs = new Inputs()): Readonly<AutoFixSettings> {
  const s: AutoFixSettings = {
    triageReport: inputs.string('triage-report') ?? 'ai_analysis/triage_report.json',
    confidenceThreshold:
      inputs.number({ name: 'confidence-threshold', env: ['AI_CONFIDENCE_THRESHOLD'] }, { min: 0, max: 1 }) ??
      0.9,
    mode: inputs.choice('mode', MODES) ?? 'propose',
    patch: inputs.string('patch'),
    verifyCommand: inputs.string('verify-command'),
    allowedPaths: inputs.globs('allowed-paths'),
    maxFiles: inputs.number('max-files', { min: 1, max: 100, integer: true }) ?? 5,
    maxLines: inputs.number('max-lines', { min: 1, max: 5000, integer: true }) ?? 60,
    maxAttempts: inputs.number('max-attempts', { min: 1, max: 20, integer: true }) ?? 2,
    labels: inputs.list('labels') ?? ['autofix-bot', 'needs-review'],
    baseBranch: inputs.string('base-branch'),
    outputDir: inputs.string('output-dir') ?? 'ai_analysis',
    verifyTimeoutMs: inputs.duration('verify-timeout') ?? 10 * 60_000,
    llm: readLlmSettings(inputs),
  };
  if (s.mode === 'apply' && s.verifyCommand) {
    throw new ConfigurationError(
      "verify-command belongs to the propose step: mode 'apply' publishes a patch that was already verified.",
    );
  }
  return Object.freeze(s);
}
