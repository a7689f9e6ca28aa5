import { Inputs } from '../../../src/core/inputs.js';
import { type LlmClient, type LlmClientDeps, createLlmClient } from '../../../src/core/llm/client.js';
import { type LlmSettings, readLlmSettings } from '../../../src/core/llm/settings.js';
import { type RecordedLog, recordingLogger } from '../../../src/core/logger.js';
import { type OllamaStandIn, startOllamaStandIn } from './server.js';

export const CLOUD_KEY = 'sk-ollama-cloud-test-7f3a9c1e5b';

/** Environment for a client pointed at two stand-ins; retries fast so tests do not sleep. */
export function llmEnv(
  local: OllamaStandIn,
  cloud: OllamaStandIn | undefined,
  extra: Record<string, string> = {},
) {
  return {
    OLLAMA_LOCAL_URL: local.url,
    ...(cloud ? { OLLAMA_CLOUD_URL: cloud.url, OLLAMA_CLOUD_API_KEY: CLOUD_KEY } : {}),
    AI_CI_LLM_RETRY_BASE_MS: '1',
    ...extra,
  };
}

export interface Rig {
  local: OllamaStandIn;
  cloud: OllamaStandIn;
  settings: LlmSettings;
  client: LlmClient;
  logs: RecordedLog[];
  warnings(): string[];
  close(): Promise<void>;
}

/** Two stand-ins (local and cloud) and a client between them. */
export async function rig(
  extra: Record<string, string | undefined> = {},
  deps: Partial<LlmClientDeps> = {},
  opts: { withCloudKey?: boolean } = {},
): Promise<Rig> {
  const local = await startOllamaStandIn({ models: ['qwen2.5:7b-instruct'] });
  const cloud = await startOllamaStandIn({ models: ['gpt-oss:120b'] });
  const env: Record<string, string | undefined> = { ...llmEnv(local, cloud), ...extra };
  if (opts.withCloudKey === false) delete env.OLLAMA_CLOUD_API_KEY;
  const settings = readLlmSettings(new Inputs(env), env);
  const logger = recordingLogger();
  const client = createLlmClient(settings, { logger, env, detectContainer: () => false, ...deps });
  return {
    local,
    cloud,
    settings,
    client,
    logs: logger.records,
    warnings: () => logger.messages('warning'),
    close: async () => {
      await client.close();
      await Promise.all([local.close(), cloud.close()]);
    },
  };
}
