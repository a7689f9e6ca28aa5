import { ConfigurationError } from '../../core/errors.js';
import { Inputs } from '../../core/inputs.js';
import type { Language } from '../../graph/types.js';
import type { FailOn } from './scan.js';

export interface ArchitectureScanInputs {
  /** Folders or files to scan, relative to the workspace (`paths`, default `.`). */
  paths: string[];
  /** Languages to graph (`languages`); undefined = detect (`auto`). */
  languages?: Language[];
  /** Globs left out of the graph (`ignore`). */
  ignore?: string[];
  /** Rules file with forbidden dependencies, YAML or JSON (`config`, ARCHITECTURE_CONFIG). */
  config?: string;
  /** Leave `import type` edges out of cycle detection (`ignore-type-only`, default false). */
  ignoreTypeOnly: boolean;
  /** Leave `import()` edges out of cycle detection (`ignore-dynamic`, default false). */
  ignoreDynamic: boolean;
  /** When the step fails on findings (`fail-on`: none | new | any, default none). */
  failOn: FailOn;
  /** Fail when an import cannot be resolved (`fail-on-unresolved`, default false). */
  failOnUnresolved: boolean;
  /** How far back churn is counted, in ms (`churn-window`, default 90 days). */
  churnWindowMs: number;
  /** Where the report files go, relative to the workspace (`output-dir`, default `.`). */
  outputDir: string;
  /** A previous architecture_analysis.json to compare with (`baseline`). */
  baseline?: string;
  /** Redis for the stored baseline (`redis-url`, REDIS_URL). */
  redisUrl?: string;
}

const LANGUAGES: readonly Language[] = ['js', 'python', 'go'];
const ALIASES: Record<string, Language> = {
  js: 'js',
  javascript: 'js',
  ts: 'js',
  typescript: 'js',
  python: 'python',
  py: 'python',
  go: 'go',
  golang: 'go',
};

export function getInputs(inputs: Inputs = new Inputs()): Readonly<ArchitectureScanInputs> {
  const langs = inputs.list({ name: 'languages', env: ['ARCHITECTURE_LANGUAGES'] });
  let languages: Language[] | undefined;
  if (langs && !(langs.length === 1 && langs[0].toLowerCase() === 'auto')) {
    languages = [
      ...new Set(
        langs.map((l) => {
          const hit = ALIASES[l.toLowerCase()];
          if (!hit) {
            throw new ConfigurationError(
              `Invalid value for input 'languages': '${l}'. Expected auto or any of: ${LANGUAGES.join(', ')}.`,
            );
          }
          return hit;
        }),
      ),
    ];
  }
  const churnWindowMs = inputs.duration({ name: 'churn-window', env: ['CHURN_WINDOW'] }) ?? 90 * 86_400_000;
  if (churnWindowMs <= 0)
    throw new ConfigurationError(`Invalid value for input 'churn-window': it must be longer than zero.`);
  return Object.freeze({
    paths: inputs.list({ name: 'paths', env: ['ARCHITECTURE_PATHS'] }) ?? ['.'],
    languages,
    ignore: inputs.globs({ name: 'ignore', env: ['ARCHITECTURE_IGNORE'] }),
    config: inputs.string({ name: 'config', env: ['ARCHITECTURE_CONFIG'] }),
    ignoreTypeOnly: inputs.boolean('ignore-type-only') ?? false,
    ignoreDynamic: inputs.boolean('ignore-dynamic') ?? false,
    failOn:
      inputs.choice({ name: 'fail-on', env: ['ARCHITECTURE_FAIL_ON'] }, ['none', 'new', 'any'] as const) ??
      'none',
    failOnUnresolved: inputs.boolean('fail-on-unresolved') ?? false,
    churnWindowMs,
    outputDir: inputs.string({ name: 'output-dir', env: ['ARCHITECTURE_OUTPUT_DIR'] }) ?? '.',
    baseline: inputs.string({ name: 'baseline', env: ['ARCHITECTURE_BASELINE'] }),
    redisUrl: inputs.string({ name: 'redis-url', env: ['REDIS_URL'] }),
  });
}
