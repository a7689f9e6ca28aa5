import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** Debian's `prometheus-pushgateway` package installs the binary here. */
export const PUSHGATEWAY_BIN = process.env.AI_CI_PUSHGATEWAY_BIN ?? '/usr/bin/prometheus-pushgateway';

export interface Pushgateway {
  url: string;
  /** The gateway's own `/metrics` text. */
  scrape(): Promise<string>;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether the real Pushgateway can run here; when `AI_CI_REQUIRE_PUSHGATEWAY=1` its absence is a failure. */
export function pushgatewayAvailable(): boolean {
  if (existsSync(PUSHGATEWAY_BIN)) return true;
  if (process.env.AI_CI_REQUIRE_PUSHGATEWAY === '1') {
    throw new Error(
      `${PUSHGATEWAY_BIN} is missing and AI_CI_REQUIRE_PUSHGATEWAY=1 (apt-get install -y prometheus-pushgateway)`,
    );
  }
  console.warn(
    `SKIPPED: the real Pushgateway tests need ${PUSHGATEWAY_BIN} (apt-get install -y prometheus-pushgateway).`,
  );
  return false;
}

/** Starts the real binary on a free port of 127.0.0.1, without persistence, and waits until it is ready. */
export async function startPushgateway(): Promise<Pushgateway> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (err) {
      // Lost the port to another process between picking and binding it: pick another.
      if (attempt >= 3 || !/exited/.test((err as Error).message)) throw err;
    }
  }
}

async function startOnce(): Promise<Pushgateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A free port can be taken by another test's gateway before ours binds it; ours then exits, and
  // its readiness probe would be answered by the other one (two suites once shared a gateway and saw
  // each other's series). Only our process serves this path, so a probe of it proves whose port it is.
  const telemetryPath = `/metrics-${randomUUID()}`;
  const child: ChildProcess = spawn(
    PUSHGATEWAY_BIN,
    // Debian's build persists to /var/lib/prometheus/pushgateway.data by default: every test's
    // gateway would then start with the series of earlier ones.
    [
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.telemetry-path=${telemetryPath}`,
      '--persistence.file=',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pushgateway exited (${child.exitCode}): ${stderr}`);
    try {
      const r = await fetch(`${url}${telemetryPath}`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pushgateway did not become ready: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    scrape: async () => (await fetch(`${url}${telemetryPath}`)).text(),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
