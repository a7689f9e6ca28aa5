import { Inputs } from '../../core/inputs.js';
import { readLlmSettings, type LlmSettings } from '../../core/llm/settings.js';

export const COMMENT_MODES = ['always', 'changes', 'failures', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** pr-feedback's settings, read once from the action's inputs. */
export interface FeedbackSettings {
  /** Globs of ai-ci report JSONs (found by their `type`, not their name). */
  reports: string[];
  /** Globs of raw test reports, when no triage report carries the tests. */
  testResults: string[];
  coverage: string[];
  vulnerabilities: string[];
  /** Globs of raw lint outputs (eslint stylish/JSON, tsc). */
  lint: string[];
  /** always | changes (only when the comment's content changed) | failures (only when something failed) | off. */
  commentMode: CommentMode;
  /** Where feedback_report.json and the comment markdown go. */
  outputDir: string;
  llmEnabled: boolean;
  llm: LlmSettings;
}

export function getInputs(inputs = new Inputs()): Readonly<FeedbackSettings> {
  return Object.freeze({
    reports: inputs.globs('reports') ?? ['ai_analysis/*.json', 'ci_metrics/*.json'],
    testResults: inputs.globs('test-results') ?? [],
    coverage: inputs.globs('coverage') ?? [],
    vulnerabilities: inputs.globs('vulnerabilities') ?? [],
    lint: inputs.globs('lint') ?? [],
    commentMode: inputs.choice('comment-mode', COMMENT_MODES) ?? 'always',
    outputDir: inputs.string('output-dir') ?? 'ai_analysis',
    llmEnabled: inputs.boolean({ name: 'llm', env: ['AI_CI_LLM'] }) ?? true,
    llm: readLlmSettings(inputs),
  });
}
