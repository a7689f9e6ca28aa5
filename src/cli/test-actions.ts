/**
 * Test-only hook: `AI_CI_TEST_ACTIONS` maps extra action names to module files, so the runner's own
 * tests drive a small test action instead of a placeholder under `actions/`. Unset in real use.
 */
export function testActionModules(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const raw = env.AI_CI_TEST_ACTIONS;
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}
