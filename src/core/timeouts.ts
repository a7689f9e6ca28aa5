/**
 * Every network timeout has a default and an environment override, so tests and slow runners can
 * change it without code changes. `AI_CI_TIMEOUT_SCALE` multiplies them all.
 */
export function timeoutMs(envName: string, defaultMs: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[envName];
  let ms = defaultMs;
  if (raw !== undefined && raw.trim() !== '') {
    const n = Number(raw);
    if (Number.isFinite(n) && n >= 0) ms = n;
  }
  const scaleRaw = env.AI_CI_TIMEOUT_SCALE;
  const scale = scaleRaw !== undefined && scaleRaw.trim() !== '' ? Number(scaleRaw) : 1;
  return Math.max(1, Math.round(ms * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
