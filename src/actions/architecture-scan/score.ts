/**
 * The health score, 0 (worst) to 10 (best), one decimal:
 *
 *   score = 10 − cycles − violations − complexity − unresolved, floored at 0, where
 *   cycles      = min(4, 0.5 × cycles + 10 × modules in cycles / modules)
 *   violations  = min(3, 1 × error + 0.5 × warn + 0.1 × info rule violations)
 *   complexity  = min(2, 10 × functions over cognitive complexity 15 / functions)
 *   unresolved  = min(1, 10 × unresolved imports / (imports + unresolved imports))
 *
 * Cycles weigh most because they make modules impossible to understand, test or release apart;
 * the share of modules caught in cycles matters as much as their number. 15 is Sonar's default
 * cognitive-complexity threshold.
 */
export const SCORE_FORMULA =
  'score = 10 − cycles − violations − complexity − unresolved (floored at 0, one decimal), where ' +
  'cycles = min(4, 0.5 × cycles + 10 × modules in cycles ÷ modules); ' +
  'violations = min(3, 1 × error + 0.5 × warn + 0.1 × info violations); ' +
  'complexity = min(2, 10 × functions with cognitive complexity > 15 ÷ functions); ' +
  'unresolved = min(1, 10 × unresolved imports ÷ (resolved + unresolved imports)).';

export const COMPLEXITY_THRESHOLD = 15;

export interface ScoreFacts {
  modules: number;
  edges: number;
  cycles: number;
  modulesInCycles: number;
  violations: { error: number; warn: number; info: number };
  functions: number;
  complexFunctions: number;
  unresolved: number;
}

export interface ScoreBreakdown {
  cycles: number;
  violations: number;
  complexity: number;
  unresolved: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export function healthScore(f: ScoreFacts): { score: number; penalties: ScoreBreakdown } {
  const penalties: ScoreBreakdown = {
    cycles: round2(Math.min(4, 0.5 * f.cycles + (f.modules > 0 ? (10 * f.modulesInCycles) / f.modules : 0))),
    violations: round2(Math.min(3, f.violations.error + 0.5 * f.violations.warn + 0.1 * f.violations.info)),
    complexity: round2(Math.min(2, f.functions > 0 ? (10 * f.complexFunctions) / f.functions : 0)),
    unresolved: round2(
      Math.min(1, f.edges + f.unresolved > 0 ? (10 * f.unresolved) / (f.edges + f.unresolved) : 0),
    ),
  };
  const total = penalties.cycles + penalties.violations + penalties.complexity + penalties.unresolved;
  return { score: Math.max(0, round1(10 - total)), penalties };
}
