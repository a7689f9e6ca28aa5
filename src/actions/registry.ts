import type { ActionModule } from '../core/action.js';

/**
 * Every action the bundle can start, each loaded only when it runs so that one action's start-up
 * does not pay for another's modules. The names match the folders under `actions/` (a test checks).
 */
export const ACTIONS: Record<string, () => Promise<ActionModule>> = {
  'ai-triage': () => import('./ai-triage/main.js'),
  'adaptive-gate': () => import('./adaptive-gate/main.js'),
  'auto-fix': () => import('./auto-fix/main.js'),
  'pr-feedback': () => import('./pr-feedback/main.js'),
  'architecture-scan': () => import('./architecture-scan/main.js'),
  'select-tests': () => import('./select-tests/main.js'),
  'ci-metrics': () => import('./ci-metrics/main.js'),
};

export function actionNames(): string[] {
  return Object.keys(ACTIONS).sort();
}
